"""Every e-mail the system sends links only under the configured base URLs, and
every link answers (issue 10, defect 3: hearing e-mails linked to
http://localhost/… because they were built from the Wagtail Site's hostname).

The test makes the portal send one of each kind — receipt, unit notice, interim
reply, reply, re-routing, leads' digest, follow confirmation, the three
hearing notices and the proposals' seven (initiator, secretariat, signer and
followers) — reads every link from the messages actually sent (text, HTML
and the List-Unsubscribe header), and follows each on the test server: public
links anonymously, admin links as a staff user. It also fails when an e-mail
template exists that none of these messages rendered: a new kind of e-mail must
be added here."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from feedback.choices import InputKind
from feedback.services import (
    submission_interim_reply,
    submission_reply,
    submission_reroute,
)
from following.models import Subscription
from hearings.models import HearingIndexPage
from proposals import services as proposal_services
from proposals.choices import EventKind
from tests.factories import UnitFactory, UserFactory, add_page, guard, make_site, member
from tests.factories import submit as submit_input
from tests.hearings.conftest import make_hearing
from units.choices import Role

pytestmark = pytest.mark.django_db
PUBLIC = "https://innbyggere.example.no"
ADMIN = "https://intern.example.no"
URL = re.compile(r"https?://[^\s\"'<>]+")


def _email_templates() -> set[str]:
    names = set()
    for path in Path(settings.BASE_DIR).glob("*/templates/*/email/*"):
        names.add(str(path.relative_to(path.parents[2])))
    return names


def _links(message) -> set[str]:
    alternatives = getattr(message, "alternatives", [])
    texts = [message.body, *(content for content, _ in alternatives)]
    texts.append(message.extra_headers.get("List-Unsubscribe", ""))
    return {url.rstrip(".,);") for text in texts for url in URL.findall(text)}


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def rendered():
    names = set()

    def record(sender, template, **kwargs):
        names.add(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


def test_every_e_mail_links_under_the_base_url_and_each_link_answers(
    settings, rendered, django_capture_on_commit_callbacks
):
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": PUBLIC}
    settings.WAGTAILADMIN_BASE_URL = ADMIN
    commit = django_capture_on_commit_callbacks
    site = make_site()  # its Wagtail Site says «localhost»: never used for links
    vei = UnitFactory(slug="vei", name="Vei og trafikk")
    other = UnitFactory(slug="park", name="Park og idrett")
    handler = member(UserFactory(username="handler"), vei)
    member(UserFactory(username="lead"), vei, Role.LEAD)
    admin = UserFactory(username="admin", is_superuser=True)

    with commit(execute=True):
        question, _ = submit_input(
            kind=InputKind.QUESTION,
            text="Når blir veien brøytet?",
            contact_email="kari@example.org",
            language="nb",
        )
        question.unit = vei
        question.save(update_fields=["unit"])
    with commit(execute=True):
        submission_interim_reply(
            submission=question,
            by=handler,
            reason="Vi må se på veien.",
            expected_date=_days(20),
        )
    with commit(execute=True):
        submission_reply(submission=question, by=handler, text="Veien er brøytet.")
    with commit(execute=True):
        late, _ = submit_input(
            kind=InputKind.FEEDBACK,
            text="Hull i veien",
            contact_email="ola@example.org",
            now=timezone.now() - datetime.timedelta(days=40),
        )
        late.unit = vei
        late.save(update_fields=["unit"])
        submission_reroute(submission=late, by=admin, unit=other, reason="Park")
        late.unit = vei
        late.save(update_fields=["unit"])
    call_command("send_overdue_digest")

    # Hearings: follow one (double opt-in), answer it, and the daily notices.
    index = add_page(site["home"], HearingIndexPage(title="Høringer", slug="horinger"))
    opening = make_hearing(index, vei, title="Ny høring", opens_on=_days(0))
    closing = make_hearing(
        index, vei, title="Frist snart", opens_on=_days(-38), deadline=_days(7)
    )
    make_hearing(
        index,
        vei,
        title="Ferdig",
        opens_on=_days(-80),
        deadline=_days(-20),
        outcome_decided="<p>Vedtatt.</p>",
    )
    client = Client()
    with commit(execute=True):
        client.post(
            reverse("hearings:subscribe"),
            {
                "email": "folg@example.org",
                "scope": "hearing",
                "hearing": closing.pk,
                **guard(),
            },
        )
    with commit(execute=True):
        client.post(
            opening.url,
            {
                "respondent_type": "person",
                "name": "Kari",
                "text": "Et høringssvar.",
                "email": "svar@example.org",
                **guard(),
            },
        )
    Subscription.objects.update(confirmed_at=timezone.now())
    Subscription.objects.create(
        email="alle@example.org", channel="hearings", confirmed_at=timezone.now()
    )
    with commit(execute=True):
        call_command("send_hearing_notices", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # The outcome notice goes to the followers of the concluded hearing.
    ferdig = index.get_children().get(title="Ferdig")
    Subscription.objects.create(
        email="ferdig@example.org",
        channel="hearings",
        target=ferdig.specific,
        confirmed_at=timezone.now(),
    )
    with commit(execute=True):
        call_command("send_hearing_notices", stdout=open("/dev/null", "w"))  # noqa: SIM115

    # Proposals: start, confirm (the secretariat's notice), refuse, publish,
    # sign, confirm the signature, and the council's outcome to followers.
    UnitFactory(
        slug=settings.PORTAL["PROPOSAL_UNIT"],
        name="Politisk sekretariat",
        email="politikk@example.no",
    )
    with commit(execute=True):
        proposal = proposal_services.proposal_start(
            submitted=proposal_services.ProposalInput(
                title="Lys i lysløypa",
                proposal="Kommunestyret ber om lys i lysløypa til kl. 22.",
                name="Kari Nordmann",
                email="initiativ@example.org",
                postcode="1384",
            )
        )
    with commit(execute=True):
        proposal_services.proposal_confirm(proposal=proposal)
    with commit(execute=True):
        proposal_services.proposal_refuse(
            proposal=proposal, by=admin, reason="other", text="Prøv igjen."
        )
    with commit(execute=True):
        proposal = proposal_services.proposal_publish(proposal=proposal, by=admin)
    with commit(execute=True):
        signature = proposal_services.signature_request(
            proposal=proposal,
            signed=proposal_services.SignatureInput(
                name="Ola", postcode="1384", email="signer@example.org"
            ),
        )
    with commit(execute=True):
        proposal_services.signature_confirm(signature=signature)
    with commit(execute=True):
        proposal = proposal_services.proposal_submit(proposal=proposal)
    with commit(execute=True):
        proposal_services.proposal_record_outcome(
            proposal=proposal,
            by=admin,
            kind=EventKind.DECIDED,
            text="Kommunestyret vedtok forslaget.",
        )

    missing = _email_templates() - rendered
    assert not missing, f"e-mail templates no message here rendered: {missing}"

    staff = Client()
    staff.force_login(admin)
    followed = 0
    for message in mail.outbox:
        links = _links(message)
        assert links, message.subject
        for url in links:
            assert url.startswith((PUBLIC + "/", ADMIN + "/")), (message.subject, url)
            assert "localhost" not in url and "testserver" not in url
            browser = staff if url.startswith(ADMIN) else Client()
            path = url.removeprefix(PUBLIC).removeprefix(ADMIN)
            response = browser.get(path, follow=True)
            assert response.status_code == 200, (message.subject, url)
            followed += 1
    assert followed >= 20
