"""The one task of the outbox: deliver an e-mail row (see delivery.py)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import default_task_backend, task

from .delivery import EmailDeliveryError, backoff, deliver
from .models import Email


@task()
def deliver_email(*, email_id: int, attempt: int = 1) -> str:
    """Send one outbox e-mail; on failure queue the next attempt with a growing
    delay and raise, so the worker records the failed run."""
    outcome = deliver(email_id)
    if outcome.retry:
        retry = deliver_email
        if default_task_backend.supports_defer:
            retry = deliver_email.using(
                run_after=timezone.now() + backoff(outcome.attempts)
            )
        retry.enqueue(email_id=email_id, attempt=attempt + 1)
    if outcome.error:
        key = Email.objects.filter(pk=email_id).values_list("key", flat=True).first()
        # The key is ids only (e.g. "feedback.receipt:12"): no address, no text.
        raise EmailDeliveryError(
            f"{key} failed (attempt {outcome.attempts}): {outcome.error}"
        )
    return outcome.status
