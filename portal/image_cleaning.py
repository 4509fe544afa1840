"""Photos re-encoded on receipt: no EXIF, XMP, IPTC or comments are kept (a phone
photo carries the GPS position, the camera and often the owner's name), the EXIF
orientation is applied first so the picture stays the right way up, and HEIC/HEIF
becomes JPEG so every handler's PC can open it.

The GPS position is read out before it is dropped and handed back to the caller,
who decides whether to keep it (a resident's attachment: yes, for the handler
only) or not (an editor's published image: no).

Pure over bytes: no models, no storage. Used by feedback (resident attachments,
hearing responses), proposals (scanned sheets) and the Wagtail image and document
uploads (`portal.apps`).
"""

from __future__ import annotations

import dataclasses
import io
import warnings

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

# What we re-encode, by the type detected from content (feedback.attachments).
JPEG, PNG, HEIC, HEIF = "image/jpeg", "image/png", "image/heic", "image/heif"
CLEANED_TYPES = frozenset({JPEG, PNG, HEIC, HEIF})
# High enough that a photo of a document stays readable; re-encoding is the only
# way to apply the orientation without keeping the EXIF block.
JPEG_QUALITY = 90
PNG_MODES = ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16")


class UnreadableImage(ValueError):
    """The file says it is an image but cannot be decoded (damaged, truncated,
    or a decompression bomb). It is refused rather than stored with its
    metadata."""


@dataclasses.dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    extension: str  # ".jpg" or ".png"
    width: int
    height: int
    # (latitude, longitude) in decimal degrees from the EXIF GPS block, or None.
    location: tuple[float, float] | None


def _degrees(value, ref) -> float | None:
    try:
        degrees, minutes, seconds = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    return -result if str(ref).strip().upper() in ("S", "W") else result


def gps_location(exif: Image.Exif) -> tuple[float, float] | None:
    """The photo's position from its EXIF GPS block, or None when absent or
    nonsense (a camera without a fix writes zeros or garbage)."""
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except (KeyError, ValueError, TypeError):
        return None
    tags = ExifTags.GPS
    if tags.GPSLatitude not in gps or tags.GPSLongitude not in gps:
        return None
    lat = _degrees(gps[tags.GPSLatitude], gps.get(tags.GPSLatitudeRef, "N"))
    lon = _degrees(gps[tags.GPSLongitude], gps.get(tags.GPSLongitudeRef, "E"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if lat == 0 and lon == 0:
        return None
    return round(lat, 6), round(lon, 6)


def clean_image(data: bytes, content_type: str) -> CleanImage:
    """Decode, read the GPS position, apply the orientation and encode again
    without any metadata but the colour profile (which changes how it looks,
    not who took it). JPEG and HEIC/HEIF come out as JPEG, PNG as PNG.

    Raises UnreadableImage when the content cannot be decoded.
    """
    try:
        with warnings.catch_warnings():
            # Above Pillow's pixel limit is a bomb for us too: refuse, do not warn.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as source:
                source.load()
                location = gps_location(source.getexif())
                icc = source.info.get("icc_profile")
                upright = ImageOps.exif_transpose(source)
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as exc:
        raise UnreadableImage(str(exc)) from exc

    as_png = content_type == PNG
    image: Image.Image
    if as_png:
        image = upright if upright.mode in PNG_MODES else upright.convert("RGBA")
    elif upright.mode in ("L", "RGB", "CMYK"):
        image = upright
    else:
        # JPEG has no alpha: flatten onto white, as a viewer would show it.
        rgba = upright.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    # A fresh image: Pillow writes back what `info` holds (comments, XMP, text
    # chunks, DPI, EXIF), so nothing of the original's info goes along.
    clean = image.copy()
    clean.info = {}
    options: dict = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    if as_png:
        clean.save(out, format="PNG", optimize=False, **options)
    else:
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, **options)
    return CleanImage(
        data=out.getvalue(),
        content_type=PNG if as_png else JPEG,
        extension=".png" if as_png else ".jpg",
        width=clean.width,
        height=clean.height,
        location=location,
    )


def cleaned_name(name: str, extension: str) -> str:
    """The file name with the extension of what it became (IMG_0001.HEIC →
    IMG_0001.jpg); a JPEG already named .jpeg keeps its name."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return f"{name}{extension}"
    if f".{ext.lower()}" in (extension, ".jpeg" if extension == ".jpg" else ""):
        return name
    return f"{stem}{extension}"
