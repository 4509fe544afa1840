"""Reads for the staff sign-in: who is locked out, who must give a code."""

import datetime
from dataclasses import dataclass
from typing import Literal

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

Kind = Literal["username", "client"]

# Set in the session by a sign-in through the identity provider (OpenID Connect).
SSO_SESSION_KEY = "accounts_sso"


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


def second_factor_required(user, session) -> bool:
    """Whether this signed-in user must still give a one-time code before the
    admin opens. Everyone who can open the admin, when PORTAL_OTP_REQUIRED is on:
    a page editor today may be given the inbox tomorrow by a group change, and
    the code is asked at sign-in, not when a permission changes. A sign-in
    through the municipality's identity provider satisfies it: the provider asks
    for the second factor (accounts.oidc)."""
    if not settings.PORTAL_OTP_REQUIRED or not user.is_authenticated:
        return False
    if session.get(SSO_SESSION_KEY):
        return False
    if user.is_verified():
        return False
    return user.has_perm("wagtailadmin.access_admin")


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
