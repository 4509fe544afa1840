import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from proposals import services
from tests.factories import UnitFactory, UserFactory, admin_access, member
from units.choices import Role


@pytest.fixture
def secretariat(site):
    return UnitFactory(
        slug="politisk-sekretariat",
        name="Politisk sekretariat",
        email="politikk@asker.kommune.no",
    )


def _admin_user(username, **kwargs):
    # Everyone on the staff side may open the admin; what they see in it is
    # decided by unit membership (selectors.can_handle).
    return admin_access(UserFactory(username=username, **kwargs))


@pytest.fixture
def staff(secretariat, site):
    """The role matrix: anonymous, a secretariat handler, a handler elsewhere,
    the triage unit's editor and a superuser."""
    vei = UnitFactory(slug="vei", name="Vei")
    return {
        "secretariat": member(_admin_user("sekretar"), secretariat),
        "secretariat_lead": member(
            _admin_user("sekretar-leder"), secretariat, Role.LEAD
        ),
        "other_unit": member(_admin_user("vei"), vei),
        "triage": member(_admin_user("redaktor"), site["triage"]),
        "superuser": _admin_user("admin", is_superuser=True),
    }


def links(message) -> list[str]:
    return re.findall(r"http://\S+", message.body)


def link_path(message, fragment: str) -> str:
    """The path of the first link in `message` that contains `fragment`."""
    url = next(u for u in links(message) if fragment in u)
    return urlsplit(url).path


START = {
    "title": "Lys i lysløypa på Vettre hele vinteren",
    "proposal": "Kommunestyret ber om at lysløypa på Vettre er opplyst til kl. 22.",
    "background": "Mange går på ski etter jobb, og løypa er mørk fra kl. 20.",
    "name": "Kari Nordmann",
    "email": "kari@example.no",
    "postcode": "1392",
    "resident": "on",
}


def start_input(**overrides) -> services.ProposalInput:
    data = {k: v for k, v in START.items() if k != "resident"}
    data.update(overrides)
    return services.ProposalInput(**data)


@pytest.fixture
def published(secretariat, staff, django_capture_on_commit_callbacks):
    """A confirmed, published proposal (threshold 300 at population 100,000)."""
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_start(submitted=start_input())
        services.proposal_confirm(proposal=proposal)
        services.proposal_publish(proposal=proposal, by=staff["secretariat"])
    mail.outbox.clear()
    proposal.refresh_from_db()
    return proposal


def sign_input(n: int, **overrides) -> services.SignatureInput:
    data = {
        "name": f"Signer {n}",
        "postcode": "1384",
        "email": f"signer{n}@example.no",
        "show_name": n % 2 == 0,
    }
    data.update(overrides)
    return services.SignatureInput(**data)
