"""Query counts: the inbox list is constant as submissions grow; the case view is
pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


@pytest.mark.parametrize("params", [{}, {"unit": "A"}, {"deadline": "overdue"},
                                    {"q": "hull"}])
def test_inbox_queries_constant(client, people, topics, units, params):
    client.force_login(people["lead_a"])
    url = reverse("feedback_inbox:index")
    if params.get("unit") == "A":
        params = {"unit": units["a"].pk}
    for _ in range(3):
        submission = make_submission(topics["a"], attachment=False)
        services.submission_assign(submission=submission, by=None,
                                   assignee=people["handler_a"])
    small = count_queries(client, url, params)
    for _ in range(27):
        submission = make_submission(topics["a"], attachment=False)
        services.submission_assign(submission=submission, by=None,
                                   assignee=people["handler_a"])
    large = count_queries(client, url, params)
    assert small == large
    # Pinned: session, user, membership/scope lookups, filter choices, count, rows.
    assert large <= 22, large


def test_case_view_queries_pinned(client, people, topics):
    client.force_login(people["lead_a"])
    submission = make_submission(topics["a"], attachment=True)
    for i in range(5):
        services.submission_add_note(submission=submission, by=people["handler_a"],
                                     text=f"Notat {i}")
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    few = count_queries(client, url)
    for i in range(15):
        services.submission_add_note(submission=submission, by=people["lead_a"],
                                     text=f"Notat {i}")
    many = count_queries(client, url)
    assert few == many
    assert many <= 21, many
