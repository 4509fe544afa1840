"""From an archive post to a message on disk: the documents written (the text as
UTF-8, each attachment copied) and hashed in one pass, then arkivmelding.xml
built from what was written, so `antallFiler`, sizes and checksums describe
exactly the files beside it.

Memory stays bounded: files are streamed in chunks, never read whole.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from feedback.choices import InputKind
from proposals import selectors as proposal_selectors
from proposals.choices import Method as SignatureMethod

from . import arkivmelding as am
from . import formats
from .choices import JOURNALPOST_TYPE_NAMES, PostKind

CHUNK = 1024 * 256


class ArchiveError(Exception):
    """A message could not be made or delivered. The text is for staff and the
    log: it names the post, never the person."""


@dataclass
class Package:
    """A message written to `directory`: arkivmelding.xml and its files."""

    message_id: str
    directory: Path
    xml: bytes
    files: list[Path] = field(default_factory=list)


def archive_settings() -> dict:
    return settings.PORTAL_ARCHIVE


# --- writing files -----------------------------------------------------------------


def _write_stream(source, target: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open(target, "wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return size, digest.hexdigest()


def _write_text(text: str, target: Path) -> tuple[int, str]:
    data = text.encode("utf-8")
    target.write_bytes(data)
    return len(data), hashlib.sha256(data).hexdigest()


def _file_of_lines(directory: Path, name: str, lines) -> am.File:
    """A text file written line by line (a list of any length in bounded
    memory), hashed as it is written."""
    digest, size = hashlib.sha256(), 0
    with open(directory / name, "wb") as out:
        for line in lines:
            data = (line + "\n").encode("utf-8")
            digest.update(data)
            size += len(data)
            out.write(data)
    return _text_file(name, size, digest.hexdigest())


def _file_of_text(directory: Path, name: str, text: str) -> am.File:
    size, checksum = _write_text(text, directory / name)
    return _text_file(name, size, checksum)


def _text_file(name: str, size: int, checksum: str) -> am.File:
    fmt = formats.TEXT
    return am.File(
        name=name,
        original_name=name,
        format_code=fmt.code,
        format_name=fmt.name,
        mime=fmt.mime,
        variant=fmt.variant,
        size=size,
        sha256=checksum,
    )


def _file_of_field(directory: Path, name: str, fieldfile, original: str, fmt):
    try:
        with fieldfile.open("rb") as source:
            size, checksum = _write_stream(source, directory / name)
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise ArchiveError(
            f"a file of the post could not be read ({type(exc).__name__})"
        ) from None
    return am.File(
        name=name,
        original_name=(original or name)[:255],
        format_code=fmt.code,
        format_name=fmt.name,
        mime=fmt.mime,
        variant=fmt.variant,
        size=size,
        sha256=checksum,
    )


# --- who and what -------------------------------------------------------------------


def _unit(unit) -> am.Person | None:
    if unit is None:
        return None
    return am.Person(name=unit.name, identifier=unit.slug, email=unit.email or "")


def _staff(user) -> am.Person | None:
    if user is None:
        return None
    return am.Person(
        name=user.get_full_name() or user.get_username(),
        identifier=user.get_username(),
        email=user.email or "",
    )


def resident_party(submission, role: str, *, screened: bool) -> am.Party:
    """The resident as korrespondansepart: the organisation when sent on behalf
    of one (the person as its contact), else the person, else «anonym»."""
    if submission.organisation:
        return am.Party(
            role=role,
            name=submission.organisation,
            is_person=False,
            email=submission.contact_email,
            phone=submission.contact_phone,
            postcode=submission.postcode,
            contact_person=submission.contact_name,
        )
    if submission.contact_name:
        return am.Party(
            role=role,
            name=submission.contact_name,
            email=submission.contact_email,
            phone=submission.contact_phone,
            postcode=submission.postcode,
            screened=screened,
        )
    return am.Party(
        role=role,
        name="Anonym innsender",
        is_person=False,
        email=submission.contact_email,
        phone=submission.contact_phone,
        postcode=submission.postcode,
        screened=screened and bool(submission.contact_email),
    )


def _internal(role: str, unit, handler=None) -> am.Party:
    return am.Party(
        role=role,
        name=unit.name if unit else "Kommunen",
        is_person=False,
        unit=_unit(unit),
        handler=_staff(handler),
    )


def _screening(obj) -> am.Screening | None:
    if not obj.screening_code:
        return None
    return am.Screening(obj.screening_code, obj.screening_authority or "Offl.")


def _date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


# --- the documents ------------------------------------------------------------------


def _lines(pairs) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs if value) + "\n"


def input_text(submission) -> str:
    """The resident's input as the archive keeps it: every field of the form."""
    publication = getattr(submission, "publication", None)
    page = submission.page
    pairs = [
        (_("Kind"), InputKind(submission.kind).label),
        (_("Reference"), submission.reference),
        (_("Received"), timezone.localtime(submission.created_at).isoformat()),
        (_("Topic"), submission.topic.name if submission.topic else ""),
        (_("Page"), page.title if page else ""),
        (_("Subject"), submission.subject),
        (_("Location"), submission.location),
        (_("Postcode"), submission.postcode),
        (_("Name"), submission.contact_name),
        (_("Organisation"), submission.organisation),
        (_("E-mail"), submission.contact_email),
        (_("Phone"), submission.contact_phone),
        (_("Preferred language"), submission.get_language_display()),
    ]
    if submission.helpful is not None:
        pairs.append(
            (
                _("Found what they were looking for"),
                _("Yes") if submission.helpful else _("No"),
            )
        )
    if publication is not None:
        pairs += [
            (_("Responded"), publication.get_respondent_type_display()),
            (
                _("Name may be published"),
                _("Yes") if publication.publish_name else _("No"),
            ),
        ]
    return _lines(pairs) + "\n" + (submission.text or "") + "\n"


