"""The clocks (feedback/clocks.py): the Python rules and their SQL form agree on
one table of cases; the calendar arithmetic; the interim reply's promise."""

import datetime

import pytest
from django.utils import timezone

from feedback import clocks, services
from feedback.choices import InputKind, Status
from feedback.models import Submission
from tests.factories import submit

NOW = timezone.make_aware(datetime.datetime(2026, 12, 2, 12, 0))
TODAY = timezone.localdate(NOW)
DAY = datetime.timedelta(days=1)

# (name, kind, status, received days ago, answered, interim sent, promised on
#  (days from today), expected: overdue, interim owed, due soon, promise passed)
CASES = [
    ("fresh", "question", "received", 0, False, False, None, 0, 0, 0, 0),
    ("due in 2 days", "question", "received", 12, False, False, None, 0, 0, 1, 0),
    ("late", "question", "in_progress", 20, False, False, None, 1, 0, 0, 0),
    ("a month", "feedback", "received", 31, False, False, None, 1, 1, 0, 0),
    ("promise ahead", "question", "in_progress", 40, False, True, 10, 0, 0, 0, 0),
    ("promise today", "question", "in_progress", 40, False, True, 0, 0, 0, 1, 0),
    ("promise passed", "suggestion", "in_progress", 40, False, True, -1, 1, 0, 0, 1),
    ("early promise", "question", "in_progress", 3, False, True, -2, 1, 0, 0, 1),
    ("proposal", "proposal", "received", 40, False, False, None, 1, 0, 0, 0),
    ("reopened", "question", "in_progress", 40, True, False, None, 0, 0, 0, 0),
    ("answered", "question", "answered", 40, True, False, None, 0, 0, 0, 0),
    ("closed unanswered", "question", "closed", 40, False, False, None, 0, 0, 0, 0),
    ("hearing", "hearing_response", "received", 40, False, False, None, 0, 0, 0, 0),
    ("page feedback", "page_feedback", "received", 40, False, False, None, 0, 0, 0, 0),
]  # fmt: skip


def _facts(kind, status, age, answered, interim, promised):
    received = NOW - age * DAY
    return {
        "kind": kind,
        "status": status,
        "created_at": received,
        "due_at": clocks.first_answer_due(received, days=14)
        if kind in clocks.ANSWER_EXPECTED_KINDS
        else None,
        "first_answered_at": received + DAY if answered else None,
        "interim_reply_at": received + DAY if interim else None,
        "promised_on": TODAY + promised * DAY if promised is not None else None,
    }


@pytest.mark.django_db
def test_python_and_sql_agree_on_every_case():
    rows = {}
    for name, *facts, overdue, owed, soon, passed in CASES:
        values = _facts(*facts)
        case = Submission(reference=name, **values)
        expected = tuple(bool(x) for x in (overdue, owed, soon, passed))
        python = (
            clocks.is_overdue(case, NOW),
            clocks.interim_reply_owed(case, NOW),
            clocks.due_soon(case, NOW),
            clocks.promise_passed(case, NOW),
        )
        assert python == expected, name
        rows[Submission.objects.create(reference=name, **values).pk] = expected
    annotated = clocks.with_clocks(Submission.objects.filter(pk__in=rows), NOW)
    for sub in annotated:
        sql = (
            sub.clock_overdue,
            sub.clock_interim_owed,
            sub.clock_due_soon,
            sub.clock_promise_passed,
        )
        assert sql == rows[sub.pk], sub.reference
        assert sub.clock_open == clocks.is_open_case(sub), sub.reference


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("promised", "answered_on", "in_time"),
    [(None, 13, True), (None, 15, False), (20, 20, True), (20, 21, False)],
)
def test_answered_in_time_python_and_sql(promised, answered_on, in_time):
    received = NOW - 30 * DAY
    # Late evening in Oslo on the day: the day counts whole, in Oslo time.
    answered = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate(received) + answered_on * DAY, datetime.time(23, 30)
        )
    )
    values = {
        "kind": "question",
        "status": "answered",
        "created_at": received,
        "due_at": received + 14 * DAY,
        "first_answered_at": answered,
        "promised_on": timezone.localdate(received) + promised * DAY
        if promised
        else None,
    }
    assert clocks.answered_in_time(Submission(**values)) is in_time
    sub = Submission.objects.create(reference="t", **values)
    assert (
        Submission.objects.filter(clocks.answered_in_time_q(), pk=sub.pk).exists()
        is in_time
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 12, 2), 6, datetime.date(2027, 6, 2)),
        (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
    ],
)
def test_add_months_clips_to_the_month_end(day, months, expected):
    assert clocks.add_months(day, months) == expected


def test_council_six_months_and_rights_month():
    assert clocks.council_due_on(datetime.date(2026, 8, 31)) == datetime.date(
        2027, 2, 28
    )
    received = datetime.date(2026, 1, 31)
    assert clocks.rights_due_on(received) == datetime.date(2026, 2, 28)
    assert clocks.rights_due_on(received, datetime.date(2026, 4, 1)) == (
        datetime.date(2026, 4, 1)
    )
    assert clocks.rights_latest_extension(received) == datetime.date(2026, 4, 30)
    end = clocks.end_of_day(
        datetime.date(2026, 3, 28)
    )  # summer time starts on the 29th
    assert end.isoformat() == "2026-03-29T00:00:00+01:00"
    assert clocks.end_of_day(datetime.date(2026, 3, 29)).isoformat() == (
        "2026-03-30T00:00:00+02:00"
    )
    assert clocks.is_past(TODAY - DAY, TODAY) and not clocks.is_past(TODAY, TODAY)
    assert clocks.days_left(TODAY + 3 * DAY, TODAY) == 3


@pytest.mark.django_db
def test_interim_reply_records_the_promise_and_the_case_leaves_overdue(units):
    now = timezone.now()
    case, _ = submit(kind=InputKind.QUESTION, text="sen", now=now - 40 * DAY)
    assert case.is_overdue and case.interim_reply_owed
    promised = timezone.localdate() + 10 * DAY
    services.submission_interim_reply(
        submission=case,
        by=None,
        reason="Vi venter på befaring.",
        channel="letter",
        expected_date=promised,
    )
    case.refresh_from_db()
    assert case.promised_on == promised
    assert case.status == Status.IN_PROGRESS
    assert not case.is_overdue and not case.interim_reply_owed
    assert case.deadline_on == promised
    assert not Submission.objects.filter(clocks.overdue_q(), pk=case.pk).exists()
    # Ten days on, the promise has passed: late again, measured against it.
    later = now + 11 * DAY
    assert clocks.is_overdue(case, later) and clocks.promise_passed(case, later)
    assert not clocks.interim_reply_owed(case, later)
