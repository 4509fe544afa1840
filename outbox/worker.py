"""The task worker, made to lose nothing: django-tasks-db's worker plus

- a heartbeat (a thread writes `WorkerHeartbeat.seen_at` every few seconds,
  also while a long task runs);
- leases: a task left RUNNING by a worker whose heartbeat stopped (killed,
  machine gone) goes back to READY and runs again; after too many claims it is
  marked failed instead of looping for ever;
- outbox e-mails whose delivery task was never queued (the process died between
  commit and enqueue) are queued again;
- the database going away: the worker logs it, waits with a growing delay and
  carries on when the database is back, instead of exiting.

Every limit is in settings.PORTAL (TASK_LEASE_SECONDS, TASK_HEARTBEAT_SECONDS,
TASK_MAX_RUN_SECONDS, TASK_MAX_CLAIMS).
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.compat import (
    TaskContext,
    TaskResultStatus,
    task_finished,
    task_started,
)
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .models import Email, EmailStatus, WorkerHeartbeat

logger = logging.getLogger("outbox.worker")

# Errors that mean "the database is not there", not "the task is wrong".
CONNECTION_ERRORS = (OperationalError, InterfaceError)
DELIVER_TASK = "outbox.tasks.deliver_email"


class WorkerLost(Exception):
    """A task whose worker died too many times while running it."""


def _setting(name: str, default: float) -> float:
    return float(settings.PORTAL.get(name, default))


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=_setting("TASK_LEASE_SECONDS", 120))


def heartbeat_interval() -> float:
    return _setting("TASK_HEARTBEAT_SECONDS", 10)


def max_run() -> datetime.timedelta:
    return datetime.timedelta(seconds=_setting("TASK_MAX_RUN_SECONDS", 3600))


def max_claims() -> int:
    return int(_setting("TASK_MAX_CLAIMS", 5))


def reclaim_abandoned(*, now: datetime.datetime | None = None) -> int:
    """Put tasks of dead workers back in the queue. A task is abandoned when the
    worker that claimed it last has a heartbeat older than the lease, or, for a
    worker that never wrote one (another worker command), when it started longer
    than TASK_MAX_RUN_SECONDS ago. Returns how many were taken back or failed."""
    now = now or timezone.now()
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - lease()).values_list(
            "worker_id", flat=True
        )
    )
    known = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    taken = 0
    with exclusive_transaction():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for task_result in running:
            owner = task_result.worker_ids[-1] if task_result.worker_ids else ""
            if owner in alive:
                continue
            started = task_result.started_at or task_result.enqueued_at
            if owner not in known and started > now - max_run():
                continue
            taken += 1
            if len(task_result.worker_ids) >= max_claims():
                logger.error(
                    "Task %s (%s) failed: its worker died %s times while running it",
                    task_result.id,
                    task_result.task_path,
                    len(task_result.worker_ids),
                )
                task_result.set_failed(WorkerLost(f"worker lost {owner}"))
                continue
            logger.warning(
                "Task %s (%s) taken back from worker %s, which stopped "
                "(claim %s of at most %s)",
                task_result.id,
                task_result.task_path,
                owner or "?",
                len(task_result.worker_ids),
                max_claims(),
            )
            task_result.status = TaskResultStatus.READY
            task_result.save(update_fields=["status"])
    return taken


def requeue_orphaned_emails(*, now: datetime.datetime | None = None) -> int:
    """Queue a delivery task for outbox rows that have none (the process died
    between the commit and the enqueue). Returns how many were queued."""
    from .tasks import deliver_email

    now = now or timezone.now()
    waiting = DBTaskResult.objects.filter(
        task_path=DELIVER_TASK,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs__kwargs__email_id", flat=True)
    orphans = (
        Email.objects.filter(status=EmailStatus.QUEUED, created_at__lt=now - lease())
        .exclude(pk__in=[pk for pk in waiting if pk is not None])
        .filter(Q(attempted_at__isnull=True) | Q(attempted_at__lt=now - lease()))
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in orphans:
        deliver_email.enqueue(email_id=pk)
        count += 1
    if count:
        logger.warning("Queued %s outbox e-mails that had no delivery task", count)
    return count


def _database_answers() -> bool:
    """After a connection error: is the database there (the task's own fault)
    or gone (the task should run again)?"""
    connections.close_all()
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


class Heartbeat(threading.Thread):
    """Writes the worker's heartbeat every TASK_HEARTBEAT_SECONDS, on its own
    database connection, whatever the main thread is doing."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.started_at = timezone.now()
        self.failing = False

    def beat(self) -> None:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "seen_at": timezone.now(),
                "hostname": socket.gethostname()[:200],
                "pid": os.getpid(),
                "started_at": self.started_at,
            },
        )

    def run(self) -> None:
        while True:
            try:
                self.beat()
                self.failing = False
            except DatabaseError:
                # The main loop logs the outage; close this thread's broken
                # connection so the next beat reconnects.
                self.failing = True
                connections.close_all()
            if self.stopped.wait(heartbeat_interval()):
                break
        connections.close_all()


