"""Which files residents may attach, decided by content, not by the file name."""

import filetype

# MIME type detected from the file's first bytes → a label for messages.
ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/heic": "HEIC",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.oasis.opendocument.text": "ODT",
}
# Only these matchers are tried, so a ZIP that is not a document stays unknown.
_MATCHERS = [t for t in filetype.types if t.mime in ALLOWED_TYPES]
HEADER_BYTES = 8192


def detect_type(upload) -> str | None:
    """The allowed MIME type of an uploaded file judged by its content, or None.

    Reads the first bytes and rewinds, so the file can be saved afterwards.
    """
    upload.seek(0)
    head = upload.read(HEADER_BYTES)
    upload.seek(0)
    if not head:
        return None
    match = filetype.match(bytearray(head), matchers=_MATCHERS)
    return match.mime if match else None
