"""Resident inputs and how they are handled.

Workflows live in services.py, reads with rules in selectors.py; the models hold
fields, constraints and small properties only.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import clocks
from .choices import (
    DOWNLOADABLE_SCAN_STATES,
    OPEN_STATUSES,
    EventKind,
    InputKind,
    Language,
    ScanState,
    Status,
)


def attachment_storage():
    # Resolved at runtime so tests and deployments can point the "attachments"
    # storage elsewhere; it is deliberately not under MEDIA_ROOT.
    return storages["attachments"]


def attachment_path(instance, filename: str) -> str:
    # Never reuse the resident's file name on disk: it may contain personal data
    # and it is not trusted. The original name is kept in the database.
    ext = os.path.splitext(filename)[1].lower()[:10]
    now = timezone.now()
    return f"{now:%Y/%m}/{uuid.uuid4().hex}{ext}"


class Topic(models.Model):
    """A subject as residents would name it («Vei, gater og brøyting»), not the org
    chart. A topic's default unit is used when no rule and no page decide."""

    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(
        _("name in English"), max_length=120, blank=True, default=""
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        default="",
        help_text=_(
            "Short hint shown to residents, e.g. examples of what belongs here."
        ),
    )
    default_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("default unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="default_topics",
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class RoutingRule(models.Model):
    """One row of the routing table. A rule matches when *all* its set conditions
    hold; the first matching rule by (priority, id) decides the unit."""

    name = models.CharField(_("name"), max_length=200)
    priority = models.PositiveIntegerField(
        _("priority"),
        default=100,
        help_text=_("Lower numbers are tried first."),
    )
    active = models.BooleanField(_("active"), default=True)
    kind = models.CharField(
        _("kind of input"),
        max_length=30,
        choices=InputKind.choices,
        blank=True,
        default="",
        help_text=_("Leave empty for any kind."),
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rules",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    include_subtree = models.BooleanField(
        _("include pages below"),
        default=True,
        help_text=_("Also match inputs about pages below the chosen page."),
    )
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        default="",
        help_text=_(
            "Comma separated. Matches when any of them occurs in the subject "
            "or text (case-insensitive, also inside longer words)."
        ),
    )
    postcodes = models.TextField(
        _("postcodes"),
        blank=True,
        default="",
        help_text=_(
            "Comma or space separated, e.g. «1384, 1385» or «13*» for all "
            "postcodes starting with 13."
        ),
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "id"]

    def __str__(self):
        return f"#{self.pk} {self.name}" if self.pk else self.name

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip().casefold() for k in self.keywords.split(",") if k.strip()]

    @property
    def postcode_list(self) -> list[str]:
        return [p for p in self.postcodes.replace(",", " ").split() if p]


