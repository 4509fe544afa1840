"""reCAPTCHA v3 only when keys are configured; it flags, it never rejects.

Only Google's service is replaced in these tests: either by an address where
nothing listens (a real connection failure) or by swapping
django_recaptcha.client.recaptcha_request, the one function that calls Google."""

import io
import json
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from feedback import spam
from feedback.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def recaptcha_on(settings):
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 2
    cache.clear()
    return settings


def post(client, token="tok"):  # noqa: S107 - a reCAPTCHA response
    with translation.override("nb"):
        path = reverse("feedback:submit", kwargs={"kind": "forslag"})
    return client.post(
        path,
        {
            "subject": "Benker",
            "text": "Flere benker i parken",
            "language": "nb",
            "started": spam.form_timestamp(time.time() - 30),
            "website": "",
            spam.RECAPTCHA_FIELD: token,
        },
    )


class FakeGoogle:
    def __init__(self, payload):
        self.payload = payload

    def __call__(self, params):
        return io.BytesIO(json.dumps(self.payload).encode())


def test_off_by_default_no_third_party(client, units):
    with translation.override("nb"):
        response = client.get(reverse("feedback:submit", kwargs={"kind": "forslag"}))
    assert b"google.com" not in response.content
    assert b"gstatic" not in response.content


def test_on_loads_script_and_states_it(client, units, recaptcha_on):
    with translation.override("nb"):
        response = client.get(reverse("feedback:submit", kwargs={"kind": "forslag"}))
    body = response.content.decode()
    assert "https://www.google.com/recaptcha/api.js?render=site-key" in body
    assert "Google reCAPTCHA" in body


def test_google_unreachable_keeps_and_flags(client, units, recaptcha_on):
    recaptcha_on.RECAPTCHA_DOMAIN = "127.0.0.1:9"  # nothing listens here
    response = post(client)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.flagged_for_moderation
    assert submission.moderation_reason == "Fikk ikke kontakt med reCAPTCHA"


def test_low_score_flags(client, units, recaptcha_on, monkeypatch):
    monkeypatch.setattr(
        "django_recaptcha.client.recaptcha_request",
        FakeGoogle({"success": True, "score": 0.1}),
    )
    assert post(client).status_code == 302
    submission = Submission.objects.get()
    assert submission.flagged_for_moderation
    assert "lav poengsum" in submission.moderation_reason


def test_good_score_not_flagged(client, units, recaptcha_on, monkeypatch):
    monkeypatch.setattr(
        "django_recaptcha.client.recaptcha_request",
        FakeGoogle({"success": True, "score": 0.9}),
    )
    assert post(client).status_code == 302
    assert not Submission.objects.get().flagged_for_moderation


def test_no_token_without_js_flags(client, units, recaptcha_on):
    assert post(client, token="").status_code == 302
    assert Submission.objects.get().flagged_for_moderation
