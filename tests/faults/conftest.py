"""Fault injection: real worker processes, a real SMTP server on 127.0.0.1,
real PostgreSQL clusters stopped and started. Each test is bounded in time and
prints what it counted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

ROOT = Path(django_settings.BASE_DIR)


class Worker:
    """`manage.py db_worker` in its own process, against the test database."""

    def __init__(self, *, env: dict, args: list[str], log: Path):
        self.log = log
        self._file = log.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", *args],
            cwd=ROOT,
            env=env,
            stdout=self._file,
            stderr=subprocess.STDOUT,
        )

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        self.process.wait(30)
        self._file.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def worker_env(tmp_path):
    def make(**extra) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
            "FAULTS_DB_NAME": connection.settings_dict["NAME"],
            "PYTHONUNBUFFERED": "1",
        }
        env.update({k: str(v) for k, v in extra.items()})
        return env

    return make


@pytest.fixture
def start_worker(tmp_path):
    started: list[Worker] = []

    def start(env: dict, *args: str, name: str = "worker") -> Worker:
        worker = Worker(env=env, args=list(args), log=tmp_path / f"{name}.log")
        started.append(worker)
        return worker

    yield start
    for worker in started:  # never leave a worker running
        worker.kill()


def wait_for(condition, *, timeout: float, step: float = 0.2, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def triage(db):
    """The triage unit with a functional mailbox: every input lands there."""
    from tests.factories import UnitFactory

    return UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)


# What each fault test counted, printed at the end of the run (make test shows it).
COUNTS: list[str] = []


@pytest.fixture
def counted():
    return COUNTS.append


def pytest_terminal_summary(terminalreporter):
    if COUNTS:
        terminalreporter.section("fault suite: what was counted")
        for line in COUNTS:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The form rate limit counts in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
