"""Every write of the archive side: posts made when inputs, replies and hearings
are, sent in order per case, receipts stored, metadata edited by handlers.

A post is made in the same transaction as what it records (feedback's signals,
Wagtail's page_published) and queued for sending once that commits; a post
that could not be queued is picked up by `manage.py archive_send`.
"""

from __future__ import annotations

import logging
import shutil

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from feedback.choices import EventKind, InputKind, Status

from . import arkivmelding as am
from .choices import (
    JOURNALPOST_TYPE,
    SENDABLE_STATES,
    ArchiveState,
    CaseKind,
    PostKind,
)
from .messages import ArchiveError, write_package
from .models import ArchiveCase, ArchivePost, TopicScreening
from .selectors import journaled_kinds
from .titles import titles
from .transports import ArchiveTransportError, get_transport

logger = logging.getLogger(__name__)

REPLY_KINDS = {
    EventKind.REPLIED: PostKind.REPLY,
    EventKind.INTERIM_REPLY: PostKind.INTERIM_REPLY,
}


# --- titles ---------------------------------------------------------------------------


def _sender(submission) -> tuple[str, str]:
    """(name shown in the full title, private person's name to mask)."""
    if submission.organisation:
        return submission.organisation, submission.contact_name
    return submission.contact_name, submission.contact_name


def _subject(submission) -> str:
    if submission.kind == InputKind.HEARING_RESPONSE:
        return submission.page.title if submission.page else submission.subject
    return (
        submission.subject
        or (submission.text or "")[:80]
        or (submission.topic.name if submission.topic else "")
    )


def input_titles(submission, *, screened: bool) -> tuple[str, str]:
    sender, person = _sender(submission)
    with translation.override(settings.LANGUAGE_CODE):
        what = str(InputKind(submission.kind).label)
    return titles(
        what=what,
        subject=_subject(submission),
        sender=sender,
        person=person,
        screened=screened,
    )


def reply_titles(event, *, screened: bool) -> tuple[str, str]:
    submission = event.submission
    sender, person = _sender(submission)
    with translation.override(settings.LANGUAGE_CODE):
        what = (
            _("Interim reply") if event.kind == EventKind.INTERIM_REPLY else _("Reply")
        )
    return titles(
        what=f"{what} ({submission.reference})",
        subject=_subject(submission),
        sender=sender,
        person=person,
        screened=screened,
    )


# --- screening -----------------------------------------------------------------------


def default_screening(submission) -> tuple[str, str]:
    """The topic's screening, when the input is on a topic that carries
    sensitive data (records.TopicScreening)."""
    if submission.topic_id:
        screening = TopicScreening.objects.filter(topic_id=submission.topic_id).first()
        if screening is not None:
            return screening.screening_code, screening.screening_authority
    return "", ""


# --- making posts ---------------------------------------------------------------------


def _state_for(submission) -> str:
    if submission.kind not in journaled_kinds() or submission.status == Status.SPAM:
        return ArchiveState.NOT_REQUIRED
    return ArchiveState.WAITING


def case_for_hearing(hearing) -> ArchiveCase:
    case = ArchiveCase.objects.filter(hearing=hearing).first()
    if case is not None:
        return case
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Hearing: %(title)s") % {"title": hearing.title}
    case, _created = ArchiveCase.objects.get_or_create(
        key=f"hoering/{hearing.pk}",
        defaults={
            "kind": CaseKind.HEARING,
            "hearing": hearing,
            "title": title[:500],
            "public_title": title[:500],
            "unit": hearing.responsible_unit,
        },
    )
    return case


def case_for_submission(submission) -> ArchiveCase:
    """The case folder of an input: its own, or its hearing's."""
    if submission.kind == InputKind.HEARING_RESPONSE and submission.page_id:
        return case_for_hearing(submission.page.specific)
    case = ArchiveCase.objects.filter(submission=submission).first()
    if case is not None:
        return case
    code, authority = default_screening(submission)
    title, public = input_titles(submission, screened=bool(code))
    case, _created = ArchiveCase.objects.get_or_create(
        key=f"innspill/{submission.reference}",
        defaults={
            "kind": CaseKind.INPUT,
            "submission": submission,
            "title": title,
            "public_title": public,
            "unit": submission.unit,
            "screening_code": code,
            "screening_authority": authority,
            "created_at": submission.created_at,
        },
    )
    return case


