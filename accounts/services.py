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
from .selectors import Kind, cool_off

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
