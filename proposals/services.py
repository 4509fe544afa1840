"""Every write of citizen proposals: keyword-only, atomic; each writes a
ProposalEvent (and a Wagtail audit entry for staff actions) and queues e-mails
only after the transaction has committed.

Staff views fetch the proposal through `selectors.proposal_for_staff(user)`
first; services do not re-check access. `now` and `notify=False` exist for demo
data and imports.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from feedback import services as feedback_services
from feedback.attachments import detect_type
from feedback.choices import InputKind
from feedback.choices import Status as InputStatus
from feedback.routing import normalise_postcode
from following.services import notices_queue, subscription_request
from outbox.services import email_queue
from portal import image_cleaning

from . import rules, selectors
from .choices import (
    AT_COUNCIL,
    OUTCOMES,
    STATUS_OF_OUTCOME,
    EventKind,
    Method,
    RefusalReason,
    Status,
)
from .following import CHANNEL
from .models import PaperSheet, Proposal, ProposalEvent, Signature
from .tokens import confirm_days as tokens_confirm_days


class NotAllowed(ValidationError):
    """A step the proposal's status does not allow (publishing twice, signing
    a closed campaign)."""


def _resend_after() -> datetime.timedelta:
    # At most one pending confirmation e-mail per address per hour.
    from django.conf import settings

    return datetime.timedelta(
        minutes=int(settings.PORTAL.get("FOLLOW_CONFIRM_RESEND_MINUTES", 60))
    )


def _refuse_if_confirmation_pending(email: str, now) -> None:
    """At most one pending confirmation e-mail per address an hour, whatever
    it confirms (starting a proposal or signing one): someone typing another
    person's address into every proposal sends that person one e-mail, not one
    per proposal. Asking again for the same proposal or signature re-sends
    instead (signature_request), within the same hour's limit."""
    since = now - _resend_after()
    pending = (
        Proposal.objects.filter(
            initiator_email__iexact=email,
            status=Status.UNCONFIRMED,
            confirmation_sent_at__gt=since,
        ).exists()
        or Signature.objects.filter(
            email__iexact=email,
            confirmed_at__isnull=True,
            confirmation_sent_at__gt=since,
        ).exists()
    )
    if pending:
        raise NotAllowed(
            _(
                "We sent a confirmation link to this address less than an hour "
                "ago. Open that e-mail and confirm first, or try again in an hour. "
                "What you wrote is kept."
            ),
            code="pending",
        )


def _email(builder: str, key: str, **ids) -> None:
    """Promise the e-mail (proposals.emails.<builder>) in the current
    transaction: it commits with the change or not at all, and the outbox sends
    it once, retried, visible under Settings → E-post-utboks."""
    email_queue(builder=f"proposals.emails.{builder}", key=f"proposals.{key}", **ids)


def _event(proposal, kind, *, by=None, public=False, text="", at=None):
    return ProposalEvent.objects.create(
        proposal=proposal,
        kind=kind,
        public=public,
        text=text,
        actor=by if getattr(by, "is_authenticated", False) else None,
        created_at=at or timezone.now(),
    )


def _audit(proposal, action: str, *, by=None, **data) -> None:
    # Identifiers and statuses only, never personal data.
    log(
        instance=proposal,
        action=f"proposals.{action}",
        user=by if getattr(by, "is_authenticated", False) else None,
        data={"proposal": proposal.pk, **data},
    )


def internal_list_opened(*, proposal: Proposal, by, output: str) -> None:
    """The internal signature list names every signer, also those who did not
    agree to be named: who opened it (XLSX or print), and when, is logged."""
    _audit(proposal, "signatures_internal", by=by, output=output)


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _require(proposal: Proposal, statuses) -> None:
    if proposal.status not in statuses:
        raise NotAllowed(
            _("This step is not possible while the proposal is «%(status)s».")
            % {"status": Status(proposal.status).label},
            code="not_allowed",
        )


# --- the initiator ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class ProposalInput:
    title: str
    proposal: str
    background: str = ""
    name: str
    email: str
    postcode: str
    language: str = "nb"


