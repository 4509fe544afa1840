"""The municipality as data (issue 10, «A real identity»): name, logo, favicon and
contact details come from the Municipality setting (portal.models), never from
code, so another municipality deploys by changing settings and content."""

import re
from email.utils import parseaddr
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.images.models import Image

from feedback.choices import InputKind
from portal.identity import NEUTRAL, identity
from portal.models import Municipality, validate_organisation_number
from tests.factories import submit

ROOT = Path(__file__).resolve().parents[2]
# What may name the demo municipality: its seed data, the benchmark's generated
# pages, migrations as they were written, and the settings' deploy-time defaults
# (postcodes). Everything else a resident sees comes from the setting.
ALLOWED = re.compile(
    r"(^|/)(tests|migrations|node_modules|\.venv|var|docs|bench)/|\.egg-info/"
    r"|(^|/)demo(_[a-z]+)?\.py$|/demo_content\.py$|/bench_seed_[a-z_]+\.py$"
    r"|^portal/settings/"
)
CHECKED = (".py", ".html", ".txt", ".css", ".js", ".svg")


def _hard_coded(name: str) -> list[str]:
    found = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if path.suffix not in CHECKED or not path.is_file() or ALLOWED.search(relative):
            continue
        if "/static/vendor/" in relative or relative.startswith("."):
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines()):
            if name in line.lower():
                found.append(f"{relative}:{number + 1}: {line.strip()[:80]}")
    return found


def test_no_municipality_named_in_templates_emails_or_code():
    """About 30 places said «Asker» before: the header, titles, e-mail signatures,
    feeds, the calendar, the footer's defaults, the CSS. None may come back."""
    assert _hard_coded("asker") == []


def test_the_municipality_name_is_also_absent_from_translations():
    # A msgid naming the municipality would put it back through gettext.
    for po in ROOT.glob("*/locale/nb/LC_MESSAGES/django.po"):
        msgids = re.findall(r'^msgid "(.*)"$', po.read_text(), flags=re.M)
        assert not [m for m in msgids if "Asker" in m], po


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("974760673", True),  # Brønnøysundregistrene's own
        ("974 760 673", True),
        ("974760674", False),  # wrong check digit
        ("97476067", False),
        ("97476067a", False),
    ],
)
def test_organisation_number_is_checked(number, valid):
    if valid:
        validate_organisation_number(number)
    else:
        with pytest.raises(ValidationError):
            validate_organisation_number(number)


def _configure(**fields):
    municipality = Municipality.load()
    for name, value in fields.items():
        setattr(municipality, name, value)
    municipality.save()
    return municipality


def _svg(title: str) -> Image:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" '
        'height="10"><rect width="10" height="10"/></svg>'
    )
    return Image.objects.create(
        title=title, file=ContentFile(svg.encode(), name=f"{title}.svg")
    )


def test_pages_show_the_configured_municipality(client, site):
    _configure(
        name="Eksempel kommune",
        name_en="Example municipality",
        place_name="Eksempel",
        address="Rådhusplassen 1\n9999 Eksempel",
        phone="12 34 56 78",
        email="post@eksempel.kommune.no",
        opening_hours="Hverdager 08–15",
        organisation_number="974760673",
    )
    html = client.get(site["topic"].url).content.decode()
    assert "<title>Barnehage – Eksempel kommune</title>" in html
    assert "<span>Eksempel kommune</span>" in html  # beside the neutral mark
    assert 'alt=""' in html  # the mark is decorative: the name is written
    for text in (
        "Rådhusplassen 1<br>9999 Eksempel",
        'href="tel:12345678"',
        "post@eksempel.kommune.no",
        "Hverdager 08–15",
        "Organisasjonsnummer: 974760673",
    ):
        assert text in html, text
    # The neutral defaults until an editor uploads a logo and icons.
    assert "/static/portal/img/logo.svg" in html
    assert "/static/portal/img/favicon.svg" in html
    assert "/static/portal/img/favicon.png" in html
    english = client.get("/en/", follow=True).content.decode()
    assert "Example municipality" in english


def test_uploaded_logo_and_favicon_replace_the_neutral_ones(client, site):
    _configure(
        logo=_svg("logo"),
        logo_shows_name=True,
        logo_alt="Eksempel kommune, kommunevåpen",
        favicon=_svg("favicon"),
    )
    html = client.get(site["topic"].url).content.decode()
    logo = re.search(
        r'<img class="portal-logo__mark[^"]*" src="([^"]+)" alt="([^"]*)"', html
    )
    assert logo is not None
    assert logo.group(1).endswith(".svg") and "/media/" in logo.group(1)
    # The name is in the logo: its text alternative carries it, once.
    assert logo.group(2) == "Eksempel kommune, kommunevåpen"
    assert "<span>Asker kommune</span>" not in html
    assert re.search(r'<link rel="icon" href="/media/[^"]+\.svg"', html)


def test_the_setting_is_read_once_per_generation(
    client, site, django_assert_num_queries
):
    """Every page shows the identity: it must cost no query per request."""
    identity()
    with django_assert_num_queries(0):
        assert identity().name == "Asker kommune"
    _configure(name="Eksempel kommune")  # a save starts a new generation
    assert identity().name == "Eksempel kommune"


def test_identity_is_neutral_before_anything_is_configured(db):
    Municipality.objects.all().delete()
    assert identity() == NEUTRAL
    assert identity().name == "Kommunen"


def test_emails_sign_and_send_as_the_municipality(
    site, django_capture_on_commit_callbacks
):
    _configure(name="Eksempel kommune", name_en="Example municipality")
    with django_capture_on_commit_callbacks(execute=True):
        submit(
            kind=InputKind.QUESTION,
            text="Når blir veien brøytet?",
            contact_email="kari@example.org",
            language="nb",
        )
        submit(
            kind=InputKind.QUESTION,
            text="When is the road cleared?",
            contact_email="john@example.org",
            language="en",
        )
    norwegian = next(m for m in mail.outbox if m.to == ["kari@example.org"])
    english = next(m for m in mail.outbox if m.to == ["john@example.org"])
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    for message in (norwegian, english):
        assert message.from_email == f"Eksempel kommune <{address}>"
    assert "Takk for at du tok kontakt med Eksempel kommune." in norwegian.body
    assert norwegian.body.rstrip().endswith("Eksempel kommune")
    assert "<p>Eksempel kommune</p>" in norwegian.alternatives[0][0]
    assert "Thank you for contacting Example municipality." in english.body
