"""Residents' photos lose their metadata on receipt (issue 12, point 12): no EXIF,
XMP or comments in the stored file, the orientation applied first, HEIC stored
as JPEG, and the GPS position kept only on the attachment, for the handler."""

import io
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image

from feedback import spam
from feedback.models import Submission

pytestmark = pytest.mark.django_db

HEIC_FIXTURE = Path(__file__).parent.parent / "feedback" / "fixtures" / "gps-photo.heic"
# 59°50'3.6"N 10°26'7.2"E: where the fixtures say the photo was taken.
LOCATION = (59.834333, 10.435333)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'dc:creator="Kari Nordmann"/></rdf:RDF></x:xmpmeta>'
)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def gps_jpeg(*, orientation: int = 6) -> bytes:
    """A phone photo: 32×16 pixels, left red, right blue, to be shown turned a
    quarter (orientation 6), with GPS, the owner's name, XMP and a comment."""
    image = Image.new("RGB", (32, 16), "red")
    image.paste((0, 0, 255), (16, 0, 32, 16))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = "Kari Nordmann"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "N", 2: (59.0, 50.0, 3.6), 3: "E", 4: (10.0, 26.0, 7.2)}
    )
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=95,
        exif=exif.tobytes(),
        xmp=XMP,
        comment=b"Kari sin telefon",
    )
    return buffer.getvalue()


def jpeg_segments(data: bytes) -> set[int]:
    """The JPEG markers before the image data (APP1 = EXIF/XMP, APP13 = IPTC,
    COM = comment)."""
    assert data[:2] == b"\xff\xd8"
    markers, at = set(), 2
    while at < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: metadata comes before it
            break
        markers.add(marker)
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return markers


APP1, APP13, COM = 0xE1, 0xED, 0xFE


def post_feedback(client, topic, upload):
    with translation.override("nb"):
        url = reverse("feedback:submit", kwargs={"kind": "tilbakemelding"})
    return client.post(
        url,
        {
            "topic": topic.pk,
            "subject": "Hull i veien",
            "text": "Det er et stort hull i Kirkeveien ved nr. 12.",
            "language": "nb",
            "started": spam.form_timestamp(time.time() - 30),
            "website": "",
            "attachments": [upload],
        },
    )


def stored(attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def test_jpeg_with_gps_is_stored_without_metadata(client, topics, people):
    original = gps_jpeg()
    assert {APP1, COM} <= jpeg_segments(original)  # what the phone sent
    upload = SimpleUploadedFile("IMG_0042.jpg", original, "image/jpeg")
    response = post_feedback(client, topics["a"], upload)
    assert response.status_code == 302

    attachment = Submission.objects.get().attachments.get()
    data = stored(attachment)
    assert not jpeg_segments(data) & {APP1, APP13, COM}
    assert b"Kari" not in data and b"Exif" not in data and b"xmpmeta" not in data
    image = Image.open(io.BytesIO(data))
    assert not image.getexif()
    # Turned as the phone meant it: 16 wide, 32 high, red on top.
    assert image.size == (16, 32)
    red, blue = image.getpixel((8, 4)), image.getpixel((8, 28))
    assert red[0] > 200 and red[2] < 60 and blue[2] > 200 and blue[0] < 60
    assert attachment.size == len(data)
    assert attachment.location == pytest.approx(LOCATION, abs=1e-5)


def test_location_is_shown_to_the_units_handler_only(client, topics, people):
    upload = SimpleUploadedFile("IMG_0042.jpg", gps_jpeg(), "image/jpeg")
    post_feedback(client, topics["a"], upload)
    submission = Submission.objects.get()
    case = reverse("feedback_inbox:inspect", args=[submission.pk])

    client.force_login(people["handler_a"])
    html = client.get(case).content.decode()
    assert "59.83433, 10.43533" in html
    assert "mlat=59.834333" in html

    client.force_login(people["handler_b"])
    assert client.get(case).status_code == 404
    client.logout()
    # Not on the resident's tracking page either (only the name and size).
    track = client.get(
        reverse("feedback:track", kwargs={"reference": submission.reference})
    )
    assert "59.83" not in track.content.decode()


def test_heic_is_stored_as_jpeg(client, topics, people):
    # A real HEIC made with libheif's heif-enc (pi-heif decodes only): 32×16,
    # red and blue halves, with an EXIF block holding a GPS position.
    upload = SimpleUploadedFile(
        "IMG_0043.HEIC", HEIC_FIXTURE.read_bytes(), "image/heic"
    )
    response = post_feedback(client, topics["a"], upload)
    assert response.status_code == 302

    attachment = Submission.objects.get().attachments.get()
    data = stored(attachment)
    assert attachment.content_type == "image/jpeg"
    assert attachment.original_name == "IMG_0043.jpg"
    assert attachment.file.name.endswith(".jpg")
    assert not jpeg_segments(data) & {APP1, APP13, COM}
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (32, 16)
    assert attachment.location == pytest.approx(LOCATION, abs=1e-5)

    client.force_login(people["handler_a"])
    download = client.get(
        reverse(
            "feedback_inbox:attachment", args=[attachment.submission_id, attachment.pk]
        )
    )
    assert download["Content-Type"] == "image/jpeg"
    assert 'filename="IMG_0043.jpg"' in download["Content-Disposition"]


def test_png_keeps_no_text_chunks(client, topics):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Kari Nordmann")
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG", pnginfo=info)
    upload = SimpleUploadedFile("skjerm.png", buffer.getvalue(), "image/png")
    assert post_feedback(client, topics["a"], upload).status_code == 302
    data = stored(Submission.objects.get().attachments.get())
    assert data.startswith(b"\x89PNG") and b"Kari" not in data


def test_unreadable_picture_is_refused_with_the_text_kept(client, topics):
    broken = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 200
    upload = SimpleUploadedFile("bilde.jpg", broken, "image/jpeg")
    response = post_feedback(client, topics["a"], upload)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bildet «bilde.jpg» kunne ikke leses" in html
    assert "Kirkeveien ved nr. 12" in html
    assert not Submission.objects.exists()


def test_editors_documents_and_images_lose_their_metadata(settings, tmp_path):
    """A photo an editor attaches to a hearing (a Wagtail document, served as
    stored) or uploads as an image (Willow copies EXIF into renditions)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model()(title="Befaring")
    document.file = ContentFile(gps_jpeg(), name="befaring.jpg")
    document.save()
    data = document.file.open("rb").read()
    assert not jpeg_segments(data) & {APP1, APP13, COM} and b"Kari" not in data
    assert document.file_size == len(data)

    image = get_image_model()(title="Befaring")
    image.file = ContentFile(gps_jpeg(), name="befaring.jpg")
    image.save()
    data = image.file.open("rb").read()
    assert not jpeg_segments(data) & {APP1, APP13, COM}
    assert (image.width, image.height) == (16, 32)
    rendition = image.get_rendition("width-8")
    assert not jpeg_segments(rendition.file.open("rb").read()) & {APP1, COM}


def test_anonymising_removes_the_location_with_the_photo(client, topics, settings):
    from feedback.models import Attachment
    from feedback.services import submissions_anonymise

    # The archive's hold-back (records) is not what is tested here.
    settings.PORTAL_ARCHIVE = {**settings.PORTAL_ARCHIVE, "PATH": "none"}
    upload = SimpleUploadedFile("IMG_0042.jpg", gps_jpeg(), "image/jpeg")
    post_feedback(client, topics["a"], upload)
    submissions_anonymise(submissions=Submission.objects.all(), reason="Frist")
    assert not Attachment.objects.exists()
