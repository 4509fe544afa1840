"""The e-mails of following. Every one carries a one-click unsubscribe link in
the body and in the List-Unsubscribe headers (RFC 2369, RFC 8058), and is
rendered in the subscriber's language."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from outbox.delivery import Builder
from portal import public_url
from portal.identity import identity

from . import channels
from .models import Notice, Subscription
from .tokens import confirm_days, make_confirm_token, make_unsubscribe_token

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    """An absolute link for an e-mail (portal.public_url, the one builder)."""
    return public_url.absolute(path)


def municipality_name() -> str:
    """The signature (portal.identity), in the active language."""
    return identity().name


def unsubscribe_url(subscription) -> str:
    with translation.override(subscription.language):
        path = reverse(
            "following:unsubscribe",
            kwargs={"token": make_unsubscribe_token(subscription)},
        )
    return absolute_url(path)


def confirm_url(subscription) -> str:
    with translation.override(subscription.language):
        path = reverse(
            "following:confirm", kwargs={"token": make_confirm_token(subscription)}
        )
    return absolute_url(path)


def build_message(subscription, template: str, context: dict) -> EmailMessage:
    """The e-mail to one subscriber: subject is the template's first line, body
    the rest; `description`, `unsubscribe_url` and `municipality` are in the
    context."""
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "description": channels.get(subscription.channel).describe(subscription),
            "unsubscribe_url": unsubscribe_url(subscription),
            "municipality": municipality_name(),
        }
        rendered = render_to_string(template, context).strip()
    subject, _, body = rendered.partition("\n")
    return EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        from_email=identity().sender(),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


# --- outbox builders (outbox.delivery.Builder): the services promise these ---


class Confirmation(Builder):
    """The double opt-in e-mail: only while the subscription waits for it."""

    def build(self, *, subscription_id: int):
        subscription = Subscription.objects.filter(
            pk=subscription_id, confirmed_at__isnull=True
        ).first()
        if subscription is None:
            return None  # confirmed or unsubscribed meanwhile
        return build_message(
            subscription,
            "following/email/confirm.txt",
            {"confirm_url": confirm_url(subscription), "days": confirm_days()},
        )

    def sent(self, email, **kwargs) -> None:
        logger.info("following: confirmation sent (%s)", email.key)

    def failed(self, email, *, error: str, will_retry: bool, **kwargs) -> None:
        logger.warning(
            "following: %s failed (attempt %s): %s", email.key, email.attempts, error
        )


class NoticeEmail(Builder):
    """One recorded notice to a confirmed subscriber; marked sent with the
    server's acceptance."""

    def build(self, *, notice_id: int):
        notice = (
            Notice.objects.select_related("subscription")
            .filter(pk=notice_id, sent_at__isnull=True)
            .filter(subscription__confirmed_at__isnull=False)
            .first()
        )
        if notice is None or notice.subject is None:
            return None  # sent, unsubscribed, or what it was about is gone
        channel = channels.get(notice.subscription.channel)
        template, context = channel.notice_email(notice)
        return build_message(notice.subscription, template, context)

    def sent(self, email, *, notice_id: int) -> None:
        Notice.objects.filter(pk=notice_id).update(sent_at=timezone.now())
        logger.info("following: notice sent (%s)", email.key)

    def failed(self, email, *, error: str, will_retry: bool, **kwargs) -> None:
        logger.warning(
            "following: %s failed (attempt %s): %s", email.key, email.attempts, error
        )


confirmation = Confirmation()
notice = NoticeEmail()
