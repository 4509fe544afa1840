"""Choices for citizen proposals. Values are stable identifiers; labels are
translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    # Before publication: the initiator confirms the e-mail address, then the
    # political secretariat moderates.
    UNCONFIRMED = "unconfirmed", _("Awaiting the initiator's confirmation")
    PENDING = "pending", _("Awaiting moderation")
    REFUSED = "refused", _("Not published")
    # Published. A collecting proposal whose campaign has ended is «not
    # reached» (rules.stage): time decides that, no job has to run.
    COLLECTING = "collecting", _("Collecting signatures")
    SUBMITTED = "submitted", _("Submitted to the council")
    ON_AGENDA = "on_agenda", _("On the council's agenda")
    DECIDED = "decided", _("Decided")
    REFUSED_SAME = "refused_same", _("Refused as same content")
    REFERRED = "referred", _("Referred to a plan case")


class Stage(models.TextChoices):
    """What the public lists show: the status with the campaign's end applied."""

    COLLECTING = "collecting", _("Collecting signatures")
    SUBMITTED = "submitted", _("Submitted")
    DECIDED = "decided", _("Decided")
    NOT_REACHED = "not_reached", _("Not reached")


# Statuses after the council has received the proposal.
AT_COUNCIL = (Status.SUBMITTED, Status.ON_AGENDA)
# The council's outcome: the end of the case (and of the 6-month clock).
OUTCOMES = (Status.DECIDED, Status.REFUSED_SAME, Status.REFERRED)
PUBLISHED = (Status.COLLECTING, *AT_COUNCIL, *OUTCOMES)

# The public list slugs (Norwegian, part of the URL contract).
STAGE_BY_SLUG = {
    "samler": Stage.COLLECTING,
    "sendt": Stage.SUBMITTED,
    "behandlet": Stage.DECIDED,
    "ikke-naadd": Stage.NOT_REACHED,
}
SLUG_BY_STAGE = {stage: slug for slug, stage in STAGE_BY_SLUG.items()}


class RefusalReason(models.TextChoices):
    OFFENSIVE = "offensive", _("Offensive or unlawful content")
    NOT_MUNICIPAL = "not_municipal", _("Not a matter the municipality decides")
    SINGLE_CASE = "single_case", _("A single case of one person")
    OTHER = "other", _("Other reason (given below)")


class Method(models.TextChoices):
    EMAIL = "email", _("Online, e-mail confirmed")
    PAPER = "paper", _("Paper signature sheet")
    IDPORTEN = "idporten", _("ID-porten")


class EventKind(models.TextChoices):
    CREATED = "created", _("Started")
    CONFIRMED = "confirmed", _("Initiator confirmed")
    PUBLISHED = "published", _("Published")
    REFUSED = "refused", _("Not published")
    SAME_CONTENT = "same_content", _("Flagged: same content as another proposal")
    PAPER = "paper", _("Paper signatures registered")
    SUBMITTED = "submitted", _("Submitted to the council")
    ON_AGENDA = "on_agenda", _("On the council's agenda")
    DECIDED = "decided", _("Decided")
    REFUSED_SAME = "refused_same", _("Refused as same content")
    REFERRED = "referred", _("Referred to a plan case")
    ANONYMISED = "anonymised", _("Signatures anonymised")


# The outcome a council event sets.
STATUS_OF_OUTCOME = {
    EventKind.ON_AGENDA: Status.ON_AGENDA,
    EventKind.DECIDED: Status.DECIDED,
    EventKind.REFUSED_SAME: Status.REFUSED_SAME,
    EventKind.REFERRED: Status.REFERRED,
}
