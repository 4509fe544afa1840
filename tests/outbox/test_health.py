"""/healthz (issue 12 §4, §5): storage that cannot be written, a worker whose
heartbeat stopped and a queue that waits too long each make it 503, with a JSON
body that says which."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from outbox.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def durable(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def _beat(ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w", started_at=now, seen_at=now - datetime.timedelta(seconds=ago)
    )


def test_unwritable_attachments_folder_reported(client, settings, tmp_path):
    # A file where the folder should be: every write fails with an OSError, as
    # on a full disk or a folder without write permission (tests run as root,
    # which no permission bit stops).
    blocker = tmp_path / "attachments"
    blocker.write_text("not a folder")
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(blocker / "inside")},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage["status"] == "error"
    assert set(storage["not_writable"]) == {"attachments"}
    assert str(tmp_path) not in response.content.decode()  # no paths disclosed


def test_worker_and_queue_ok(client, durable):
    _beat(ago=5)
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    checks = response.json()["checks"]
    assert checks["worker"]["status"] == "ok"
    assert checks["worker"]["last_heartbeat_seconds"] <= 6
    assert checks["queue"] == {
        "status": "ok",
        "ready": 0,
        "oldest_seconds": 0,
        "limit_seconds": 900,
    }


def test_no_worker_ever(client, durable):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["error"] == "no worker has run"


def test_stopped_worker_and_old_queue(client, durable, settings):
    settings.PORTAL = {
        **settings.PORTAL,
        "HEALTH_HEARTBEAT_MAX_SECONDS": 60,
        "HEALTH_QUEUE_MAX_SECONDS": 300,
    }
    _beat(ago=61)
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="outbox.tasks.deliver_email",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=400)
    )
    # A task deferred into the future does not count as waiting.
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="outbox.tasks.deliver_email",
        backend_name="default",
        run_after=timezone.now() + datetime.timedelta(hours=1),
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["worker"]["status"] == "error"
    assert checks["worker"]["last_heartbeat_seconds"] >= 61
    assert checks["queue"]["status"] == "error"
    assert checks["queue"]["ready"] == 1 and checks["queue"]["oldest_seconds"] >= 400
