"""The worker's part of /healthz (registered in wagtail_hooks): its last
heartbeat and the age of the oldest task waiting to run, each failing above a
limit in settings.PORTAL (HEALTH_HEARTBEAT_MAX_SECONDS, HEALTH_QUEUE_MAX_SECONDS).
Only with the database task backend: with another, no worker of ours runs."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Case, F, Max, Min, When
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.health import Check

from .models import WorkerHeartbeat


def _limit(name: str, default: int) -> int:
    return int(settings.PORTAL.get(name, default))


def worker_checks() -> dict[str, Check]:
    if not isinstance(task_backends["default"], DatabaseBackend):
        return {}
    now = timezone.now()
    seen = WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]
    heartbeat_limit = _limit("HEALTH_HEARTBEAT_MAX_SECONDS", 120)
    if seen is None:
        worker = Check(
            False, {"error": "no worker has run", "limit_seconds": heartbeat_limit}
        )
    else:
        age = int((now - seen).total_seconds())
        worker = Check(
            age <= heartbeat_limit,
            {"last_heartbeat_seconds": age, "limit_seconds": heartbeat_limit},
        )
    # A deferred task waits from its run_after, any other from when it was queued.
    due = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
    )
    ready = DBTaskResult.objects.ready().annotate(due=due)
    oldest = ready.aggregate(oldest=Min("due"))["oldest"]
    queue_limit = _limit("HEALTH_QUEUE_MAX_SECONDS", 900)
    age = int((now - oldest).total_seconds()) if oldest else 0
    queue = Check(
        age <= queue_limit,
        {"ready": ready.count(), "oldest_seconds": age, "limit_seconds": queue_limit},
    )
    return {"worker": worker, "queue": queue}
