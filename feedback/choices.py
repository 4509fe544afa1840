"""Choices for resident inputs. Values are stable identifiers; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InputKind(models.TextChoices):
    FEEDBACK = "feedback", _("Feedback")
    SUGGESTION = "suggestion", _("Suggestion")
    QUESTION = "question", _("Question")
    PAGE_FEEDBACK = "page_feedback", _("Page feedback")
    HEARING_RESPONSE = "hearing_response", _("Hearing response")
    PROPOSAL = "proposal", _("Citizen proposal")


# The public form URLs use Norwegian slugs (part of the URL contract with
# portal_tags.PARTICIPATE_KINDS); only these three kinds have a public form.
KIND_BY_SLUG = {
    "tilbakemelding": InputKind.FEEDBACK,
    "forslag": InputKind.SUGGESTION,
    "sporsmal": InputKind.QUESTION,
}
SLUG_BY_KIND = {kind: slug for slug, kind in KIND_BY_SLUG.items()}


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")
    DUPLICATE = "duplicate", _("Duplicate")


# Statuses in which the municipality still owes the resident something.
OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)
# Statuses that end the case; personal data on these is anonymised after the
# retention period.
FINISHED_STATUSES = (
    Status.ANSWERED,
    Status.CLOSED,
    Status.REJECTED,
    Status.SPAM,
    Status.DUPLICATE,
)


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    ROUTED = "routed", _("Routed")
    REROUTED = "rerouted", _("Re-routed")
    ASSIGNED = "assigned", _("Assigned")
    STATUS_CHANGED = "status_changed", _("Status changed")
    REPLIED = "replied", _("Replied")
    INTERIM_REPLY = "interim_reply", _("Interim reply")
    NOTE = "note", _("Internal note")
    REOPENED = "reopened", _("Reopened")
    FLAGGED = "flagged", _("Flagged for moderation")
    ANONYMISED = "anonymised", _("Anonymised")
    EMAIL_SENT = "email_sent", _("E-mail sent")
    EMAIL_FAILED = "email_failed", _("E-mail failed")


class ReplyChannel(models.TextChoices):
    """How a reply reached the resident: e-mailed by the portal, or given
    outside it (a resident without an e-mail address) and recorded here."""

    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone")


class Language(models.TextChoices):
    NB = "nb", _("Norwegian")
    EN = "en", _("English")


class ScanState(models.TextChoices):
    """An attachment's virus scan (portal.virus_scan). Staff may download a
    clean or unscanned file only; an infected one is quarantined for good."""

    PENDING = "pending", _("waiting for the virus scan")
    CLEAN = "clean", _("scanned, clean")
    INFECTED = "infected", _("quarantined: a virus was found")
    ERROR = "error", _("the scanner could not scan it")
    UNSCANNED = "unscanned", _("not scanned (no scanner is configured)")


DOWNLOADABLE_SCAN_STATES = (ScanState.CLEAN, ScanState.UNSCANNED)
