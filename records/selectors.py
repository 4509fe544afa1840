"""Reads with a rule in them: what is not yet archived, what may be anonymised,
what the case view and the digest show."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from feedback.choices import Status

from .choices import SETTLED_STATES
from .models import ArchivePost


def portal_is_archive_path() -> bool:
    return settings.PORTAL_ARCHIVE.get("PATH", "portal") != "none"


def journaled_kinds() -> list[str]:
    return list(settings.PORTAL_ARCHIVE.get("KINDS", ()))


def _unsettled_post():
    return Exists(
        ArchivePost.objects.filter(submission=OuterRef("pk")).exclude(
            state__in=SETTLED_STATES
        )
    )


def _input_post():
    return Exists(
        ArchivePost.objects.filter(submission=OuterRef("pk"), event__isnull=True)
    )


def not_archived_q() -> Q:
    """Inputs whose record the archive does not have yet: a post (the input or
    a reply) not archived, or a journaled input that has no post at all (it
    came before the archive was set up, or its post was never made)."""
    return Q(_unsettled_post()) | (
        ~Q(_input_post()) & Q(kind__in=journaled_kinds()) & ~Q(status=Status.SPAM)
    )


def submissions_not_archived(queryset: QuerySet) -> QuerySet:
    return queryset.filter(not_archived_q())


def anonymisable(queryset: QuerySet) -> QuerySet:
    """Of `queryset`, the inputs that may lose their personal data now: all of
    them when the portal is not the archive path, else only those the archive
    has (arkivlova: the original goes to the archive first)."""
    if not portal_is_archive_path():
        return queryset
    return queryset.exclude(not_archived_q())


def posts_of(submission) -> list[ArchivePost]:
    """The input's posts (the input, then its replies), with their case."""
    return list(
        ArchivePost.objects.filter(submission=submission)
        .select_related("case", "event")
        .order_by("document_date", "id")
    )


def alert_after() -> datetime.timedelta:
    return datetime.timedelta(
        hours=int(settings.PORTAL_ARCHIVE.get("ALERT_AFTER_HOURS", 24))
    )


def late_posts(*, unit_ids=None, now=None) -> QuerySet:
    """Posts of inputs not archived a day after the input came in."""
    now = now or timezone.now()
    qs = (
        ArchivePost.objects.exclude(state__in=SETTLED_STATES)
        .filter(submission__isnull=False, document_date__lt=now - alert_after())
        .select_related("submission")
        .order_by("document_date", "id")
    )
    if unit_ids is not None:
        qs = qs.filter(submission__unit_id__in=unit_ids)
    return qs


def state_counts() -> dict[str, int]:
    from django.db.models import Count

    return dict(
        ArchivePost.objects.values_list("state").annotate(n=Count("pk")).order_by()
    )