def reply_text(event, submission) -> str:
    pairs = [
        (_("Reply to"), submission.reference),
        (_("Sent"), timezone.localtime(event.created_at).isoformat()),
        (_("From"), submission.unit.name if submission.unit else ""),
    ]
    expected = event.data.get("expected_date")
    if expected:
        pairs.append((_("Expected answer by"), expected))
    return _lines(pairs) + "\n" + (event.text or "") + "\n"


def outcome_text(hearing) -> str:
    heard = strip_tags(hearing.outcome_heard or "").strip()
    decided = strip_tags(hearing.outcome_decided or "").strip()
    parts = [hearing.title, ""]
    if heard:
        parts += [_("What we heard"), heard, ""]
    if decided:
        parts += [_("What was decided"), decided, ""]
    if hearing.political_case_url:
        parts += [hearing.political_case_url, ""]
    return "\n".join(parts)


# --- the message ---------------------------------------------------------------------


def _folder(case) -> am.Folder:
    if case.hearing_id and case.hearing is not None:
        hearing = case.hearing
        responsible = None
        if hearing.contact_name:
            responsible = am.Person(
                name=hearing.contact_name, email=hearing.contact_email or ""
            )
        case_date = hearing.opens_on
        status = "B"
    else:
        responsible = _staff(case.submission.assigned_to) if case.submission else None
        case_date = _date(case.created_at)
        status = "B"
    config = archive_settings()
    return am.Folder(
        key=case.key,
        title=case.title,
        public_title=case.public_title,
        created=case.created_at,
        case_date=case_date,
        unit=_unit(case.unit),
        responsible=responsible,
        status=status,
        screening=_screening(case),
        archive_part=config.get("ARKIVDEL", ""),
        journal_unit=config.get("JOURNALENHET", ""),
        system_id=case.system_id,
    )


