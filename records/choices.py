"""Choices for the archive and rights requests. Values are stable identifiers;
labels are translated. Codes sent to the archive (journalposttype, ...) are the
Fiks Arkiv / Noark 5 code lists and are never translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveState(models.TextChoices):
    WAITING = "waiting", _("Waiting to be archived")
    SENT = "sent", _("Sent, awaiting the archive's receipt")
    ARCHIVED = "archived", _("Archived")
    FAILED = "failed", _("Archiving failed")
    NOT_REQUIRED = "not_required", _("Not to be archived")


# States in which the archive holds what it needs from the portal (nothing left
# to wait for before personal data may be anonymised).
SETTLED_STATES = (ArchiveState.ARCHIVED, ArchiveState.NOT_REQUIRED)
# States the sending task may pick up.
SENDABLE_STATES = (ArchiveState.WAITING, ArchiveState.FAILED)


class CaseKind(models.TextChoices):
    INPUT = "input", _("Input")
    HEARING = "hearing", _("Hearing")
    PROPOSAL = "proposal", _("Citizen proposal")


class PostKind(models.TextChoices):
    INPUT = "input", _("Input")
    REPLY = "reply", _("Reply")
    INTERIM_REPLY = "interim_reply", _("Interim reply")
    HEARING_RESPONSE = "hearing_response", _("Hearing response")
    HEARING_DOCUMENT = "hearing_document", _("Hearing document")
    HEARING_OUTCOME = "hearing_outcome", _("Hearing outcome")


# Noark 5 journalposttype (Fiks Arkiv code list journalposttype).
JOURNALPOST_TYPE = {
    PostKind.INPUT: "I",
    PostKind.HEARING_RESPONSE: "I",
    PostKind.REPLY: "U",
    PostKind.INTERIM_REPLY: "U",
    PostKind.HEARING_DOCUMENT: "U",
    # The municipality's own summary of what it heard and decided, addressed to
    # nobody: an internal document without follow-up.
    PostKind.HEARING_OUTCOME: "X",
}
JOURNALPOST_TYPE_NAMES = {
    "I": "Inngående dokument",
    "U": "Utgående dokument",
    "X": "Organinternt dokument uten oppfølging",
}


class RightsKind(models.TextChoices):
    ACCESS = "access", _("Access (GDPR art. 15)")
    ERASURE = "erasure", _("Erasure (GDPR art. 17)")
    BOTH = "both", _("Access and erasure")


class RightsStatus(models.TextChoices):
    OPEN = "open", _("Open")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")


class RightsStep(models.TextChoices):
    RECEIVED = "received", _("Received")
    SEARCHED = "searched", _("Searched")
    EXPORTED_JSON = "exported_json", _("Exported as JSON")
    EXPORTED_DOCUMENT = "exported_document", _("Exported as a document")
    ANONYMISED = "anonymised", _("Anonymised")
    EXTENDED = "extended", _("Deadline extended")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")
