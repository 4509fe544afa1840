"""Reads with a rule in them: the unit tree and who belongs where."""

from collections import defaultdict
from collections.abc import Iterable

from .choices import Role
from .models import Membership, Unit


def triage_unit() -> Unit | None:
    return Unit.objects.filter(is_triage=True).first()


def unit_with_descendants(unit_ids: Iterable[int]) -> set[int]:
    """The given units and every unit below them.

    Units are few (tens, not thousands), so one query for the whole parent map and
    a walk in Python beats a recursive CTE for clarity at no measurable cost.
    """
    children = defaultdict(list)
    for pk, parent_id in Unit.objects.values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    result: set[int] = set()
    stack = list(unit_ids)
    while stack:
        pk = stack.pop()
        if pk in result:
            continue
        result.add(pk)
        stack.extend(children.get(pk, []))
    return result


def units_of_user(user, *, roles: Iterable[str] | None = None) -> set[int]:
    """Ids of the units the user is a member of, with their sub-units."""
    if not user.is_authenticated:
        return set()
    memberships = Membership.objects.filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__in=list(roles))
    direct = memberships.values_list("unit_id", flat=True)
    return unit_with_descendants(direct)


def units_led_by(user) -> set[int]:
    return units_of_user(user, roles=[Role.LEAD])


def is_triage_member(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, unit__is_triage=True).exists()
    )
