"""Tasks queued before the outbox existed (their rows may still wait in a
queue): each hands its e-mail to the outbox (following.emails), which sends it
once, with the portal's retries."""

from __future__ import annotations

from django_tasks import task

from outbox.services import email_queue


@task()
def send_confirmation(subscription_id: int, attempt: int = 1) -> None:
    email_queue(
        builder="following.emails.confirmation",
        key=f"following.confirmation:{subscription_id}:legacy",
        subscription_id=subscription_id,
    )


@task()
def send_notice(notice_id: int, attempt: int = 1) -> None:
    email_queue(
        builder="following.emails.notice",
        key=f"following.notice:{notice_id}",
        notice_id=notice_id,
    )