@transaction.atomic
def proposal_start(
    *,
    submitted: ProposalInput,
    now: datetime.datetime | None = None,
    notify: bool = True,
) -> Proposal:
    """Store a new proposal and queue the e-mail whose link and button confirm
    the initiator's address; nothing is shown to anyone before that and the
    political secretariat's moderation."""
    now = now or timezone.now()
    email = submitted.email.strip()
    _refuse_if_confirmation_pending(email, now)
    proposal = Proposal.objects.create(
        title=submitted.title.strip(),
        proposal=submitted.proposal.strip(),
        background=submitted.background.strip(),
        initiator_name=submitted.name.strip(),
        initiator_email=email,
        initiator_postcode=normalise_postcode(submitted.postcode),
        language=submitted.language,
        created_at=now,
        confirmation_sent_at=now,
    )
    _event(proposal, EventKind.CREATED, at=now)
    if notify:
        _email(
            "initiator_confirmation",
            f"initiator_confirmation:{proposal.pk}",
            proposal_id=proposal.pk,
        )
    return proposal


@transaction.atomic
def proposal_confirm(*, proposal: Proposal, now=None, notify: bool = True) -> Proposal:
    """The initiator pressed the button: the proposal waits for moderation, and
    the initiator follows it (confirmed in the same step)."""
    now = now or timezone.now()
    proposal = _locked(proposal)
    if proposal.status != Status.UNCONFIRMED:
        return proposal  # confirming twice is fine
    proposal.status = Status.PENDING
    proposal.confirmed_at = now
    proposal.save(update_fields=["status", "confirmed_at"])
    _event(proposal, EventKind.CONFIRMED, at=now)
    subscription_request(
        channel=CHANNEL,
        email=proposal.initiator_email,
        target=proposal,
        language=proposal.language,
        confirmed=True,
        now=now,
    )
    if notify:
        _email(
            "secretariat_notice",
            f"secretariat_notice:{proposal.pk}",
            proposal_id=proposal.pk,
        )
    return proposal


# --- moderation -------------------------------------------------------------------


@transaction.atomic
def proposal_publish(
    *, proposal: Proposal, by, now=None, notify: bool = True
) -> Proposal:
    """Publish: the campaign starts, runs at most PROPOSAL_CAMPAIGN_MONTHS, and
    its threshold is fixed from today's population figure."""
    now = now or timezone.now()
    proposal = _locked(proposal)
    _require(proposal, (Status.PENDING, Status.REFUSED))
    proposal.status = Status.COLLECTING
    proposal.published_at = now
    proposal.closes_at = rules.campaign_closes_at(now, selectors.campaign_months())
    proposal.threshold = selectors.current_threshold()
    proposal.moderated_at, proposal.moderated_by = now, by
    proposal.refusal_reason, proposal.refusal_text = "", ""
    proposal.save()
    _event(proposal, EventKind.PUBLISHED, by=by, public=True, at=now)
    _audit(proposal, "publish", by=by)
    if notify:
        _email(
            "initiator_notice",
            f"initiator_published:{proposal.pk}:{now.isoformat()}",
            proposal_id=proposal.pk,
            what="published",
        )
    return proposal


@transaction.atomic
def proposal_refuse(
    *, proposal: Proposal, by, reason: str, text: str = "", now=None
) -> Proposal:
    """Do not publish, with a reason the initiator is told."""
    now = now or timezone.now()
    reason = RefusalReason(reason)
    text = text.strip()
    if reason == RefusalReason.OTHER and not text:
        raise ValidationError(
            {"text": _("Explain the reason to the initiator.")}, code="required"
        )
    proposal = _locked(proposal)
    _require(proposal, (Status.PENDING,))
    proposal.status = Status.REFUSED
    proposal.refusal_reason, proposal.refusal_text = reason, text
    proposal.moderated_at, proposal.moderated_by = now, by
    proposal.save()
    _event(proposal, EventKind.REFUSED, by=by, text=f"{reason.label}. {text}".strip())
    _audit(proposal, "refuse", by=by, reason=reason.value)
    _email(
        "initiator_notice",
        f"initiator_refused:{proposal.pk}:{now.isoformat()}",
        proposal_id=proposal.pk,
        what="refused",
    )
    return proposal


