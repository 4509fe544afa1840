"""Every write to a submission. Keyword-only, typed, atomic; each writes a
SubmissionEvent (the resident-facing and staff timeline) and a Wagtail audit log
entry, and e-mails only after the transaction has committed.

Callers in the admin fetch the submission through
`selectors.submissions_visible_to(user)` first; services do not re-check access.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime
import functools
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Page

from outbox.services import email_queue
from portal import form_tokens, image_cleaning, virus_scan
from units.selectors import triage_unit, units_of_user

from . import clocks, routing, scanning
from .attachments import detect_type
from .choices import (
    OPEN_STATUSES,
    EventKind,
    InputKind,
    ReplyChannel,
    ScanState,
    Status,
)
from .models import Attachment, Submission, SubmissionEvent, Topic
from .privacy import contains_fnr
from .selectors import (
    active_rules,
    hash_token,
    submission_for_form_token,
    unit_deadline_days,
)
from .signals import reply_sent, submission_received

# The one table of allowed status changes. Reopening (back to in_progress from a
# finished status) is listed here too; submission_reopen() is the friendly name.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Status.RECEIVED: {
        Status.IN_PROGRESS,
        Status.ANSWERED,
        Status.CLOSED,
        Status.REJECTED,
        Status.SPAM,
        Status.DUPLICATE,
    },
    Status.IN_PROGRESS: {
        Status.ANSWERED,
        Status.CLOSED,
        Status.REJECTED,
        Status.SPAM,
        Status.DUPLICATE,
    },
    Status.ANSWERED: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: {Status.IN_PROGRESS},
    Status.REJECTED: {Status.IN_PROGRESS},
    Status.DUPLICATE: {Status.IN_PROGRESS},
    # Marked as spam by mistake: back to the start, as if just received.
    Status.SPAM: {Status.RECEIVED},
}
REOPENABLE = {Status.ANSWERED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE}
# Statuses that end the case and stamp closed_at.
CLOSING = {Status.CLOSED, Status.REJECTED, Status.SPAM, Status.DUPLICATE}
# A reply may be sent while the case is open or already answered (a follow-up).
REPLYABLE = {*OPEN_STATUSES, Status.ANSWERED}


class TransitionNotAllowed(ValidationError):
    """A status change that the transition table does not allow."""

    def __init__(self, from_status: str, to_status: str):
        self.from_status, self.to_status = from_status, to_status
        super().__init__(
            _("A submission cannot go from «%(from)s» to «%(to)s».")
            % {"from": Status(from_status).label, "to": Status(to_status).label},
            code="transition_not_allowed",
        )


def allowed_transitions(status: str) -> list[str]:
    """Statuses a submission in `status` may move to, in Status order."""
    allowed = ALLOWED_TRANSITIONS.get(status, set())
    return [s for s in Status.values if s in allowed]


# --- helpers ------------------------------------------------------------------------


def _next_reference(now: datetime.datetime) -> str:
    # A PostgreSQL sequence: unique under concurrency without locking the table.
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('feedback_submission_reference_seq')")
        (number,) = cursor.fetchone()
    return f"{timezone.localtime(now).year}-{number:06d}"


def tracking_token(submission: Submission) -> str:
    """The resident's private token. Derived from SECRET_KEY and the reference, so
    a queued e-mail task can rebuild the link without the raw token ever being
    stored; the database holds only its hash."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    tokens = [
        salted_hmac(
            "feedback.tracking", submission.reference, secret=secret, algorithm="sha256"
        ).hexdigest()[:32]
        for secret in secrets
    ]
    # After a key rotation (old key in SECRET_KEY_FALLBACKS) later e-mails must
    # still carry the link the resident already has: the one matching the hash.
    for token in tokens:
        if (
            submission.tracking_token_hash
            and hash_token(token) == submission.tracking_token_hash
        ):
            return token
    return tokens[0]


