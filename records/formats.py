"""File formats as the archive is told them (dokumentobjekt/format, mimeType,
variantformat).

Format codes are PRONOM identifiers, which Arkivverket chose for Noark 5's
format field (M701); the archive's own format code list may map them. The
variant is «A» (arkivformat) for formats the National Archives' regulation
(riksarkivarens forskrift § 5-17) accepts for keeping — UTF-8 text, JPEG and
PNG — and «P» (produksjonsformat) for the rest: a PDF the portal cannot prove
to be PDF/A, office documents, HEIC. The archive converts a production format
on ingest, as it does for e-mail attachments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    code: str
    name: str
    mime: str
    variant: str  # A (arkivformat) or P (produksjonsformat)
    extension: str


TEXT = Format("x-fmt/111", "Ren tekst (UTF-8)", "text/plain", "A", "txt")

_BY_MIME = {
    "text/plain": TEXT,
    "application/pdf": Format("fmt/276", "PDF", "application/pdf", "P", "pdf"),
    "image/jpeg": Format("fmt/43", "JPEG (JFIF)", "image/jpeg", "A", "jpg"),
    "image/png": Format("fmt/11", "PNG", "image/png", "A", "png"),
    "image/heic": Format("fmt/1373", "HEIC", "image/heic", "P", "heic"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        Format(
            "fmt/412",
            "Microsoft Word (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "P",
            "docx",
        )
    ),
    "application/vnd.oasis.opendocument.text": Format(
        "fmt/290",
        "OpenDocument tekst (ODT)",
        "application/vnd.oasis.opendocument.text",
        "P",
        "odt",
    ),
}
_BY_EXTENSION = {f.extension: f for f in _BY_MIME.values()} | {
    "jpeg": _BY_MIME["image/jpeg"]
}
UNKNOWN = Format("UNKNOWN", "Ukjent format", "application/octet-stream", "P", "bin")

VARIANT_NAMES = {"A": "Arkivformat", "P": "Produksjonsformat"}


def for_mime(mime: str) -> Format:
    return _BY_MIME.get((mime or "").split(";")[0].strip().lower(), UNKNOWN)


def for_extension(extension: str) -> Format:
    return _BY_EXTENSION.get((extension or "").lower().lstrip("."), UNKNOWN)