@transaction.atomic
def proposal_flag_same_content(
    *, proposal: Proposal, by, same_as: Proposal | None = None, url: str = ""
) -> Proposal:
    """Mark «same content as a proposal handled in this election period», with
    a link to it (§ 12-1). The council may then refuse it; this flag refuses
    nothing by itself. Without `same_as` and `url` the flag is taken off."""
    proposal = _locked(proposal)
    if same_as is not None and same_as.pk == proposal.pk:
        raise ValidationError(
            {"same_as": _("A proposal cannot have the same content as itself.")}
        )
    proposal.same_content_as, proposal.same_content_url = same_as, url.strip()
    proposal.save(update_fields=["same_content_as", "same_content_url"])
    flagged = bool(same_as or url)
    _event(
        proposal,
        EventKind.SAME_CONTENT,
        by=by,
        text=(same_as.title if same_as else url) if flagged else str(_("Flag removed")),
    )
    _audit(proposal, "same_content", by=by, flagged=flagged)
    return proposal


# --- signing ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class SignatureInput:
    name: str
    postcode: str
    email: str
    address: str = ""
    show_name: bool = False
    resident: bool = True
    wants_news: bool = False
    language: str = "nb"


def _open_for_signing(proposal: Proposal, now) -> None:
    if not selectors.is_open_for_signing(proposal, now):
        raise NotAllowed(
            _("This proposal is not collecting signatures any more."),
            code="closed",
        )


@transaction.atomic
def signature_request(
    *, proposal: Proposal, signed: SignatureInput, now=None
) -> Signature:
    """Sign online: stored unconfirmed and counted only once the e-mail's link
    and button confirm it (double opt-in). One signature per address per
    proposal: signing again re-sends the confirmation, at most once an hour,
    and changes nothing else; a confirmed signature is left as it is."""
    now = now or timezone.now()
    _open_for_signing(proposal, now)
    email = signed.email.strip()
    lookup = Signature.objects.filter(proposal=proposal, email__iexact=email)
    signature = lookup.select_for_update().first()
    if signature is None:
        _refuse_if_confirmation_pending(email, now)
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    proposal=proposal,
                    name=signed.name.strip(),
                    postcode=normalise_postcode(signed.postcode),
                    address=signed.address.strip(),
                    email=email,
                    show_name=signed.show_name,
                    resident=signed.resident,
                    wants_news=signed.wants_news,
                    language=signed.language,
                    method=Method.EMAIL,
                    created_at=now,
                    confirmation_sent_at=now,
                )
        except IntegrityError:  # a parallel request signed first
            return lookup.get()
        _email(
            "signature_confirmation",
            f"signature_confirmation:{signature.pk}:{now.isoformat()}",
            signature_id=signature.pk,
        )
        return signature
    if signature.confirmed_at is None:
        sent = signature.confirmation_sent_at
        if sent is None or sent <= now - _resend_after():
            signature.confirmation_sent_at = now
            signature.save(update_fields=["confirmation_sent_at"])
            _email(
                "signature_confirmation",
                f"signature_confirmation:{signature.pk}:{now.isoformat()}",
                signature_id=signature.pk,
            )
    return signature


@transaction.atomic
def signature_confirm(*, signature: Signature, now=None) -> Signature:
    """The signer pressed the button: the signature counts. Asked-for news of
    the proposal is a confirmed following at once (the same address was just
    confirmed). Confirming twice is fine."""
    now = now or timezone.now()
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    if signature.confirmed_at is not None:
        return signature
    _open_for_signing(signature.proposal, now)
    signature.confirmed_at = now
    signature.save(update_fields=["confirmed_at"])
    if signature.wants_news:
        subscription_request(
            channel=CHANNEL,
            email=signature.email,
            target=signature.proposal,
            language=signature.language,
            confirmed=True,
            now=now,
        )
    _email(
        "signature_receipt",
        f"signature_receipt:{signature.pk}",
        signature_id=signature.pk,
    )
    return signature


class AlreadySigned(ValidationError):
    """This person (by ID-porten) has signed this proposal already."""


