"""Status is derived from the dates and the outcome, at the exact boundaries."""

import datetime

import pytest

from hearings.choices import HearingStatus
from hearings.models import HearingPage

from .conftest import OSLO, at

pytestmark = pytest.mark.django_db


def hearing(**fields):
    fields.setdefault("opens_on", datetime.date(2027, 1, 10))
    fields.setdefault("deadline", datetime.date(2027, 2, 21))
    return HearingPage(title="H", **fields)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2027, 1, 9, 23, 59, 59), HearingStatus.UPCOMING),
        (at(2027, 1, 10, 0, 0, 0), HearingStatus.OPEN),
        (at(2027, 2, 21, 23, 59, 59), HearingStatus.OPEN),
        (at(2027, 2, 22, 0, 0, 0), HearingStatus.CLOSED),
    ],
)
def test_status_boundaries(moment, expected):
    assert hearing().status_at(moment) == expected


def test_boundaries_are_oslo_days_not_utc():
    # 23:30 UTC on the deadline day is already the next day in Oslo (UTC+1).
    utc_late = datetime.datetime(2027, 2, 21, 23, 30, tzinfo=datetime.UTC)
    assert utc_late.astimezone(OSLO).day == 22
    assert hearing().status_at(utc_late) == HearingStatus.CLOSED


def test_outcome_concludes_only_after_the_deadline():
    page = hearing(outcome_decided="<p>Vedtatt med endringer.</p>")
    assert page.status_at(at(2027, 2, 1)) == HearingStatus.OPEN
    assert page.status_at(at(2027, 2, 22, 0, 0, 0)) == HearingStatus.CONCLUDED
    empty = hearing(outcome_decided="  ")
    assert empty.status_at(at(2027, 3, 1)) == HearingStatus.CLOSED


def test_status_follows_the_clock(clock, hearing_index, hearing_unit):
    from .conftest import make_hearing

    clock.set(at(2027, 1, 5))
    page = make_hearing(
        hearing_index,
        hearing_unit,
        opens_on=datetime.date(2027, 1, 10),
        deadline=datetime.date(2027, 2, 21),
    )
    assert page.status == HearingStatus.UPCOMING
    clock.set(at(2027, 1, 10, 0, 0, 1))
    assert HearingPage.objects.get(pk=page.pk).status == HearingStatus.OPEN
    clock.set(at(2027, 2, 22, 0, 0, 1))
    assert HearingPage.objects.get(pk=page.pk).status == HearingStatus.CLOSED


def test_days_left():
    page = hearing()
    assert page.days_left(at(2027, 2, 21, 8)) == 0
    assert page.days_left(at(2027, 2, 14, 23, 59)) == 7
