"""Which notices are due today. Run daily (manage.py send_hearing_notices):
each (subscriber, hearing, kind) is recorded once in NoticeSent before its e-mail
is queued, so running twice sends nothing twice."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .choices import NoticeKind, SubscriptionScope
from .models import NoticeSent, Subscription
from .selectors import live_original_hearings

# A hearing that opened longer ago than this is not announced as new (e.g. after
# the command has not run for a while, or for hearings created before launch).
OPENED_WINDOW_DAYS = 7
DEADLINE_NOTICE_DAYS = 7


def _confirmed():
    return Subscription.objects.filter(confirmed_at__isnull=False)


def due_notices(now: datetime.datetime | None = None):
    """(hearing, kind, subscriptions queryset) for every notice due at `now`."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    hearings = list(live_original_hearings().prefetch_related("topics"))
    for hearing in hearings:
        status = hearing.status_at(now)
        if status == "open":
            if (today - hearing.opens_on).days <= OPENED_WINDOW_DAYS:
                topic_ids = [t.pk for t in hearing.topics.all()]
                yield (
                    hearing,
                    NoticeKind.OPENED,
                    _confirmed().filter(
                        Q(scope=SubscriptionScope.ALL)
                        | Q(scope=SubscriptionScope.TOPIC, topic_id__in=topic_ids)
                    ),
                )
            if (hearing.deadline - today).days <= DEADLINE_NOTICE_DAYS:
                yield (
                    hearing,
                    NoticeKind.DEADLINE_SOON,
                    _confirmed().filter(
                        scope=SubscriptionScope.HEARING, hearing=hearing
                    ),
                )
        elif status == "concluded":
            yield (
                hearing,
                NoticeKind.OUTCOME,
                _confirmed().filter(scope=SubscriptionScope.HEARING, hearing=hearing),
            )


def queue_due_notices(now: datetime.datetime | None = None) -> dict[str, int]:
    """Record and queue every due notice not sent before. Returns counts by kind."""
    from .tasks import send_notice

    counts = dict.fromkeys(NoticeKind.values, 0)
    for hearing, kind, subscriptions in due_notices(now):
        with transaction.atomic():
            already = NoticeSent.objects.filter(hearing=hearing, kind=kind)
            new = [
                NoticeSent(subscription=s, hearing=hearing, kind=kind)
                for s in subscriptions.exclude(pk__in=already.values("subscription_id"))
            ]
            # ignore_conflicts: a parallel run recorded the same notice first.
            NoticeSent.objects.bulk_create(new, ignore_conflicts=True)
            created = list(
                NoticeSent.objects.filter(
                    hearing=hearing,
                    kind=kind,
                    subscription_id__in=[n.subscription_id for n in new],
                ).values_list("pk", flat=True)
            )
            for pk in created:
                transaction.on_commit(lambda pk=pk: send_notice.enqueue(pk))
        counts[kind] += len(created)
    return counts
