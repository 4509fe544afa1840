"""Promising an e-mail: one outbox row, written in the caller's transaction."""

from __future__ import annotations

from django.db import transaction

from .models import Email
from .tasks import deliver_email


def email_queue(*, builder: str, key: str, **kwargs) -> Email:
    """Promise the e-mail `key` (e.g. "feedback.receipt:12"), rendered by the
    Builder at the dotted path `builder` from `kwargs` (ids only) when it is sent.

    The row commits with the caller's data or not at all; its delivery task is
    queued on commit (and queued again by the worker if that was lost). Queuing
    the same key twice promises one e-mail.
    """
    email, created = Email.objects.get_or_create(
        key=key, defaults={"builder": builder, "kwargs": kwargs}
    )
    if created:
        pk = email.pk
        transaction.on_commit(lambda: deliver_email.enqueue(email_id=pk))
    return email