@transaction.atomic
def signature_idporten(
    *, proposal: Proposal, signed: SignatureInput, identity_hash: str, now=None
) -> Signature:
    """Sign with ID-porten: the person is proven, so the signature counts at
    once, marked verified. One person signs once (the keyed hash of their
    national identity number, never the number). An e-mail address is
    optional; if it already has a signature here (unconfirmed, or confirmed by
    e-mail), that one is the person's and becomes the verified one instead of
    a second. With an address the receipt (with the withdraw link) is sent,
    and asked-for news is a following that the address must still confirm:
    ID-porten proves the person, not the address."""
    now = now or timezone.now()
    _open_for_signing(proposal, now)
    if not identity_hash:
        raise ValueError("an ID-porten signature needs the identity hash")
    # Serialise signers of this proposal with the same identity: the unique
    # constraint is the guard, the lock gives a clean answer instead of an error.
    Proposal.objects.select_for_update().filter(pk=proposal.pk).first()
    signed_before = Signature.objects.filter(
        proposal=proposal, identity_hash=identity_hash
    )
    if signed_before.exists():
        raise AlreadySigned(
            _("You have signed this proposal already."), code="already_signed"
        )
    email = signed.email.strip()
    signature = (
        Signature.objects.select_for_update()
        .filter(proposal=proposal, email__iexact=email, identity_hash="")
        .first()
        if email
        else None
    ) or Signature(proposal=proposal, created_at=now)
    signature.name = signed.name.strip()
    signature.postcode = normalise_postcode(signed.postcode)
    signature.address = signed.address.strip()
    signature.email = email
    signature.show_name = signed.show_name
    signature.resident = signed.resident
    signature.wants_news = signed.wants_news and bool(email)
    signature.language = signed.language
    signature.method = Method.IDPORTEN
    signature.verified = True
    signature.identity_hash = identity_hash
    signature.confirmed_at = signature.confirmed_at or now
    signature.save()
    if email:
        if signature.wants_news:
            subscription_request(
                channel=CHANNEL,
                email=email,
                target=proposal,
                language=signature.language,
                now=now,
            )
        _email(
            "signature_receipt",
            f"signature_receipt:{signature.pk}:idporten",
            signature_id=signature.pk,
        )
    return signature


@transaction.atomic
def signature_withdraw(*, signature: Signature) -> None:
    """Withdraw (the link in the receipt): nothing of the signature is kept.
    After the proposal went to the council its list is the council's case
    document: the signature then stays."""
    if signature.proposal.status != Status.COLLECTING:
        raise NotAllowed(
            _(
                "The proposal has gone to the council: its signatures are part "
                "of the case."
            ),
            code="submitted",
        )
    signature.delete()


@dataclasses.dataclass(frozen=True)
class PaperRow:
    name: str
    postcode: str
    address: str = ""


def _sheet_content(upload):
    """A photographed sheet is stored without its metadata (a phone's GPS
    position and owner), like every resident photo; a PDF as sent."""
    name = (upload.name or "ark")[:255]
    content_type = detect_type(upload)
    if content_type not in image_cleaning.CLEANED_TYPES:
        return upload, name
    try:
        clean = image_cleaning.clean_image(upload.read(), content_type)
    except image_cleaning.UnreadableImage:
        raise ValidationError(
            {"sheet": _("The picture could not be read. Scan it again as a PDF.")}
        ) from None
    name = image_cleaning.cleaned_name(name, clean.extension)[:255]
    return ContentFile(clean.data, name=name), name


@transaction.atomic
def paper_sheet_register(
    *, proposal: Proposal, by, rows: Sequence[PaperRow], upload=None, now=None
) -> PaperSheet:
    """Register a signature sheet: every row counts at once, marked as paper;
    names on paper are never shown publicly (no consent was asked)."""
    now = now or timezone.now()
    if not rows:
        raise ValidationError({"rows": _("Write at least one name and postcode.")})
    _require(proposal, (Status.COLLECTING,))
    sheet = PaperSheet(proposal=proposal, registered_by=by, created_at=now)
    if upload is not None:
        sheet.file, sheet.original_name = _sheet_content(upload)
    sheet.save()
    Signature.objects.bulk_create(
        Signature(
            proposal=proposal,
            sheet=sheet,
            name=row.name.strip(),
            postcode=normalise_postcode(row.postcode),
            address=row.address.strip(),
            method=Method.PAPER,
            resident=True,
            created_at=now,
            confirmed_at=now,
        )
        for row in rows
    )
    _event(
        proposal,
        EventKind.PAPER,
        by=by,
        text=str(_("%(count)s signatures") % {"count": len(rows)}),
        at=now,
    )
    _audit(proposal, "paper", by=by, count=len(rows))
    return sheet