def _documents_of_input(post, directory: Path) -> list[am.Document]:
    submission = post.submission
    base = submission.reference
    documents = [
        am.Document(
            number=1,
            title=post.title,
            role=am.HOVEDDOKUMENT,
            doctype="UTTALELSE"
            if post.kind == PostKind.HEARING_RESPONSE
            else "MELDING",
            key=f"{post.key}/1",
            created=submission.created_at,
            files=[_file_of_text(directory, "dokument-1.txt", input_text(submission))],
        )
    ]
    for number, attachment in enumerate(submission.attachments.all(), start=2):
        fmt = formats.for_mime(attachment.content_type)
        name = f"vedlegg-{number}.{fmt.extension}"
        documents.append(
            am.Document(
                number=number,
                title=attachment.original_name or _("Attachment"),
                role=am.VEDLEGG,
                doctype="VEDLEGG",
                key=f"{post.key}/{number}",
                created=attachment.created_at,
                files=[
                    _file_of_field(
                        directory,
                        name,
                        attachment.file,
                        attachment.original_name or f"{base}-{number}",
                        fmt,
                    )
                ],
            )
        )
    proposal = (
        getattr(submission, "citizen_proposal", None)
        if submission.kind == InputKind.PROPOSAL
        else None
    )
    if proposal is not None:
        # The council's case is the proposal and the list of who signed it
        # (kommuneloven § 12-1): the full list, every name, as the council
        # gets it; the archive's screening and public journal decide what the
        # public sees, as for every document.
        number = len(documents) + 1
        documents.append(
            am.Document(
                number=number,
                title=_("Signature list"),
                role=am.VEDLEGG,
                doctype="VEDLEGG",
                key=f"{post.key}/{number}",
                created=proposal.submitted_at or submission.created_at,
                files=[
                    _file_of_lines(
                        directory,
                        f"vedlegg-{number}-underskrifter.txt",
                        signature_list_lines(proposal),
                    )
                ],
            )
        )
    return documents


def signature_list_lines(proposal):
    """The signature list as the archive keeps it: one line per counted
    signature, in the order they came."""
    progress = proposal_selectors.progress(proposal)
    yield _("Signature list: %(title)s") % {"title": proposal.title}
    yield _("Counted signatures: %(count)s (threshold %(threshold)s)") % {
        "count": progress.count,
        "threshold": progress.threshold,
    }
    yield ""
    yield "; ".join(
        [_("No."), _("Confirmed"), _("Name"), _("Postcode"), _("Signed"), _("Verified")]
    )
    rows = proposal_selectors.signature_list(proposal, internal=True)
    for number, row in enumerate(rows, start=1):
        yield "; ".join(
            [
                str(number),
                timezone.localtime(row.confirmed_at).strftime("%d.%m.%Y %H:%M"),
                row.name,
                row.postcode,
                str(SignatureMethod(row.method).label),
                _("Yes") if row.verified else _("No"),
            ]
        )