def post_for_input(submission) -> ArchivePost:
    """The incoming post (I) of an input, made once."""
    existing = ArchivePost.objects.filter(
        submission=submission, event__isnull=True
    ).first()
    if existing is not None:
        return existing
    case = case_for_submission(submission)
    kind = (
        PostKind.HEARING_RESPONSE
        if submission.kind == InputKind.HEARING_RESPONSE
        else PostKind.INPUT
    )
    if kind == PostKind.INPUT:
        code, authority = case.screening_code, case.screening_authority
    else:
        code, authority = default_screening(submission)
    title, public = input_titles(submission, screened=bool(code))
    key = (
        f"{case.key}/svar/{submission.reference}"
        if kind == PostKind.HEARING_RESPONSE
        else f"{case.key}/I"
    )
    post, _created = ArchivePost.objects.get_or_create(
        key=key,
        defaults={
            "case": case,
            "kind": kind,
            "submission": submission,
            "journalpost_type": JOURNALPOST_TYPE[kind],
            "title": title,
            "public_title": public,
            "screening_code": code,
            "screening_authority": authority,
            "document_date": submission.created_at,
            "state": _state_for(submission),
        },
    )
    return post


def post_for_reply(event) -> ArchivePost | None:
    """The outgoing post (U) of a reply or interim reply, made once."""
    kind = REPLY_KINDS.get(event.kind)
    if kind is None:
        return None
    existing = ArchivePost.objects.filter(event=event).first()
    if existing is not None:
        return existing
    submission = event.submission
    first = post_for_input(submission)
    title, public = reply_titles(event, screened=first.is_screened)
    post, _created = ArchivePost.objects.get_or_create(
        key=f"{first.key}/U/{event.pk}",
        defaults={
            "case": first.case,
            "kind": kind,
            "submission": submission,
            "event": event,
            "journalpost_type": JOURNALPOST_TYPE[kind],
            "title": title,
            "public_title": public,
            "screening_code": first.screening_code,
            "screening_authority": first.screening_authority,
            "document_date": event.created_at,
            "state": _state_for(submission),
        },
    )
    return post


def posts_for_hearing(hearing, *, now=None) -> list[ArchivePost]:
    """The hearing's folder, a post per document and, once concluded, a post for
    its outcome. Documents added later get their own post on the next publish;
    a changed document is not sent again (the archive keeps what was
    published)."""
    from hearings.choices import HearingStatus

    case = case_for_hearing(hearing)
    made = []
    with translation.override(settings.LANGUAGE_CODE):
        for document in hearing.documents.select_related("document"):
            title = _("Hearing document: %(title)s") % {"title": document.display_title}
            post, created = ArchivePost.objects.get_or_create(
                key=f"{case.key}/dokument/{document.pk}",
                defaults={
                    "case": case,
                    "kind": PostKind.HEARING_DOCUMENT,
                    "hearing_document": document,
                    "journalpost_type": JOURNALPOST_TYPE[PostKind.HEARING_DOCUMENT],
                    "title": title[:500],
                    "public_title": title[:500],
                    "document_date": now or timezone.now(),
                },
            )
            if created:
                made.append(post)
        if hearing.status_at(now) == HearingStatus.CONCLUDED:
            title = _("Outcome of the hearing: %(title)s") % {"title": hearing.title}
            post, created = ArchivePost.objects.get_or_create(
                key=f"{case.key}/utfall",
                defaults={
                    "case": case,
                    "kind": PostKind.HEARING_OUTCOME,
                    "journalpost_type": JOURNALPOST_TYPE[PostKind.HEARING_OUTCOME],
                    "title": title[:500],
                    "public_title": title[:500],
                    "document_date": now or timezone.now(),
                },
            )
            if created:
                made.append(post)
    return made


def queue(posts) -> None:
    """Send `posts` in the background once the transaction commits."""
    ids = [p.pk for p in posts if p is not None and p.state in SENDABLE_STATES]
    if not ids or get_transport() is None:
        return

    def send():
        from .tasks import archive_post

        with transaction.atomic():
            for pk in ids:
                archive_post.enqueue(post_id=pk)

    transaction.on_commit(send)


# --- sending ----------------------------------------------------------------------


def _load(post_id: int) -> ArchivePost | None:
    return _post_select(ArchivePost.objects.filter(pk=post_id)).first()


def _earlier_pending(post: ArchivePost) -> list[int]:
    """Posts of the same case, before this one and not yet sent: the archive
    numbers a case's documents in the order they arrive."""
    return list(
        ArchivePost.objects.filter(
            case_id=post.case_id,
            state__in=SENDABLE_STATES,
            document_date__lt=post.document_date,
        )
        .exclude(pk=post.pk)
        .order_by("document_date", "id")
        .values_list("pk", flat=True)
    )


