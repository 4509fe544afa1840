"""One filled-in form creates at most one input (issue 10, defect 2).

Each public form carries a one-time token (portal.form_tokens); posting the same
token again — Back and Send, a double click, a re-post after an outage page —
shows the receipt of the input it already created. The browser side (Back in
Chromium restores the token) is walked in tests/browser/test_journeys.py."""

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from feedback import spam
from feedback.choices import InputKind
from feedback.models import Attachment, Submission
from feedback.services import (
    DuplicateSubmission,
    SubmissionInput,
    submission_create,
)
from portal import form_tokens

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# A text control hidden by the attribute (portal.form_tokens says why).
TOKEN_INPUT = re.compile(
    r'<input type="text" name="form_token" value="([^"]*)" hidden data-form-token>'
)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def tokens_in(response) -> list[str]:
    return TOKEN_INPUT.findall(response.content.decode())


def form_url():
    with translation.override("nb"):
        return reverse("feedback:submit", kwargs={"kind": "tilbakemelding"})


def filled(token, **overrides):
    values = {
        "subject": "Hull i veien",
        "text": "Det er et stort hull i Kirkeveien ved nr. 12.",
        "contact_email": "kari@example.org",
        "language": "nb",
        "started": spam.form_timestamp(time.time() - 30),
        "website": "",
        form_tokens.FIELD: token,
    }
    values.update(overrides)
    return values


def test_every_rendering_gets_its_own_valid_token(client, units):
    first, second = (tokens_in(client.get(form_url())) for _ in range(2))
    assert len(first) == len(second) == 1
    assert first != second
    assert form_tokens.clean({form_tokens.FIELD: first[0]}) == first[0]
    # The placeholder itself is never taken for a token.
    assert form_tokens.clean({form_tokens.FIELD: form_tokens.PLACEHOLDER}) == ""


def test_same_form_posted_twice_creates_one_input(client, units, commit):
    token = tokens_in(client.get(form_url()))[0]
    attachment = {"attachments": SimpleUploadedFile("kart.pdf", PDF, "application/pdf")}
    with commit(execute=True):
        first = client.post(form_url(), {**filled(token), **attachment})
    assert first.status_code == 302
    sent = len(mail.outbox)
    assert sent == 2  # the receipt and the unit's notice
    # Back and Send: the browser posts the same form, file and token again.
    attachment = {"attachments": SimpleUploadedFile("kart.pdf", PDF, "application/pdf")}
    with commit(execute=True):
        second = client.post(form_url(), {**filled(token), **attachment})
    assert second.status_code == 302
    assert second["Location"] == first["Location"]  # the existing receipt
    assert Submission.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert len(mail.outbox) == sent  # no second receipt or notice
    assert client.get(second["Location"]).status_code == 200


def test_a_re_post_after_the_time_trap_expired_still_shows_the_receipt(client, units):
    token = tokens_in(client.get(form_url()))[0]
    first = client.post(form_url(), filled(token))
    late = client.post(
        form_url(), filled(token, started=spam.form_timestamp(time.time() - 86400 * 3))
    )
    assert late.status_code == 302 and late["Location"] == first["Location"]
    assert Submission.objects.count() == 1


def test_a_new_form_is_a_new_input(client, units):
    for _ in range(2):
        token = tokens_in(client.get(form_url()))[0]
        assert client.post(form_url(), filled(token)).status_code == 302
    assert Submission.objects.count() == 2


def test_without_a_token_nothing_is_deduplicated(client, units):
    # Old pages in a browser's cache post no token: they still work.
    for _ in range(2):
        assert client.post(form_url(), filled("")).status_code == 302
    assert Submission.objects.count() == 2


def test_racing_posts_of_one_token_store_one_input(units):
    token = form_tokens.new_token()
    submitted = SubmissionInput(
        kind=InputKind.FEEDBACK, subject="Hei", text="Tekst", form_token=token
    )
    first, _ = submission_create(submitted=submitted)
    # The service itself refuses the second one, naming the first.
    with pytest.raises(DuplicateSubmission) as duplicate:
        submission_create(submitted=submitted)
    assert duplicate.value.submission == first
    assert Submission.objects.count() == 1


def test_page_feedback_posted_twice_counts_once(client, units, service):
    page = client.get(service.url)
    _yes, token = tokens_in(page)  # the «Ja» form's and the «Nei» form's
    values = {"page": service.pk, "helpful": "no", "text": "Fant ikke prisen"}
    values[form_tokens.FIELD] = token
    for _ in range(2):
        response = client.post(reverse("feedback:page_feedback"), values)
        assert response["Location"] == f"{service.url}?takk=1#page-feedback"
    assert Submission.objects.filter(kind=InputKind.PAGE_FEEDBACK).count() == 1


def test_cached_pages_hand_every_visitor_a_fresh_token(
    client, units, service, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    first = client.get(service.url)
    second = client.get(service.url)
    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert form_tokens.PLACEHOLDER not in second.content.decode()
    assert tokens_in(first) and tokens_in(first) != tokens_in(second)
