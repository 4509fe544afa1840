"""The e-mails of proposals to one person (the initiator, a signer, the
secretariat), rendered in that person's language. The template's first line is
the subject. Links are absolute through following's one place for that."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from following.emails import absolute_url
from outbox.delivery import Builder
from portal.identity import identity

from . import selectors
from .choices import RefusalReason, Status
from .models import Proposal, Signature
from .tokens import confirm_days, make_token

logger = logging.getLogger(__name__)


def link(name: str, obj, purpose: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(
            reverse(f"proposals:{name}", kwargs={"token": make_token(obj, purpose)})
        )


def _absolute(name: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse(name))


def page_url(proposal, language: str) -> str:
    with translation.override(language):
        return absolute_url(proposal.get_absolute_url())


def build(template: str, context: dict, *, to: str, language: str) -> EmailMessage:
    with translation.override(language):
        context = {
            **context,
            "municipality": identity().name,
            "days": confirm_days(),
        }
        rendered = render_to_string(template, context).strip()
    subject, _sep, body = rendered.partition("\n")
    return EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        from_email=identity().sender(),
        to=[to],
        headers={"Auto-Submitted": "auto-generated"},
    )


# --- outbox builders (outbox.delivery.Builder): the services promise these ---
# Each renders from ids when it is sent, and returns None when there is nothing
# to send any more (confirmed, withdrawn, anonymised meanwhile).


class _ProposalEmail(Builder):
    def sent(self, email, **kwargs) -> None:
        logger.info("proposals: e-mail sent (%s)", email.key)

    def failed(self, email, *, error: str, will_retry: bool, **kwargs) -> None:
        # The key holds ids only: no address, no text in the log.
        logger.warning(
            "proposals: %s failed (attempt %s): %s", email.key, email.attempts, error
        )


class InitiatorConfirmation(_ProposalEmail):
    def build(self, *, proposal_id: int):
        proposal = Proposal.objects.filter(
            pk=proposal_id, status=Status.UNCONFIRMED
        ).first()
        if proposal is None or not proposal.initiator_email:
            return None
        lang = proposal.language
        return build(
            "proposals/email/initiator_confirm.txt",
            {
                "proposal": proposal,
                "confirm_url": link("confirm", proposal, "confirm", lang),
            },
            to=proposal.initiator_email,
            language=lang,
        )


class InitiatorNotice(_ProposalEmail):
    """Published (with the initiator's own link) or not published (why)."""

    def build(self, *, proposal_id: int, what: str):
        proposal = Proposal.objects.filter(pk=proposal_id).first()
        if proposal is None or not proposal.initiator_email:
            return None
        lang = proposal.language
        with translation.override(lang):
            reason = (
                RefusalReason(proposal.refusal_reason).label
                if proposal.refusal_reason
                else ""
            )
        return build(
            f"proposals/email/initiator_{what}.txt",
            {
                "proposal": proposal,
                "reason": reason,
                "page_url": page_url(proposal, lang),
                "manage_url": link("manage", proposal, "manage", lang),
                "start_url": _absolute("proposals:start", lang),
                "progress": selectors.progress(proposal, 0),
            },
            to=proposal.initiator_email,
            language=lang,
        )


class SecretariatNotice(_ProposalEmail):
    """A new proposal waits for moderation: a notice to the secretariat's
    functional mailbox (in the site language)."""

    def build(self, *, proposal_id: int):
        proposal = Proposal.objects.filter(pk=proposal_id).first()
        unit = selectors.secretariat()
        if proposal is None or unit is None or not unit.email:
            return None
        with translation.override("nb"):
            url = absolute_url(reverse("proposals_admin:detail", args=[proposal.pk]))
        return build(
            "proposals/email/secretariat_new.txt",
            {"proposal": proposal, "admin_url": url},
            to=unit.email,
            language="nb",
        )


class SignatureConfirmation(_ProposalEmail):
    def build(self, *, signature_id: int):
        signature = (
            Signature.objects.select_related("proposal")
            .filter(pk=signature_id, confirmed_at__isnull=True)
            .exclude(email="")
            .first()
        )
        if signature is None:
            return None  # confirmed or withdrawn meanwhile
        lang = signature.language
        return build(
            "proposals/email/signature_confirm.txt",
            {
                "proposal": signature.proposal,
                "confirm_url": link("sign_confirm", signature, "sign", lang),
            },
            to=signature.email,
            language=lang,
        )


class SignatureReceipt(_ProposalEmail):
    """The signature counts; the link to withdraw it."""

    def build(self, *, signature_id: int):
        signature = (
            Signature.objects.select_related("proposal")
            .filter(pk=signature_id, confirmed_at__isnull=False)
            .exclude(email="")
            .first()
        )
        if signature is None:
            return None
        lang = signature.language
        return build(
            "proposals/email/signature_receipt.txt",
            {
                "proposal": signature.proposal,
                "signature": signature,
                "page_url": page_url(signature.proposal, lang),
                "withdraw_url": link("withdraw", signature, "withdraw", lang),
            },
            to=signature.email,
            language=lang,
        )


initiator_confirmation = InitiatorConfirmation()
initiator_notice = InitiatorNotice()
secretariat_notice = SecretariatNotice()
signature_confirmation = SignatureConfirmation()
signature_receipt = SignatureReceipt()
