"""Virus scanning of resident attachments, in the background after the input is
stored (portal.virus_scan is the scanner). Below the services, like the outbox's
task, so `submission_create` can queue a scan on commit.

States (feedback.choices.ScanState): pending until scanned; clean; infected
(quarantined: never served, to anyone); error (the scanner could not read it:
not served either); unscanned when no scanner is configured.
"""

from __future__ import annotations

import datetime
import functools
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from portal import virus_scan

from .choices import ScanState
from .models import Attachment

logger = logging.getLogger(__name__)

SCAN_MAX_ATTEMPTS = 12


def scan_backoff(attempt: int) -> datetime.timedelta:
    """Wait before attempt `attempt + 1`: 1, 2, 4 … minutes, at most an hour.
    After the last one, `attachments_scan_pending` (a daily timer) starts over."""
    return datetime.timedelta(minutes=min(2 ** (attempt - 1), 60))


def scan_queue(attachment_ids: list[int]) -> None:
    """Queue a scan of each attachment once the current transaction commits."""
    for pk in attachment_ids:
        transaction.on_commit(functools.partial(_enqueue, pk))


def _enqueue(pk: int) -> None:
    scan_attachment.enqueue(attachment_id=pk)


@transaction.atomic
def attachment_scan_record(
    *,
    attachment: Attachment,
    verdict: virus_scan.Verdict | None = None,
    error: str = "",
) -> Attachment:
    """Store a scan's outcome (None: no scanner configured). Only a pending
    attachment changes, so a second run of the same scan changes nothing."""
    row = (
        Attachment.objects.select_for_update()
        .filter(pk=attachment.pk, scan_state=ScanState.PENDING)
        .first()
    )
    if row is None:
        return attachment
    if error:
        row.scan_state, row.scan_detail = ScanState.ERROR, error[:200]
    elif verdict is None:
        row.scan_state, row.scan_detail = ScanState.UNSCANNED, ""
    elif verdict.clean:
        row.scan_state, row.scan_detail = ScanState.CLEAN, ""
    elif verdict.signature:
        row.scan_state, row.scan_detail = ScanState.INFECTED, verdict.signature
    else:
        row.scan_state, row.scan_detail = ScanState.ERROR, verdict.error
    row.scanned_at = timezone.now()
    row.save(update_fields=["scan_state", "scan_detail", "scanned_at"])
    if row.scan_state == ScanState.INFECTED:
        # Never the file's name in the log: it may name the resident.
        logger.warning("attachment %s quarantined: %s", row.pk, row.scan_detail)
        log(
            instance=row.submission,
            action="feedback.attachment_quarantined",
            data={"attachment": row.pk, "signature": row.scan_detail},
        )
    return row


@task()
def scan_attachment(*, attachment_id: int, attempt: int = 1) -> str:
    """Scan one attachment and record its state. Idempotent: a file that is no
    longer pending (scanned by an earlier run) is left as it is. A scanner that
    is down leaves it pending and queues the next attempt with a growing wait."""
    attachment = Attachment.objects.filter(
        pk=attachment_id, scan_state=ScanState.PENDING
    ).first()
    if attachment is None:
        return "done"
    if not virus_scan.enabled():
        return attachment_scan_record(attachment=attachment).scan_state
    try:
        with attachment.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        return attachment_scan_record(
            attachment=attachment, error="the stored file cannot be read"
        ).scan_state
    try:
        verdict = virus_scan.scan(data)
    except virus_scan.ScannerUnavailable as exc:
        logger.warning(
            "virus scanner unavailable for attachment %s (attempt %s): %s",
            attachment_id,
            attempt,
            exc,
        )
        if attempt < SCAN_MAX_ATTEMPTS:
            scan_attachment.using(
                run_after=timezone.now() + scan_backoff(attempt)
            ).enqueue(attachment_id=attachment_id, attempt=attempt + 1)
        return ScanState.PENDING
    return attachment_scan_record(attachment=attachment, verdict=verdict).scan_state


def scan_pending() -> int:
    """Queue a scan of every attachment still pending (after a long outage of
    the scanner, or files stored before scanning existed). Returns how many."""
    ids = list(
        Attachment.objects.filter(scan_state=ScanState.PENDING).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        scan_attachment.enqueue(attachment_id=pk)
    return len(ids)
