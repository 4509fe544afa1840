"""Background work: e-mails and the overdue digest (retention is records.retention).

Tasks run on the durable database backend (django-tasks-db) in development and
production, so a submission is always committed before any e-mail is tried. An
SMTP failure is written to the timeline (EventKind.EMAIL_FAILED), the task is
enqueued again with an exponential back-off (bounded attempts), and the failing
attempt raises so the worker records it as failed.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task
from wagtail import hooks

from units.choices import Role
from units.models import Membership, Unit
from units.selectors import unit_with_descendants

from .choices import EventKind
from .models import Submission, SubmissionEvent

logger = logging.getLogger(__name__)

# Errors that mean "the mail server did not take it; try again later".
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


class EmailDeliveryError(Exception):
    """An e-mail task attempt failed; the message names no person."""


def _portal(name, default):
    return settings.PORTAL.get(name, default)


def max_attempts() -> int:
    return int(_portal("EMAIL_MAX_ATTEMPTS", 5))


def backoff(attempt: int) -> datetime.timedelta:
    """Wait before attempt `attempt + 1`: 2, 4, 8, 16 … minutes, at most 6 hours."""
    return datetime.timedelta(minutes=min(2**attempt, 360))


def public_base_url() -> str:
    return _portal("PUBLIC_BASE_URL", settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def tracking_url(submission: Submission) -> str:
    """Absolute private link for the resident, in the active language."""
    from .services import tracking_token

    path = reverse("feedback:track", kwargs={"reference": submission.reference})
    return f"{public_base_url()}{path}?t={tracking_token(submission)}"


# The admin helper's case view; resolved late so this module does not depend on
# how the admin is wired. Falls back to the admin home page.
ADMIN_CASE_URL_NAMES = (
    "feedback_submission:inspect",
    "feedback_inbox:inspect",
    "feedback:admin_case",
)


def admin_case_url(submission: Submission) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for name in ADMIN_CASE_URL_NAMES:
        try:
            return base + reverse(name, args=[submission.pk])
        except NoReverseMatch:
            continue
    return base + reverse("wagtailadmin_home")


def _message(template: str, context: dict, *, to: list[str]) -> EmailMultiAlternatives:
    subject = render_to_string(f"feedback/email/{template}_subject.txt", context)
    text = render_to_string(f"feedback/email/{template}.txt", context)
    html = render_to_string(f"feedback/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    message.attach_alternative(html, "text/html")
    return message


def _deliver(
    message,
    *,
    submission: Submission,
    purpose: str,
    retry_task,
    retry_kwargs: dict,
    attempt: int,
) -> None:
    """Send; on failure record it, schedule the next attempt, and raise."""
    try:
        message.send()
    except DELIVERY_ERRORS as exc:
        from .services import submission_record_email_failure

        will_retry = attempt < max_attempts()
        submission_record_email_failure(
            submission_id=submission.pk,
            purpose=purpose,
            attempt=attempt,
            error=type(exc).__name__,
            will_retry=will_retry,
        )
        # Never log addresses or content: the reference identifies the case.
        logger.warning(
            "E-mail %s for %s failed (attempt %s): %s",
            purpose,
            submission.reference,
            attempt,
            type(exc).__name__,
        )
        if will_retry:
            retry = retry_task
            if default_task_backend.supports_defer:
                retry = retry_task.using(run_after=timezone.now() + backoff(attempt))
            retry.enqueue(**retry_kwargs, attempt=attempt + 1)
        # Re-raise without the original: SMTP errors can carry the recipient's
        # address, and the worker logs and stores the traceback.
        raise EmailDeliveryError(
            f"{purpose} for {submission.reference} failed (attempt {attempt}): "
            f"{type(exc).__name__}"
        ) from None
    SubmissionEvent.objects.create(
        submission=submission,
        kind=EventKind.EMAIL_SENT,
        data={"purpose": purpose, "attempt": attempt},
    )


def _load(submission_id: int) -> Submission | None:
    return (
        Submission.objects.select_related("unit", "topic", "page")
        .filter(pk=submission_id)
        .first()
    )


@task()
def send_receipt(*, submission_id: int, attempt: int = 1) -> None:
    """Receipt to the resident, with the reference and the tracking link."""
    submission = _load(submission_id)
    if submission is None or not submission.contact_email:
        return
    with translation.override(submission.language):
        message = _message(
            "receipt",
            {
                "submission": submission,
                "tracking_url": tracking_url(submission),
                "unit_name": submission.unit.display_name if submission.unit else "",
            },
            to=[submission.contact_email],
        )
    _deliver(
        message,
        submission=submission,
        purpose="receipt",
        retry_task=send_receipt,
        retry_kwargs={"submission_id": submission_id},
        attempt=attempt,
    )


@task()
def notify_unit(*, submission_id: int, attempt: int = 1) -> None:
    """New-input notice to the unit's functional mailbox (in the site language).
    Carries the subject and a link, not the resident's contact details."""
    submission = _load(submission_id)
    if submission is None or submission.unit is None or not submission.unit.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        message = _message(
            "unit_notice",
            {
                "submission": submission,
                "unit": submission.unit,
                "case_url": admin_case_url(submission),
            },
            to=[submission.unit.email],
        )
    _deliver(
        message,
        submission=submission,
        purpose="unit_notice",
        retry_task=notify_unit,
        retry_kwargs={"submission_id": submission_id},
        attempt=attempt,
    )