def build_message(post, directory: Path) -> am.Message:
    """Write the documents of `post` into `directory` and return its message
    (not yet serialised). Titles and labels are in the site language: the
    archive's language, whatever language the resident wrote in."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build_message(post, directory)


def _build_message(post, directory: Path) -> am.Message:
    case = post.case
    config = archive_settings()
    kind = post.kind
    screened = post.is_screened
    parties: list[am.Party] = []
    received = sent = None
    due = None
    if kind in (PostKind.INPUT, PostKind.HEARING_RESPONSE):
        submission = post.submission
        documents = _documents_of_input(post, directory)
        parties = [
            resident_party(submission, "EA", screened=screened),
            _internal("IM", submission.unit, submission.assigned_to),
        ]
        received = submission.created_at
        if submission.due_at:
            due = _date(submission.due_at)
        status = "J"
    elif kind in (PostKind.REPLY, PostKind.INTERIM_REPLY):
        event = post.event
        submission = event.submission
        documents = [
            am.Document(
                number=1,
                title=post.title,
                role=am.HOVEDDOKUMENT,
                doctype="KORR",
                key=f"{post.key}/1",
                created=event.created_at,
                files=[
                    _file_of_text(
                        directory, "dokument-1.txt", reply_text(event, submission)
                    )
                ],
            )
        ]
        parties = [
            resident_party(submission, "EM", screened=screened),
            _internal("IA", submission.unit, event.actor),
        ]
        sent = event.created_at
        status = "E"
    elif kind == PostKind.HEARING_DOCUMENT:
        hearing_document = post.hearing_document
        if hearing_document is None:
            raise ArchiveError(
                "the hearing document was removed before it was archived"
            )
        document = hearing_document.document
        fmt = formats.for_extension(document.file_extension)
        documents = [
            am.Document(
                number=1,
                title=hearing_document.display_title,
                role=am.HOVEDDOKUMENT,
                doctype="DOKUMENT",
                key=f"{post.key}/1",
                created=document.created_at,
                files=[
                    _file_of_field(
                        directory,
                        f"dokument-1.{fmt.extension}",
                        document.file,
                        document.filename,
                        fmt,
                    )
                ],
            )
        ]
        hearing = case.hearing
        consultees = [c.name for c in hearing.consultees.all()] if hearing else []
        consultees += [
            line.strip()
            for line in (hearing.other_consultees if hearing else "").splitlines()
            if line.strip()
        ]
        parties = [
            am.Party(role="EM", name=name, is_person=False)
            for name in (consultees or ["Offentlig høring"])
        ]
        parties.append(_internal("IA", case.unit))
        sent = post.document_date
        status = "E"
    elif kind == PostKind.HEARING_OUTCOME:
        hearing = case.hearing
        if hearing is None:
            raise ArchiveError(
                "the hearing was removed before its outcome was archived"
            )
        documents = [
            am.Document(
                number=1,
                title=post.title,
                role=am.HOVEDDOKUMENT,
                doctype="DOKUMENT",
                key=f"{post.key}/1",
                created=post.document_date,
                files=[
                    _file_of_text(directory, "dokument-1.txt", outcome_text(hearing))
                ],
            )
        ]
        parties = [_internal("IA", case.unit)]
        status = "J"
    else:  # pragma: no cover - every PostKind is handled above
        raise ArchiveError(f"unknown kind of post {kind}")

    code = post.journalpost_type
    message_post = am.Post(
        key=post.key,
        folder_key=case.key,
        journalpost_type=(code, JOURNALPOST_TYPE_NAMES.get(code, "")),
        title=post.title,
        public_title=post.public_title,
        created=post.created_at,
        journal_date=_date(post.created_at),
        document_date=_date(post.document_date),
        received=received,
        sent=sent,
        due=due,
        status=status,
        parties=parties,
        documents=documents,
        screening=_screening(post),
        folder_system_id=case.system_id,
        attachments=max(len(documents) - 1, 0),
        journal_unit=config.get("JOURNALENHET", ""),
    )
    return am.Message(
        system=config.get("SYSTEM", "Innbyggerportalen"),
        fagsystem=config.get("FAGSYSTEM", "innbyggerportal"),
        rule=config.get("RULE", ""),
        post=message_post,
        # The folder goes with every post until the archive has confirmed it.
        folder=None if case.archived_at else _folder(case),
    )


def write_package(post, directory: Path) -> Package:
    """Write `post` as a complete message into `directory` (created; emptied if
    it held an earlier attempt). Raises ArchiveError or am.InvalidMessage."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    message = build_message(post, directory)
    xml = am.build(message)
    (directory / am.MESSAGE_FILE).write_bytes(xml)
    return Package(
        message_id=str(post.message_id),
        directory=directory,
        xml=xml,
        files=[directory / f.name for f in message.files],
    )
