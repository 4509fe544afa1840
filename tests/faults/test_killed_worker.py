"""Issue 12 §1: a worker killed with SIGKILL in the middle of an SMTP send.
Before the lease, its task stayed RUNNING for ever and the e-mail was lost;
now a new worker takes it back after the lease and every e-mail is delivered
exactly once (counted by Message-ID at a real SMTP server on 127.0.0.1)."""

from __future__ import annotations

import os

import pytest
from django_tasks_db.models import DBTaskResult

from feedback.choices import InputKind
from outbox.delivery import message_id_header
from outbox.models import Email, EmailStatus
from tests.factories import submit

from .conftest import wait_for
from .smtp_server import SMTPServer

INPUTS = 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killed_worker_mid_send_every_email_once(
    settings, triage, worker_env, start_worker, counted
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    stored = [
        submit(
            kind=InputKind.QUESTION,
            text=f"Spørsmål {n}",
            contact_email=f"innbygger{n}@example.org",
        )[0]
        for n in range(INPUTS)
    ]
    expected = {message_id_header(e) for e in Email.objects.all()}
    assert len(expected) == 2 * INPUTS  # a receipt and a unit notice each

    with SMTPServer(stall=1) as smtp:
        env = worker_env(
            FAULTS_SMTP_PORT=smtp.port,
            PORTAL_TASK_LEASE_SECONDS=int(os.environ.get("FAULTS_LEASE", "3")),
        )
        first = start_worker(env, "--interval", "0.2", name="first")
        assert smtp.stalled.wait(90), first.output()
        first.kill()  # SIGKILL while the server holds the DATA command
        smtp.release.set()
        # The dead worker's task is still RUNNING: nothing in django-tasks-db
        # would ever run it again.
        assert DBTaskResult.objects.filter(status="RUNNING").count() == 1

        second = start_worker(env, "--interval", "0.2", name="second")
        wait_for(
            lambda: (
                Email.objects.filter(status=EmailStatus.SENT).count() == len(expected)
            ),
            timeout=90,
            what="every e-mail sent",
        )
        second.kill()
        delivered = smtp.message_ids()

    duplicated = sum(n - 1 for n in delivered.values() if n > 1)
    counted(
        f"killed worker: inputs attempted {INPUTS} / stored {len(stored)} / lost 0;"
        f" e-mails expected {len(expected)} / delivered {len(delivered)}"
        f" / duplicated {duplicated}"
    )
    assert set(delivered) == expected
    assert duplicated == 0
    assert "taken back from worker" in second.output()
    assert not DBTaskResult.objects.filter(status__in=["RUNNING", "READY"]).exists()
