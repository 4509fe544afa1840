"""Sending one outbox e-mail at most once.

The row is locked while its message is handed to the mail server, inside one
transaction: a worker killed mid-send releases the lock with its connection and
leaves the row as it was (queued, nothing recorded), so the next run sends it;
a send the server accepted is recorded in the same transaction, so a re-run
sends nothing. The window that remains is the commit itself: a server that
accepted just before the database went away gets the message again, with the
same Message-ID (which lets it drop the copy).
"""

from __future__ import annotations

import datetime
import smtplib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import Email, EmailStatus

# Errors that mean "the mail server did not take it; try again later".
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


class EmailDeliveryError(Exception):
    """An e-mail attempt failed; the message names no person."""


class Builder:
    """One kind of e-mail: renders the message from the row's arguments (ids,
    never addresses) and records what happened where staff look for it."""

    # build(**ids) -> the message, or None when there is nothing to send any
    # more. Each builder names its own keyword arguments.
    build: Callable[..., EmailMessage | None]

    def sent(self, email: Email, **kwargs) -> None:
        """Called in the transaction that records the server's acceptance."""

    def failed(self, email: Email, *, error: str, will_retry: bool, **kwargs) -> None:
        """Called in the transaction that records a failed attempt."""


def max_attempts() -> int:
    return int(settings.PORTAL.get("EMAIL_MAX_ATTEMPTS", 5))


def backoff(attempt: int) -> datetime.timedelta:
    """Wait before attempt `attempt + 1`: 2, 4, 8, 16 … minutes, at most 6 hours."""
    return datetime.timedelta(minutes=min(2**attempt, 360))


def message_id_header(email: Email) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "portal"
    return f"<{email.message_id}@{domain}>"


@dataclass(frozen=True)
class Outcome:
    status: str
    attempts: int = 0
    error: str = ""
    retry: bool = False


def deliver(email_id: int) -> Outcome:
    """Send the outbox e-mail `email_id` unless it was sent already."""
    with transaction.atomic():
        # skip_locked: another worker holds it while it sends; that one records
        # the result (or dies, and its lock and its task come back).
        email = (
            Email.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id)
            .first()
        )
        if email is None:
            return Outcome(status="busy")
        if email.status != EmailStatus.QUEUED:
            return Outcome(status=email.status, attempts=email.attempts)
        builder = import_string(email.builder)
        message = builder.build(**email.kwargs)
        email.attempts += 1
        email.attempted_at = timezone.now()
        if message is None:
            email.status = EmailStatus.DROPPED
            email.save(update_fields=["status", "attempts", "attempted_at"])
            return Outcome(status=email.status, attempts=email.attempts)
        message.extra_headers["Message-ID"] = message_id_header(email)
        try:
            message.send()
        except DELIVERY_ERRORS as exc:
            error = type(exc).__name__
            will_retry = email.attempts < max_attempts()
            email.last_error = error
            if not will_retry:
                email.status = EmailStatus.FAILED
            email.save(
                update_fields=["status", "attempts", "attempted_at", "last_error"]
            )
            builder.failed(email, error=error, will_retry=will_retry, **email.kwargs)
            return Outcome(
                status=email.status,
                attempts=email.attempts,
                error=error,
                retry=will_retry,
            )
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(
            update_fields=[
                "status",
                "attempts",
                "attempted_at",
                "sent_at",
                "last_error",
            ]
        )
        builder.sent(email, **email.kwargs)
        return Outcome(status=email.status, attempts=email.attempts)
