"""Background e-mail of proposals (django-tasks). A failed delivery is tried
again with the portal's growing delay (feedback.tasks.backoff) and then given
up, logged without the address."""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from following.emails import absolute_url
from outbox.delivery import DELIVERY_ERRORS, backoff, max_attempts

from . import emails, selectors
from .choices import RefusalReason, Status
from .models import Proposal, Signature

logger = logging.getLogger(__name__)


def _send(message, *, retry_task, args: tuple, attempt: int, what: str) -> bool:
    try:
        message.send()
    except DELIVERY_ERRORS as exc:
        logger.warning(
            "proposals: %s %s failed (attempt %s): %s",
            what,
            args[0],
            attempt,
            type(exc).__name__,
        )
        if attempt < max_attempts():
            retry = retry_task
            if default_task_backend.supports_defer:
                retry = retry_task.using(run_after=timezone.now() + backoff(attempt))
            retry.enqueue(*args, attempt=attempt + 1)
        return False
    return True


@task()
def send_initiator_confirmation(proposal_id: int, attempt: int = 1) -> None:
    proposal = Proposal.objects.filter(
        pk=proposal_id, status=Status.UNCONFIRMED
    ).first()
    if proposal is None:
        return
    lang = proposal.language
    message = emails.build(
        "proposals/email/initiator_confirm.txt",
        {
            "proposal": proposal,
            "confirm_url": emails.link("confirm", proposal, "confirm", lang),
        },
        to=proposal.initiator_email,
        language=lang,
    )
    _send(
        message,
        retry_task=send_initiator_confirmation,
        args=(proposal.pk,),
        attempt=attempt,
        what="initiator confirmation",
    )


@task()
def send_initiator_notice(proposal_id: int, what: str, attempt: int = 1) -> None:
    """Published (with the initiator's own link) or not published (why)."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return
    lang = proposal.language
    with translation.override(lang):
        reason = (
            RefusalReason(proposal.refusal_reason).label
            if proposal.refusal_reason
            else ""
        )
    message = emails.build(
        f"proposals/email/initiator_{what}.txt",
        {
            "proposal": proposal,
            "reason": reason,
            "page_url": emails.page_url(proposal, lang),
            "manage_url": emails.link("manage", proposal, "manage", lang),
            "progress": selectors.progress(proposal, 0),
        },
        to=proposal.initiator_email,
        language=lang,
    )
    _send(
        message,
        retry_task=send_initiator_notice,
        args=(proposal.pk, what),
        attempt=attempt,
        what=f"initiator {what}",
    )


@task()
def notify_secretariat(proposal_id: int, attempt: int = 1) -> None:
    """A new proposal waits for moderation: a notice to the secretariat's
    functional mailbox (in the site language)."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    unit = selectors.secretariat()
    if proposal is None or unit is None or not unit.email:
        return
    with translation.override("nb"):
        url = absolute_url(reverse("proposals_admin:detail", args=[proposal.pk]))
    message = emails.build(
        "proposals/email/secretariat_new.txt",
        {"proposal": proposal, "admin_url": url},
        to=unit.email,
        language="nb",
    )
    _send(
        message,
        retry_task=notify_secretariat,
        args=(proposal.pk,),
        attempt=attempt,
        what="secretariat notice",
    )


@task()
def send_signature_confirmation(signature_id: int, attempt: int = 1) -> None:
    signature = (
        Signature.objects.select_related("proposal")
        .filter(pk=signature_id, confirmed_at__isnull=True)
        .exclude(email="")
        .first()
    )
    if signature is None:
        return  # confirmed or withdrawn meanwhile
    lang = signature.language
    message = emails.build(
        "proposals/email/signature_confirm.txt",
        {
            "proposal": signature.proposal,
            "confirm_url": emails.link("sign_confirm", signature, "sign", lang),
        },
        to=signature.email,
        language=lang,
    )
    _send(
        message,
        retry_task=send_signature_confirmation,
        args=(signature.pk,),
        attempt=attempt,
        what="signature confirmation",
    )


@task()
def send_signature_receipt(signature_id: int, attempt: int = 1) -> None:
    """The signature counts; the link to withdraw it."""
    signature = (
        Signature.objects.select_related("proposal")
        .filter(pk=signature_id, confirmed_at__isnull=False)
        .exclude(email="")
        .first()
    )
    if signature is None:
        return
    lang = signature.language
    message = emails.build(
        "proposals/email/signature_receipt.txt",
        {
            "proposal": signature.proposal,
            "signature": signature,
            "page_url": emails.page_url(signature.proposal, lang),
            "withdraw_url": emails.link("withdraw", signature, "withdraw", lang),
        },
        to=signature.email,
        language=lang,
    )
    _send(
        message,
        retry_task=send_signature_receipt,
        args=(signature.pk,),
        attempt=attempt,
        what="signature receipt",
    )
