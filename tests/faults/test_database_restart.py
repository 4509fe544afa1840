"""Issue 12 §2: the database restarts under a running worker. Before, the
worker exited with the database and the queue sat until someone restarted it;
now it logs the outage, reconnects with a growing delay, and the queue drains.

The database is a throwaway cluster this test creates and stops (never the
shared PostgreSQL); it only holds the task queue and the worker heartbeats."""

from __future__ import annotations

import time

import pytest
from django.db import connections
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from outbox.models import Email, WorkerHeartbeat

from .cluster import Cluster
from .conftest import wait_for

ALIAS = "faults_cluster"
BEFORE, AFTER = 40, 45


@pytest.fixture
def cluster(tmp_path, django_db_blocker):
    cluster = Cluster(tmp_path / "pgdata")
    cluster.start()
    cluster.create_database("faults")
    connections.settings[ALIAS] = {
        **connections.settings["default"],
        **cluster.settings("faults"),
        "OPTIONS": {},
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[ALIAS].schema_editor() as editor:
            for model in (DBTaskResult, WorkerHeartbeat, Email):
                editor.create_model(model)
        yield cluster
        connections[ALIAS].close()
    del connections[ALIAS]
    connections.settings.pop(ALIAS)
    cluster.stop(mode="immediate")


def _enqueue(first: int, count: int) -> None:
    DBTaskResult.objects.using(ALIAS).bulk_create(
        DBTaskResult(
            args_kwargs={"args": [n], "kwargs": {}},
            task_path="tests.faults.sample_tasks.tick",
            backend_name="default",
            queue_name="default",
            run_after=get_date_max(),
            enqueued_at=timezone.now(),
        )
        for n in range(first, first + count)
    )


def _done() -> int:
    return DBTaskResult.objects.using(ALIAS).filter(status="SUCCESSFUL").count()


def test_worker_survives_database_restart(cluster, worker_env, start_worker, counted):
    _enqueue(0, BEFORE)
    env = worker_env(DATABASE_URL=cluster.url("faults"))
    env.pop("FAULTS_DB_NAME")
    worker = start_worker(env, "--interval", "0.2", name="restart")
    wait_for(lambda: _done() >= 5, timeout=60, what="the worker to start")

    connections[ALIAS].close()
    cluster.stop()
    stopped = time.monotonic()
    time.sleep(4)  # the outage
    assert worker.process.poll() is None, worker.output()
    cluster.start()
    outage = time.monotonic() - stopped

    _enqueue(BEFORE, AFTER)  # queued after the restart, like the unit notices
    wait_for(lambda: _done() == BEFORE + AFTER, timeout=90, what="the queue to drain")
    assert worker.process.poll() is None, "the worker exited"
    statuses = dict(
        DBTaskResult.objects.using(ALIAS).values_list("status").annotate(n=Count("id"))
    )
    worker.kill()
    log = worker.output()
    counted(
        f"database restart ({outage:.1f} s down): tasks queued {BEFORE + AFTER}"
        f" / done {_done()} / lost {BEFORE + AFTER - _done()}; by status {statuses}"
    )
    assert statuses == {"SUCCESSFUL": BEFORE + AFTER}
    assert "Database unavailable" in log and "Database available again" in log
