"""Reads for the staff sign-in: who is locked out now."""

import datetime
from dataclasses import dataclass
from typing import Literal

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

Kind = Literal["username", "client"]


@dataclass(frozen=True)
class Lockout:
    """One lockout as axes counts it: all failures of a username, or all
    failures from one client address, within the cool-off."""

    kind: Kind
    value: str
    failures: int
    locked_until: datetime.datetime


def cool_off() -> datetime.timedelta:
    return settings.AXES_COOLOFF_TIME


def lockouts(*, now: datetime.datetime | None = None) -> list[Lockout]:
    """Every username and client locked out at `now`, newest first. The same
    arithmetic as axes' database handler: failures summed per parameter over the
    attempts of the cool-off."""
    now = now or timezone.now()
    recent = AccessAttempt.objects.filter(attempt_time__gte=now - cool_off())
    limit = settings.AXES_FAILURE_LIMIT
    found: list[Lockout] = []
    parameters: tuple[tuple[Kind, str], ...] = (
        ("username", "username"),
        ("client", "ip_address"),
    )
    for kind, field in parameters:
        rows = (
            recent.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
        )
        found += [
            Lockout(
                kind=kind,
                value=row[field],
                failures=row["failures"],
                locked_until=row["last"] + cool_off(),
            )
            for row in rows
        ]
    return sorted(found, key=lambda lockout: lockout.locked_until, reverse=True)
