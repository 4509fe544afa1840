"""The public forms, receipt and tracking page, through the test client: every
kind of bad input gives a clear Norwegian message, keeps the text and never a 500."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from feedback import spam
from feedback.choices import EventKind, InputKind
from feedback.models import Submission
from feedback.services import submission_add_note, submission_reply

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
    b"\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00"
    b"\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture(autouse=True)
def _clear_cache(db):
    # Counts of the shared limits store outlive transactional tests elsewhere.
    for store in (cache, caches["limits"]):
        store.clear()
    yield
    cache.clear()


def url(kind="tilbakemelding"):
    with translation.override("nb"):
        return reverse("feedback:submit", kwargs={"kind": kind})


def data(**overrides):
    values = {
        "subject": "Hull i veien",
        "text": "Det er et stort hull i Kirkeveien ved nr. 12.",
        "language": "nb",
        "started": spam.form_timestamp(time.time() - 30),
        "website": "",
    }
    values.update(overrides)
    return values


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def textarea(response, field_id="id_text"):
    # Django writes a newline after <textarea>; browsers drop it.
    return soup(response).select_one(f"#{field_id}").get_text().removeprefix("\n")


def error_links(response):
    summary = soup(response).select_one(".ds-error-summary")
    assert summary is not None, "no error summary"
    return [a["href"] for a in summary.select("a")], summary.get_text(" ", strip=True)


@pytest.mark.parametrize("kind", ["tilbakemelding", "forslag", "sporsmal"])
def test_form_renders_accessibly(client, units, topics, kind):
    response = client.get(url(kind))
    assert response.status_code == 200
    page = soup(response)
    assert len(page.select("h1")) == 1
    # Every visible input has a label pointing at it.
    for field in page.select(
        "form.feedback-form input, form.feedback-form select, "
        "form.feedback-form textarea"
    ):
        if field.get("type") in {"hidden", "submit"} or field.has_attr("hidden"):
            continue
        assert page.select_one(f'label[for="{field["id"]}"]'), field
    assert "Vei, gater og brøyting" in response.content.decode()
    # No page-feedback widget on the form itself (it is not a content page).
    assert not page.select("#page-feedback")


def test_unknown_kind_is_404(client, units):
    assert client.get("/si-din-mening/klage/").status_code == 404


def test_send_feedback_receipt_and_tracking(client, units, rules, topics, commit):
    with commit(execute=True):
        response = client.post(
            url(),
            data(
                contact_email="kari@example.org",
                contact_name="Kari",
                topic=topics["vei"].pk,
            ),
        )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.kind == InputKind.FEEDBACK
    # No rule matches «hull i veien» here: the topic's default unit decides.
    assert submission.unit == units["vei"]
    assert submission.routing_reason == (
        "Standardenhet for temaet «Vei, gater og brøyting»"
    )
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert receipt["Referrer-Policy"] == "no-referrer"
    body = receipt.content.decode()
    assert submission.reference in body
    track_link = soup(receipt).select_one(".feedback-link a")["href"]
    assert f"/sak/{submission.reference}/?t=" in track_link
    tracking = client.get(track_link.replace("http://testserver", ""))
    assert tracking.status_code == 200
    assert "Vei og trafikk" in tracking.content.decode()
    # The receipt e-mail carries the same private link.
    receipt_mail = next(m for m in mail.outbox if m.to == ["kari@example.org"])
    assert track_link.removeprefix("http://testserver") in receipt_mail.body


def test_service_prefill_routes_to_its_unit(client, units, service):
    response = client.get(url("sporsmal") + f"?tjeneste={service.pk}")
    assert "Barnehageplass" in response.content.decode()
    response = client.post(url("sporsmal"), data(tjeneste=service.pk))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.page_id == service.pk and submission.unit == units["barnehage"]
    assert submission.kind == InputKind.QUESTION


def test_bad_service_id_is_ignored(client, units):
    assert client.get(url() + "?tjeneste=abc").status_code == 200
    assert client.get(url() + "?tjeneste=99999999999999").status_code == 200
    response = client.post(url(), data(tjeneste="999999"))
    assert response.status_code == 302
    assert Submission.objects.get().page is None


def test_empty_form_errors_linked_to_fields(client, units):
    response = client.post(url(), data(subject="", text=""))
    assert response.status_code == 200
    links, text = error_links(response)
    assert links == ["#id_subject", "#id_text"]
    assert "Skriv et emne." in text and "Skriv meldingen din." in text
    page = soup(response)
    assert page.select_one("#id_subject")["aria-invalid"] == "true"
    assert "id_text-error" in page.select_one("#id_text")["aria-describedby"]
    assert page.title.get_text().startswith("Feil:")
    assert not Submission.objects.exists()


def test_text_too_long_is_kept(client, units, settings):
    long_text = "ord " * 3000
    response = client.post(url(), data(text=long_text))
    _, text = error_links(response)
    assert "høyst 10000 tegn" in text
    assert textarea(response) == long_text


def test_html_and_script_are_stored_as_text_and_escaped(client, units):
    evil = '<script>alert("x")</script><b>fet</b>'
    response = client.post(url(), data(text=evil, subject="<i>emne</i>"))
    submission = Submission.objects.get()
    assert submission.text == evil
    tracking = client.get(response["Location"].replace("/kvittering/", "/"))
    body = tracking.content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body
    assert "&lt;i&gt;emne&lt;/i&gt;" in body


def test_html_kept_escaped_on_error(client, units):
    evil = '<script>alert("x")</script>'
    response = client.post(url(), data(text=evil, subject=""))
    assert "<script>alert" not in response.content.decode()
    assert textarea(response) == evil


def test_non_utf8_body_is_no_500(client, units):
    body = (
        b"subject=Hei&text=Bl%E5b%E6r+og+%FF%FE&language=nb&started="
        + spam.form_timestamp(time.time() - 30).encode()
    )
    response = client.post(
        url(), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert Submission.objects.get().text.startswith("Bl")


def test_null_character_refused_with_message(client, units):
    response = client.post(url(), data(text="Hei\x00der"))
    assert response.status_code == 200
    _, text = error_links(response)
    assert "Null" in text or "null" in text
    assert not Submission.objects.exists()


def test_honeypot_refused_text_kept(client, units):
    response = client.post(url(), data(website="http://spam.example"))
    assert response.status_code == 200
    _, text = error_links(response)
    assert "Skjemaet kunne ikke sendes" in text
    assert "Kirkeveien" in textarea(response)
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("started", "message"),
    [
        (lambda: spam.form_timestamp(time.time()), "svært raskt"),
        (lambda: spam.form_timestamp(time.time() - 3 * 86400), "utløpt"),
        (lambda: "forfalsket", "utløpt"),
    ],
)
def test_fill_time_checked_text_kept(client, units, started, message):
    response = client.post(url(), data(started=started()))
    # The shared guard's answer, as on every public form (spam.refusal).
    assert response.status_code == 400
    _, text = error_links(response)
    assert message in text
    assert "Kirkeveien" in textarea(response)
    # A fresh timestamp is issued, so sending again after a moment works.
    assert soup(response).select_one('input[name="started"]')["value"]
    assert not Submission.objects.exists()


def test_too_many_links(client, units):
    text = " ".join(f"https://example.org/{i}" for i in range(4))
    response = client.post(url(), data(text=text))
    _, summary = error_links(response)
    assert "for mange lenker" in summary
    assert not Submission.objects.exists()


def test_rate_limit_per_client_without_raw_ip(client, units, settings):
    settings.PORTAL = {**settings.PORTAL, "RATE_LIMIT_SUBMISSIONS": 3}
    for _ in range(3):
        assert client.post(url(), data()).status_code == 302
    response = client.post(url(), data(text="Den fjerde"))
    assert response.status_code == 429
    _, text = error_links(response)
    assert "mange ganger på kort tid (høyst 3 på 10 minutter)" in text
    assert textarea(response) == "Den fjerde"
    assert Submission.objects.count() == 3
    # Another client is not affected.
    other = client.post(url(), data(), REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 302
    # The key in the shared store (CACHES["limits"]) is a keyed hash.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM portal_limits")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys and not any("127.0.0.1" in k or "10.9.8.7" in k for k in keys)


# --- attachments --------------------------------------------------------------------


def _attachments_cleanup():
    for submission in Submission.objects.all():
        for attachment in submission.attachments.all():
            attachment.file.delete(save=False)


def test_attachments_accepted_by_content(client, units):
    files = [
        SimpleUploadedFile("brev.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("bilde.png", PNG, "image/png"),
    ]
    response = client.post(url(), {**data(), "attachments": files})
    assert response.status_code == 302
    types = set(
        Submission.objects.get().attachments.values_list("content_type", flat=True)
    )
    assert types == {"application/pdf", "image/png"}
    _attachments_cleanup()


def test_disguised_exe_refused(client, units):
    files = [SimpleUploadedFile("faktura.pdf", EXE, "application/pdf")]
    response = client.post(url(), {**data(), "attachments": files})
    assert response.status_code == 200
    links, text = error_links(response)
    assert links == ["#id_attachments"]
    assert "«faktura.pdf» er ikke en filtype vi tar imot" in text
    assert "velg vedleggene på nytt" in response.content.decode().lower()
    assert "Kirkeveien" in textarea(response)
    assert not Submission.objects.exists()


def test_oversized_and_too_many_files(client, units):
    big = SimpleUploadedFile("stor.pdf", PDF + b"0" * (10 * 1024 * 1024), "x")
    response = client.post(url(), {**data(), "attachments": [big]})
    _, text = error_links(response)
    assert "«stor.pdf» er for stor (10,0 MB). Grensen er 10 MB per fil." in text
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(4)]
    response = client.post(url(), {**data(), "attachments": files})
    _, text = error_links(response)
    assert "Du kan legge ved høyst 3 filer." in text
    assert not Submission.objects.exists()


def test_total_size_limit(client, units, settings):
    settings.PORTAL = {
        **settings.PORTAL,
        "ATTACHMENT_MAX_BYTES": 1000,
        "ATTACHMENTS_TOTAL_MAX_BYTES": 1500,
    }
    files = [SimpleUploadedFile(f"{i}.pdf", PDF + b"0" * 900) for i in range(2)]
    response = client.post(url(), {**data(), "attachments": files})
    _, text = error_links(response)
    assert "Vedleggene er til sammen" in text
    assert not Submission.objects.exists()


# --- tracking -----------------------------------------------------------------------


def _send(client, **kw):
    response = client.post(url(), data(**kw))
    token = re.search(r"t=([0-9a-f]+)", response["Location"]).group(1)
    return Submission.objects.get(), token


def test_wrong_token_is_same_404_as_missing(client, units):
    submission, token = _send(client)
    ok = client.get(f"/sak/{submission.reference}/?t={token}")
    assert ok.status_code == 200
    wrong = client.get(f"/sak/{submission.reference}/?t={'0' * len(token)}")
    missing = client.get(f"/sak/2099-999999/?t={token}")
    none = client.get(f"/sak/{submission.reference}/")
    assert wrong.status_code == missing.status_code == none.status_code == 404
    # The same page either way: nothing tells a wrong token from a missing case.
    assert soup(wrong).h1.get_text() == soup(missing).h1.get_text()
    receipt = client.get(f"/sak/{submission.reference}/kvittering/?t=feil")
    assert receipt.status_code == 404


def test_timeline_shows_replies_never_notes(client, units, people):
    submission, token = _send(client)
    submission_add_note(
        submission=submission, by=people["triage"], text="HEMMELIG INTERNT NOTAT"
    )
    submission_reply(
        submission=submission,
        by=people["triage"],
        text="Vi fikser hullet <i>i morgen</i>.",
        channel="letter",  # the form gave no e-mail address
    )
    body = client.get(f"/sak/{submission.reference}/?t={token}").content.decode()
    assert "HEMMELIG" not in body
    assert "Vi fikser hullet &lt;i&gt;i morgen&lt;/i&gt;." in body
    assert "Besvart" in body and "Sendt til Servicetorget" in body


def test_tracking_page_query_count(
    client, units, people, django_assert_max_num_queries
):
    submission, token = _send(client)
    for i in range(5):
        submission_reply(
            submission=submission,
            by=people["triage"],
            text=f"Svar {i}",
            channel="letter",
        )
        submission_add_note(submission=submission, by=people["triage"], text="x")
    path = f"/sak/{submission.reference}/?t={token}"
    client.get(path)  # warm caches (site, footer settings)
    # 9: the list of attachments sent is one query (issue 10, minor list).
    # 10: the notices in force (news.selectors). Here they are read on every
    # request instead of once per page-cache generation, as the site and footer
    # lookups above are too; why is not yet known (left open in the issue note).
    with django_assert_max_num_queries(10) as ctx:
        assert client.get(path).status_code == 200
    few = len(ctx.captured_queries)
    for i in range(10):
        submission_reply(
            submission=submission, by=people["triage"], text=f"Mer {i}", channel="phone"
        )
    with django_assert_max_num_queries(few):
        client.get(path)


def test_english_form_and_receipt(client, units):
    response = client.get("/en/si-din-mening/tilbakemelding/")
    assert "Give feedback" in response.content.decode()
    response = client.post(
        "/en/si-din-mening/tilbakemelding/", data(language="en", subject="")
    )
    _, text = error_links(response)
    assert "Write a subject." in text


# --- page feedback ------------------------------------------------------------------


def test_widget_on_content_pages(client, units, service):
    response = client.get(service.url)
    page = soup(response)
    widget = page.select_one("#page-feedback")
    assert widget is not None
    assert widget.select_one("h2").get_text(strip=True) == "Fant du det du lette etter?"
    # One line (issue 10): «Ja» sends at once and carries no comment; «Nei» opens,
    # without a script, the form that asks what was missing.
    yes, no = widget.select("form")
    for form in (yes, no):
        assert form.select_one('input[name="page"]')["value"] == str(service.pk)
        assert form.select_one('input[name="form_token"]') is not None
    assert yes.select_one('input[name="helpful"]')["value"] == "yes"
    assert yes.select_one("textarea") is None
    assert yes.select_one("button").get_text(strip=True) == "Ja"
    details = widget.select_one("details")
    assert details is not None and not details.has_attr("open")
    assert details.select_one("summary").get_text(strip=True) == "Nei"
    assert details.select_one("form") is no
    assert no.select_one('input[name="helpful"]')["value"] == "no"
    assert no.select_one('textarea[name="text"]') is not None


def test_page_feedback_without_js(client, units, service):
    response = client.post(
        reverse("feedback:page_feedback"),
        {"page": service.pk, "helpful": "no", "text": "Fant ikke prisen"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{service.url}?takk=1#page-feedback"
    submission = Submission.objects.get()
    assert submission.kind == InputKind.PAGE_FEEDBACK and submission.helpful is False
    assert submission.unit == units["barnehage"] and submission.due_at is None
    thanks = client.get(response["Location"].split("#")[0])
    assert "Takk for tilbakemeldingen!" in thanks.content.decode()
    # No e-mail for page feedback: no address, and units are not notified.
    assert mail.outbox == []


def test_page_feedback_errors_keep_comment(client, units, service):
    response = client.post(
        reverse("feedback:page_feedback"),
        {"page": service.pk, "text": "Hvor er prisen?"},
    )
    assert response.status_code == 200
    links, text = error_links(response)
    assert links == ["#id_helpful"] and "Velg «Ja» eller «Nei»." in text
    assert textarea(response) == "Hvor er prisen?"
    response = client.post(
        reverse("feedback:page_feedback"), {"page": "999999", "helpful": "yes"}
    )
    assert response.status_code == 200
    assert "Vi fant ikke siden." in response.content.decode()
    assert not Submission.objects.exists()


def test_page_feedback_get_not_allowed(client, units):
    assert client.get(reverse("feedback:page_feedback")).status_code == 405


def test_flagged_event_for_fnr_from_form(client, units):
    """Warned before sending (issue 10), then accepted when sent anyway; the
    handler is warned as before."""
    text = "Mitt fødselsnummer er 01010150074"
    warned = client.post(url(), data(text=text))
    assert warned.status_code == 200 and not Submission.objects.exists()
    html = warned.content.decode()
    assert "ser ut til å inneholde et fødselsnummer" in html
    assert 'name="fnr_ok"' in html and text in html  # the text is kept
    client.post(url(), data(text=text, fnr_ok="on"))
    submission = Submission.objects.get()
    assert submission.flagged_for_moderation
    assert submission.events.filter(kind=EventKind.FLAGGED).exists()


def test_the_text_limit_is_shown_while_typing(client, site):
    """The 10,000-character limit is visible (issue 10): the browser stops at
    maxlength and the line under the box says the limit, which counter.js
    turns into a count without changing what is there without JavaScript."""
    from bs4 import BeautifulSoup

    html = client.get(url()).content.decode()
    page = BeautifulSoup(html, "html.parser")
    box = page.select_one("textarea[name=text]")
    assert box["maxlength"] == "10000" and box["data-counter"] == "10000"
    line = page.select_one(f"#{box['id']}-count")
    assert line is not None and "10 000 tegn" in line.get_text().replace("\xa0", " ")
    assert f"{box['id']}-count" in box["aria-describedby"].split()
    assert page.select_one("script[src*='counter.js']") is not None
