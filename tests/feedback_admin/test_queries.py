"""Query counts: the inbox list and the case view are pinned for every role and
constant as submissions and events grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback import services

from .conftest import make_submission

pytestmark = pytest.mark.django_db


def count_queries(client, url, params=None):
    # One warm-up request: Wagtail caches the site lookup after the first.
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


# Pinned (PostgreSQL, warm): session, user, the user's and her groups' Django
# permissions, Wagtail's user profile, the unit memberships (with the triage
# flag), the unit tree (not for those who see everything), the filters' unit and
# topic choices (the chosen unit is found among them), count, rows, Wagtail's
# locales. The sidebar (menu) is kept per user (portal.admin_sidebar): no page,
# collection or site permission queries.
INBOX_MAX_QUERIES = 12
# Session, user, permissions (2), profile, memberships, unit tree, the
# submission, its timeline, attachments, locales, the assignable users, the
# units to send to, the archive block's posts (records), the reading's audit
# entry (a look-up: a reload within ten minutes writes none), the standard
# replies offered in the reply form, and for leads the list of who read the case.
CASE_MAX_QUERIES = 17

ROLES = ["handler_a", "lead_a", "triage", "superuser"]
INBOX_PARAMS = [
    {},
    {"unit": "A"},
    {"status": ["received", "in_progress"]},
    {"deadline": "overdue"},
    {"q": "hull"},
]


def _grow(topics, people, n):
    for _ in range(n):
        submission = make_submission(topics["a"], attachment=False)
        services.submission_assign(
            submission=submission, by=None, assignee=people["handler_a"]
        )


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("params", INBOX_PARAMS)
def test_inbox_queries_constant(client, people, topics, units, who, params):
    client.force_login(people[who])
    url = reverse("feedback_inbox:index")
    if params.get("unit") == "A":
        params = {"unit": units["a"].pk}
    _grow(topics, people, 3)
    small = count_queries(client, url, params)
    _grow(topics, people, 27)
    large = count_queries(client, url, params)
    assert small == large
    assert large <= INBOX_MAX_QUERIES, large


def _add_events(submission, people, n):
    for i in range(n):
        services.submission_add_note(
            submission=submission, by=people["handler_a"], text=f"Notat {i}"
        )
        services.submission_assign(
            submission=submission,
            by=people["lead_a"],
            assignee=people["handler_a"] if i % 2 else people["lead_a"],
        )


@pytest.mark.parametrize("who", ROLES)
def test_case_view_queries_pinned(client, people, topics, who):
    client.force_login(people[who])
    submission = make_submission(topics["a"], attachment=True)
    _add_events(submission, people, 2)
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    few = count_queries(client, url)
    _add_events(submission, people, 10)
    services.submission_interim_reply(
        submission=submission,
        by=people["lead_a"],
        reason="Vi venter på svar.",
        expected_date=timezone.localdate() + datetime.timedelta(days=14),
    )
    many = count_queries(client, url)
    assert few == many
    assert many <= CASE_MAX_QUERIES, many


def test_case_view_queries_do_not_grow_with_submissions(client, people, topics):
    client.force_login(people["handler_a"])
    submission = make_submission(topics["a"], attachment=True)
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    few = count_queries(client, url)
    _grow(topics, people, 30)
    assert count_queries(client, url) == few