class LeasedWorker(Worker):
    """django-tasks-db's Worker with heartbeat, leases and reconnect."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat = Heartbeat(self.worker_id)
        self._last_maintenance = 0.0
        self._unfinished: str | None = None
        self._down_since: float | None = None

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s lease=%ss",
            self.worker_id,
            ",".join(self.queue_names),
            int(lease().total_seconds()),
        )
        if self.startup_delay and self.interval:
            time.sleep(min(self.interval, 1.0) * (os.getpid() % 100) / 100)
        self.heartbeat.start()
        delay = 1.0
        try:
            while self.running:
                try:
                    found, done = self.step()
                except CONNECTION_ERRORS as exc:
                    if self._down_since is None:
                        self._down_since = time.monotonic()
                    logger.warning(
                        "Database unavailable (%s); trying again in %.0f s",
                        type(exc).__name__,
                        delay,
                    )
                    connections.close_all()
                    time.sleep(delay)
                    delay = min(delay * 2, 30.0)
                    continue
                delay = 1.0
                if done:
                    return
                if self.running and not found:
                    time.sleep(self.interval)
        finally:
            self.heartbeat.stopped.set()

    def step(self) -> tuple[bool, bool]:
        """One round: maintenance when due, then claim and run one task.
        Returns (found a task, the worker should stop)."""
        connections["default"].close_if_unusable_or_obsolete()
        if self._down_since is not None:
            logger.warning(
                "Database available again after %.0f s",
                time.monotonic() - self._down_since,
            )
            self._down_since = None
        if self._unfinished is not None:
            # The database went away while a task ran here: give it back.
            DBTaskResult.objects.filter(
                pk=self._unfinished, status=TaskResultStatus.RUNNING
            ).update(status=TaskResultStatus.READY)
            self._unfinished = None
        if time.monotonic() - self._last_maintenance >= lease().total_seconds() / 4:
            self.heartbeat.beat()
            reclaim_abandoned()
            requeue_orphaned_emails()
            self._last_maintenance = time.monotonic()

        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        if task_result is None:
            return False, self.batch
        self._unfinished = str(task_result.pk)
        self.run_task(task_result)
        self._unfinished = None
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            logger.info("Ran %d tasks; exiting.", self._run_tasks)
            return True, True
        return True, False

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """As upstream, but a task that failed because the database went away is
        not marked failed: the error propagates and the task is given back."""
        try:
            self.running_task = True
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            if task.takes_context:
                return_value = task.call(
                    TaskContext(task_result=task_result),
                    *task_result.args,
                    **task_result.kwargs,
                )
            else:
                return_value = task.call(*task_result.args, **task_result.kwargs)
            db_task_result.set_successful(return_value)
            task_finished.send(
                sender=backend_type, task_result=db_task_result.task_result
            )
        except BaseException as exc:  # noqa: BLE001 - recorded on the task, as upstream
            if isinstance(exc, CONNECTION_ERRORS) and not _database_answers():
                raise
            db_task_result.set_failed(exc)
            try:
                sender = type(db_task_result.task.get_backend())
                task_result = db_task_result.task_result
            except (ImportError, SuspiciousOperation):
                logger.exception("Task id=%s failed unexpectedly", db_task_result.id)
            else:
                task_finished.send(sender=sender, task_result=task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1
