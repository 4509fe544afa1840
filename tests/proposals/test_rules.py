"""The rules of § 12-1 as pure functions: the threshold at its edges and the
clocks at Oslo midnights. The clock is frozen by passing `now`: the functions
never read the time themselves."""

import datetime

import pytest

from proposals import rules
from proposals.choices import Stage, Status

OSLO = rules.OSLO


@pytest.mark.parametrize(
    ("population", "threshold"),
    [
        (1, 1),
        (200, 4),  # Utsira-sized: 2 % of 200
        (201, 5),  # 4.02 rounds up
        (14_950, 299),  # exactly 299: the last population below 300
        (14_951, 300),  # 299.02 rounds up to 300
        (14_999, 300),
        (15_000, 300),
        (15_001, 300),  # 300.02 would round to 301: 300 is always enough
        (100_000, 300),
    ],
)
def test_signature_threshold(population, threshold):
    assert rules.signature_threshold(population) == threshold


def test_threshold_needs_a_population():
    with pytest.raises(ValueError):
        rules.signature_threshold(0)


def test_signatures_left_and_progress():
    assert rules.signatures_left(120, 300) == 180
    assert rules.signatures_left(320, 300) == 0
    assert rules.progress_percent(120, 300) == 40
    assert rules.progress_percent(320, 300) == 100


def oslo(*args):
    return datetime.datetime(*args, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("published", "closes"),
    [
        # The same date 12 months on is the last day; it closes at the next
        # midnight in Oslo.
        (oslo(2026, 3, 15, 14, 0), oslo(2027, 3, 16)),
        # Published just after midnight or just before: the day counts.
        (oslo(2026, 3, 15, 0, 0, 1), oslo(2027, 3, 16)),
        (oslo(2026, 3, 15, 23, 59, 59), oslo(2027, 3, 16)),
        # 29 February has no twin next year: the last day of February.
        (oslo(2028, 2, 29, 12), oslo(2029, 3, 1)),
    ],
)
def test_campaign_closes_at_oslo_midnight(published, closes):
    assert rules.campaign_closes_at(published) == closes


def test_campaign_from_utc_time_counts_the_oslo_day():
    # 23:30 UTC on 14 March is 00:30 on 15 March in Oslo.
    published = datetime.datetime(2026, 3, 14, 23, 30, tzinfo=datetime.UTC)
    assert rules.campaign_closes_at(published) == oslo(2027, 3, 16)


@pytest.mark.parametrize(
    ("submitted", "due"),
    [
        (oslo(2026, 1, 10, 9), oslo(2026, 7, 11)),
        # 31 August + 6 months: 28 February is the last day.
        (oslo(2026, 8, 31, 9), oslo(2027, 3, 1)),
        # Across the change to summer time: still midnight in Oslo (UTC+2).
        (oslo(2026, 10, 1, 9), oslo(2027, 4, 2)),
    ],
)
def test_council_due_at_oslo_midnight(submitted, due):
    result = rules.council_due_at(submitted)
    assert result == due
    assert result.astimezone(OSLO).time() == datetime.time(0)


def test_stage_applies_the_campaign_end_without_a_job():
    closes = oslo(2027, 3, 16)
    just_before = closes - datetime.timedelta(seconds=1)
    assert rules.stage(Status.COLLECTING, closes, just_before) == Stage.COLLECTING
    assert rules.stage(Status.COLLECTING, closes, closes) == Stage.NOT_REACHED
    assert rules.stage(Status.ON_AGENDA, closes, closes) == Stage.SUBMITTED
    assert rules.stage(Status.REFERRED, closes, closes) == Stage.DECIDED
    assert rules.stage(Status.PENDING, None, closes) is None


def test_council_clock():
    due = oslo(2027, 3, 1)
    assert rules.council_clock(due, due - datetime.timedelta(days=40)) == "ok"
    assert rules.council_clock(due, due - datetime.timedelta(days=31)) == "soon"
    assert rules.council_clock(due, due) == "overdue"


@pytest.mark.parametrize(
    ("postcode", "allowed"),
    [("1384", True), ("1370", True), ("3440", True), ("0150", False), ("13", False)],
)
def test_postcode_in_municipality(postcode, allowed):
    spec = ["1370-1399", "3430-3442", "3470-3491"]
    assert rules.postcode_in_municipality(postcode, spec) is allowed


def test_no_postcode_list_accepts_any_postcode():
    assert rules.postcode_in_municipality("0150", [])
    assert not rules.postcode_in_municipality("abcd", [])


def test_last_day_is_the_day_before_the_closing_midnight():
    closes = rules.campaign_closes_at(oslo(2026, 3, 15, 14, 0))
    assert rules.last_day(closes) == datetime.date(2027, 3, 15)
