"""PORTAL_OIDC_GROUP_MAP: the provider's groups as units and roles (accounts.sso)."""

import pytest

from accounts.sso import access_for_groups, groups_from_claims, parse_group_map

MAP = parse_group_map(
    {
        "g-bhg": {"unit": "barnehage", "role": "handler"},
        "g-bhg-leder": [{"unit": "barnehage", "role": "lead"}, {"role": "editor"}],
        "g-vei": {"unit": "vei", "role": "handler"},
    }
)


def test_groups_give_units_and_roles_and_the_stronger_role_wins():
    access = access_for_groups(["g-bhg", "g-bhg-leder", "g-vei", "g-x"], MAP)
    assert dict(access.units) == {"barnehage": "lead", "vei": "handler"}
    assert access.editor is True
    assert access.any


def test_unknown_groups_give_nothing():
    access = access_for_groups(["g-x"], MAP)
    assert not access.units and not access.editor and not access.any


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"g": {"role": "boss", "unit": "a"}},
        {"g": {"role": "handler"}},
        {"g": {"role": "editor", "unit": "a"}},
        {"g": ["handler"]},
    ],
)
def test_a_wrong_map_is_refused(raw):
    with pytest.raises(ValueError):
        parse_group_map(raw)


def test_groups_claim_as_list_string_or_missing():
    assert groups_from_claims({"groups": ["a", 2]}, "groups") == ["a", "2"]
    assert groups_from_claims({"roles": "a"}, "roles") == ["a"]
    assert groups_from_claims({}, "groups") == []


def test_a_wrong_map_fails_the_start_up_check(settings):
    from django.core.checks import run_checks

    settings.PORTAL_OIDC_GROUP_MAP = {"g": {"role": "handler"}}
    assert "accounts.E001" in [message.id for message in run_checks()]
    settings.PORTAL_OIDC_GROUP_MAP = {"g": {"role": "handler", "unit": "a"}}
    assert "accounts.E001" not in [message.id for message in run_checks()]
