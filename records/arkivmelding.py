"""Fiks Arkiv V1 messages: `arkivmelding` (opprett) out, `arkivmeldingKvittering`
in. Pure: plain data in, XML bytes out (and back), validated with lxml against
the KS schemas copied into records/schemas/fiks-arkiv-v1/ (MIT).

One message carries one journal post (registrering of type journalpost) and,
until the archive has confirmed the case folder, the folder itself (mappe of
type saksmappe). The post points at its folder by the folder's external key
(referanseForelderMappe/referanseEksternNoekkel), so the archive can place it
whether or not it has the folder from an earlier message: sending the folder
again is harmless, the archive answers «Eksisterende».

Element order follows the schema's sequences; every optional element is left
out when the portal has no value for it (the schema's minLength=1 types refuse
empty strings).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "fiks-arkiv-v1"
OPPRETT_XSD = SCHEMA_DIR / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
KVITTERING_XSD = (
    SCHEMA_DIR / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd"
)

NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
NS_KVITTERING = (
    "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/"
    "arkivmelding/opprett/kvittering/v1"
)
NS_MDK = (
    "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
)
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
MESSAGE_FILE = "arkivmelding.xml"
RECEIPT_FILE = "arkivmelding-kvittering.xml"

# Code lists of Fiks Arkiv V1 used below (kode, beskrivelse).
DOKUMENTMEDIUM_ELEKTRONISK = ("E", "Elektronisk arkiv")
DOKUMENTSTATUS_FERDIG = ("F", "Dokumentet er ferdigstilt")
HOVEDDOKUMENT = ("H", "Hoveddokument")
VEDLEGG = ("V", "Vedlegg")
SAKSSTATUS = {"B": "Under behandling", "A": "Avsluttet"}
JOURNALSTATUS = {"J": "Journalført", "E": "Ekspedert", "F": "Ferdigstilt"}
KORRESPONDANSEPARTTYPE = {
    "EA": "Avsender",
    "EM": "Mottaker",
    "IA": "Intern avsender",
    "IM": "Intern mottaker",
}
DOKUMENTTYPE = {
    "MELDING": "Melding",
    "KORR": "Korrespondanse",
    "UTTALELSE": "Uttalelse",
    "DOKUMENT": "Dokument",
    "VEDLEGG": "Vedlegg",
}


class InvalidMessage(Exception):
    """A message (or receipt) that the schema refuses. The text names elements
    and lines, never values: values may be personal data."""


# --- the data a message is built from -------------------------------------------


@dataclass
class Person:
    """identifikatorer (M801): a unit or a handler."""

    name: str = ""
    identifier: str = ""
    email: str = ""


@dataclass
class Party:
    """korrespondansepart."""

    role: str  # EA, EM, IA, IM
    name: str
    is_person: bool = True
    email: str = ""
    phone: str = ""
    postcode: str = ""
    contact_person: str = ""
    unit: Person | None = None
    handler: Person | None = None
    screened: bool = False


@dataclass
class File:
    """dokumentobjekt: one file of the message, already written and hashed."""

    name: str  # referanseDokumentfil: the file's name in the message
    original_name: str  # filnavn
    format_code: str
    format_name: str
    mime: str
    variant: str
    size: int
    sha256: str


@dataclass
class Document:
    """dokumentbeskrivelse: the main document (H) or an attachment (V)."""

    number: int
    title: str
    role: tuple[str, str]
    doctype: str
    key: str
    created: datetime.datetime
    files: list[File] = field(default_factory=list)


@dataclass
class Screening:
    code: str
    authority: str


@dataclass
class Folder:
    """saksmappe."""

    key: str
    title: str
    public_title: str
    created: datetime.datetime
    case_date: datetime.date
    unit: Person | None = None
    responsible: Person | None = None
    status: str = "B"
    screening: Screening | None = None
    archive_part: str = ""
    journal_unit: str = ""
    description: str = ""
    system_id: str = ""


@dataclass
class Post:
    """journalpost."""

    key: str
    folder_key: str
    journalpost_type: tuple[str, str]
    title: str
    public_title: str
    created: datetime.datetime
    journal_date: datetime.date
    document_date: datetime.date
    received: datetime.datetime | None = None
    sent: datetime.datetime | None = None
    due: datetime.date | None = None
    status: str = "J"
    parties: list[Party] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    screening: Screening | None = None
    folder_system_id: str = ""
    attachments: int = 0
    journal_unit: str = ""
    description: str = ""


@dataclass
class Message:
    system: str
    fagsystem: str
    post: Post
    folder: Folder | None = None
    rule: str = ""

    @property
    def files(self) -> list[File]:
        return [f for d in self.post.documents for f in d.files]


# --- building --------------------------------------------------------------------


def _el(parent, tag: str, text=None, ns: str = NS):
    element = etree.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        element.text = text if isinstance(text, str) else str(text)
    return element


def _opt(parent, tag: str, text) -> None:
    if text not in (None, ""):
        _el(parent, tag, text)


def _code(parent, tag: str, code: str, description: str = "") -> None:
    element = _el(parent, tag)
    _el(element, "kode", code, NS_MDK)
    if description:
        _el(element, "beskrivelse", description, NS_MDK)


def _key(parent, tag: str, fagsystem: str, key: str, ns: str = NS) -> None:
    element = _el(parent, tag, ns=ns)
    _el(element, "fagsystem", fagsystem, NS_MDK)
    _el(element, "noekkel", key, NS_MDK)


def _identity(parent, tag: str, person: Person | None) -> None:
    if person is None or not (person.name or person.identifier):
        return
    element = _el(parent, tag)
    if person.name:
        _el(element, "navn", person.name, NS_MDK)
    if person.identifier:
        _el(element, "identifikator", person.identifier, NS_MDK)
    if person.email:
        _el(element, "epostadresse", person.email, NS_MDK)


def _screening(parent, screening: Screening | None) -> None:
    if screening is None or not screening.code:
        return
    element = _el(parent, "skjerming")
    _code(element, "tilgangsrestriksjon", screening.code)
    _el(element, "skjermingshjemmel", screening.authority)


def _moment(value: datetime.datetime) -> str:
    # xs:dateTime with the offset, in Oslo time as the archive shows it.
    from django.utils import timezone

    return timezone.localtime(value).isoformat(timespec="seconds")


def _folder(root, folder: Folder, fagsystem: str) -> None:
    mappe = _el(root, "mappe")
    mappe.set(f"{{{NS_XSI}}}type", "saksmappe")
    _opt(mappe, "systemID", folder.system_id)
    _el(mappe, "tittel", folder.title)
    _el(mappe, "offentligTittel", folder.public_title)
    _opt(mappe, "beskrivelse", folder.description)
    _code(mappe, "dokumentmedium", *DOKUMENTMEDIUM_ELEKTRONISK)
    _el(mappe, "opprettetDato", _moment(folder.created))
    if folder.archive_part:
        _code(mappe, "arkivdel", folder.archive_part)
    _screening(mappe, folder.screening)
    _key(mappe, "referanseEksternNoekkel", fagsystem, folder.key)
    _el(mappe, "saksdato", folder.case_date.isoformat())
    _identity(mappe, "administrativEnhet", folder.unit)
    _identity(mappe, "saksansvarlig", folder.responsible)
    _opt(mappe, "journalenhet", folder.journal_unit)
    _code(mappe, "saksstatus", folder.status, SAKSSTATUS.get(folder.status, ""))


def _party(parent, party: Party) -> None:
    element = _el(parent, "korrespondansepart")
    _code(
        element,
        "korrespondanseparttype",
        party.role,
        KORRESPONDANSEPARTTYPE.get(party.role, ""),
    )
    _el(element, "korrespondansepartNavn", party.name)
    _opt(element, "postnummer", party.postcode)
    _opt(element, "epostadresse", party.email)
    _opt(element, "telefonnummer", party.phone)
    _opt(element, "kontaktperson", party.contact_person)
    _identity(element, "administrativEnhet", party.unit)
    _identity(element, "saksbehandler", party.handler)
    if party.screened:
        _el(element, "erSkjermet", "true")
    if party.role in ("EA", "EM"):
        _el(element, "erPersonnavn", "true" if party.is_person else "false")


def _document(parent, document: Document, fagsystem: str) -> None:
    element = _el(parent, "dokumentbeskrivelse")
    _code(
        element,
        "dokumenttype",
        document.doctype,
        DOKUMENTTYPE.get(document.doctype, ""),
    )
    _code(element, "dokumentstatus", *DOKUMENTSTATUS_FERDIG)
    _el(element, "tittel", document.title)
    _el(element, "opprettetDato", _moment(document.created))
    _code(element, "dokumentmedium", *DOKUMENTMEDIUM_ELEKTRONISK)
    _code(element, "tilknyttetRegistreringSom", *document.role)
    _el(element, "dokumentnummer", document.number)
    for number, file in enumerate(document.files, start=1):
        obj = _el(element, "dokumentobjekt")
        _el(obj, "versjonsnummer", number)
        from .formats import VARIANT_NAMES

        _code(obj, "variantformat", file.variant, VARIANT_NAMES.get(file.variant, ""))
        _code(obj, "format", file.format_code, file.format_name)
        _el(obj, "mimeType", file.mime)
        _el(obj, "filnavn", file.original_name or file.name)
        _el(obj, "referanseDokumentfil", file.name)
        _el(obj, "sjekksum", file.sha256)
        _el(obj, "sjekksumAlgoritme", "SHA-256")
        _el(obj, "filstoerrelse", file.size)
    _key(element, "referanseEksternNoekkel", fagsystem, document.key)


def _post(root, post: Post, fagsystem: str) -> None:
    reg = _el(root, "registrering")
    reg.set(f"{{{NS_XSI}}}type", "journalpost")
    _el(reg, "opprettetDato", _moment(post.created))
    parent = _el(reg, "referanseForelderMappe")
    if post.folder_system_id:
        _el(parent, "systemID", post.folder_system_id, NS_MDK)
    _key(parent, "referanseEksternNoekkel", fagsystem, post.folder_key, ns=NS_MDK)
    _screening(reg, post.screening)
    for document in post.documents:
        _document(reg, document, fagsystem)
    _el(reg, "tittel", post.title)
    _el(reg, "offentligTittel", post.public_title)
    _opt(reg, "beskrivelse", post.description)
    _code(reg, "dokumentmedium", *DOKUMENTMEDIUM_ELEKTRONISK)
    for party in post.parties:
        _party(reg, party)
    _key(reg, "referanseEksternNoekkel", fagsystem, post.key)
    # journalpost's own sequence, after everything of registrering.
    _code(reg, "journalposttype", *post.journalpost_type)
    _code(reg, "journalstatus", post.status, JOURNALSTATUS.get(post.status, ""))
    _el(reg, "journaldato", post.journal_date.isoformat())
    _el(reg, "dokumentetsDato", post.document_date.isoformat())
    if post.received:
        _el(reg, "mottattDato", _moment(post.received))
    if post.sent:
        _el(reg, "sendtDato", _moment(post.sent))
    if post.due:
        _el(reg, "forfallsdato", post.due.isoformat())
    _el(reg, "antallVedlegg", post.attachments)
    _opt(reg, "journalenhet", post.journal_unit)


def build(message: Message) -> bytes:
    """The arkivmelding.xml of `message`, validated (raises InvalidMessage)."""
    root = etree.Element(
        f"{{{NS}}}arkivmelding", nsmap={None: NS, "n5mdk": NS_MDK, "xsi": NS_XSI}
    )
    _el(root, "system", message.system)
    _opt(root, "regel", message.rule)
    # Every file of the message, arkivmelding.xml itself not counted.
    _el(root, "antallFiler", len(message.files))
    if message.folder is not None:
        _folder(root, message.folder, message.fagsystem)
    _post(root, message.post, message.fagsystem)
    validate(root, opprett_schema())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# --- validation ------------------------------------------------------------------


@cache
def opprett_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(OPPRETT_XSD)))


@cache
def kvittering_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(KVITTERING_XSD)))


def validate(document, schema: etree.XMLSchema) -> None:
    if not schema.validate(document):
        # The schema's messages quote element names and expected types; values
        # in them are the ones the portal built, but they are cut to be safe.
        errors = "; ".join(
            re.sub(r"\{[^}]*\}", "", e.message)[:160]
            for e in list(schema.error_log)[:2]
        )
        raise InvalidMessage(errors or "invalid")


def parse(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidMessage(f"not XML: {exc.msg[:160]}") from None


# --- the receipt -----------------------------------------------------------------


@dataclass
class Receipt:
    """What the portal keeps of an arkivmeldingKvittering."""

    folder_system_id: str = ""
    case_year: int | None = None
    case_sequence: int | None = None
    folder_existed: bool = False
    post_system_id: str = ""
    journal_year: int | None = None
    journal_sequence: int | None = None
    journal_number: int | None = None
    post_existed: bool = False
    post_key: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.post_system_id) and not self.error


def _text(element, path: str) -> str:
    found = element.find(path, {"k": NS_KVITTERING, "m": NS_MDK})
    return (found.text or "").strip() if found is not None else ""


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def parse_receipt(data: bytes) -> Receipt:
    """Read an archive's receipt, valid against the kvittering schema or refused
    (InvalidMessage)."""
    root = parse(data)
    validate(root, kvittering_schema())
    receipt = Receipt()
    folder = root.find(f"{{{NS_KVITTERING}}}mappeKvittering")
    if folder is not None:
        receipt.folder_system_id = _text(folder, "k:systemID")
        receipt.case_year = _int(_text(folder, "k:saksaar"))
        receipt.case_sequence = _int(_text(folder, "k:sakssekvensnummer"))
        receipt.folder_existed = (
            _text(folder, "k:opprettetEllerEksisterende") == "Eksisterende"
        )
    post = root.find(f"{{{NS_KVITTERING}}}registreringKvittering")
    if post is not None:
        receipt.post_system_id = _text(post, "k:systemID")
        receipt.journal_year = _int(_text(post, "k:journalaar"))
        receipt.journal_sequence = _int(_text(post, "k:journalsekvensnummer"))
        receipt.journal_number = _int(_text(post, "k:journalpostnummer"))
        receipt.post_existed = (
            _text(post, "k:opprettetEllerEksisterende") == "Eksisterende"
        )
        receipt.post_key = _text(post, "k:referanseEksternNoekkel/m:noekkel")
    for failed in ("mappeFeilet", "registreringFeilet"):
        element = root.find(f"{{{NS_KVITTERING}}}{failed}")
        if element is not None:
            receipt.error = _text(element, "{*}feilmelding")[:200] or failed
    return receipt