def first_answer_due(
    unit, received_at: datetime.datetime, kind: str | None = None
) -> datetime.datetime:
    """The unit's deadline for this kind (KindDeadline), else the unit's, else
    the portal's."""
    return clocks.first_answer_due(received_at, days=unit_deadline_days(unit, kind))


def _event_row(
    submission: Submission,
    kind: str,
    *,
    by=None,
    public: bool = False,
    text: str = "",
    from_unit=None,
    to_unit=None,
    data: dict | None = None,
    at: datetime.datetime | None = None,
) -> SubmissionEvent:
    """An unsaved timeline event (several are saved with one bulk_create)."""
    return SubmissionEvent(
        submission=submission,
        kind=kind,
        actor=by,
        public=public,
        text=text,
        from_unit=from_unit,
        to_unit=to_unit,
        data=data or {},
        created_at=at or timezone.now(),
    )


def _event(submission: Submission, kind: str, **kwargs) -> SubmissionEvent:
    event = _event_row(submission, kind, **kwargs)
    event.save()
    return event


def _audit(submission: Submission, action: str, *, by=None, **data) -> None:
    # Only identifiers and statuses go to the audit log, never personal data.
    log(
        instance=submission,
        action=f"feedback.{action}",
        user=by,
        data={"reference": submission.reference, **data},
    )


def _email(builder: str, key: str, **kwargs) -> None:
    """Promise an e-mail (feedback.emails.<builder>) in the current transaction:
    it commits with the change or not at all, and the outbox sends it once."""
    email_queue(builder=f"feedback.emails.{builder}", key=f"feedback.{key}", **kwargs)


def _user(by) -> object | None:
    return by if getattr(by, "is_authenticated", False) else None


# --- create -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class SubmissionInput:
    """What a resident sent, as a form cleaned it: the one input of the pipeline
    (feedback's forms, page feedback, hearing responses, proposals).

    `attachments` are uploaded files already validated by the form; the service
    detects their type again from content. `flagged_for_moderation` and
    `moderation_reason` carry what the spam checks said."""

    kind: InputKind | str
    text: str = ""
    subject: str = ""
    topic: Topic | None = None
    page: Page | None = None
    location: str = ""
    postcode: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    organisation: str = ""
    language: str = "nb"
    helpful: bool | None = None
    attachments: Sequence[UploadedFile] = ()
    flagged_for_moderation: bool = False
    moderation_reason: str = ""
    # The unit the law sends a citizen proposal to (routing.resolve, step 1).
    required_unit: object | None = None
    # The form's one-time token (portal.form_tokens); "" for demo data and imports.
    form_token: str = ""


class DuplicateSubmission(Exception):
    """The form's one-time token was used before: nothing new was stored. The
    view shows the receipt of `submission` (its link carries `token`)."""

    def __init__(self, submission: Submission):
        super().__init__(submission.reference)
        self.submission = submission
        self.token = tracking_token(submission)


