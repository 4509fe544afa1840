"""The archive side of the portal (Noark 5 through Fiks Arkiv) and tracked rights
requests.

An `ArchiveCase` is a case folder (saksmappe) in the municipality's archive: one
per input, one per hearing. An `ArchivePost` is one journal post (journalpost) in
it: the input (I), each reply and interim reply (U), each hearing response (I),
each hearing document (U) and the hearing's outcome (X). The post carries its
archive state and, once the archive has answered, the archive's own numbers.

Each case and post has an external key (referanseEksternNoekkel) made from the
portal's reference: sent twice, the archive finds it and creates nothing twice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    ArchiveState,
    CaseKind,
    PostKind,
    RightsKind,
    RightsStatus,
    RightsStep,
)


class Screening(models.Model):
    """Skjerming: a tilgangsrestriksjon code and its legal basis
    (skjermingshjemmel). Empty code: not screened."""

    screening_code = models.CharField(
        _("access restriction"), max_length=20, blank=True, default=""
    )
    screening_authority = models.CharField(
        _("legal basis for screening"), max_length=200, blank=True, default=""
    )

    class Meta:
        abstract = True

    @property
    def is_screened(self) -> bool:
        return bool(self.screening_code)


class ArchiveCase(Screening):
    key = models.CharField(_("external key"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    submission = models.OneToOneField(
        "feedback.Submission",
        verbose_name=_("input"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="archive_case",
    )
    hearing = models.OneToOneField(
        "hearings.HearingPage",
        verbose_name=_("hearing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="archive_case",
    )
    title = models.CharField(_("title"), max_length=500)
    public_title = models.CharField(_("public title"), max_length=500)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("administrative unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # What the archive answered (saksmappeKvittering).
    system_id = models.CharField(_("archive system id"), max_length=36, blank=True)
    case_year = models.PositiveIntegerField(_("case year"), null=True, blank=True)
    case_sequence = models.PositiveIntegerField(
        _("case sequence number"), null=True, blank=True
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        verbose_name = _("archive case")
        verbose_name_plural = _("archive cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(submission__isnull=True) | Q(hearing__isnull=True),
                name="records_case_one_source",
            )
        ]

    def __str__(self):
        return self.key

    @property
    def case_number(self) -> str:
        """The archive's saksnummer, e.g. «2026/123», once it has answered."""
        if self.case_year and self.case_sequence:
            return f"{self.case_year}/{self.case_sequence}"
        return ""


class ArchivePost(Screening):
    case = models.ForeignKey(
        ArchiveCase,
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        related_name="posts",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=PostKind.choices)
    key = models.CharField(_("external key"), max_length=120, unique=True)
    submission = models.ForeignKey(
        "feedback.Submission",
        verbose_name=_("input"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="archive_posts",
    )
    event = models.OneToOneField(
        "feedback.SubmissionEvent",
        verbose_name=_("reply"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="archive_post",
    )
    hearing_document = models.ForeignKey(
        "hearings.HearingDocument",
        verbose_name=_("hearing document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    journalpost_type = models.CharField(_("journal post type"), max_length=2)
    title = models.CharField(_("title"), max_length=500)
    public_title = models.CharField(_("public title"), max_length=500)
    public_title_edited = models.BooleanField(
        _("public title edited by a handler"), default=False
    )
    # When the document was received or sent (mottattDato / sendtDato).
    document_date = models.DateTimeField(_("document date"), db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    state = models.CharField(
        _("archive state"),
        max_length=20,
        choices=ArchiveState.choices,
        default=ArchiveState.WAITING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Why the last attempt failed, in words for staff: never personal data.
    error = models.CharField(_("error"), max_length=300, blank=True, default="")
    # One id per post, kept across retries: a folder transport overwrites its
    # own undelivered message instead of dropping a second one.
    message_id = models.UUIDField(default=uuid.uuid4, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    # What the archive answered (journalpostKvittering).
    system_id = models.CharField(_("archive system id"), max_length=36, blank=True)
    journal_year = models.PositiveIntegerField(_("journal year"), null=True, blank=True)
    journal_sequence = models.PositiveIntegerField(
        _("journal sequence number"), null=True, blank=True
    )
    journal_number = models.PositiveIntegerField(
        _("document number in the case"), null=True, blank=True
    )
    receipt = models.TextField(_("receipt"), blank=True, default="")

    class Meta:
        verbose_name = _("archive post")
        verbose_name_plural = _("archive posts")
        ordering = ["document_date", "id"]
        indexes = [
            models.Index(
                fields=["state", "document_date"],
                name="records_post_open_idx",
                condition=~Q(state__in=["archived", "not_required"]),
            ),
        ]

    def __str__(self):
        return self.key

    @property
    def is_settled(self) -> bool:
        from .choices import SETTLED_STATES

        return self.state in SETTLED_STATES

    @property
    def archive_reference(self) -> str:
        """Saksnummer-dokumentnummer («2026/123-2»), as Noark archives show a
        document in its case; the journal number when that is all there is."""
        case = self.case.case_number
        if case and self.journal_number:
            return f"{case}-{self.journal_number}"
        if self.journal_year and self.journal_sequence:
            return f"{self.journal_year}/{self.journal_sequence}"
        return ""


class TopicScreening(Screening):
    """Inputs on this topic are screened by default (health, child welfare ...):
    the handler may lift or change it before the input is archived."""

    topic = models.OneToOneField(
        "feedback.Topic",
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="screening",
    )

    class Meta:
        verbose_name = _("screening by topic")
        verbose_name_plural = _("screening by topic")

    def __str__(self):
        return f"{self.topic} ({self.screening_code})"


class RightsRequest(models.Model):
    """A data subject's request (GDPR art. 15 access, art. 17 erasure), tracked
    from receipt to answer within the month of art. 12(3).

    Who asked is kept only while the request is open: on completion the
    address, name and phone are cleared, and what remains (dates, counts and
    the portal's own references in the steps) documents that it was handled.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("request"), max_length=10, choices=RightsKind.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RightsStatus.choices,
        default=RightsStatus.OPEN,
    )
    received_on = models.DateField(_("received"))
    extended_until = models.DateField(
        _("deadline extended to"),
        null=True,
        blank=True,
        help_text=_(
            "GDPR art. 12(3): by up to two further months where the request is "
            "complex or numerous; tell the person why within the first month."
        ),
    )
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True, default="")
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    phone = models.CharField(_("phone"), max_length=40, blank=True, default="")
    # A signer with ID-porten may have left no address: the keyed hash of the
    # national identity number the request gives (proposals.idporten), never
    # the number, cleared with the rest on completion.
    identity_hash = models.CharField(max_length=64, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("rights request")
        verbose_name_plural = _("rights requests")
        ordering = ["-received_on", "-id"]
        permissions = [
            ("handle_rightsrequest", _("Can handle rights requests (GDPR)")),
        ]

    def __str__(self):
        # Never the address: this shows in logs and the audit trail.
        return self.reference

    def get_admin_display_title(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == RightsStatus.OPEN


class RightsRequestStep(models.Model):
    """One logged step of a rights request. `data` holds counts and the portal's
    references, never the person's details."""

    request = models.ForeignKey(
        RightsRequest,
        verbose_name=_("rights request"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    kind = models.CharField(_("step"), max_length=20, choices=RightsStep.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("rights request step")
        verbose_name_plural = _("rights request steps")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.request_id} {self.kind}"
