"""The shared abuse guard (feedback.spam) on the forms that had none: hearing
responses and following (issue 12 §8), counted in a store every worker process
shares (§9). Each test fails on the code before: 60 responses in a burst were
60 stored, 20 follow requests 20 e-mails, two processes twice the limit."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.checks import Error
from django.urls import reverse

from feedback import spam
from feedback.checks import limits_are_shared
from feedback.models import Submission, Topic
from following.models import Subscription
from hearings.models import HearingIndexPage
from tests.factories import UnitFactory, add_page, guard
from tests.hearings.conftest import make_hearing

RESPONSE = {
    "respondent_type": "person",
    "name": "Kari Nordmann",
    "text": "Høringssvar nummer {n}: jeg er bekymret for trafikken.",
}


@pytest.fixture
def hearing(site):
    index = add_page(
        site["home"],
        HearingIndexPage(title="Høringer", slug="horinger", summary="Alle høringer."),
    )
    return make_hearing(index, UnitFactory(slug="plan", name="Plan og bygg"))


@pytest.fixture
def limit_10(settings, db):
    from django.core.cache import caches

    caches["limits"].clear()  # counts committed by transactional tests elsewhere
    settings.PORTAL = {
        **settings.PORTAL,
        "RATE_LIMIT_SUBMISSIONS": 10,
        "RATE_LIMIT_WINDOW_SECONDS": 600,
    }


@pytest.mark.django_db
def test_a_burst_of_hearing_responses_is_stopped_at_the_limit(
    client, hearing, limit_10
):
    statuses = []
    for n in range(60):
        text = RESPONSE["text"].format(n=n)
        response = client.post(hearing.url, {**RESPONSE, "text": text, **guard()})
        statuses.append(response.status_code)
        if response.status_code == 429:
            html = response.content.decode()
            assert text in html  # what the resident wrote comes back
            assert "høyst 10 på 10 minutter" in html
    assert statuses.count(302) == 10 and statuses.count(429) == 50
    assert Submission.objects.count() == 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "why"),
    [
        (lambda: {"website": "http://spam.example"}, "honeypot"),
        (lambda: {"started": spam.form_timestamp()}, "too fast"),
        (lambda: {"started": ""}, "no time trap"),
    ],
)
def test_a_bot_is_refused_with_the_text_kept(client, hearing, extra, why):
    text = RESPONSE["text"].format(n=1)
    response = client.post(
        hearing.url, {**RESPONSE, "text": text, **guard(), **extra()}
    )
    assert response.status_code == 400, why
    assert text in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_twenty_follow_requests_send_one_e_mail(
    client, django_capture_on_commit_callbacks
):
    topics = [
        Topic.objects.create(slug=f"tema-{n}", name=f"Tema {n}") for n in range(19)
    ]
    asks = [{"scope": "all"}] + [{"scope": "topic", "topic": t.slug} for t in topics]
    for ask in asks:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("hearings:subscribe"),
                {"email": "offer@example.org", **ask, **guard()},
            )
        assert response.status_code == 302
    assert Subscription.objects.filter(email="offer@example.org").count() == 20
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_follow_request_without_the_guard_is_refused(client):
    response = client.post(
        reverse("hearings:subscribe"), {"email": "bot@example.org", "scope": "all"}
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


COUNT_IN_ANOTHER_PROCESS = """
import django, sys
django.setup()
from django.conf import settings
from django.test import RequestFactory
from feedback import spam
settings.PORTAL = {**settings.PORTAL, "RATE_LIMIT_SUBMISSIONS": 10}
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.77")
accepted = 0
for _ in range(10):
    if not spam.rate_limited(request, scope="two-processes"):
        spam.rate_limit_hit(request, scope="two-processes")
        accepted += 1
print(accepted)
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_share_one_limit(settings):
    """Two processes (as two gunicorn workers) each try ten: together they get
    the limit of ten, not twenty."""
    from django.core.cache import caches
    from django.db import connection

    caches["limits"].clear()  # committed counts outlive a transactional test
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        # The test database this test sees, not the development one.
        "DATABASE_URL": _url_of(connection.settings_dict),
    }
    accepted = []
    for _ in range(2):
        done = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        accepted.append(int(done.stdout.strip().splitlines()[-1]))
    assert accepted == [10, 0]


def _url_of(db: dict) -> str:
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def test_production_refuses_a_per_process_limits_store(settings):
    settings.DEBUG = False
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    errors = limits_are_shared(None)
    assert [e.id for e in errors] == ["feedback.E001"]
    assert isinstance(errors[0], Error)
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_limits",
        },
    }
    assert limits_are_shared(None) == []


def test_the_store_away_limits_nothing(settings, monkeypatch):
    """A flood guard must never turn a resident away: if the store cannot be
    read (the database is down), the form goes on."""
    from django.db import DatabaseError
    from django.test import RequestFactory

    class Broken:
        def get(self, *args, **kwargs):
            raise DatabaseError("down")

        add = incr = get

    monkeypatch.setattr(spam, "_limits", lambda: Broken())
    request = RequestFactory().post("/")
    assert spam.rate_limited(request) is False
    spam.rate_limit_hit(request)  # and counting fails quietly too
