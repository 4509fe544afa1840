"""Writes for the staff sign-in: lockouts, login records, second factors."""

import datetime
import logging

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .lockout import client_hash
from .models import SsoIdentity
from .selectors import Kind, cool_off
from .sso import Access

logger = logging.getLogger("portal.login")


def lockout_lift(*, kind: Kind, value: str, by) -> int:
    """An administrator lifts a lockout: the failures of that username, or of
    that client, are forgotten. Returns how many attempt rows went."""
    if kind == "username":
        count = reset(username=value)
        logger.warning("Login lockout lifted: username=%r by=%s", value, by.pk)
    else:
        count = reset(ip=value)
        logger.warning(
            "Login lockout lifted: client=%s by=%s", client_hash(value), by.pk
        )
    return count


def login_records_prune(
    now: datetime.datetime | None = None,
) -> dict[str, int]:
    """Axes stores each login's address and browser. Failed attempts are kept
    for the cool-off (they count no longer after it), and the log of sign-ins
    for PORTAL["LOGIN_LOG_DAYS"] days; the daily retention run calls this."""
    now = now or timezone.now()
    attempts, _rows = AccessAttempt.objects.filter(
        attempt_time__lt=now - cool_off()
    ).delete()
    keep = datetime.timedelta(days=settings.PORTAL["LOGIN_LOG_DAYS"])
    logs, _rows = AccessLog.objects.filter(attempt_time__lt=now - keep).delete()
    failures, _rows = AccessFailureLog.objects.filter(
        attempt_time__lt=now - keep
    ).delete()
    return {"login_attempts": attempts, "login_log": logs + failures}


def totp_device_for_enrolment(*, user) -> TOTPDevice:
    """The device being set up: the user's unconfirmed one, or a new one with a
    fresh key. Reloading the page keeps the key the app may already have."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    return device


@transaction.atomic
def totp_enrol(*, device: TOTPDevice, token: str) -> bool:
    """Confirm a device with a code from the app. A user keeps one confirmed
    device: a new one replaces the old (a new phone)."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    logger.info("Second factor set up: user=%s", device.user.pk)
    return True


def second_factor_reset(*, user) -> int:
    """A user lost the phone: remove the devices, so the next sign-in sets up a
    new one. Returns how many went."""
    count, _deleted = TOTPDevice.objects.filter(user=user).delete()
    logger.warning("Second factor reset: user=%s", user.pk)
    return count


@transaction.atomic
def sso_user_sync(*, issuer: str, subject: str, claims: dict, access: Access):
    """The account of a sign-in through the identity provider: created the first
    time, its name, e-mail, units and roles set from the provider every time (the
    provider is the source of truth for such an account). With no access the
    account, if any, loses its units and roles and None is returned: no sign-in."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from units.models import Membership, Unit

    User = get_user_model()
    identity = (
        SsoIdentity.objects.select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is None and not access.any:
        logger.warning("SSO sign-in refused, no mapped group: new subject")
        return None
    if identity is None:
        user = User(username=_free_username(claims, subject))
        user.set_unusable_password()
        user.save()
        SsoIdentity.objects.create(user=user, issuer=issuer, subject=subject)
        logger.info("SSO account created: user=%s", user.pk)
    else:
        user = identity.user
    user.first_name = str(claims.get("given_name") or "")[:150]
    user.last_name = str(claims.get("family_name") or "")[:150]
    user.email = str(claims.get("email") or "")[:254]
    user.save(update_fields=["first_name", "last_name", "email"])

    units = {u.slug: u for u in Unit.objects.filter(slug__in=list(access.units))}
    for slug in set(access.units) - set(units):
        logger.warning(
            "PORTAL_OIDC_GROUP_MAP names a unit that does not exist: %s", slug
        )
    Membership.objects.filter(user=user).exclude(unit__slug__in=list(units)).delete()
    for slug, unit in units.items():
        Membership.objects.update_or_create(
            unit=unit, user=user, defaults={"role": access.units[slug]}
        )
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    staff, created = Group.objects.get_or_create(name=settings.PORTAL_OIDC_STAFF_GROUP)
    if created:
        # Handlers and leads open the admin through this group; what they see
        # in it is scoped by their units.
        staff.permissions.add(access_admin)
    editors, _created = Group.objects.get_or_create(
        name=settings.PORTAL_OIDC_EDITOR_GROUP
    )
    for group, member in ((staff, bool(units)), (editors, access.editor)):
        if member:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if not (units or access.editor):
        logger.warning("SSO sign-in refused, no mapped group: user=%s", user.pk)
        return None
    logger.info(
        "SSO sign-in: user=%s units=%s editor=%s", user.pk, sorted(units), access.editor
    )
    return user


def _free_username(claims: dict, subject: str) -> str:
    """The provider's username (or e-mail), with a number after it when a local
    account already has it: an SSO account never takes over a local one."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    base = str(claims.get("preferred_username") or claims.get("email") or subject)
    base = base[:140]
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate
