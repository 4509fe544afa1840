"""Every count on the dashboard panel and the unit report equals the length of
the list it links to, for each role (issue 9 §1, issue 11 major 8).

The spread holds what made the counts and the lists disagree before the clocks
module: an answered case taken back into work (the inbox's overdue filter had
no «not yet answered»), a hearing response a month old (the interim filter had
no «an answer is owed»), page feedback in an open status (the «open» link
listed it), an interim reply with its promise ahead and one with its promise
passed."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import services
from feedback.choices import InputKind, Status
from feedback.models import Submission
from tests.factories import staff_login, submit

from .conftest import make_submission

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
# A count is a link whose text starts with the number (the panel's totals, its
# per-unit cells and the report's «now» line).
COUNT_LINK = re.compile(r'<a href="([^"]+)"[^>]*>\s*(?:<strong>)?(\d+)(?:</strong>)?')


@pytest.fixture
def spread(topics, units):
    now = timezone.now()
    a, b = topics["a"], topics["b"]
    make_submission(a, subject="ny")
    make_submission(a, subject="sen", now=now - 20 * DAY)
    make_submission(a, subject="en måned", now=now - 35 * DAY)
    ahead = make_submission(a, subject="lovet", now=now - 40 * DAY)
    services.submission_interim_reply(
        submission=ahead,
        by=None,
        reason="Befaring",
        expected_date=timezone.localdate() + 5 * DAY,
        notify=False,
    )
    passed = make_submission(a, subject="brutt løfte", now=now - 40 * DAY)
    services.submission_interim_reply(
        submission=passed,
        by=None,
        reason="Befaring",
        expected_date=timezone.localdate(),
        notify=False,
    )
    Submission.objects.filter(pk=passed.pk).update(
        promised_on=timezone.localdate() - 2 * DAY
    )
    reopened = make_submission(a, subject="gjenåpnet", now=now - 30 * DAY)
    Submission.objects.filter(pk=reopened.pk).update(
        status=Status.IN_PROGRESS, first_answered_at=now - 25 * DAY
    )
    make_submission(
        a, subject="høring", kind=InputKind.HEARING_RESPONSE, now=now - 40 * DAY
    )
    submit(kind=InputKind.PAGE_FEEDBACK, text="Fant ikke", helpful=False, notify=False)
    make_submission(b, subject="søppel", now=now - 20 * DAY)
    make_submission(b, subject="søppel i dag")


def _counts(html: str) -> list[tuple[str, int]]:
    return [(unescape(href), int(n)) for href, n in COUNT_LINK.findall(html)]


def _listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    rows = response.content.decode().count("data-bulk-action-checkbox class=")
    assert rows == response.context["items_count"], url
    return rows


@pytest.mark.parametrize(
    "who", ["handler_a", "lead_a", "handler_b", "triage", "superuser"]
)
def test_dashboard_counts_equal_their_lists(client, people, spread, who):
    staff_login(client, people[who])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # The panel only: other dashboard panels (Wagtail's own) link elsewhere.
    panel = html[html.index('id="innspill-oversikt') :]
    counts = _counts(panel[: panel.index(reverse("feedback_tools:report"))])
    # Totals and one row per unit the user sees: nothing silently unlinked.
    assert len(counts) >= 8, counts
    assert sum(n for _url, n in counts) > 0
    for url, n in counts:
        assert _listed(client, url) == n, (who, url)


@pytest.mark.parametrize("who", ["handler_a", "lead_a", "triage"])
def test_report_counts_equal_their_lists(client, people, spread, units, who):
    staff_login(client, people[who])
    response = client.get(
        reverse("feedback_tools:report"), {"unit": units["a"].pk, "weeks": 8}
    )
    counts = _counts(response.content.decode())
    assert [url.rsplit("=", 1)[1] for url, _n in counts] == [
        "open",
        "overdue",
        "interim_owed",
    ]
    # Open: all but page feedback and b's; overdue: sen, en måned, brutt løfte;
    # interim owed: en måned only.
    assert [n for _url, n in counts] == [7, 3, 1]
    for url, n in counts:
        assert _listed(client, url) == n, (who, url)


def test_report_share_answered_in_time(client, people, topics):
    now = timezone.now()
    in_time = make_submission(topics["a"], now=now - 10 * DAY)
    services.submission_reply(submission=in_time, by=None, text="Svar", notify=False)
    late = make_submission(topics["a"], now=now - 20 * DAY)
    services.submission_reply(submission=late, by=None, text="Svar", notify=False)
    make_submission(topics["a"])  # unanswered: not in the share
    staff_login(client, people["lead_a"])
    response = client.get(reverse("feedback_tools:report"), {"weeks": 8})
    current = response.context["current"]
    assert (current["answered"], current["in_time"]) == (2, 1)
    assert current["share_in_time"] == 50
    assert "50 %" in response.content.decode()


def test_hearing_response_never_flagged_interim_owed(client, people, topics):
    response = make_submission(
        topics["a"],
        subject="høringssvar",
        kind=InputKind.HEARING_RESPONSE,
        now=timezone.now() - 40 * DAY,
    )
    staff_login(client, people["handler_a"])
    inbox = reverse("feedback_inbox:index")
    listed = client.get(inbox, {"deadline": "interim_owed"}).content.decode()
    assert response.reference not in listed
    # The flags (the filter's own option label says the words too).
    row = client.get(inbox).content.decode()
    assert response.reference in row and "feedback-flag--interim" not in row
    case = client.get(reverse("feedback_inbox:inspect", args=[response.pk]))
    html = case.content.decode()
    assert "feedback-flag--interim" not in html and "feedback-flag--overdue" not in html
    assert "§ 11 a" not in html
