"""Answering a hearing: the response enters the one input pipeline, routed to the
hearing's owner unit; outside the period the text is shown back, never lost."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from feedback.models import Submission
from hearings.choices import PublicationState
from tests.factories import guard

from .conftest import at, make_hearing

pytestmark = pytest.mark.django_db
TEXT = "Jeg er bekymret for trafikken ved skolen. Vennligst se på krysset."
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def post(client, hearing, **data):
    payload = {
        "respondent_type": "person",
        "name": "Kari Nordmann",
        "text": TEXT,
        "email": "kari@example.org",
        **guard(),
    }
    payload.update(data)
    # The receipt is a redirect away (POST/redirect/GET): follow it.
    return client.post(hearing.url, payload, follow=True)


def test_response_is_a_routed_submission(client, open_hearing, hearing_unit):
    response = post(client, open_hearing, publish_name="on")
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert submission.kind == "hearing_response"
    assert submission.page_id == open_hearing.pk
    assert submission.unit == hearing_unit  # the hearing's owner unit
    assert submission.text == TEXT
    publication = submission.publication
    assert publication.state == PublicationState.PENDING
    assert publication.publish_name is True
    assert submission.reference in response.content.decode()


def test_response_on_behalf_of_an_organisation(client, open_hearing):
    response = post(
        client, open_hearing, respondent_type="organisation", organisation=""
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert 'href="#id_organisation"' in html
    assert TEXT in html  # nothing typed is lost
    response = post(
        client,
        open_hearing,
        respondent_type="organisation",
        organisation="Asker Velforbund",
    )
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert submission.organisation == "Asker Velforbund"
    assert submission.publication.organisation == "Asker Velforbund"


def test_invalid_response_keeps_text_and_links_errors(client, open_hearing):
    response = post(client, open_hearing, name="", email="ikke-epost")
    assert response.status_code == 400
    html = response.content.decode()
    assert TEXT in html
    assert (
        'aria-describedby="id_name-error"' in html
        or 'aria-describedby="id_name-error' in html
    )
    assert 'href="#id_email"' in html
    assert not Submission.objects.exists()


def test_late_post_refused_with_text_shown(client, hearing_index, hearing_unit):
    today = timezone.localdate()
    closed = make_hearing(
        hearing_index,
        hearing_unit,
        title="Lukket",
        opens_on=today - datetime.timedelta(days=50),
        deadline=today - datetime.timedelta(days=1),
    )
    response = post(client, closed, text="Min sene <b>uttalelse</b> & mer")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Min sene &lt;b&gt;uttalelse&lt;/b&gt; &amp; mer" in html
    assert "<textarea" in html
    assert not Submission.objects.exists()


def test_early_post_refused_with_text_shown(client, hearing_index, hearing_unit):
    today = timezone.localdate()
    upcoming = make_hearing(
        hearing_index,
        hearing_unit,
        title="Kommende",
        opens_on=today + datetime.timedelta(days=3),
    )
    response = post(client, upcoming)
    assert response.status_code == 403
    assert TEXT in response.content.decode()
    assert not Submission.objects.exists()


def test_deadline_passing_at_midnight(client, clock, hearing_index, hearing_unit):
    clock.set(at(2027, 1, 1))
    hearing = make_hearing(
        hearing_index,
        hearing_unit,
        opens_on=datetime.date(2027, 1, 1),
        deadline=datetime.date(2027, 2, 12),
    )
    clock.set(at(2027, 2, 12, 23, 59, 59))
    assert post(client, hearing).status_code == 200
    clock.set(at(2027, 2, 13, 0, 0, 0))
    response = post(client, hearing, text="For sent, ett sekund over midnatt.")
    assert response.status_code == 409
    assert "For sent, ett sekund over midnatt." in response.content.decode()
    assert Submission.objects.count() == 1


def test_attachment_rules(client, open_hearing):
    fake = SimpleUploadedFile(
        "plan.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf"
    )
    response = post(client, open_hearing, attachments=fake)
    assert response.status_code == 400
    assert TEXT in response.content.decode()
    pdf = SimpleUploadedFile(
        "innspill.pdf", MINIMAL_PDF, content_type="application/pdf"
    )
    response = post(client, open_hearing, attachments=pdf)
    assert response.status_code == 200
    attachment = Submission.objects.get().attachments.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "innspill.pdf"


def test_photo_in_a_response_is_stored_without_metadata(client, open_hearing):
    """Issue 12, point 12: a hearing response's photo goes through the same
    cleaning as every resident attachment (EXIF, XMP and comment gone, the GPS
    position kept on the attachment only)."""
    from tests.feedback_admin.test_resident_files import (
        APP1,
        COM,
        LOCATION,
        gps_jpeg,
        jpeg_segments,
    )

    photo = SimpleUploadedFile("befaring.jpg", gps_jpeg(), "image/jpeg")
    response = post(client, open_hearing, attachments=photo)
    assert response.status_code == 200
    attachment = Submission.objects.get().attachments.get()
    data = attachment.file.open("rb").read()
    attachment.file.delete(save=False)
    assert not jpeg_segments(data) & {APP1, COM}
    assert attachment.location == pytest.approx(LOCATION, abs=1e-5)


def test_response_form_is_accessible_markup(client, open_hearing):
    html = client.get(open_hearing.url).content.decode()
    for field in (
        "id_name",
        "id_organisation",
        "id_text",
        "id_email",
        "id_publish_name",
        "id_attachments",
    ):
        assert f'for="{field}"' in html and f'id="{field}"' in html
        assert html.count(f'id="{field}"') == 1
    assert "<legend" in html


def test_response_on_english_alias_belongs_to_the_hearing(
    client, site, open_hearing, hearing_unit
):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (site["home"], open_hearing.get_parent()):
        page.copy_for_translation(english, alias=True)
    alias = open_hearing.copy_for_translation(english, alias=True)
    response = client.post(
        "/en" + alias.url if not alias.url.startswith("/en") else alias.url,
        {"respondent_type": "person", "name": "Kari", "text": TEXT, **guard()},
        follow=True,
    )
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert submission.page_id == open_hearing.pk
    assert submission.unit == hearing_unit


def test_receipt_and_tracking_link(
    client, open_hearing, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, open_hearing)
    assert response.status_code == 200
    tracking = response.context["tracking_url"]
    assert tracking and "?t=" in tracking
    assert client.get(tracking).status_code == 200
    submission = Submission.objects.get()
    assert any(
        submission.reference in m.body
        for m in mail.outbox
        if m.to == ["kari@example.org"]
    )


# --- Issue 10: errors that name their field, POST/redirect/GET, one-time tokens ---


def test_empty_response_names_each_field_and_focuses_the_summary(client, open_hearing):
    from bs4 import BeautifulSoup

    response = client.post(open_hearing.url, {"respondent_type": "", "text": ""})
    assert response.status_code == 400
    page = BeautifulSoup(response.content.decode(), "html.parser")
    summary = page.select_one("#error-summary")
    # Focused on load (autofocus, no script), so the browser lands at the form.
    assert summary is not None and summary.has_attr("autofocus")
    messages = [a.get_text(strip=True) for a in summary.select("a")]
    assert messages == [
        "Velg om du svarer som privatperson eller for en organisasjon.",
        "Skriv navnet ditt.",
        "Skriv høringssvaret ditt.",
    ]
    assert "Dette feltet er påkrevet." not in response.content.decode()


def test_response_is_post_redirect_get(client, open_hearing):
    response = client.post(
        open_hearing.url,
        {"respondent_type": "person", "name": "Kari", "text": TEXT, **guard()},
    )
    assert response.status_code == 302
    receipt = response["Location"]
    assert receipt.startswith(f"/hoering/svar/{Submission.objects.get().reference}/")
    # Reloading the receipt is a GET: nothing is sent again.
    for _ in range(2):
        shown = client.get(receipt)
        assert shown.status_code == 200
        assert "Referrer-Policy" in shown.headers
    assert Submission.objects.count() == 1
    # The receipt is private: another token or none is a 404.
    assert client.get(receipt.split("?")[0] + "?t=feil").status_code == 404


def test_the_same_response_form_posted_twice_is_one_response(
    client, open_hearing, django_capture_on_commit_callbacks
):
    import re

    from django.core import mail

    html = client.get(open_hearing.url).content.decode()
    form = html[html.index('class="hearing-form"') :]
    (token,) = re.findall(r'name="form_token" value="([^"]+)"', form[:4000])
    values = {
        "respondent_type": "organisation",
        "name": "Kari Nordmann",
        "organisation": "Asker Velforbund",
        "text": TEXT,
        "email": "kari@example.org",
        "form_token": token,
        **guard(),
    }
    locations = []
    for _ in range(2):
        values["attachments"] = SimpleUploadedFile(
            "innspill.pdf", MINIMAL_PDF, "application/pdf"
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(open_hearing.url, values)
        assert response.status_code == 302
        locations.append(response["Location"])
    assert locations[0] == locations[1]
    submission = Submission.objects.get()
    assert submission.attachments.count() == 1
    assert submission.publication.organisation == "Asker Velforbund"
    assert [m.to for m in mail.outbox].count(["kari@example.org"]) == 1