class SendResult:
    SENT, ARCHIVED, FAILED, SKIPPED = "sent", "archived", "failed", "skipped"


def post_send(*, post_id: int, transport=None, now=None) -> str:
    """Send one post (after any earlier unsent post of its case). Returns a
    SendResult; a failure is stored on the post and raised as ArchiveError or
    ArchiveTransportError for the task to retry."""
    transport = transport or get_transport()
    if transport is None:
        return SendResult.SKIPPED
    for earlier in _earlier_pending(ArchivePost.objects.get(pk=post_id)):
        try:
            post_send_one(post_id=earlier, transport=transport, now=now)
        except (ArchiveError, ArchiveTransportError):
            pass  # recorded on that post; it is retried on its own
    return post_send_one(post_id=post_id, transport=transport, now=now)


def post_send_one(*, post_id: int, transport, now=None) -> str:
    now = now or timezone.now()
    failure: tuple[str, Exception] | None = None
    with transaction.atomic():
        locked = (
            ArchivePost.objects.select_for_update(skip_locked=True)
            .filter(pk=post_id, state__in=SENDABLE_STATES)
            .first()
        )
        if locked is None:
            return SendResult.SKIPPED  # sent already, or another worker has it
        post = _load(post_id)
        if post is None:  # deleted since the lock was taken (erasure)
            return SendResult.SKIPPED
        submission = post.submission
        if (
            submission is not None
            and _state_for(submission) == ArchiveState.NOT_REQUIRED
        ):
            post.state = ArchiveState.NOT_REQUIRED
            post.save(update_fields=["state"])
            return SendResult.SKIPPED
        post.attempts += 1
        directory = transport.work_dir() / str(post.message_id)
        try:
            package = write_package(post, directory)
            receipt = transport.send(package)
        except am.InvalidMessage as exc:
            failure = (
                _("The message is not valid against the schema: %(error)s")
                % {"error": exc},
                ArchiveError(f"post {post.key}: invalid message"),
            )
        except (ArchiveError, ArchiveTransportError) as exc:
            failure = (str(exc), ArchiveTransportError(f"post {post.key}: {exc}"))
        except OSError as exc:
            failure = (
                _("A file could not be written (%(error)s)")
                % {"error": type(exc).__name__},
                ArchiveTransportError(f"post {post.key}: {type(exc).__name__}"),
            )
        if failure is None:
            post.state = ArchiveState.SENT
            post.sent_at = now
            post.error = ""
            post.save(update_fields=["state", "sent_at", "error", "attempts"])
            if receipt is not None:
                receipt_store(post=post, data=receipt, now=now)
                return SendResult.ARCHIVED
            return SendResult.SENT
        # Recorded in this transaction (it commits: nothing above raised), then
        # raised for the task to decide on a retry.
        shutil.rmtree(directory, ignore_errors=True)
        _fail(post, failure[0])
    raise failure[1]


def _fail(post: ArchivePost, reason: str) -> None:
    post.state = ArchiveState.FAILED
    post.error = reason[:300]
    post.save(update_fields=["state", "error", "attempts"])
    # The key names the portal's reference, never the person.
    logger.warning(
        "Archiving %s failed (attempt %s): %s", post.key, post.attempts, reason[:200]
    )


def receipt_store(*, post: ArchivePost, data: bytes, now=None) -> ArchivePost:
    """Store the archive's answer: its numbers on the post and its case."""
    now = now or timezone.now()
    try:
        receipt = am.parse_receipt(data)
    except am.InvalidMessage as exc:
        _fail(post, _("The archive's receipt is not valid: %(error)s") % {"error": exc})
        return post
    if not receipt.ok:
        _fail(
            post,
            _("The archive refused the message: %(error)s") % {"error": receipt.error},
        )
        return post
    with transaction.atomic():
        case = ArchiveCase.objects.select_for_update().get(pk=post.case_id)
        if receipt.folder_system_id and not case.archived_at:
            case.system_id = receipt.folder_system_id
            case.case_year = receipt.case_year
            case.case_sequence = receipt.case_sequence
            case.archived_at = now
            case.save(
                update_fields=["system_id", "case_year", "case_sequence", "archived_at"]
            )
        post.case = case
        post.state = ArchiveState.ARCHIVED
        post.archived_at = now
        post.error = ""
        post.system_id = receipt.post_system_id
        post.journal_year = receipt.journal_year
        post.journal_sequence = receipt.journal_sequence
        post.journal_number = receipt.journal_number
        post.receipt = data.decode("utf-8", errors="replace")[:20000]
        post.save(
            update_fields=[
                "state",
                "archived_at",
                "error",
                "system_id",
                "journal_year",
                "journal_sequence",
                "journal_number",
                "receipt",
            ]
        )
        if (submission := post.submission) is not None:
            log(
                instance=submission,
                action="records.archived",
                data={
                    "reference": submission.reference,
                    "post": post.key,
                    "archive_reference": post.archive_reference,
                },
            )
    return post


