"""Editors' uploads to Wagtail's images and documents lose their metadata too.

Documents are served as stored (a photo attached to a hearing goes out with the
GPS position of whoever took it), and Willow copies an original's EXIF into every
rendition, so the original itself is cleaned before it is first saved. A
`pre_save` receiver is the one place that sees every way in: the add and edit
views, the multiple upload, the choosers and code. The position is not kept: a
published picture has no handler to show it to.
"""

from __future__ import annotations

import filetype
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

from . import image_cleaning

HEADER_BYTES = 8192


def _clean_wagtail_file(sender, instance, **kwargs):
    field = getattr(instance, "file", None)
    # Only a file that is about to be written: an unchanged one was cleaned then.
    if not field or getattr(field, "_committed", True):
        return
    upload = field.file
    upload.seek(0)
    kind = filetype.guess(upload.read(HEADER_BYTES))
    if kind is None or kind.mime not in image_cleaning.CLEANED_TYPES:
        upload.seek(0)
        return
    upload.seek(0)
    try:
        clean = image_cleaning.clean_image(upload.read(), kind.mime)
    except image_cleaning.UnreadableImage:
        # Not ours to refuse: Wagtail's own form validation decides whether an
        # image it cannot open is accepted (it is not); a document stays as sent.
        upload.seek(0)
        return
    name = image_cleaning.cleaned_name(field.name or "bilde", clean.extension)
    instance.file = ContentFile(clean.data, name=name.rsplit("/", 1)[-1])
    if hasattr(instance, "width"):
        instance.width, instance.height = clean.width, clean.height
    if hasattr(instance, "file_size"):
        instance.file_size = len(clean.data)
    if hasattr(instance, "_set_file_hash"):
        instance._set_file_hash()
        instance.file.seek(0)


def connect():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        pre_save.connect(
            _clean_wagtail_file, sender=model, dispatch_uid=f"clean-{model._meta}"
        )
