"""Writes for the staff sign-in: lifting a lockout, pruning login records."""

import datetime
import logging

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset
from django.conf import settings
from django.utils import timezone

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
    attempts, _ = AccessAttempt.objects.filter(
        attempt_time__lt=now - cool_off()
    ).delete()
    keep = datetime.timedelta(days=settings.PORTAL["LOGIN_LOG_DAYS"])
    logs, _ = AccessLog.objects.filter(attempt_time__lt=now - keep).delete()
    failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=now - keep).delete()
    return {"login_attempts": attempts, "login_log": logs + failures}