def _files_removed_on_failure(func):
    """Attachment files are written before the transaction commits; when it does
    not (the database went away, a later write failed), the files are removed
    again, so a failed input leaves nothing behind, on disk either."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        saved: list = []
        reset = _SAVED_FILES.set(saved)
        try:
            return func(*args, **kwargs)
        except BaseException:
            for file in saved:
                try:
                    file.storage.delete(file.name)
                except OSError:
                    pass  # the storage is what failed: nothing was kept there
            raise
        finally:
            _SAVED_FILES.reset(reset)

    return wrapper


_SAVED_FILES: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "saved_files", default=None
)


@_files_removed_on_failure
@transaction.atomic
def submission_create(
    *,
    submitted: SubmissionInput,
    now: datetime.datetime | None = None,
    notify: bool = True,
) -> tuple[Submission, str]:
    """Store a resident's input, route it, and queue the receipt and the unit's
    notice. Returns the submission and the raw tracking token (give it to the
    resident; it is not stored).

    The text fields are stripped and the postcode normalised here, so every
    caller stores the same shape. `now` and `notify=False` exist for demo data
    and imports.

    Raises DuplicateSubmission when `submitted.form_token` was used before, also
    when two posts of the same form race (the unique column decides).
    """
    form_token_hash = form_tokens.token_hash(submitted.form_token)
    if form_token_hash:
        existing = submission_for_form_token(submitted.form_token)
        if existing is not None:
            raise DuplicateSubmission(existing)
    now = now or timezone.now()
    kind = InputKind(submitted.kind)
    topic, page = submitted.topic, submitted.page
    language = submitted.language
    submission = Submission(
        reference=_next_reference(now),
        kind=kind,
        topic=topic,
        page=page,
        subject=submitted.subject.strip(),
        text=submitted.text.strip(),
        location=submitted.location.strip(),
        postcode=routing.normalise_postcode(submitted.postcode),
        contact_name=submitted.contact_name.strip(),
        contact_email=submitted.contact_email.strip(),
        contact_phone=submitted.contact_phone.strip(),
        organisation=submitted.organisation.strip(),
        language=language if language in dict(settings.LANGUAGES) else "nb",
        helpful=submitted.helpful,
        flagged_for_moderation=submitted.flagged_for_moderation,
        moderation_reason=submitted.moderation_reason,
        created_at=now,
    )

    # Routing reasons are for staff: always in the site language.
    with translation.override(settings.LANGUAGE_CODE):
        facts = routing.facts_for(
            kind=kind,
            subject=submission.subject,
            text=submission.text,
            postcode=submission.postcode,
            topic=topic,
            page=page,
            required_unit=submitted.required_unit,
        )
        decision = routing.resolve(facts, active_rules(), triage_unit=triage_unit())
        fnr_reason = str(_("The text seems to contain a national identity number."))
    submission.unit = decision.unit
    submission.routing_rule = decision.rule
    submission.routing_reason = decision.reason[:500]
    submission.routed_at = now
    if kind in clocks.ANSWER_EXPECTED_KINDS:
        submission.due_at = first_answer_due(decision.unit, now, kind)
    if contains_fnr(f"{submission.subject}\n{submission.text}"):
        # Warn the handler; the text is kept as sent (it is a case document) but
        # must never be published.
        submission.flagged_for_moderation = True
        submission.moderation_reason = "; ".join(
            r for r in (submission.moderation_reason, fnr_reason) if r
        )[:300]
    token = tracking_token(submission)
    submission.tracking_token_hash = hash_token(token)
    submission.form_token_hash = form_token_hash
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:
        existing = submission_for_form_token(submitted.form_token)
        if existing is None:
            raise
        raise DuplicateSubmission(existing) from None

    attachments = [
        _attachment_create(submission=submission, upload=upload)
        for upload in submitted.attachments
    ]
    # Scanned after the commit: a scanner that is down never blocks the input.
    scanning.scan_queue(
        [a.pk for a in attachments if a.scan_state == ScanState.PENDING]
    )

    # One INSERT for the opening events: this is the hot path of every form.
    events = [
        _event_row(submission, EventKind.RECEIVED, public=True, at=now),
        _event_row(
            submission,
            EventKind.ROUTED,
            public=True,
            to_unit=decision.unit,
            text=submission.routing_reason,
            at=now,
            data={
                "rule": getattr(decision.rule, "pk", None),
                "source": decision.source,
            },
        ),
    ]
    if submission.flagged_for_moderation:
        events.append(
            _event_row(
                submission, EventKind.FLAGGED, text=submission.moderation_reason, at=now
            )
        )
    SubmissionEvent.objects.bulk_create(events)
    _audit(
        submission,
        "create",
        kind=kind.value,
        unit=getattr(decision.unit, "pk", None),
        source=decision.source,
    )
    submission_received.send(sender=Submission, submission=submission)

    if notify:
        if submission.contact_email:
            _email("receipt", f"receipt:{submission.pk}", submission_id=submission.pk)
        if kind != InputKind.PAGE_FEEDBACK and decision.unit is not None:
            _email(
                "unit_notice",
                f"unit_notice:{submission.pk}",
                submission_id=submission.pk,
            )
    return submission, token


def _attachment_create(*, submission: Submission, upload) -> Attachment:
    content_type = detect_type(upload)
    if content_type is None:
        raise ValidationError(_("This file type is not allowed."), code="file_type")
    name = (getattr(upload, "name", "") or "")[-255:]
    upload.seek(0)
    attachment = Attachment(
        submission=submission,
        original_name=name,
        content_type=content_type,
        size=upload.size,
        # Without a scanner there is nothing to wait for; staff see «ikke skannet».
        scan_state=ScanState.PENDING if virus_scan.enabled() else ScanState.UNSCANNED,
    )
    content = upload
    if content_type in image_cleaning.CLEANED_TYPES:
        # The photo is stored without its metadata; only its position is kept,
        # on the attachment, for the handler.
        try:
            clean = image_cleaning.clean_image(upload.read(), content_type)
        except image_cleaning.UnreadableImage:
            raise ValidationError(
                _(
                    "The picture «%(name)s» could not be read. Take it again, or "
                    "send it as a PDF."
                ),
                code="unreadable_image",
                params={"name": name or _("Attachment")},
            ) from None
        content = ContentFile(clean.data)
        attachment.content_type = clean.content_type
        attachment.size = len(clean.data)
        attachment.original_name = image_cleaning.cleaned_name(
            name or "vedlegg", clean.extension
        )[-255:]
        if clean.location is not None:
            attachment.latitude, attachment.longitude = clean.location
    attachment.file.save(attachment.original_name or "vedlegg", content, save=False)
    saved = _SAVED_FILES.get()
    if saved is not None:
        saved.append(attachment.file)
    attachment.save()
    return attachment


# --- handling -----------------------------------------------------------------------


def reply_channel(submission: Submission, channel: str = "") -> str:
    """The channel a reply goes by: e-mail when the resident gave an address,
    else the letter or phone call the handler says it was given by."""
    if submission.contact_email:
        return channel or ReplyChannel.EMAIL
    if channel in (ReplyChannel.LETTER, ReplyChannel.PHONE):
        return channel
    raise ValidationError(
        _(
            "The resident gave no e-mail address: choose whether the reply was "
            "sent by letter or given by phone."
        ),
        code="channel_required",
    )


@transaction.atomic
def submission_reply(
    *, submission: Submission, by, text: str, channel: str = "", notify: bool = True
) -> SubmissionEvent:
    """Answer the resident: shown on the tracking page, and e-mailed if we have
    an address; without one the handler records the letter or phone call it was
    given by (`channel`, stored on the event). The first reply marks the
    submission answered."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a reply."), code="required")
    if submission.status not in REPLYABLE:
        raise TransitionNotAllowed(submission.status, Status.ANSWERED)
    channel = reply_channel(submission, channel)
    now = timezone.now()
    old_status = submission.status
    if submission.first_answered_at is None:
        submission.first_answered_at = now
    submission.status = Status.ANSWERED
    submission.save(update_fields=["first_answered_at", "status", "updated_at"])
    event = _event(
        submission,
        EventKind.REPLIED,
        by=_user(by),
        public=True,
        text=text,
        data={"from": old_status, "to": Status.ANSWERED, "channel": channel},
    )
    _audit(submission, "reply", by=_user(by), status=Status.ANSWERED, channel=channel)
    reply_sent.send(sender=SubmissionEvent, event=event)
    if notify and channel == ReplyChannel.EMAIL:
        _email("reply", f"reply:{event.pk}", event_id=event.pk)
    return event


