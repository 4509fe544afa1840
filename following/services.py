"""Every write of following: keyword-only, atomic; e-mails only after commit."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from outbox.services import email_queue

from .models import Notice, Subscription
from .selectors import subscriptions_for_email, target_filter


def _resend_after() -> datetime.timedelta:
    # At most one pending confirmation e-mail per address an hour: asking again
    # and again, for one thing or many, must not make the portal a mail cannon.
    return datetime.timedelta(
        minutes=int(settings.PORTAL.get("FOLLOW_CONFIRM_RESEND_MINUTES", 60))
    )


def _email(builder: str, keys_kwargs: list[tuple[str, dict]]) -> None:
    """Promise e-mails (following.emails.<builder>) in the current transaction:
    they commit with the change or not at all, and the outbox sends each once."""
    for key, kwargs in keys_kwargs:
        email_queue(builder=f"following.emails.{builder}", key=key, **kwargs)


def subscription_request(
    *,
    channel: str,
    email: str,
    target=None,
    language: str = "nb",
    confirmed: bool = False,
    now: datetime.datetime | None = None,
) -> Subscription:
    """Ask to follow `target` (None: everything new in `channel`) and queue the
    confirmation e-mail (double opt-in). Asking again re-sends it, at most once
    an hour; a confirmed subscription is left as it is.

    `confirmed=True` is for an address confirmed in the same step by other
    means (a signer who confirmed the signature and asked for news of the
    proposal): no second e-mail then.
    """
    now = now or timezone.now()
    email = email.strip()
    lookup = Subscription.objects.filter(
        target_filter(target), email__iexact=email, channel=channel
    )
    with transaction.atomic():
        subscription = lookup.select_for_update().first()
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(
                        channel=channel,
                        target=target,
                        email=email,
                        language=language,
                        created_at=now,
                    )
            except IntegrityError:  # a parallel request created it first
                subscription = lookup.select_for_update().get()
        if subscription.is_confirmed:
            return subscription
        if confirmed:
            subscription.confirmed_at = now
            subscription.language = language
            subscription.save(update_fields=["confirmed_at", "language"])
            return subscription
        sent = subscription.confirmation_sent_at
        # At most one pending confirmation e-mail per address an hour, whatever
        # it asks to follow: twenty hearings asked for in a minute send one.
        pending_elsewhere = (
            Subscription.objects.filter(
                email__iexact=email,
                confirmed_at__isnull=True,
                confirmation_sent_at__gt=now - _resend_after(),
            )
            .exclude(pk=subscription.pk)
            .exists()
        )
        if not pending_elsewhere and (sent is None or sent <= now - _resend_after()):
            subscription.confirmation_sent_at = now
            subscription.language = language
            subscription.save(update_fields=["confirmation_sent_at", "language"])
            _email(
                "confirmation",
                [
                    (
                        f"following.confirmation:{subscription.pk}:{now.isoformat()}",
                        {"subscription_id": subscription.pk},
                    )
                ],
            )
    return subscription


def subscription_confirm(
    *, subscription: Subscription, now: datetime.datetime | None = None
) -> Subscription:
    """Confirm (the button behind the e-mail's link). Confirming twice is fine."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_delete(*, subscription: Subscription) -> None:
    # Nothing is kept: an unsubscribed address is not personal data we need.
    subscription.delete()


def subscriptions_delete_for_email(*, email: str) -> int:
    """Remove every subscription of one address (a rights request, GDPR art. 17).
    Returns how many were removed."""
    return subscriptions_for_email(email).delete()[1].get(Subscription._meta.label, 0)


def notices_queue(*, subject, kind: str, subscriptions: QuerySet) -> int:
    """Record one `kind` notice about `subject` for every confirmed subscription
    of `subscriptions` that has not had it, and queue its e-mail after commit.
    Returns how many were recorded now.

    The record is written first, with ON CONFLICT DO NOTHING and RETURNING: only
    the rows this call inserted are queued, so a second run, or two runs at
    once, send nothing twice.
    """
    subject_type = ContentType.objects.get_for_model(subject)
    ids = list(
        subscriptions.filter(confirmed_at__isnull=False).values_list("pk", flat=True)
    )
    if not ids:
        return 0
    notices = Notice._meta.db_table
    subscribers = Subscription._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Joined on the subscriptions again: one unsubscribed meanwhile is
        # skipped instead of failing the whole run.
        cursor.execute(
            f"""INSERT INTO {notices}
                    (subscription_id, subject_type_id, subject_id, kind, queued_at)
                SELECT s.id, %s, %s, %s, %s FROM {subscribers} s
                 WHERE s.id = ANY(%s::bigint[])
                ON CONFLICT DO NOTHING
                RETURNING id""",  # noqa: S608 - table names are ours
            [subject_type.pk, subject.pk, kind, timezone.now(), ids],
        )
        created = [row[0] for row in cursor.fetchall()]
        _email(
            "notice",
            [(f"following.notice:{pk}", {"notice_id": pk}) for pk in created],
        )
    return len(created)
