"""Attachment types are decided by content, not by the file name."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from feedback.attachments import detect_type


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            # ODF wants «mimetype» first and stored uncompressed.
            archive.writestr(zipfile.ZipInfo(first), entries.pop(first))
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, fmt)
    return buffer.getvalue()


DOCX = _zip(
    {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"<Relationships/>",
        "word/document.xml": b"<w:document/>",
    }
)
ODT = _zip(
    {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": b"<office:document-content/>",
    },
    first="mimetype",
)
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
PLAIN_ZIP = _zip({"a.txt": b"hei"})


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("brev.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        ("bilde.jpg", _image("JPEG"), "image/jpeg"),
        ("bilde.png", _image("PNG"), "image/png"),
        ("IMG_0001.HEIC", HEIC, "image/heic"),
        (
            "søknad.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("søknad.odt", ODT, "application/vnd.oasis.opendocument.text"),
        # The name says nothing: a PDF called .png is a PDF.
        ("lurt.png", b"%PDF-1.4\n", "application/pdf"),
    ],
)
def test_allowed_by_content(name, content, expected):
    upload = SimpleUploadedFile(name, content)
    assert detect_type(upload) == expected
    assert upload.tell() == 0  # rewound for saving


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faktura.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),  # Windows program
        ("bilde.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 100),  # Linux program
        ("arkiv.docx", PLAIN_ZIP),  # a zip, not a document
        ("bilde.gif", _image("GIF")),  # an image we do not take
        ("tekst.pdf", b"Dette er bare tekst"),
        ("tom.pdf", b""),
    ],
)
def test_refused_by_content(name, content):
    assert detect_type(SimpleUploadedFile(name, content)) is None