def receipts_collect(*, transport=None, now=None) -> int:
    """Store every receipt the transport has; returns how many were stored."""
    transport = transport or get_transport()
    if transport is None:
        return 0
    stored = 0
    for message_id, data in transport.receipts():
        post = (
            ArchivePost.objects.select_related("case", "submission")
            .filter(message_id=message_id)
            .first()
        )
        if post is None:
            logger.warning(
                "A receipt for an unknown message %s was ignored", message_id
            )
            transport.acknowledge(message_id)
            continue
        receipt_store(post=post, data=data, now=now)
        transport.acknowledge(message_id)
        stored += 1
    return stored


# --- handlers' edits --------------------------------------------------------------


class AlreadyArchived(Exception):
    """The archive has the post: change it there."""


@transaction.atomic
def post_update_metadata(
    *,
    post: ArchivePost,
    by,
    public_title: str,
    screening_code: str,
    screening_authority: str,
) -> ArchivePost:
    """A handler's public title and screening for a post not yet in the archive.
    The input's folder and its replies follow the input's screening; a title
    the handler wrote is kept as written."""
    post = ArchivePost.objects.select_for_update().get(pk=post.pk)
    if post.state in (ArchiveState.ARCHIVED, ArchiveState.SENT):
        raise AlreadyArchived
    screening_code = screening_code.strip()
    screening_authority = screening_authority.strip() if screening_code else ""
    changed_screening = (post.screening_code, post.screening_authority) != (
        screening_code,
        screening_authority,
    )
    post.screening_code, post.screening_authority = screening_code, screening_authority
    public_title = " ".join(public_title.split())[:500]
    if public_title and public_title != post.public_title:
        post.public_title = public_title
        post.public_title_edited = True
    elif changed_screening and not post.public_title_edited and post.submission_id:
        post.public_title = input_titles(
            post.submission, screened=bool(screening_code)
        )[1]
    post.save()
    if post.kind == PostKind.INPUT and changed_screening:
        case = post.case
        if not case.archived_at:
            case.screening_code, case.screening_authority = (
                screening_code,
                screening_authority,
            )
            case.public_title = input_titles(
                post.submission, screened=bool(screening_code)
            )[1]
            case.save(
                update_fields=["screening_code", "screening_authority", "public_title"]
            )
        for reply in post.case.posts.filter(
            kind__in=[PostKind.REPLY, PostKind.INTERIM_REPLY], state__in=SENDABLE_STATES
        ).select_related("event__submission"):
            reply.screening_code, reply.screening_authority = (
                screening_code,
                screening_authority,
            )
            reply.public_title = reply_titles(
                reply.event, screened=bool(screening_code)
            )[1]
            reply.save(
                update_fields=["screening_code", "screening_authority", "public_title"]
            )
    if (submission := post.submission) is not None:
        log(
            instance=submission,
            action="records.metadata",
            user=by,
            data={
                "reference": submission.reference,
                "post": post.key,
                "screened": bool(screening_code),
            },
        )
    return post


@transaction.atomic
def post_retry(*, post: ArchivePost, by) -> ArchivePost:
    """Send a failed post again now (attempts start over)."""
    post = ArchivePost.objects.select_for_update().get(pk=post.pk)
    if post.state == ArchiveState.FAILED:
        post.state = ArchiveState.WAITING
        post.attempts = 0
        post.save(update_fields=["state", "attempts"])
        queue([post])
    return post


# --- in bulk: the sweep and the export ----------------------------------------------

SYNC_BATCH = 1000


def _post_select(qs):
    return qs.select_related(
        "case",
        "case__unit",
        "case__hearing",
        "case__submission__assigned_to",
        "submission__unit",
        "submission__topic",
        "submission__page",
        "submission__assigned_to",
        "submission__publication",
        "event__actor",
        "event__submission__unit",
        "hearing_document__document",
    )