@transaction.atomic
def submission_interim_reply(
    *,
    submission: Submission,
    by,
    reason: str,
    expected_date: datetime.date,
    channel: str = "",
    notify: bool = True,
) -> SubmissionEvent:
    """Foreløpig svar (forvaltningsloven § 11 a): why it takes time and when the
    resident can expect an answer. Moves a received submission to in progress
    and records the promised date, against which the case is measured from then
    on (clocks.is_overdue)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for the delay."), code="required")
    if expected_date < timezone.localdate():
        raise ValidationError(
            _("The expected date cannot be in the past."), code="past_date"
        )
    if submission.status not in OPEN_STATUSES:
        raise TransitionNotAllowed(submission.status, Status.IN_PROGRESS)
    channel = reply_channel(submission, channel)
    submission.interim_reply_at = timezone.now()
    # From now on the case is measured against what the resident was told.
    submission.promised_on = expected_date
    fields = ["interim_reply_at", "promised_on", "updated_at"]
    if submission.status == Status.RECEIVED:
        submission.status = Status.IN_PROGRESS
        fields.append("status")
    submission.save(update_fields=fields)
    event = _event(
        submission,
        EventKind.INTERIM_REPLY,
        by=_user(by),
        public=True,
        text=reason,
        data={"expected_date": expected_date.isoformat(), "channel": channel},
    )
    _audit(
        submission,
        "interim_reply",
        by=_user(by),
        expected_date=expected_date.isoformat(),
    )
    reply_sent.send(sender=SubmissionEvent, event=event)
    if notify and channel == ReplyChannel.EMAIL:
        _email("reply", f"reply:{event.pk}", event_id=event.pk)
    return event


@transaction.atomic
def submission_add_note(*, submission: Submission, by, text: str) -> SubmissionEvent:
    """An internal note. Never shown to the resident."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a note."), code="required")
    event = _event(submission, EventKind.NOTE, by=_user(by), public=False, text=text)
    _audit(submission, "note", by=_user(by))
    return event


