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
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail import hooks

from outbox.delivery import DELIVERY_ERRORS
from units.choices import Role
from units.models import Membership, Unit
from units.selectors import unit_with_descendants

from . import clocks
from .emails import _message, admin_case_url

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


def overdue_digests(*, now=None) -> list[EmailMultiAlternatives]:
    """One digest per unit lead with the overdue and interim-owed submissions of
    the units they lead (and their sub-units)."""
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
                messages.append(
                    _message(
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
                )
    return messages


@task()
def send_overdue_digest() -> int:
    """Daily: e-mail each lead their overdue list. Returns how many were sent;
    raises after trying all if any failed, so the run is marked failed."""
    sent, failed = 0, 0
    for message in overdue_digests():
        try:
            message.send()
            sent += 1
        except DELIVERY_ERRORS as exc:
            failed += 1
            logger.warning("Overdue digest failed: %s", type(exc).__name__)
    if failed:
        raise RuntimeError(
            _("%(n)s overdue digests could not be sent.") % {"n": failed}
        )
    return sent