def load_posts(ids: list[int]) -> list[ArchivePost]:
    """Posts with everything their messages read, in the order of `ids`."""
    posts = _post_select(ArchivePost.objects.filter(pk__in=ids)).prefetch_related(
        "submission__attachments"
    )
    by_id = {p.pk: p for p in posts}
    return [by_id[pk] for pk in ids if pk in by_id]


def post_fail(post: ArchivePost, reason: str) -> None:
    post.attempts += 1
    _fail(post, reason)


def posts_mark_sent(ids: list[int], now=None) -> None:
    if ids:
        ArchivePost.objects.filter(pk__in=ids).update(
            state=ArchiveState.SENT, sent_at=now or timezone.now(), error=""
        )


def _sync_inputs(submissions) -> int:
    screenings = {
        s.topic_id: (s.screening_code, s.screening_authority)
        for s in TopicScreening.objects.all()
    }
    cases, posts = [], []
    hearing_cases: dict[int, ArchiveCase] = {}
    for submission in submissions:
        code, authority = screenings.get(submission.topic_id, ("", ""))
        title, public = input_titles(submission, screened=bool(code))
        if submission.kind == InputKind.HEARING_RESPONSE and submission.page_id:
            if submission.page_id not in hearing_cases:
                hearing_cases[submission.page_id] = case_for_hearing(
                    submission.page.specific
                )
            case_key = hearing_cases[submission.page_id].key
            key, kind = (
                f"{case_key}/svar/{submission.reference}",
                PostKind.HEARING_RESPONSE,
            )
        else:
            case_key = f"innspill/{submission.reference}"
            key, kind = f"{case_key}/I", PostKind.INPUT
            cases.append(
                ArchiveCase(
                    key=case_key,
                    kind=CaseKind.INPUT,
                    submission=submission,
                    title=title,
                    public_title=public,
                    unit_id=submission.unit_id,
                    screening_code=code,
                    screening_authority=authority,
                    created_at=submission.created_at,
                )
            )
        posts.append(
            (
                case_key,
                ArchivePost(
                    key=key,
                    kind=kind,
                    submission=submission,
                    journalpost_type=JOURNALPOST_TYPE[kind],
                    title=title,
                    public_title=public,
                    screening_code=code,
                    screening_authority=authority,
                    document_date=submission.created_at,
                    state=_state_for(submission),
                ),
            )
        )
    ArchiveCase.objects.bulk_create(cases, ignore_conflicts=True)
    case_ids = dict(
        ArchiveCase.objects.filter(key__in={k for k, _p in posts}).values_list(
            "key", "pk"
        )
    )
    for case_key, post in posts:
        post.case_id = case_ids[case_key]
    ArchivePost.objects.bulk_create([p for _k, p in posts], ignore_conflicts=True)
    return len(posts)


def posts_sync() -> int:
    """Make the posts that are missing: inputs and replies from before the
    archive was set up (or stored in bulk), hearings published before. Returns
    how many were made."""
    from feedback.models import Submission, SubmissionEvent
    from hearings.models import HearingPage

    made = 0
    missing = (
        Submission.objects.filter(archive_posts__isnull=True)
        .select_related("topic", "page", "unit")
        .order_by("pk")
    )
    batch = []
    for submission in missing.iterator(chunk_size=SYNC_BATCH):
        batch.append(submission)
        if len(batch) >= SYNC_BATCH:
            made += _sync_inputs(batch)
            batch = []
    if batch:
        made += _sync_inputs(batch)
    replies = SubmissionEvent.objects.filter(
        kind__in=list(REPLY_KINDS), archive_post__isnull=True
    ).select_related("submission")
    for event in replies.iterator(chunk_size=SYNC_BATCH):
        made += post_for_reply(event) is not None
    for hearing in HearingPage.objects.live().filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    ):
        made += len(posts_for_hearing(hearing))
    return made


def posts_send_waiting(*, transport, limit: int = 5000) -> dict[str, int]:
    """Send what waits (and what failed fewer than MAX_ATTEMPTS times)."""
    max_attempts = int(settings.PORTAL_ARCHIVE.get("MAX_ATTEMPTS", 8))
    ids = list(
        ArchivePost.objects.filter(state__in=SENDABLE_STATES, attempts__lt=max_attempts)
        .order_by("case_id", "document_date", "id")
        .values_list("pk", flat=True)[:limit]
    )
    counts = {"sent": 0, "failed": 0}
    for pk in ids:
        try:
            result = post_send_one(post_id=pk, transport=transport)
        except (ArchiveError, ArchiveTransportError):
            counts["failed"] += 1
            continue
        if result != SendResult.SKIPPED:
            counts["sent"] += 1
    return counts