@transaction.atomic
def submission_assign(*, submission: Submission, by, assignee) -> Submission:
    """Give the submission to a handler (or to nobody, with `assignee=None`). The
    assignee must belong to the submission's unit or a unit above it."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if assignee is not None and not (
        assignee.is_superuser or submission.unit_id in units_of_user(assignee)
    ):
        raise ValidationError(
            _("%(user)s is not a member of the unit that owns this submission.")
            % {"user": assignee.get_full_name() or assignee.get_username()},
            code="not_member",
        )
    previous = submission.assigned_to_id
    submission.assigned_to = assignee
    submission.save(update_fields=["assigned_to", "updated_at"])
    _event(
        submission,
        EventKind.ASSIGNED,
        by=_user(by),
        data={"from_user": previous, "to_user": getattr(assignee, "pk", None)},
        text=(assignee.get_full_name() or assignee.get_username()) if assignee else "",
    )
    _audit(submission, "assign", by=_user(by), assignee=getattr(assignee, "pk", None))
    return submission


@transaction.atomic
def submission_reroute(
    *, submission: Submission, by, unit, reason: str, notify: bool = True
) -> Submission:
    """Hand the submission over to another unit. The old unit and the reason stay in
    the timeline, the resident sees the new unit's name, the new unit is told.
    The resident's deadline does not move."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give a reason for sending it on."), code="required")
    if unit is None or unit.pk == submission.unit_id:
        raise ValidationError(_("Choose another unit."), code="same_unit")
    from_unit = submission.unit
    submission.unit = unit
    submission.routing_rule = None
    submission.routing_reason = reason[:500]
    submission.routed_at = timezone.now()
    submission.assigned_to = None  # the old unit's handler no longer owns it
    submission.save(
        update_fields=[
            "unit",
            "routing_rule",
            "routing_reason",
            "routed_at",
            "assigned_to",
            "updated_at",
        ]
    )
    event = _event(
        submission,
        EventKind.REROUTED,
        by=_user(by),
        public=True,
        text=reason,
        from_unit=from_unit,
        to_unit=unit,
    )
    _audit(
        submission,
        "reroute",
        by=_user(by),
        from_unit=getattr(from_unit, "pk", None),
        to_unit=unit.pk,
    )
    if notify:
        _email(
            "reroute_notice",
            f"reroute:{event.pk}",
            submission_id=submission.pk,
            event_id=event.pk,
        )
        _email(
            "reroute_resident",
            f"reroute_resident:{event.pk}",
            submission_id=submission.pk,
            event_id=event.pk,
        )
    return submission


