"""The rules of citizen proposals (kommuneloven § 12-1) as pure functions: they
take facts (numbers, dates, statuses), not models, run no queries and read no
settings, so every list, page, e-mail and test uses the same answer.

Periods in months follow forvaltningsloven § 30 (as the courts count them): a
period ends on the day with the same number in the last month, or on that
month's last day when it has no such day; the whole of that day counts, so the
clock runs out at the next midnight in Oslo. Published 15 March 2026 at 14:00:
the campaign's last day is 15 March 2027 and it closes at 16 March 2027 00:00
Oslo time.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from .choices import AT_COUNCIL, OUTCOMES, Stage, Status

OSLO = ZoneInfo("Europe/Oslo")
#: kommuneloven § 12-1: «300 underskrifter i kommunen … er likevel alltid nok».
ALWAYS_ENOUGH = 300


def signature_threshold(population: int) -> int:
    """Signatures the council must consider: 2 % of the residents, rounded up,
    but never more than 300 (kommuneloven § 12-1)."""
    if population <= 0:
        raise ValueError("The population must be a positive number.")
    # Integer arithmetic: ceil(2 × population / 100) without floating point.
    two_percent = -(-2 * population // 100)
    return min(two_percent, ALWAYS_ENOUGH)


def signatures_left(count: int, threshold: int) -> int:
    return max(threshold - count, 0)


def progress_percent(count: int, threshold: int) -> int:
    """For the progress bar: 0–100, whole percent, never past the threshold."""
    if threshold <= 0:
        return 100
    return min(100, count * 100 // threshold)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the last day of that month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def period_end(start: datetime.datetime, months: int) -> datetime.datetime:
    """When a period of `months` that started at `start` has run out: the
    midnight in Oslo after its last day (see the module docstring)."""
    last_day = add_months(start.astimezone(OSLO).date(), months)
    return datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time(0), tzinfo=OSLO
    )


def last_day(end: datetime.datetime) -> datetime.date:
    """The last whole day of a period that runs out at `end` (a midnight in
    Oslo): what residents and staff are told («til og med 15. mars»)."""
    return (end.astimezone(OSLO) - datetime.timedelta(microseconds=1)).date()


def campaign_closes_at(published_at: datetime.datetime, months: int = 12):
    """A campaign runs at most 12 months from publication."""
    return period_end(published_at, months)


def council_due_at(submitted_at: datetime.datetime, months: int = 6):
    """The council decides within 6 months of submission (§ 12-1), unless the
    proposal is referred to an ongoing plan case."""
    return period_end(submitted_at, months)


def stage(status: str, closes_at, now: datetime.datetime) -> str | None:
    """The public list a proposal belongs in, or None while it is not public.

    A collecting proposal past its campaign's end is «not reached» at once,
    without a job: the time decides it.
    """
    if status == Status.COLLECTING:
        if closes_at is not None and now >= closes_at:
            return Stage.NOT_REACHED
        return Stage.COLLECTING
    if status in AT_COUNCIL:
        return Stage.SUBMITTED
    if status in OUTCOMES:
        return Stage.DECIDED
    return None


def council_clock(due_at, now: datetime.datetime, *, warn_days: int = 31) -> str:
    """«ok», «soon» (a month or less left: named in the digest) or «overdue»."""
    if due_at is None:
        return "ok"
    if now >= due_at:
        return "overdue"
    if due_at - now <= datetime.timedelta(days=warn_days):
        return "soon"
    return "ok"


def _ranges(spec: Iterable[str]) -> list[tuple[int, int]]:
    ranges = []
    for item in spec:
        item = item.strip()
        if not item:
            continue
        low, _dash, high = item.partition("-")
        ranges.append((int(low), int(high or low)))
    return ranges


def postcode_in_municipality(postcode: str, spec: Iterable[str]) -> bool:
    """Whether a four-digit postcode is one of the municipality's, given as
    codes and ranges («1383», «1370-1399»). An empty spec accepts every
    postcode (a municipality that has not set its list)."""
    ranges = _ranges(spec)
    if not (len(postcode) == 4 and postcode.isdigit()):
        return False
    if not ranges:
        return True
    code = int(postcode)
    return any(low <= code <= high for low, high in ranges)
