"""Background work: the overdue digest (retention is records.retention).

The e-mails about inputs are outbox builders in feedback.emails, sent once by
the outbox (outbox/delivery.py) with retries and a record in the timeline.
"""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation
from django_tasks import task
from wagtail import hooks

from outbox.delivery import Builder
from units.choices import Role
from units.models import Membership, Unit
from units.selectors import unit_with_descendants

from . import clocks
from .emails import _message, admin_case_url
from .selectors import DIGEST_KEY

logger = logging.getLogger(__name__)


# Tasks queued before the outbox existed (their rows may still wait in a
# queue): each hands its e-mail to the outbox, which sends it once.
def _to_outbox(builder: str, key: str, **kwargs) -> None:
    from outbox.services import email_queue

    email_queue(builder=f"feedback.emails.{builder}", key=key, **kwargs)


@task()
def send_receipt(*, submission_id: int, attempt: int = 1) -> None:
    _to_outbox(
        "receipt", f"feedback.receipt:{submission_id}", submission_id=submission_id
    )


@task()
def notify_unit(*, submission_id: int, attempt: int = 1) -> None:
    _to_outbox(
        "unit_notice",
        f"feedback.unit_notice:{submission_id}",
        submission_id=submission_id,
    )


@task()
def notify_reroute(*, submission_id: int, attempt: int = 1) -> None:
    _to_outbox(
        "reroute_notice",
        f"feedback.reroute:{submission_id}:{uuid.uuid4().hex}",
        submission_id=submission_id,
    )


@task()
def send_reply(*, event_id: int, attempt: int = 1) -> None:
    _to_outbox("reply", f"feedback.reply:{event_id}", event_id=event_id)


def overdue_digests(
    *, now=None, user_ids: set[int] | None = None
) -> list[EmailMultiAlternatives]:
    """One digest per unit lead with the overdue and interim-owed submissions of
    the units they lead (and their sub-units); only to `user_ids` if given."""
    return [message for _lead, message in _digests_by_lead(now, user_ids)]


def _digests_by_lead(
    now, user_ids: set[int] | None
) -> list[tuple[int, EmailMultiAlternatives]]:
    from .selectors import overdue_by_unit

    now = now or timezone.now()
    grouped = overdue_by_unit(now=now)
    units = Unit.objects.in_bulk(list(grouped))
    leads: dict[int, set[int]] = {}
    users = {}
    for membership in Membership.objects.filter(role=Role.LEAD).select_related("user"):
        user = membership.user
        if not user.is_active or not user.email:
            continue
        users[user.pk] = user
        leads.setdefault(user.pk, set()).add(membership.unit_id)
    # Apps above feedback add recipients and sections (records: inputs not yet
    # archived, rights requests coming due): Wagtail hooks
    # «feedback_digest_recipients» (now) -> users and
    # «feedback_digest_sections» (user, unit_ids, now) -> [{"title", "items":
    # [{"label", "url"}]}].
    for recipients in hooks.get_hooks("feedback_digest_recipients"):
        for user in recipients(now):
            if user.is_active and user.email:
                users.setdefault(user.pk, user)
                leads.setdefault(user.pk, set())
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, unit_ids in leads.items():
            if user_ids is not None and user_id not in user_ids:
                continue
            sections = []
            for unit_id in sorted(unit_with_descendants(unit_ids)):
                items = grouped.get(unit_id)
                if items:
                    sections.append(
                        {
                            "unit": units[unit_id],
                            "items": [
                                {
                                    "submission": s,
                                    "interim_owed": clocks.interim_reply_owed(s, now),
                                    "promise_passed": clocks.promise_passed(s, now),
                                    "case_url": admin_case_url(s),
                                }
                                for s in items
                            ],
                        }
                    )
            extra = [
                section
                for sections_of in hooks.get_hooks("feedback_digest_sections")
                for section in sections_of(users[user_id], unit_ids, now)
                if section["items"]
            ]
            if sections or extra:
                message = _message(
                    "overdue_digest",
                    {
                        "user": users[user_id],
                        "sections": sections,
                        "extra_sections": extra,
                        "now": now,
                        "total": sum(len(s["items"]) for s in sections),
                    },
                    to=[users[user_id].email],
                )
                messages.append((user_id, message))
    return messages


class OverdueDigest(Builder):
    """One lead's digest, rendered when the outbox sends it (the list as it is
    then); keyed per lead and day, so running the job twice a day, or again
    after a killed worker, sends it once."""

    def build(self, *, user_id: int, day: str):
        digests = overdue_digests(user_ids={user_id})
        return digests[0] if digests else None

    def failed(self, email, *, error: str, will_retry: bool, **kwargs) -> None:
        logger.warning("Overdue digest %s failed: %s", email.key, error)


overdue_digest = OverdueDigest()


def overdue_digests_queue(*, now=None) -> list[int]:
    """Promise today's digest to every lead who has one: outbox rows (ids)."""
    from outbox.services import email_queue

    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    return [
        email_queue(
            builder="feedback.tasks.overdue_digest",
            key=f"{DIGEST_KEY}:{lead}:{day}",
            user_id=lead,
            day=day,
        ).pk
        for lead, _digest in _digests_by_lead(now, None)
    ]


@task()
def send_overdue_digest() -> int:
    """Daily: promise each lead their overdue list; the outbox sends each once
    (retried, visible under Settings → E-post-utboks). Returns how many."""
    return len(overdue_digests_queue())
