"""Background e-mail for people who follow something (django-tasks).

A failed delivery is tried again with the same growing delay as every other
e-mail of the portal (feedback.tasks.backoff) and then given up, logged without
the address."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from feedback.tasks import DELIVERY_ERRORS, backoff, max_attempts

from . import channels
from .emails import build_message, confirm_url
from .models import Notice, Subscription
from .tokens import confirm_days

logger = logging.getLogger(__name__)


def _send(message, *, retry_task, pk: int, attempt: int, what: str) -> bool:
    try:
        message.send()
    except DELIVERY_ERRORS as exc:
        logger.warning(
            "following: %s %s failed (attempt %s): %s",
            what,
            pk,
            attempt,
            type(exc).__name__,
        )
        if attempt < max_attempts():
            retry = retry_task
            if default_task_backend.supports_defer:
                retry = retry_task.using(run_after=timezone.now() + backoff(attempt))
            retry.enqueue(pk, attempt=attempt + 1)
        return False
    return True


@task()
def send_confirmation(subscription_id: int, attempt: int = 1) -> None:
    subscription = Subscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=True
    ).first()
    if subscription is None:
        return  # confirmed or unsubscribed meanwhile
    message = build_message(
        subscription,
        "following/email/confirm.txt",
        {"confirm_url": confirm_url(subscription), "days": confirm_days()},
    )
    if _send(
        message,
        retry_task=send_confirmation,
        pk=subscription.pk,
        attempt=attempt,
        what="confirmation",
    ):
        logger.info("following: confirmation sent (subscription %s)", subscription.pk)


@task()
def send_notice(notice_id: int, attempt: int = 1) -> None:
    notice = (
        Notice.objects.select_related("subscription")
        .filter(pk=notice_id, sent_at__isnull=True)
        .filter(subscription__confirmed_at__isnull=False)
        .first()
    )
    if notice is None:
        return  # sent already, or unsubscribed meanwhile
    if notice.subject is None:
        return  # what it was about is gone
    channel = channels.get(notice.subscription.channel)
    template, context = channel.notice_email(notice)
    message = build_message(notice.subscription, template, context)
    if _send(
        message, retry_task=send_notice, pk=notice.pk, attempt=attempt, what="notice"
    ):
        Notice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
        logger.info("following: notice %s sent (%s)", notice.kind, notice.pk)
