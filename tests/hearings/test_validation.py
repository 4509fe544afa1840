"""Editor validation: period lengths and the July warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from hearings.choices import HearingKind
from hearings.models import Consultee, HearingPage
from hearings.selectors import july_days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    # The assertions read the (English) source messages.
    with translation.override("en"):
        yield


def page(days, kind=HearingKind.OTHER, start=datetime.date(2027, 1, 4), **fields):
    return HearingPage(
        title="H",
        slug="h",
        kind=kind,
        opens_on=start,
        deadline=start + datetime.timedelta(days=days),
        **fields,
    )


def errors(p):
    try:
        p.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_plan_hearing_needs_42_days():
    assert "deadline" in errors(page(41, HearingKind.PLAN))
    assert errors(page(42, HearingKind.PLAN)) == {}
    # A written reason does not shorten a plan hearing: the law sets the minimum.
    assert "deadline" in errors(page(30, HearingKind.PLAN, short_period_reason="Hast"))


def test_shorter_than_six_weeks_needs_a_reason():
    assert "short_period_reason" in errors(page(21))
    reason = "Forskriften må tre i kraft 1. mars."
    assert errors(page(21, short_period_reason=reason)) == {}
    assert errors(page(42)) == {}


def test_deadline_after_opening():
    assert "deadline" in errors(page(0))
    assert "deadline" in errors(page(-3))


def test_july_overlap_warns_without_blocking():
    summer = page(60, start=datetime.date(2027, 6, 1))
    assert errors(summer) == {}
    warnings = summer.editor_warnings()
    assert any("July" in w for w in warnings)
    assert july_days(datetime.date(2027, 6, 1), datetime.date(2027, 7, 31)) == 31
    assert july_days(datetime.date(2027, 6, 30), datetime.date(2027, 7, 1)) == 1
    assert july_days(datetime.date(2027, 8, 1), datetime.date(2028, 6, 30)) == 0
    winter = page(42)
    assert not any("July" in w for w in winter.editor_warnings())


def test_statutory_councils_exist_and_warning_when_missing(hearing_index, hearing_unit):
    from .conftest import make_hearing

    councils = Consultee.objects.filter(statutory=True)
    assert {c.name for c in councils} >= {
        "Eldrerådet",
        "Rådet for personer med funksjonsnedsettelse",
        "Ungdomsrådet",
    }
    hearing = make_hearing(hearing_index, hearing_unit)
    assert any("statutory" in w for w in hearing.editor_warnings())
    hearing.consultees.set(councils)
    assert not any("statutory" in w for w in hearing.editor_warnings())


def test_admin_edit_form_refuses_short_plan_hearing(
    client, hearing_index, hearing_unit
):
    from django.contrib.auth import get_user_model

    from .conftest import make_hearing

    admin = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(admin)
    hearing = make_hearing(hearing_index, hearing_unit, kind=HearingKind.PLAN)
    response = client.get(f"/admin/pages/{hearing.pk}/edit/")
    assert response.status_code == 200
    assert (
        "Checks" in response.content.decode()
        or "Kontroller" in response.content.decode()
    )
