import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from tests.factories import UnitFactory, UserFactory, member
from units.choices import Role
from units.models import Membership, Unit
from units.selectors import (
    is_triage_member,
    triage_unit,
    unit_with_descendants,
    units_led_by,
    units_of_user,
)

pytestmark = pytest.mark.django_db


def test_tree_and_memberships():
    health = UnitFactory(slug="helse", name="Helse og omsorg")
    home_care = UnitFactory(slug="hjemmetjenester", parent=health)
    nursing = UnitFactory(slug="sykehjem", parent=health)
    other = UnitFactory(slug="kultur")
    assert unit_with_descendants([health.pk]) == {health.pk, home_care.pk, nursing.pk}
    lead = member(UserFactory(), health, Role.LEAD)
    handler = member(UserFactory(), nursing)
    assert units_of_user(lead) == {health.pk, home_care.pk, nursing.pk}
    assert units_led_by(lead) == {health.pk, home_care.pk, nursing.pk}
    assert units_of_user(handler) == {nursing.pk}
    assert units_led_by(handler) == set()
    assert other.pk not in units_of_user(lead)


def test_one_triage_unit():
    triage = UnitFactory(slug="servicetorget", is_triage=True)
    assert triage_unit() == triage
    with pytest.raises(IntegrityError):
        UnitFactory(slug="annen", is_triage=True)


def test_triage_membership():
    triage = UnitFactory(slug="servicetorget", is_triage=True)
    editor = member(UserFactory(), triage)
    assert is_triage_member(editor)
    assert not is_triage_member(UserFactory())


def test_unit_cannot_be_its_own_ancestor():
    parent = UnitFactory(slug="a")
    child = UnitFactory(slug="b", parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.clean()


def test_units_are_editable_in_the_admin(client):
    admin = UserFactory(username="root", is_superuser=True)
    handler = UserFactory(username="kari")
    client.force_login(admin)
    assert client.get(reverse("units:index")).status_code == 200
    response = client.post(
        reverse("units:add"),
        {
            "name": "Vann og avløp",
            "name_en": "Water and sewage",
            "slug": "vann-og-avlop",
            "parent": "",
            "email": "vann@asker.kommune.no",
            "phone": "66 90 90 00",
            "first_answer_days": "14",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": str(handler.pk),
            "memberships-0-role": "lead",
            "memberships-0-id": "",
            "memberships-0-ORDER": "0",
            "memberships-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Unit.objects.get(slug="vann-og-avlop")
    assert Membership.objects.get(unit=unit).user == handler
