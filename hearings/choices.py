"""Choices for hearings. Values are stable identifiers; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class HearingKind(models.TextChoices):
    PLAN = "plan", _("Plan hearing (Planning and Building Act)")
    REGULATION = "regulation", _("Regulation (forskrift)")
    OTHER = "other", _("Other hearing")


class HearingStatus(models.TextChoices):
    """Derived from the dates and the outcome; never stored or typed by hand."""

    # Contextual: other apps translate "Open" as a verb.
    UPCOMING = "upcoming", pgettext_lazy("hearing status", "Upcoming")
    OPEN = "open", pgettext_lazy("hearing status", "Open")
    CLOSED = "closed", pgettext_lazy("hearing status", "Closed")
    CONCLUDED = "concluded", pgettext_lazy("hearing status", "Concluded")


class SubscriptionScope(models.TextChoices):
    HEARING = "hearing", _("One hearing")
    TOPIC = "topic", _("New hearings in a topic")
    ALL = "all", _("All new hearings")


class NoticeKind(models.TextChoices):
    OPENED = "opened", _("Hearing opened")
    DEADLINE_SOON = "deadline_soon", _("Deadline in 7 days")
    OUTCOME = "outcome", _("Outcome published")


class RespondentType(models.TextChoices):
    PERSON = "person", _("As a private person")
    ORGANISATION = "organisation", _("On behalf of an organisation")


class PublicationState(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Published")
    APPROVED_REDACTED = "approved_redacted", _("Published with redactions")
    WITHHELD = "withheld", _("Withheld")


PUBLISHED_STATES = (PublicationState.APPROVED, PublicationState.APPROVED_REDACTED)
