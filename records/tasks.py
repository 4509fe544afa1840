"""Background work of the archive: sending posts (retried with the same growing
delay as the portal's e-mails) and collecting receipts that come later."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from outbox.delivery import backoff

from . import services
from .messages import ArchiveError
from .models import ArchivePost
from .transports import ArchiveTransportError

logger = logging.getLogger(__name__)


def max_attempts() -> int:
    return int(settings.PORTAL_ARCHIVE.get("MAX_ATTEMPTS", 8))


@task()
def archive_post(*, post_id: int) -> str:
    """Send one post; on failure try again later, at most MAX_ATTEMPTS times.
    The failing attempt raises so the worker records it (no personal data in
    the message: the post's key is the portal's reference)."""
    try:
        result = services.post_send(post_id=post_id)
    except ArchiveError:
        # An invalid message does not become valid by waiting: no retry. The
        # post shows «failed» with the reason in the case view.
        raise
    except ArchiveTransportError:
        post = ArchivePost.objects.filter(pk=post_id).only("attempts").first()
        attempts = post.attempts if post else max_attempts()
        if attempts < max_attempts():
            retry = archive_post
            if default_task_backend.supports_defer:
                retry = archive_post.using(run_after=timezone.now() + backoff(attempts))
                retry.enqueue(post_id=post_id)
        raise
    if result == services.SendResult.SENT and default_task_backend.supports_defer:
        # The archive answers later (folder import): look for its receipt.
        collect_receipts.using(
            run_after=timezone.now() + datetime.timedelta(minutes=1)
        ).enqueue()
    return result


@task()
def collect_receipts() -> int:
    return services.receipts_collect()


@task()
def retention_run() -> dict:
    from . import retention

    return retention.run()
