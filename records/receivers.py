"""Where the archive learns of new inputs, replies and hearings. Each receiver
runs inside the write that sent the signal, so the post and what it records
commit together; the sending is queued after the commit."""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import page_published

from feedback.signals import reply_sent, submission_received

from . import services


def on_submission(sender, submission, **kwargs):
    services.queue([services.post_for_input(submission)])


def on_reply(sender, event, **kwargs):
    services.queue([services.post_for_reply(event)])


def on_hearing_published(sender, instance, **kwargs):
    # Only the original (not an English alias or translation): one folder per
    # hearing, whatever languages it is published in.
    if instance.alias_of_id or not instance.locale.is_default:
        return
    with transaction.atomic():
        services.queue(services.posts_for_hearing(instance))


def connect() -> None:
    from hearings.models import HearingPage

    submission_received.connect(on_submission, dispatch_uid="records.submission")
    reply_sent.connect(on_reply, dispatch_uid="records.reply")
    page_published.connect(
        on_hearing_published, sender=HearingPage, dispatch_uid="records.hearing"
    )
