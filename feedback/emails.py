"""The e-mails of feedback as outbox builders (outbox.delivery.Builder): each
renders its message from ids when it is sent and records the outcome in the
input's timeline (EMAIL_SENT, or EMAIL_FAILED, which the inbox filters on).

Services promise an e-mail with `outbox.services.email_queue(builder=
"feedback.emails.receipt", ...)`: the row commits with the input, and the
outbox sends it once (see outbox/delivery.py)."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from outbox.delivery import Builder
from portal import public_url
from portal.identity import identity

from .choices import EventKind
from .models import Submission, SubmissionEvent

logger = logging.getLogger(__name__)


def _portal(name, default):
    return settings.PORTAL.get(name, default)


def tracking_url(submission: Submission) -> str:
    """Absolute private link for the resident, in the active language."""
    from .services import tracking_token

    path = reverse("feedback:track", kwargs={"reference": submission.reference})
    return public_url.absolute(f"{path}?t={tracking_token(submission)}")


# The admin helper's case view; resolved late so this module does not depend on
# how the admin is wired. Falls back to the admin home page.
ADMIN_CASE_URL_NAMES = (
    "feedback_submission:inspect",
    "feedback_inbox:inspect",
    "feedback:admin_case",
)


def admin_case_url(submission: Submission) -> str:
    for name in ADMIN_CASE_URL_NAMES:
        try:
            return public_url.admin_absolute(reverse(name, args=[submission.pk]))
        except NoReverseMatch:
            continue
    return public_url.admin_absolute(reverse("wagtailadmin_home"))


def _message(template: str, context: dict, *, to: list[str]) -> EmailMultiAlternatives:
    municipality = identity()
    context = {**context, "municipality": municipality}
    subject = render_to_string(f"feedback/email/{template}_subject.txt", context)
    text = render_to_string(f"feedback/email/{template}.txt", context)
    html = render_to_string(f"feedback/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=municipality.sender(),
        to=to,
    )
    message.attach_alternative(html, "text/html")
    return message


def _load(submission_id: int) -> Submission | None:
    return (
        Submission.objects.select_related("unit", "topic", "page")
        .filter(pk=submission_id)
        .first()
    )


class SubmissionEmail(Builder):
    """An e-mail about one input; its outcome goes to the input's timeline."""

    purpose = ""

    def submission_id(self, **kwargs) -> int | None:
        return kwargs.get("submission_id")

    def purpose_of(self, **kwargs) -> str:
        return self.purpose

    def sent(self, email, **kwargs) -> None:
        submission_id = self.submission_id(**kwargs)
        if submission_id is None:
            return
        SubmissionEvent.objects.create(
            submission_id=submission_id,
            kind=EventKind.EMAIL_SENT,
            data={"purpose": self.purpose_of(**kwargs), "attempt": email.attempts},
        )

    def failed(self, email, *, error: str, will_retry: bool, **kwargs) -> None:
        from .services import submission_record_email_failure

        submission_id = self.submission_id(**kwargs)
        # Never log addresses or content: the key names the case by its id.
        logger.warning(
            "E-mail %s failed (attempt %s): %s", email.key, email.attempts, error
        )
        if submission_id is not None:
            submission_record_email_failure(
                submission_id=submission_id,
                purpose=self.purpose_of(**kwargs),
                attempt=email.attempts,
                error=error,
                will_retry=will_retry,
            )


class Receipt(SubmissionEmail):
    """Receipt to the resident, with the reference and the tracking link."""

    purpose = "receipt"

    def build(self, *, submission_id: int):
        submission = _load(submission_id)
        if submission is None or not submission.contact_email:
            return None
        with translation.override(submission.language):
            return _message(
                "receipt",
                {
                    "submission": submission,
                    "tracking_url": tracking_url(submission),
                    "unit_name": submission.unit.display_name
                    if submission.unit
                    else "",
                },
                to=[submission.contact_email],
            )


class UnitNotice(SubmissionEmail):
    """New-input notice to the unit's functional mailbox (in the site language).
    Carries the subject and a link, not the resident's contact details."""

    purpose = "unit_notice"

    def build(self, *, submission_id: int):
        submission = _load(submission_id)
        if submission is None or submission.unit is None or not submission.unit.email:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            return _message(
                "unit_notice",
                {
                    "submission": submission,
                    "unit": submission.unit,
                    "case_url": admin_case_url(submission),
                },
                to=[submission.unit.email],
            )


class RerouteNotice(SubmissionEmail):
    """Tell the new unit that a submission was handed over to it."""

    purpose = "reroute"

    def build(self, *, submission_id: int, event_id: int | None = None):
        submission = _load(submission_id)
        if submission is None or submission.unit is None or not submission.unit.email:
            return None
        events = submission.events.filter(kind=EventKind.REROUTED)
        if event_id is not None:
            events = events.filter(pk=event_id)
        event = (
            events.select_related("from_unit").order_by("-created_at", "-id").first()
        )
        with translation.override(settings.LANGUAGE_CODE):
            return _message(
                "reroute",
                {
                    "submission": submission,
                    "unit": submission.unit,
                    "event": event,
                    "case_url": admin_case_url(submission),
                },
                to=[submission.unit.email],
            )


class RerouteResident(SubmissionEmail):
    """Tell the resident that their input was moved to another unit (in the
    resident's language), as their tracking page shows it: the new unit's name.
    The reason is the staff's timeline text and is not sent, as the tracking page
    does not show it either."""

    purpose = "reroute_resident"

    def build(self, *, submission_id: int, event_id: int):
        submission = _load(submission_id)
        if submission is None or not submission.contact_email:
            return None
        event = (
            submission.events.filter(kind=EventKind.REROUTED, pk=event_id)
            .select_related("to_unit")
            .first()
        )
        if event is None:
            return None
        unit = event.to_unit or submission.unit
        with translation.override(submission.language):
            return _message(
                "reroute_resident",
                {
                    "submission": submission,
                    "event": event,
                    "unit_name": unit.display_name if unit else "",
                    "tracking_url": tracking_url(submission),
                },
                to=[submission.contact_email],
            )


class Reply(SubmissionEmail):
    """A reply or an interim reply (foreløpig svar) to the resident."""

    purpose = "reply"

    def submission_id(self, **kwargs) -> int | None:
        return (
            SubmissionEvent.objects.filter(pk=kwargs["event_id"])
            .values_list("submission_id", flat=True)
            .first()
        )

    def purpose_of(self, **kwargs) -> str:
        kind = (
            SubmissionEvent.objects.filter(pk=kwargs["event_id"])
            .values_list("kind", flat=True)
            .first()
        )
        return "interim_reply" if kind == EventKind.INTERIM_REPLY else "reply"

    def build(self, *, event_id: int):
        event = (
            SubmissionEvent.objects.select_related("submission__unit")
            .filter(pk=event_id)
            .first()
        )
        if event is None or not event.submission.contact_email:
            return None
        submission = event.submission
        interim = event.kind == EventKind.INTERIM_REPLY
        template = "interim_reply" if interim else "reply"
        expected = event.data.get("expected_date")
        with translation.override(submission.language):
            return _message(
                template,
                {
                    "submission": submission,
                    "event": event,
                    "expected_date": datetime.date.fromisoformat(expected)
                    if expected
                    else None,
                    "tracking_url": tracking_url(submission),
                    "unit_name": submission.unit.display_name
                    if submission.unit
                    else "",
                },
                to=[submission.contact_email],
            )


receipt = Receipt()
unit_notice = UnitNotice()
reroute_notice = RerouteNotice()
reroute_resident = RerouteResident()
reply = Reply()