@transaction.atomic
def submission_transition(
    *,
    submission: Submission,
    by,
    to_status: str,
    duplicate_of: Submission | None = None,
    reason: str = "",
) -> Submission:
    """Change status along ALLOWED_TRANSITIONS; anything else raises
    TransitionNotAllowed. `duplicate_of` is required for (and only for)
    DUPLICATE."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    to_status = Status(to_status)
    from_status = Status(submission.status)
    if to_status not in ALLOWED_TRANSITIONS.get(from_status, set()):
        raise TransitionNotAllowed(from_status, to_status)
    if to_status == Status.DUPLICATE:
        if duplicate_of is None:
            raise ValidationError(
                _("Choose the submission this duplicates."), code="duplicate_required"
            )
        if duplicate_of.pk == submission.pk:
            raise ValidationError(
                _("A submission cannot duplicate itself."), code="duplicate_self"
            )
        submission.duplicate_of = duplicate_of
    elif from_status == Status.DUPLICATE:
        submission.duplicate_of = None

    now = timezone.now()
    submission.status = to_status
    if to_status in CLOSING:
        submission.closed_at = now
    elif from_status in CLOSING:
        submission.closed_at = None
    if to_status == Status.ANSWERED and submission.first_answered_at is None:
        # Answered outside the portal (phone, letter): the clock stops here.
        submission.first_answered_at = now
    submission.save(
        update_fields=[
            "status",
            "closed_at",
            "first_answered_at",
            "duplicate_of",
            "updated_at",
        ]
    )

    reopening = from_status in REOPENABLE and to_status == Status.IN_PROGRESS
    kind = EventKind.REOPENED if reopening else EventKind.STATUS_CHANGED
    # Residents see where their case stands, not spam verdicts.
    public = to_status not in {Status.SPAM} and from_status != Status.SPAM
    _event(
        submission,
        kind,
        by=_user(by),
        public=public,
        text=reason.strip(),
        data={
            "from": from_status.value,
            "to": to_status.value,
            "duplicate_of": getattr(duplicate_of, "reference", None),
        },
    )
    _audit(
        submission,
        "reopen" if reopening else "transition",
        by=_user(by),
        from_status=from_status.value,
        to_status=to_status.value,
    )
    return submission


def submission_reopen(*, submission: Submission, by, reason: str = "") -> Submission:
    """Take a finished submission (answered, closed, rejected, duplicate) back to
    in progress."""
    if submission.status not in REOPENABLE:
        raise TransitionNotAllowed(submission.status, Status.IN_PROGRESS)
    return submission_transition(
        submission=submission, by=by, to_status=Status.IN_PROGRESS, reason=reason
    )


# --- privacy ------------------------------------------------------------------------

ANONYMISED_TEXT = "[anonymisert]"


@transaction.atomic
def submissions_anonymise(
    *, submissions: Iterable[Submission], by=None, reason: str = ""
) -> int:
    """Remove personal data: contact details, location, free text (the resident's
    and every text in the timeline: replies quote it, and the reasons of
    re-routes and status changes are written freely about the person),
    attachments and the tracking link. Kind, topic, unit, status, postcode, the
    routing rule and dates stay for statistics. Returns how many were
    anonymised (already anonymised ones, and ones an app holds back, are
    skipped)."""
    now = timezone.now()
    count = 0
    ids = [s.pk for s in submissions]
    qs = Submission.objects.filter(pk__in=ids, anonymised_at__isnull=True)
    # Apps above feedback may hold an input back: records keeps everything that
    # is not yet in the archive (arkivlova before GDPR's erasure). Registered as
    # the Wagtail hook «feedback_anonymisable» (queryset -> queryset).
    for hold_back in hooks.get_hooks("feedback_anonymisable"):
        qs = hold_back(qs)
    qs = qs.select_for_update(of=("self",)).prefetch_related("attachments")
    for submission in qs:
        for attachment in submission.attachments.all():
            attachment.file.delete(save=False)
        submission.attachments.all().delete()
        submission.subject = ANONYMISED_TEXT if submission.subject else ""
        submission.text = ANONYMISED_TEXT if submission.text else ""
        submission.location = ""
        submission.contact_name = ""
        submission.contact_email = ""
        submission.contact_phone = ""
        submission.organisation = ""
        submission.tracking_token_hash = ""
        # A rule's reason is staff configuration; a re-route's is free text.
        if submission.routing_rule_id is None and submission.routing_reason:
            submission.routing_reason = ANONYMISED_TEXT
        if submission.moderation_reason:
            submission.moderation_reason = ANONYMISED_TEXT
        submission.anonymised_at = now
        submission.save()
        submission.events.exclude(text="").exclude(kind=EventKind.ANONYMISED).update(
            text=ANONYMISED_TEXT
        )
        _event(submission, EventKind.ANONYMISED, by=_user(by), text=reason.strip())
        _audit(submission, "anonymise", by=_user(by))
        count += 1
    return count


def submissions_for_email(*, email: str, user=None) -> list[dict]:
    """Everything stored about one e-mail address (innsynsrett, GDPR art. 15):
    one dict per submission with its fields, attachments' names and the public
    timeline. Pass `user` to limit to what that user may see."""
    from .selectors import submissions_visible_to

    email = (email or "").strip()
    if not email:
        return []
    qs = Submission.objects.filter(contact_email__iexact=email)
    if user is not None:
        qs = submissions_visible_to(user, queryset=qs)
    qs = qs.select_related("unit", "topic").prefetch_related("attachments", "events")
    result = []
    for s in qs.order_by("created_at"):
        result.append(
            {
                "reference": s.reference,
                "kind": s.kind,
                "status": s.status,
                "received": s.created_at.isoformat(),
                "topic": s.topic.name if s.topic else "",
                "unit": s.unit.name if s.unit else "",
                "subject": s.subject,
                "text": s.text,
                "location": s.location,
                "postcode": s.postcode,
                "contact_name": s.contact_name,
                "contact_email": s.contact_email,
                "contact_phone": s.contact_phone,
                "organisation": s.organisation,
                "language": s.language,
                "attachments": [a.original_name for a in s.attachments.all()],
                # The positions read from their photos are theirs too (art. 15).
                "attachment_locations": [
                    {
                        "name": a.original_name,
                        "latitude": a.latitude,
                        "longitude": a.longitude,
                    }
                    for a in s.attachments.all()
                    if a.location is not None
                ],
                "timeline": [
                    {"time": e.created_at.isoformat(), "kind": e.kind, "text": e.text}
                    for e in s.events.all()
                    if e.public
                ],
            }
        )
    return result


@transaction.atomic
def submission_record_email_failure(
    *, submission_id: int, purpose: str, attempt: int, error: str, will_retry: bool
) -> None:
    """Make a failed e-mail visible in the timeline (used by tasks)."""
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None:
        return
    _event(
        submission,
        EventKind.EMAIL_FAILED,
        data={
            "purpose": purpose,
            "attempt": attempt,
            "error": error[:200],
            "will_retry": will_retry,
        },
    )


# Repeated openings by one person within this time are one reading: a reload
# or coming back from an action is not another look at the data.
VIEW_LOG_WINDOW = datetime.timedelta(minutes=10)


def case_viewed(*, submission: Submission, by, now=None) -> bool:
    """Record that `by` opened the case (who, when) in the audit log, at most
    once per VIEW_LOG_WINDOW; True when an entry was written."""
    from .selectors import case_access_entries

    now = now or timezone.now()
    recent = case_access_entries(submission).filter(
        action="feedback.viewed", user=by, timestamp__gte=now - VIEW_LOG_WINDOW
    )
    if recent.exists():
        return False
    log(
        instance=submission,
        action="feedback.viewed",
        user=by,
        data={"reference": submission.reference},
    )
    return True
