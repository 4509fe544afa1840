"""The clocks: every deadline rule of the portal, in one place.

- a resident's first answer: due `first_answer_days` after receipt;
- late («forsinket»): open, an answer owed and not given, past the due moment, or
  past the day an interim reply promised (the case is then measured against the
  promise, not the original due date);
- an interim reply owed (forvaltningsloven § 11 a): a month without an answer or
  an interim reply;
- the council's six months for a resident proposal (kommuneloven § 12-1);
- a rights request's month (GDPR art. 12(3)), extendable by two.

Pure functions over facts (statuses, kinds, dates), and the same rules as Q
objects for the database (`with_clocks()` annotates a queryset with all of
them). The Python and the SQL form are tested against each other on one table
(tests/feedback/test_clocks.py), so the dashboard, the inbox filter, the inbox
row, the case view, the digest and the report cannot disagree.

Imports no model: models.py uses these rules for its properties.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Protocol

from django.conf import settings
from django.db.models import (
    Case,
    DateTimeField,
    F,
    Func,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from .choices import OPEN_STATUSES, InputKind

# Kinds for which the municipality owes the resident an answer, and so a due
# date and the § 11 a rule. Page feedback is anonymous; hearing responses are
# answered by the hearing's outcome, never one by one.
ANSWER_EXPECTED_KINDS = frozenset(
    {
        InputKind.FEEDBACK,
        InputKind.SUGGESTION,
        InputKind.QUESTION,
        InputKind.PROPOSAL,
    }
)
# § 11 a applies to a resident's inquiry; a resident proposal's clock is the
# council's six months (its due_at), with no interim reply owed on the way.
INTERIM_REPLY_KINDS = ANSWER_EXPECTED_KINDS - {InputKind.PROPOSAL}
# «Due soon» in the inbox filter.
DUE_SOON_DAYS = 3
# Kommuneloven § 12-1: a proposal with enough signatures is decided by the
# council within six months of its submission.
COUNCIL_MONTHS = 6
# GDPR art. 12(3): one month, extendable by two further months.
RIGHTS_MONTHS, RIGHTS_MAX_EXTENSION_MONTHS = 1, 2


# --- calendar arithmetic -------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus `months`, clipped to a shorter month's end (31 January + 1 =
    28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def days_left(due_on: datetime.date, today: datetime.date | None = None) -> int:
    """Days until `due_on` (0 on the day itself, negative once passed)."""
    return (due_on - _today(today)).days


def is_past(due_on: datetime.date, today: datetime.date | None = None) -> bool:
    """A last day has passed once the next day has begun (Oslo time)."""
    return due_on < _today(today)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The moment `day` ends in the portal's time zone (the next local midnight),
    for a deadline given as a last day."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )


def council_due_on(submitted_on: datetime.date) -> datetime.date:
    """The last day for the council to decide a resident proposal."""
    return add_months(submitted_on, COUNCIL_MONTHS)


def rights_due_on(
    received_on: datetime.date, extended_until: datetime.date | None = None
) -> datetime.date:
    """The last day to answer a rights request: a month from receipt, or the day
    it was extended to."""
    return extended_until or add_months(received_on, RIGHTS_MONTHS)


def rights_latest_extension(received_on: datetime.date) -> datetime.date:
    return add_months(received_on, RIGHTS_MONTHS + RIGHTS_MAX_EXTENSION_MONTHS)


# --- a resident's case ---------------------------------------------------------------


def first_answer_due(
    received_at: datetime.datetime, *, days: int | None = None
) -> datetime.datetime:
    """When the first answer is due; `days` is the unit's (else the portal's)."""
    days = days or settings.PORTAL.get("DEFAULT_FIRST_ANSWER_DAYS", 14)
    return received_at + datetime.timedelta(days=days)


def interim_reply_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Cases received before this moment owe an interim reply while unanswered
    (§ 11 a: a month)."""
    now = now or timezone.now()
    return now - datetime.timedelta(
        days=settings.PORTAL.get("INTERIM_REPLY_AFTER_DAYS", 30)
    )


class CaseFacts(Protocol):
    """What the clocks read from a submission (a model instance fits)."""

    status: str
    kind: str
    created_at: datetime.datetime
    due_at: datetime.datetime | None
    first_answered_at: datetime.datetime | None
    interim_reply_at: datetime.datetime | None
    promised_on: datetime.date | None


def is_open_case(case: CaseFacts) -> bool:
    """Open, and a case (page feedback never is)."""
    return case.status in OPEN_STATUSES and case.kind != InputKind.PAGE_FEEDBACK


def answer_owed(case: CaseFacts) -> bool:
    """Open, of a kind that is answered, and not answered yet."""
    return bool(
        case.status in OPEN_STATUSES
        and case.kind in ANSWER_EXPECTED_KINDS
        and case.due_at is not None
        and case.first_answered_at is None
    )


def is_overdue(case: CaseFacts, now: datetime.datetime | None = None) -> bool:
    """Late: the promise of an interim reply has passed, or (without one) the
    first-answer due moment."""
    now = now or timezone.now()
    if not answer_owed(case):
        return False
    if case.promised_on is not None:
        return case.promised_on < timezone.localdate(now)
    return case.due_at is not None and case.due_at < now


