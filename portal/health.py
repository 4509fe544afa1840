"""What /healthz checks. The project's own parts are here (database, cache,
storage); apps above add theirs with the Wagtail hook «portal_health_checks»:
a function returning {name: Check} (the outbox adds the worker's heartbeat and
the age of the oldest queued task). A check that fails makes /healthz 503."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from wagtail import hooks

from . import virus_scan

logger = logging.getLogger(__name__)


@dataclass
class Check:
    ok: bool
    detail: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"status": "ok" if self.ok else "error", **self.detail}


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
        return Check(False, {"error": type(exc).__name__})
    return Check(True)


def cache() -> Check:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        store = caches["default"]
        store.set(key, "1", 10)
        ok = store.get(key) == "1"
        store.delete(key)
    except Exception as exc:  # noqa: BLE001
        return Check(False, {"error": type(exc).__name__})
    return Check(ok, {} if ok else {"error": "value not kept"})


# Where residents' files and editors' media are written.
STORAGES_WRITTEN = ("attachments", "default")


def storage() -> Check:
    """Write, read back and delete a small file in each storage: a full disk or
    a folder that cannot be written fails here before it fails a resident."""
    failing = {}
    for alias in STORAGES_WRITTEN:
        store = storages[alias]
        name = f".healthz-{uuid.uuid4().hex}"
        try:
            saved = store.save(name, ContentFile(b"ok"))
            store.delete(saved)
        except Exception as exc:  # noqa: BLE001
            failing[alias] = type(exc).__name__
    if failing:
        return Check(False, {"not_writable": failing})
    return Check(True)


def scanner() -> Check:
    """The virus scanner answers clamd's PING. While it is down files wait,
    unserved, for their scan: nothing is lost, but staff cannot open them."""
    name = virus_scan.scanner_name()
    if not virus_scan.enabled():
        return Check(True, {"scanner": name})
    ok = virus_scan.clamd_ping()
    return Check(ok, {"scanner": name} if ok else {"scanner": name, "error": "no PONG"})


def run_checks() -> dict[str, Check]:
    checks = {
        "database": database(),
        "cache": cache(),
        "storage": storage(),
        "virus_scanner": scanner(),
    }
    if checks["database"].ok:
        for provider in hooks.get_hooks("portal_health_checks"):
            try:
                checks.update(provider())
            except Exception as exc:  # noqa: BLE001 - a broken check is a failed one
                logger.exception("Health check %s failed", provider.__name__)
                checks[provider.__name__] = Check(False, {"error": type(exc).__name__})
    return checks