# --- the council ------------------------------------------------------------------


@transaction.atomic
def proposal_submit(*, proposal: Proposal, now=None, notify: bool = True) -> Proposal:
    """The initiator sends the proposal to the council: one `proposal` input of
    the pipeline, routed to the political secretariat, its due date the
    council's six months (rules.council_due_at). Below the threshold it is
    allowed and marked as such (the council may still take it up)."""
    now = now or timezone.now()
    proposal = _locked(proposal)
    _require(proposal, (Status.COLLECTING,))
    if selectors.stage_of(proposal, now) != "collecting":
        raise NotAllowed(
            _("The campaign has ended: the proposal can no longer be submitted."),
            code="closed",
        )
    progress = selectors.progress(proposal, selectors.signature_count(proposal))
    text = "\n\n".join(
        part
        for part in (
            proposal.proposal,
            proposal.background,
            str(
                _("%(count)s signatures (threshold %(threshold)s).")
                % {"count": progress.count, "threshold": progress.threshold}
            ),
        )
        if part
    )
    submission, _token = feedback_services.submission_create(
        submitted=feedback_services.SubmissionInput(
            kind=InputKind.PROPOSAL,
            subject=proposal.title[:200],
            text=text,
            postcode=proposal.initiator_postcode,
            contact_name=proposal.initiator_name,
            contact_email=proposal.initiator_email,
            language=proposal.language,
            required_unit=selectors.secretariat(),
        ),
        now=now,
        notify=notify,
    )
    due = rules.council_due_at(now, selectors.council_months())
    # The inbox's due date is the council's: every list and badge that reads
    # due_at shows the six months.
    submission.due_at = due
    submission.save(update_fields=["due_at"])
    proposal.status = Status.SUBMITTED
    proposal.submitted_at = now
    proposal.council_due_at = due
    proposal.below_threshold = not progress.reached
    proposal.submission = submission
    proposal.save()
    _event(proposal, EventKind.SUBMITTED, public=True, at=now)
    _audit(proposal, "submit", reference=submission.reference)
    if notify:
        _notify_followers(proposal, EventKind.SUBMITTED)
    return proposal


def _notify_followers(proposal: Proposal, kind: str) -> int:
    from following.selectors import followers

    return notices_queue(
        subject=proposal, kind=kind, subscriptions=followers(CHANNEL, proposal)
    )


@transaction.atomic
def proposal_record_outcome(
    *,
    proposal: Proposal,
    by,
    kind: str,
    text: str = "",
    meeting_date: datetime.date | None = None,
    case_url: str = "",
    now=None,
    notify: bool = True,
) -> Proposal:
    """The council's handling, public on the page and sent to followers: on
    the agenda (meeting date and the political case), decided (in plain
    words), refused as same content, or referred to an ongoing plan case (the
    law's exception to the six months)."""
    now = now or timezone.now()
    kind = EventKind(kind)
    if kind not in STATUS_OF_OUTCOME:
        raise ValueError(kind)
    text = text.strip()
    proposal = _locked(proposal)
    _require(proposal, AT_COUNCIL)
    if kind == EventKind.ON_AGENDA and meeting_date is None:
        raise ValidationError(
            {"meeting_date": _("Give the date of the meeting.")}, code="required"
        )
    if kind != EventKind.ON_AGENDA and not text:
        raise ValidationError(
            {"text": _("Write the outcome in plain words.")}, code="required"
        )
    proposal.status = STATUS_OF_OUTCOME[kind]
    if meeting_date is not None:
        proposal.meeting_date = meeting_date
    if case_url:
        proposal.case_url = case_url.strip()
    if proposal.status in OUTCOMES:
        proposal.outcome_text = text
        proposal.decided_at = now
    proposal.save()
    _event(proposal, kind, by=by, public=True, text=text, at=now)
    _audit(proposal, "outcome", by=by, kind=kind.value)
    submission = proposal.submission
    if submission is not None and proposal.status in OUTCOMES:
        # The council's answer is the input's answer: the clock stops. The
        # initiator hears it as a follower, so no second e-mail.
        if submission.status in (InputStatus.RECEIVED, InputStatus.IN_PROGRESS):
            feedback_services.submission_reply(
                submission=submission, by=by, text=text, notify=False
            )
            # submission_reply stamps its own time: the demo's past outcome
            # keeps the time it was given.
            type(submission).objects.filter(pk=submission.pk).update(
                first_answered_at=now
            )
    if notify:
        _notify_followers(proposal, kind)
    return proposal