def promise_passed(case: CaseFacts, now: datetime.datetime | None = None) -> bool:
    """Overdue because the day an interim reply promised has passed."""
    return case.promised_on is not None and is_overdue(case, now)


def interim_reply_owed(case: CaseFacts, now: datetime.datetime | None = None) -> bool:
    """§ 11 a: a month without an answer and without an interim reply."""
    return bool(
        answer_owed(case)
        and case.kind in INTERIM_REPLY_KINDS
        and case.interim_reply_at is None
        and case.created_at < interim_reply_cutoff(now)
    )


def due_soon(case: CaseFacts, now: datetime.datetime | None = None) -> bool:
    """Not late yet, but due within DUE_SOON_DAYS."""
    now = now or timezone.now()
    if not answer_owed(case) or is_overdue(case, now):
        return False
    if case.promised_on is not None:
        return case.promised_on < timezone.localdate(now) + datetime.timedelta(
            days=DUE_SOON_DAYS
        )
    return case.due_at is not None and case.due_at < now + datetime.timedelta(
        days=DUE_SOON_DAYS
    )


def answered_in_time(case: CaseFacts) -> bool | None:
    """Was the first answer given by the due moment (or the promised day)? None
    while unanswered or for kinds that are not answered."""
    if case.kind not in ANSWER_EXPECTED_KINDS or case.due_at is None:
        return None
    if case.first_answered_at is None:
        return None
    if case.promised_on is not None:
        return timezone.localdate(case.first_answered_at) <= case.promised_on
    return case.first_answered_at <= case.due_at


def deadline_on(case: CaseFacts) -> datetime.date | None:
    """The day the resident was told: the promise, else the due date."""
    if case.promised_on is not None:
        return case.promised_on
    return timezone.localdate(case.due_at) if case.due_at else None


# --- the same rules for the database -------------------------------------------------


def open_case_q() -> Q:
    return Q(status__in=OPEN_STATUSES) & ~Q(kind=InputKind.PAGE_FEEDBACK)


def answer_owed_q() -> Q:
    return Q(
        status__in=OPEN_STATUSES,
        kind__in=ANSWER_EXPECTED_KINDS,
        due_at__isnull=False,
        first_answered_at__isnull=True,
    )


def overdue_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    return answer_owed_q() & (
        Q(promised_on__isnull=True, due_at__lt=now)
        | Q(promised_on__lt=timezone.localdate(now))
    )


def promise_passed_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    return answer_owed_q() & Q(promised_on__lt=timezone.localdate(now))


def interim_reply_owed_q(now: datetime.datetime | None = None) -> Q:
    return answer_owed_q() & Q(
        kind__in=INTERIM_REPLY_KINDS,
        interim_reply_at__isnull=True,
        created_at__lt=interim_reply_cutoff(now),
    )


def due_soon_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    today = timezone.localdate(now)
    soon = datetime.timedelta(days=DUE_SOON_DAYS)
    return answer_owed_q() & (
        Q(promised_on__isnull=True, due_at__gte=now, due_at__lt=now + soon)
        | Q(promised_on__gte=today, promised_on__lt=today + soon)
    )


def answered_q() -> Q:
    """First answered, of a kind that is answered: the report's denominator."""
    return Q(
        kind__in=ANSWER_EXPECTED_KINDS,
        due_at__isnull=False,
        first_answered_at__isnull=False,
    )


def answered_in_time_q() -> Q:
    """First answered by the due moment, or on or before the promised day."""
    return answered_q() & (
        Q(promised_on__isnull=True, first_answered_at__lte=F("due_at"))
        | Q(promised_on__isnull=False, first_answered_at__lt=_EndOfPromisedDay())
    )


class _EndOfPromisedDay(Func):
    """When the promised day ends in the portal's time zone: PostgreSQL's
    timezone(zone, local timestamp) of the next midnight. The Python form
    compares the answer's Oslo date instead; the test table checks they agree."""

    template = "timezone(%(expressions)s::timestamp + interval '1 day')"
    arg_joiner = ", "
    output_field = DateTimeField()

    def __init__(self):
        super().__init__(Value(settings.TIME_ZONE), F("promised_on"))


def with_clocks(queryset: QuerySet, now: datetime.datetime | None = None) -> QuerySet:
    """The one annotation: every clock as a boolean column (clock_open,
    clock_overdue, clock_promise_passed, clock_interim_owed, clock_due_soon), so
    a list can filter and show what the counts count."""
    now = now or timezone.now()

    def col(q: Q) -> Case:
        # CASE, not the bare condition: SQL's NULL (a comparison with an empty
        # promised_on) must read as False, as it does in Python.
        return Case(When(q, then=Value(True)), default=Value(False))

    return queryset.annotate(
        clock_open=col(open_case_q()),
        clock_overdue=col(overdue_q(now)),
        clock_promise_passed=col(promise_passed_q(now)),
        clock_interim_owed=col(interim_reply_owed_q(now)),
        clock_due_soon=col(due_soon_q(now)),
    )


def start_of_day(now: datetime.datetime | None = None) -> datetime.datetime:
    """Midnight today in the portal's time zone."""
    local = timezone.localtime(now or timezone.now())
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def received_today_q(now: datetime.datetime | None = None) -> Q:
    """Cases (not page feedback) received since midnight, Oslo time."""
    return ~Q(kind=InputKind.PAGE_FEEDBACK) & Q(created_at__gte=start_of_day(now))
