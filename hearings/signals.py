"""Wagtail's page_published fires for every publish, scheduled ones included, so it
is where a moved deadline is noticed for the iCal feed. Connected in apps.ready();
it only touches this app's own table.

The hearing pages keep what they show per page-cache generation
(hearings.selectors), so every other change that shows on them drops the
generation too: consultees, topics, documents, a published response deleted or
anonymised under the retention rules (moderation itself invalidates in
hearings.services). After the commit, so that no request rebuilds a page from the
old rows under the new generation. A new response does not: it is not public
until it is moderated."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from feedback.choices import InputKind
from feedback.models import Submission, Topic
from portal.page_cache import invalidate

from .choices import PUBLISHED_STATES
from .models import Consultee, HearingPage, ResponsePublication


@receiver(page_published, sender=HearingPage)
def record_deadline(sender, instance, **kwargs):
    from .services import hearing_record_deadline

    hearing_record_deadline(hearing=instance)


def _invalidate_after_commit(**_kwargs):
    transaction.on_commit(invalidate)


def _published_deleted(sender, instance, **_kwargs):
    if instance.state in PUBLISHED_STATES:
        transaction.on_commit(invalidate)


def _anonymised_response(sender, instance, **_kwargs):
    if (
        instance.kind == InputKind.HEARING_RESPONSE
        and instance.anonymised_at is not None
    ):
        transaction.on_commit(invalidate)


def connect() -> None:
    uid = "hearings.page_cache"
    for model in (Consultee, Topic, get_document_model()):
        post_save.connect(
            _invalidate_after_commit,
            sender=model,
            dispatch_uid=f"{uid}.saved.{model.__name__}",
        )
        post_delete.connect(
            _invalidate_after_commit,
            sender=model,
            dispatch_uid=f"{uid}.deleted.{model.__name__}",
        )
    post_delete.connect(
        _published_deleted,
        sender=ResponsePublication,
        dispatch_uid=f"{uid}.publication-deleted",
    )
    post_save.connect(
        _anonymised_response, sender=Submission, dispatch_uid=f"{uid}.anonymised"
    )
