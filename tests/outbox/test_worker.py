"""Leases and the outbox, in process: what the fault suite drives for real."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.delivery import deliver
from outbox.models import Email, EmailStatus, WorkerHeartbeat
from outbox.worker import reclaim_abandoned, requeue_orphaned_emails

pytestmark = pytest.mark.django_db


def _running(worker_ids, started_ago):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="outbox.tasks.deliver_email",
        backend_name="default",
        run_after=now,
        worker_ids=worker_ids,
        started_at=now - datetime.timedelta(seconds=started_ago),
    )


def _beat(worker_id, ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        started_at=now - datetime.timedelta(hours=1),
        seen_at=now - datetime.timedelta(seconds=ago),
    )


def test_tasks_of_a_dead_worker_taken_back_live_ones_kept(settings):
    settings.PORTAL = {**settings.PORTAL, "TASK_LEASE_SECONDS": 60}
    _beat("dead", ago=61)
    _beat("alive", ago=5)
    dead = _running(["dead"], started_ago=70)
    alive = _running(["alive"], started_ago=3000)
    # No heartbeat at all (another worker command): only after the max run time.
    unknown_recent = _running(["other"], started_ago=600)
    unknown_old = _running(["other"], started_ago=7200)
    assert reclaim_abandoned() == 2
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[dead.pk] == "READY"
    assert statuses[alive.pk] == "RUNNING"
    assert statuses[unknown_recent.pk] == "RUNNING"
    assert statuses[unknown_old.pk] == "READY"


def test_a_task_that_kills_every_worker_fails_in_the_end(settings):
    settings.PORTAL = {**settings.PORTAL, "TASK_MAX_CLAIMS": 3}
    _beat("w3", ago=600)
    task = _running(["w1", "w2", "w3"], started_ago=700)
    reclaim_abandoned()
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "outbox.worker.WorkerLost"


def test_a_sent_email_is_not_sent_again(units, commit):
    from feedback.choices import InputKind
    from tests.factories import submit

    with commit(execute=True):
        submit(kind=InputKind.QUESTION, text="Hei", contact_email="kari@example.org")
    assert len(mail.outbox) == 2
    receipt = Email.objects.get(key__startswith="feedback.receipt:")
    assert receipt.status == EmailStatus.SENT and receipt.sent_at
    # The same Message-ID on the message the server took.
    sent = next(m for m in mail.outbox if m.to == ["kari@example.org"])
    assert receipt.message_id in sent.extra_headers["Message-ID"]
    # A re-run of its task (a worker that died after the send was recorded).
    assert deliver(receipt.pk).status == EmailStatus.SENT
    assert len(mail.outbox) == 2


def test_emails_without_a_delivery_task_queued_again(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.PORTAL = {**settings.PORTAL, "TASK_LEASE_SECONDS": 60}
    orphan = Email.objects.create(key="feedback.receipt:1", builder="x")
    Email.objects.filter(pk=orphan.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    assert requeue_orphaned_emails() == 1
    assert requeue_orphaned_emails() == 0  # its task now waits
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs["kwargs"]["email_id"] == orphan.pk
