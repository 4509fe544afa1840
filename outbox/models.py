"""What the portal adds to django-tasks so that nothing is lost: one row per
e-mail (the outbox, with the Message-ID recorded when the mail server accepts it)
and one row per running worker (its heartbeat, which leases its tasks)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed (given up)")
    DROPPED = "dropped", _("Nothing to send")


def new_message_id() -> str:
    return uuid.uuid4().hex


class Email(models.Model):
    """One e-mail the portal promised to send. Holds no address and no text:
    the builder renders the message from ids when it is sent, so a row outlives
    anonymisation without keeping personal data."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    builder = models.CharField(_("builder"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict)
    # The local part of the Message-ID header, fixed when the row is written:
    # every attempt sends the same id, so a receiving server can tell a resend.
    message_id = models.CharField(
        _("Message-ID"), max_length=64, unique=True, default=new_message_id
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EmailStatus.choices,
        default=EmailStatus.QUEUED,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    attempted_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("accepted by the mail server"), null=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.key

    @property
    def purpose(self) -> str:
        return self.key.split(":", 1)[0]


class WorkerHeartbeat(models.Model):
    """A worker's sign of life, written by a thread beside the task it runs.
    A task RUNNING on a worker whose heartbeat is older than the lease is taken
    back and run again."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=200, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True)
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid} ({self.worker_id})"