# --- privacy ----------------------------------------------------------------------

ANONYMISED = "[anonymisert]"


@transaction.atomic
def signatures_anonymise(*, signatures, now=None) -> int:
    """Remove the signers' personal data; the signatures still count."""
    now = now or timezone.now()
    return signatures.filter(anonymised_at__isnull=True).update(
        name=ANONYMISED,
        address="",
        email="",
        identity_hash="",
        show_name=False,
        anonymised_at=now,
    )


def _retention_cutoff(now: datetime.datetime) -> datetime.datetime:
    from django.conf import settings

    months = int(settings.PORTAL.get("PROPOSAL_RETENTION_MONTHS", 12))
    local = timezone.localtime(now)
    day = rules.add_months(local.date(), -months)
    return local.replace(year=day.year, month=day.month, day=day.day)


@transaction.atomic
def retention_run(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Retention of proposals (the records app runs it as the hook
    «records_retention»):

    - an online signature never confirmed is deleted after PROPOSAL_CONFIRM_DAYS
      (it never counted), and so is a proposal whose initiator never confirmed;
    - PROPOSAL_RETENTION_MONTHS after a proposal ended — the council's outcome,
      the campaign's end without submission, a refusal at moderation — its
      signatures are anonymised (they still count) and the initiator's e-mail
      address removed. The proposal, its decision and the initiator's name stay
      public: they are the political case (the archive has the input).
    """
    now = now or timezone.now()
    stale = now - datetime.timedelta(days=tokens_confirm_days())
    unconfirmed = (
        Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=stale)
        .delete()[1]
        .get(Signature._meta.label, 0)
    )
    never_confirmed = (
        Proposal.objects.filter(status=Status.UNCONFIRMED, created_at__lt=stale)
        .delete()[1]
        .get(Proposal._meta.label, 0)
    )
    cutoff = _retention_cutoff(now)
    ended = Proposal.objects.filter(
        Q(status__in=OUTCOMES, decided_at__lt=cutoff)
        | Q(status=Status.COLLECTING, closes_at__lt=cutoff)
        | Q(status=Status.REFUSED, moderated_at__lt=cutoff)
    )
    anonymised = signatures_anonymise(
        signatures=Signature.objects.filter(proposal__in=ended), now=now
    )
    initiators = ended.exclude(initiator_email="").update(initiator_email="")
    for proposal in ended.filter(anonymised_at__isnull=True):
        _event(proposal, EventKind.ANONYMISED, at=now)
    ended.filter(anonymised_at__isnull=True).update(anonymised_at=now)
    return {
        "proposal_signatures_unconfirmed": unconfirmed,
        "proposals_unconfirmed": never_confirmed,
        "proposal_signatures_anonymised": anonymised,
        "proposal_initiators_anonymised": initiators,
    }


@transaction.atomic
def initiators_anonymise(*, proposals) -> int:
    """A rights request's erasure (GDPR art. 17) of an initiator: name and
    address leave the proposal; its text stays (it is the political case)."""
    return proposals.exclude(initiator_name=ANONYMISED).update(
        initiator_name=ANONYMISED, initiator_email=""
    )
