"""Issue 12 §11: a text over Django's 2.5 MB and a form with 10,000 fields.
Before, both got a vague 400 and the text was lost; now the refusal page states
the limit and another way to send, with the resident's text to copy."""

from __future__ import annotations

import time
from email.utils import parseaddr
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from feedback import spam
from feedback.models import Submission

pytestmark = pytest.mark.django_db

BIG = ("Lang tekst om brøyting æøå. " * 100_000)[:2_700_000]


def _url():
    with translation.override("nb"):
        return reverse("feedback:submit", kwargs={"kind": "tilbakemelding"})


def _data(**extra):
    return {
        "subject": "Brøyting",
        "text": BIG,
        "language": "nb",
        "started": spam.form_timestamp(time.time() - 30),
        "website": "",
        **extra,
    }


def _kept(response, name="text"):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    field = page.select_one(f"#kept-{name}")
    return field.get_text() if field else None


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_text_over_the_limit_refused_with_limit_and_text(
    client, triage, encoding, counted
):
    if encoding == "multipart":
        response = client.post(_url(), _data())
    else:
        response = client.post(
            _url(), urlencode(_data()), content_type="application/x-www-form-urlencoded"
        )
    html = response.content.decode()
    counted(
        f"oversized text ({encoding}, {len(BIG.encode()) / 1e6:.1f} MB): status "
        f"{response.status_code}, text kept {len(_kept(response) or '')} of "
        f"{len(BIG)} characters, stored {Submission.objects.count()}"
    )
    assert response.status_code == 413
    assert "Teksten er lengre enn vi kan ta imot" in html
    assert "høyst 10" in html and "tegn" in html
    # No municipality configured here: the sending address is the way to write.
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    assert address in html and "vedlagt dokument" in html
    assert _kept(response) == BIG
    assert _kept(response, "subject") == "Brøyting"
    assert Submission.objects.count() == 0


def test_ten_thousand_fields_refused_with_text(client, triage):
    fields = [(f"f{n}", "x") for n in range(10_000)]
    body = urlencode([*_data(text="Kort tekst om hull i veien.").items(), *fields])
    response = client.post(
        _url(), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "flere felt enn vi kan ta imot" in response.content.decode()
    assert _kept(response) == "Kort tekst om hull i veien."


def test_a_form_within_the_limits_is_untouched(client, triage):
    response = client.post(_url(), _data(text="Et vanlig innspill om veien."))
    assert response.status_code == 302
    assert Submission.objects.get().text == "Et vanlig innspill om veien."
