"""Every write in the hearings app: keyword-only, atomic, logged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from feedback.privacy import find_fnr
from following import services as following_services
from portal.page_cache import invalidate

from .choices import PUBLISHED_STATES, PublicationState, SubscriptionScope
from .following import CHANNEL, target_for
from .models import (
    DeadlineRecord,
    HearingPage,
    ResponsePublication,
)


class HearingClosed(Exception):
    """A response arrived outside the hearing's period."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


def hearing_record_deadline(
    *, hearing: HearingPage, now: datetime.datetime | None = None
) -> bool:
    """Remember the published deadline when it is new or has moved; True if a
    record was written. The iCal feed derives SEQUENCE and LAST-MODIFIED from it."""
    last = hearing.deadline_records.order_by("-recorded_at", "-pk").first()
    if last is not None and last.deadline == hearing.deadline:
        return False
    DeadlineRecord.objects.create(
        hearing=hearing, deadline=hearing.deadline, recorded_at=now or timezone.now()
    )
    return True


def hearing_response_create(
    *,
    hearing: HearingPage,
    data: dict,
    files=(),
    language: str = "nb",
    now=None,
    notify: bool = True,
    form_token: str = "",
):
    """Create a hearing response through the one input pipeline.

    The response is a `feedback.Submission(kind="hearing_response")` on the
    hearing page, routed by feedback's routing (the page's `responsible_unit`),
    with a ResponsePublication awaiting moderation. Refuses (HearingClosed) unless
    the hearing is open at `now`: the view shows the text back to the resident.
    `now` and `notify=False` are for demo data and imports. Returns (submission,
    raw tracking token). Raises feedback's DuplicateSubmission when `form_token`
    was used before (nothing is stored then).
    """
    from feedback.choices import InputKind
    from feedback.services import SubmissionInput, submission_create

    from .selectors import canonical_hearing

    hearing = canonical_hearing(hearing)
    status = hearing.status_at(now)
    if status != "open":
        raise HearingClosed(status)
    with transaction.atomic():
        submission, token = submission_create(
            submitted=SubmissionInput(
                kind=InputKind.HEARING_RESPONSE,
                page=hearing,
                subject=hearing.title[:200],
                text=data["text"],
                contact_name=data.get("name", ""),
                contact_email=data.get("email", ""),
                organisation=data.get("organisation", ""),
                language=language,
                attachments=list(files),
                form_token=form_token,
            ),
            now=now,
            notify=notify,
        )
        ResponsePublication.objects.create(
            submission=submission,
            respondent_type=data["respondent_type"],
            organisation=data.get("organisation", "") or "",
            publish_name=bool(data.get("publish_name")),
        )
    return submission, token


def publication_decide(
    *,
    publication: ResponsePublication,
    action: str,
    by,
    text: str = "",
    reason: str = "",
    publish_attachments: bool = False,
) -> ResponsePublication:
    """Approve, approve with redactions, or withhold a hearing response.

    The original text stays on the submission; only `published_text` is public.
    A text with a national ID number is never published.
    """
    if action not in PublicationState.values or action == PublicationState.PENDING:
        raise ValidationError(_("Unknown decision."))
    if action == PublicationState.APPROVED:
        text = publication.submission.text
    if action in PUBLISHED_STATES and find_fnr(text):
        raise ValidationError(
            _(
                "The text contains a national ID number "
                "(fødselsnummer). Redact it before publishing."
            )
        )
    if action != PublicationState.APPROVED and not reason.strip():
        raise ValidationError(_("Write the reason for the decision."))
    with transaction.atomic():
        previous = publication.state
        publication.state = action
        publication.published_text = text if action in PUBLISHED_STATES else ""
        publication.publish_attachments = (
            publish_attachments and action in PUBLISHED_STATES
        )
        publication.reason = reason.strip()
        publication.decided_by = by
        publication.decided_at = timezone.now()
        publication.save()
        log(
            instance=publication,
            action=f"hearings.publication.{action}",
            user=by,
            data={
                "from": previous,
                "to": action,
                "reason": reason.strip(),
                "submission": publication.submission.reference,
            },
        )
        # The hearing page lists published responses: drop cached copies.
        transaction.on_commit(invalidate)
    return publication


# --- Following ----------------------------------------------------------------


def subscription_request(
    *, email: str, scope: str, hearing=None, topic=None, language: str = "nb"
):
    """Ask to follow one hearing, a topic's new hearings or all new hearings,
    through the portal's following machinery (double opt-in, see
    following.services.subscription_request)."""
    from .selectors import canonical_hearing

    if scope == SubscriptionScope.HEARING and hearing is not None:
        # Following a translation or alias follows the hearing itself.
        hearing = canonical_hearing(hearing)
    return following_services.subscription_request(
        channel=CHANNEL,
        email=email,
        target=target_for(scope, hearing=hearing, topic=topic),
        language=language,
    )


def summary_internal_opened(*, hearing, by) -> None:
    """The internal summary prints residents' originals (names, contact data,
    withheld texts): who opened it, and when, goes to the audit log."""
    log(instance=hearing, action="hearings.summary_internal", user=by)
