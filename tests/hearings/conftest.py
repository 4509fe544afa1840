import datetime
import zoneinfo

import pytest
from django.utils import timezone

from hearings.models import HearingIndexPage, HearingPage
from tests.factories import UnitFactory, add_page

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def at(year, month, day, hour=12, minute=0, second=0):
    """An aware moment in Oslo time."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=OSLO)


class Clock:
    """Freezes django.utils.timezone.now for code that reads the time at call time."""

    def __init__(self, monkeypatch):
        self._monkeypatch = monkeypatch
        self.now = None

    def set(self, moment):
        self.now = moment
        self._monkeypatch.setattr(timezone, "now", lambda: self.now)
        return moment


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def hearing_unit(db):
    return UnitFactory(slug="plan", name="Plan og bygg")


@pytest.fixture
def hearing_index(site):
    return add_page(
        site["home"],
        HearingIndexPage(title="Høringer", slug="horinger", summary="Alle høringer."),
    )


def make_hearing(
    index,
    unit,
    *,
    title="Reguleringsplan for Nesbru",
    opens_on=None,
    deadline=None,
    publish=True,
    **fields,
):
    today = timezone.localdate()
    opens_on = opens_on or today - datetime.timedelta(days=10)
    deadline = deadline or opens_on + datetime.timedelta(days=42)
    fields.setdefault("summary", f"Kort om {title.lower()}.")
    page = HearingPage(
        title=title,
        opens_on=opens_on,
        deadline=deadline,
        responsible_unit=unit,
        **fields,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return HearingPage.objects.get(pk=page.pk)


@pytest.fixture
def open_hearing(hearing_index, hearing_unit):
    return make_hearing(hearing_index, hearing_unit)
