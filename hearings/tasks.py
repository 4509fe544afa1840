"""Background e-mail for people following hearings (django-tasks)."""

import logging

from django.utils import translation
from django_tasks import task

from .choices import NoticeKind, SubscriptionScope
from .emails import absolute_url, build_message, confirm_url
from .models import NoticeSent, Subscription

logger = logging.getLogger(__name__)

NOTICE_TEMPLATES = {
    NoticeKind.OPENED: "hearings/email/notice_opened.txt",
    NoticeKind.DEADLINE_SOON: "hearings/email/notice_deadline.txt",
    NoticeKind.OUTCOME: "hearings/email/notice_outcome.txt",
}


@task()
def send_confirmation(subscription_id: int) -> None:
    subscription = (
        Subscription.objects.select_related("hearing", "topic")
        .filter(pk=subscription_id, confirmed_at__isnull=True)
        .first()
    )
    if subscription is None:
        return  # confirmed or unsubscribed meanwhile
    message = build_message(
        subscription,
        "hearings/email/confirm.txt",
        {
            "confirm_url": confirm_url(subscription),
            "scope": SubscriptionScope(subscription.scope),
        },
    )
    message.send()
    logger.info(
        "hearing subscription confirmation sent (subscription %s)", subscription.pk
    )


@task()
def send_notice(notice_id: int) -> None:
    notice = (
        NoticeSent.objects.select_related("subscription", "hearing")
        .filter(pk=notice_id, subscription__confirmed_at__isnull=False)
        .first()
    )
    if notice is None:
        return
    hearing = notice.hearing
    with translation.override(notice.subscription.language):
        url = absolute_url(hearing.url or "/")
    message = build_message(
        notice.subscription,
        NOTICE_TEMPLATES[notice.kind],
        {
            "hearing": hearing,
            "hearing_url": url,
        },
    )
    message.send()
    logger.info("hearing notice %s sent (hearing %s)", notice.kind, hearing.pk)
