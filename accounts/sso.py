"""The identity provider's groups as the portal's units and roles: the rule of
PORTAL_OIDC_GROUP_MAP, a pure function over the configuration (no database)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

SsoRole = Literal["handler", "lead", "editor"]
ROLES: tuple[SsoRole, ...] = ("handler", "lead", "editor")
# Roles that are a membership of a unit; "editor" is a group for the whole site.
UNIT_ROLES = frozenset({"handler", "lead"})


@dataclass(frozen=True)
class Grant:
    """What one provider group gives: a role, in a unit for handler and lead."""

    role: SsoRole
    unit: str = ""


@dataclass(frozen=True)
class Access:
    """Everything a user's groups give together. A unit named twice keeps the
    stronger role (lead over handler)."""

    units: Mapping[str, SsoRole]
    editor: bool

    @property
    def any(self) -> bool:
        return bool(self.units) or self.editor


def parse_group_map(raw: Any) -> dict[str, tuple[Grant, ...]]:
    """PORTAL_OIDC_GROUP_MAP, read from its JSON: a group (its id or name as the
    provider sends it) → one grant {"unit": slug, "role": "handler"|"lead"} or
    {"role": "editor"}, or a list of them. Anything else is a ValueError that
    names the group; accounts.checks runs it at start-up, so a wrong setting
    stops the server, not a sign-in."""
    if not isinstance(raw, dict):
        raise ValueError("PORTAL_OIDC_GROUP_MAP must be a JSON object")
    parsed: dict[str, tuple[Grant, ...]] = {}
    for group, value in raw.items():
        entries = value if isinstance(value, list) else [value]
        grants = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise ValueError(f"group {group!r}: each grant is an object")
            role = entry.get("role")
            unit = entry.get("unit", "")
            if role not in ROLES:
                raise ValueError(f"group {group!r}: role must be one of {ROLES}")
            if role in UNIT_ROLES and not (isinstance(unit, str) and unit):
                raise ValueError(f"group {group!r}: role {role!r} needs a unit slug")
            if role == "editor" and unit:
                raise ValueError(f"group {group!r}: an editor has no unit")
            grants.append(Grant(role=role, unit=unit))
        parsed[str(group)] = tuple(grants)
    return parsed


def access_for_groups(
    groups: Iterable[str], group_map: Mapping[str, tuple[Grant, ...]]
) -> Access:
    """What these provider groups give under the map; groups the map does not
    name give nothing."""
    units: dict[str, SsoRole] = {}
    editor = False
    for group in groups:
        for grant in group_map.get(group, ()):
            if grant.role == "editor":
                editor = True
            elif units.get(grant.unit) != "lead":
                units[grant.unit] = grant.role
    return Access(units=units, editor=editor)


def groups_from_claims(claims: Mapping[str, Any], claim: str) -> list[str]:
    """The groups claim as a list of strings: providers send a list, some a
    single string; a missing claim is no groups."""
    value = claims.get(claim)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []
