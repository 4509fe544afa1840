"""Which notices are due today. Run daily (manage.py send_hearing_notices): each
(subscriber, hearing, kind) is recorded once by following.services.notices_queue
before its e-mail is queued, so running twice sends nothing twice."""

import datetime

from django.utils import timezone

from following.selectors import followers, followers_of_any
from following.services import notices_queue

from .choices import NoticeKind
from .following import CHANNEL
from .selectors import live_original_hearings

# A hearing that opened longer ago than this is not announced as new (e.g. after
# the command has not run for a while, or for hearings created before launch).
OPENED_WINDOW_DAYS = 7
DEADLINE_NOTICE_DAYS = 7


def due_notices(now: datetime.datetime | None = None):
    """(hearing, kind, subscriptions queryset) for every notice due at `now`."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    hearings = list(live_original_hearings().prefetch_related("topics"))
    for hearing in hearings:
        status = hearing.status_at(now)
        if status == "open":
            if (today - hearing.opens_on).days <= OPENED_WINDOW_DAYS:
                yield (
                    hearing,
                    NoticeKind.OPENED,
                    followers_of_any(CHANNEL, hearing.topics.all(), channel_wide=True),
                )
            if (hearing.deadline - today).days <= DEADLINE_NOTICE_DAYS:
                yield hearing, NoticeKind.DEADLINE_SOON, followers(CHANNEL, hearing)
        elif status == "concluded":
            yield hearing, NoticeKind.OUTCOME, followers(CHANNEL, hearing)


def queue_due_notices(now: datetime.datetime | None = None) -> dict[str, int]:
    """Record and queue every due notice not sent before. Returns counts by kind."""
    counts = dict.fromkeys(NoticeKind.values, 0)
    for hearing, kind, subscriptions in due_notices(now):
        counts[kind] += notices_queue(
            subject=hearing, kind=kind, subscriptions=subscriptions
        )
    return counts