@task()
def notify_reroute(*, submission_id: int, attempt: int = 1) -> None:
    """Tell the new unit that a submission was handed over to it."""
    submission = _load(submission_id)
    if submission is None or submission.unit is None or not submission.unit.email:
        return
    event = (
        submission.events.filter(kind=EventKind.REROUTED)
        .select_related("from_unit")
        .order_by("-created_at", "-id")
        .first()
    )
    with translation.override(settings.LANGUAGE_CODE):
        message = _message(
            "reroute",
            {
                "submission": submission,
                "unit": submission.unit,
                "event": event,
                "case_url": admin_case_url(submission),
            },
            to=[submission.unit.email],
        )
    _deliver(
        message,
        submission=submission,
        purpose="reroute",
        retry_task=notify_reroute,
        retry_kwargs={"submission_id": submission_id},
        attempt=attempt,
    )


@task()
def send_reply(*, event_id: int, attempt: int = 1) -> None:
    """A reply or an interim reply (foreløpig svar) to the resident."""
    event = (
        SubmissionEvent.objects.select_related("submission__unit")
        .filter(pk=event_id)
        .first()
    )
    if event is None or not event.submission.contact_email:
        return
    submission = event.submission
    template = "interim_reply" if event.kind == EventKind.INTERIM_REPLY else "reply"
    expected = event.data.get("expected_date")
    with translation.override(submission.language):
        message = _message(
            template,
            {
                "submission": submission,
                "event": event,
                "expected_date": datetime.date.fromisoformat(expected)
                if expected
                else None,
                "tracking_url": tracking_url(submission),
                "unit_name": submission.unit.display_name if submission.unit else "",
            },
            to=[submission.contact_email],
        )
    _deliver(
        message,
        submission=submission,
        purpose=template,
        retry_task=send_reply,
        retry_kwargs={"event_id": event_id},
        attempt=attempt,
    )


def overdue_digests(*, now=None) -> list[EmailMultiAlternatives]:
    """One digest per unit lead with the overdue and interim-owed submissions of
    the units they lead (and their sub-units)."""
    from .selectors import interim_reply_deadline, overdue_by_unit

    now = now or timezone.now()
    grouped = overdue_by_unit(now=now)
    units = Unit.objects.in_bulk(list(grouped))
    leads: dict[int, set[int]] = {}
    users = {}
    for membership in Membership.objects.filter(role=Role.LEAD).select_related("user"):
        user = membership.user
        if not user.is_active or not user.email:
            continue
        users[user.pk] = user
        leads.setdefault(user.pk, set()).add(membership.unit_id)
    # Apps above feedback add recipients and sections (records: inputs not yet
    # archived, rights requests coming due): Wagtail hooks
    # «feedback_digest_recipients» (now) -> users and
    # «feedback_digest_sections» (user, unit_ids, now) -> [{"title", "items":
    # [{"label", "url"}]}].
    for recipients in hooks.get_hooks("feedback_digest_recipients"):
        for user in recipients(now):
            if user.is_active and user.email:
                users.setdefault(user.pk, user)
                leads.setdefault(user.pk, set())
    messages = []
    deadline = interim_reply_deadline(now)
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, unit_ids in leads.items():
            sections = []
            for unit_id in sorted(unit_with_descendants(unit_ids)):
                items = grouped.get(unit_id)
                if items:
                    sections.append(
                        {
                            "unit": units[unit_id],
                            "items": [
                                {
                                    "submission": s,
                                    "interim_owed": s.interim_reply_at is None
                                    and s.created_at < deadline,
                                    "case_url": admin_case_url(s),
                                }
                                for s in items
                            ],
                        }
                    )
            extra = [
                section
                for sections_of in hooks.get_hooks("feedback_digest_sections")
                for section in sections_of(users[user_id], unit_ids, now)
                if section["items"]
            ]
            if sections or extra:
                messages.append(
                    _message(
                        "overdue_digest",
                        {
                            "user": users[user_id],
                            "sections": sections,
                            "extra_sections": extra,
                            "now": now,
                            "total": sum(len(s["items"]) for s in sections),
                        },
                        to=[users[user_id].email],
                    )
                )
    return messages


@task()
def send_overdue_digest() -> int:
    """Daily: e-mail each lead their overdue list. Returns how many were sent;
    raises after trying all if any failed, so the run is marked failed."""
    sent, failed = 0, 0
    for message in overdue_digests():
        try:
            message.send()
            sent += 1
        except DELIVERY_ERRORS as exc:
            failed += 1
            logger.warning("Overdue digest failed: %s", type(exc).__name__)
    if failed:
        raise RuntimeError(
            _("%(n)s overdue digests could not be sent.") % {"n": failed}
        )
    return sent