class Submission(models.Model):
    """Every resident input — feedback, suggestion, question, page feedback, hearing
    response — is one Submission in one pipeline."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=InputKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # What the resident wrote.
    subject = models.CharField(_("subject"), max_length=200, blank=True, default="")
    text = models.TextField(_("text"), blank=True, default="")
    location = models.CharField(_("location"), max_length=200, blank=True, default="")
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, default="")
    helpful = models.BooleanField(
        _("found what they were looking for"), null=True, blank=True
    )

    # Who wrote it. All optional; anonymised after the retention period.
    contact_name = models.CharField(_("name"), max_length=200, blank=True, default="")
    contact_email = models.EmailField(_("e-mail"), blank=True, default="")
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True, default="")
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, default=""
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=Language.choices,
        default=Language.NB,
    )

    # Routing decision, stored as made (the timeline keeps earlier ones).
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    routing_rule = models.ForeignKey(
        RoutingRule,
        verbose_name=_("routing rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    routing_reason = models.CharField(
        _("routing reason"), max_length=500, blank=True, default=""
    )
    routed_at = models.DateTimeField(_("routed"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )

    # Deadlines and milestones.
    due_at = models.DateTimeField(_("first answer due"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    interim_reply_at = models.DateTimeField(
        _("interim reply sent"), null=True, blank=True
    )
    # The day the last interim reply told the resident to expect an answer; the
    # case is measured against it from then on (clocks.is_overdue).
    promised_on = models.DateField(_("answer promised by"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )

    # Only a hash: the raw token is in the resident's link and nowhere else.
    tracking_token_hash = models.CharField(
        max_length=64, blank=True, default="", editable=False
    )
    # The hash of the one-time token of the form that sent it (portal.form_tokens):
    # the same filled-in form posted again finds this input instead of a new one.
    form_token_hash = models.CharField(
        max_length=64, blank=True, default="", editable=False
    )
    flagged_for_moderation = models.BooleanField(
        _("flagged for moderation"), default=False
    )
    moderation_reason = models.CharField(
        _("moderation reason"), max_length=300, blank=True, default=""
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(
        _("received"), default=timezone.now, db_index=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The inbox: a unit's submissions in a status, newest first.
            models.Index(
                fields=["unit", "status", "-created_at"], name="feedback_sub_inbox_idx"
            ),
            models.Index(
                fields=["status", "-created_at"], name="feedback_sub_status_idx"
            ),
            models.Index(
                fields=["due_at"],
                name="feedback_sub_due_idx",
                condition=Q(status__in=["received", "in_progress"]),
            ),
            models.Index(fields=["page", "kind"], name="feedback_sub_page_idx"),
            models.Index(
                fields=["contact_email"],
                name="feedback_sub_email_idx",
                condition=~Q(contact_email=""),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="duplicate") | Q(duplicate_of__isnull=False),
                name="feedback_submission_duplicate_has_original",
            ),
            models.UniqueConstraint(
                fields=["form_token_hash"],
                condition=~Q(form_token_hash=""),
                name="feedback_submission_form_token_once",
            ),
        ]

    def __str__(self):
        return self.reference

    def get_admin_display_title(self):
        # Used by Wagtail's audit log: the reference, never personal data.
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return clocks.is_overdue(self)

    @property
    def interim_reply_owed(self) -> bool:
        """forvaltningsloven § 11 a: no answer and no interim reply after a month."""
        return clocks.interim_reply_owed(self)

    @property
    def promise_passed(self) -> bool:
        return clocks.promise_passed(self)

    @property
    def deadline_on(self):
        """The day the resident was told: the promise, else the due date."""
        return clocks.deadline_on(self)

    @property
    def can_be_answered_by_email(self) -> bool:
        return bool(self.contact_email)


class SubmissionEvent(models.Model):
    """The timeline: one row per thing that happened to a submission. `public`
    events are shown to the resident on the tracking page."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    public = models.BooleanField(_("visible to the resident"), default=False)
    text = models.TextField(_("text"), blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("from unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("to unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["submission", "created_at"], name="feedback_event_sub_idx"
            )
        ]

    def __str__(self):
        return f"{self.submission_id} {self.kind}"


class Attachment(models.Model):
    """A file the resident sent. Stored on the private "attachments" storage and
    served only through a view that checks who may see the submission."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"), storage=attachment_storage, upload_to=attachment_path, max_length=200
    )
    original_name = models.CharField(
        _("file name"), max_length=255, blank=True, default=""
    )
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    # Where a photo says it was taken, read from its EXIF before the metadata was
    # removed (portal.image_cleaning). For the handler only: never on public
    # pages, in published responses or in exports; it goes with the attachment
    # when the case is anonymised.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Scanned in the background after the input is stored (feedback.tasks),
    # so a scanner that is down never loses or blocks what the resident sent.
    scan_state = models.CharField(
        _("virus scan"),
        max_length=12,
        choices=ScanState.choices,
        default=ScanState.PENDING,
    )
    scan_detail = models.CharField(
        _("scan result"), max_length=200, blank=True, default=""
    )
    scanned_at = models.DateTimeField(_("scanned"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self):
        return self.original_name or self.file.name

    @property
    def downloadable(self) -> bool:
        return self.scan_state in DOWNLOADABLE_SCAN_STATES

    @property
    def location(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude


class ResponseTemplate(models.Model):
    """A standard reply a handler starts from (FixMyStreet's staff have them):
    for one unit (and the units below it) or, without a unit, for all. The
    placeholders are filled from the case when it is chosen
    (feedback.reply_templates)."""

    title = models.CharField(_("title"), max_length=100)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: offered to every unit."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.NB
    )
    text = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {reference} the case's reference, {name} the "
            "resident's name, {unit} the unit's name, {date} today's date."
        ),
    )

    class Meta:
        verbose_name = _("standard reply")
        verbose_name_plural = _("standard replies")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class KindDeadline(models.Model):
    """A unit's own deadline for the first answer to one kind of input (a
    question in 14 days, a suggestion in 30); other kinds use the unit's."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=InputKind.choices)
    days = models.PositiveSmallIntegerField(
        _("days to first answer"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("deadline for a kind")
        verbose_name_plural = _("deadlines for kinds")
        ordering = ["unit__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind"], name="feedback_kinddeadline_unique"
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.get_kind_display()}: {self.days}"
