"""Retention: every kind of input ends, and its personal data is anonymised a
configured period after it ended — never before the archive has it.

- inputs (feedback, suggestions, questions): PORTAL["RETENTION_MONTHS"] after
  the case finished (closed, answered, rejected, spam, duplicate);
- hearing responses: PORTAL["HEARING_RESPONSE_RETENTION_MONTHS"] after the
  hearing was concluded (its outcome published after the deadline);
- page feedback: PORTAL["PAGE_FEEDBACK_RETENTION_MONTHS"] after it was given
  (it is never a case, so it ends when it is given);
- following: a subscription never confirmed is removed after
  PORTAL["FOLLOW_CONFIRM_DAYS"]; one that has had its channel's last notice (a
  hearing's outcome) PORTAL["FOLLOW_ENDED_DAYS"] after it;
- citizen proposals and their signatures: the proposals app registers its own
  rule as the Wagtail hook «records_retention» (now) -> {name: count}.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from feedback.choices import InputKind
from feedback.models import Submission
from feedback.selectors import retention_expired

from .choices import ArchiveState
from .models import ArchivePost
from .privacy import anonymise_submissions

BATCH = 2000


def _months(name: str, default: int = 12) -> int:
    return int(settings.PORTAL.get(name, default))


def cutoff(months: int, now) -> datetime.datetime:
    return now - datetime.timedelta(days=round(months * 30.44))


def expired_inputs(now):
    months = _months("RETENTION_MONTHS")
    return retention_expired(cutoff(months, now)).exclude(
        kind__in=[InputKind.HEARING_RESPONSE, InputKind.PAGE_FEEDBACK]
    )


def expired_page_feedback(now):
    months = _months("PAGE_FEEDBACK_RETENTION_MONTHS")
    return Submission.objects.filter(
        kind=InputKind.PAGE_FEEDBACK,
        anonymised_at__isnull=True,
        created_at__lt=cutoff(months, now),
    )


def concluded_hearings(before: datetime.datetime) -> list[int]:
    """Hearings concluded before `before`: the outcome published and the
    deadline passed. The conclusion is dated by the archive's outcome post
    (made when the concluded hearing was published), else by the deadline."""
    from hearings.models import HearingPage

    outcome_dates = dict(
        ArchivePost.objects.filter(
            kind="hearing_outcome", case__hearing__isnull=False
        ).values_list("case__hearing_id", "document_date")
    )
    concluded = []
    for hearing in HearingPage.objects.exclude(outcome_decided="").only(
        "pk", "deadline", "outcome_decided"
    ):
        if not hearing.has_outcome:
            continue
        ended = max(outcome_dates.get(hearing.pk, hearing.closes_at), hearing.closes_at)
        if ended < before:
            concluded.append(hearing.pk)
    return concluded


def expired_hearing_responses(now):
    months = _months("HEARING_RESPONSE_RETENTION_MONTHS")
    return Submission.objects.filter(
        kind=InputKind.HEARING_RESPONSE,
        anonymised_at__isnull=True,
        page_id__in=concluded_hearings(cutoff(months, now)),
    )


def _anonymise_all(queryset, reason: str) -> int:
    total = 0
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = list(Submission.objects.filter(pk__in=ids[start : start + BATCH]))
        total += anonymise_submissions(submissions=batch, reason=reason)
    return total


def subscriptions_ended(now) -> int:
    from following import channels
    from following.models import Notice, Subscription

    removed = 0
    confirm_days = int(settings.PORTAL.get("FOLLOW_CONFIRM_DAYS", 7))
    removed += (
        Subscription.objects.filter(
            confirmed_at__isnull=True,
            created_at__lt=now - datetime.timedelta(days=confirm_days),
        )
        .delete()[1]
        .get(Subscription._meta.label, 0)
    )
    ended_days = int(settings.PORTAL.get("FOLLOW_ENDED_DAYS", 30))
    for name in Subscription.objects.values_list("channel", flat=True).distinct():
        final = getattr(channels.get(name), "final_notice_kinds", ())
        if not final:
            continue
        last = Notice.objects.filter(
            subscription=OuterRef("pk"),
            kind__in=final,
            queued_at__lt=now - datetime.timedelta(days=ended_days),
        )
        removed += (
            Subscription.objects.filter(
                Exists(last), channel=name, target_id__isnull=False
            )
            .delete()[1]
            .get(Subscription._meta.label, 0)
        )
    return removed


def drop_folders_left(now) -> int:
    """Copies of archived messages the archive left in the drop folder."""
    drop = Path(settings.PORTAL_ARCHIVE.get("DROP_DIR", ""))
    if not drop.is_dir():
        return 0
    archived = {
        str(m)
        for m in ArchivePost.objects.filter(
            Q(state=ArchiveState.ARCHIVED) | Q(state=ArchiveState.NOT_REQUIRED)
        ).values_list("message_id", flat=True)
    }
    removed = 0
    for folder in drop.iterdir():
        if folder.is_dir() and folder.name in archived:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def run(now=None) -> dict[str, int]:
    """One retention run: how many of each were anonymised or removed."""
    now = now or timezone.now()
    counts = {
        "inputs": _anonymise_all(
            expired_inputs(now),
            _("Retention period of %(months)s months expired")
            % {"months": _months("RETENTION_MONTHS")},
        ),
        "hearing_responses": _anonymise_all(
            expired_hearing_responses(now),
            _("Retention period after the hearing was concluded expired"),
        ),
        "page_feedback": _anonymise_all(
            expired_page_feedback(now), _("Retention period of page feedback expired")
        ),
        "subscriptions": subscriptions_ended(now),
        "drop_folders": drop_folders_left(now),
    }
    for rule in hooks.get_hooks("records_retention"):
        counts.update(rule(now))
    return counts
