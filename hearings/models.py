import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import ContentPage, content_panels_with_readability

from .choices import (
    HearingKind,
    HearingStatus,
    PublicationState,
    RespondentType,
)
from .panels import HearingWarningsPanel

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class Consultee(models.Model):
    """A body a hearing is sent to (høringsinstans), e.g. the statutory councils."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    statutory = models.BooleanField(
        _("statutory council"),
        default=False,
        help_text=_(
            "Councils every hearing that concerns them must reach "
            "(kommuneloven § 5-12)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("statutory"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("consultee")
        verbose_name_plural = _("consultees")
        ordering = ["-statutory", "sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class HearingIndexPage(ContentPage):
    """All hearings: open (closing soonest first), upcoming, closed, concluded."""

    direct_route = True  # found by url_path in one query (home.models._direct_route)

    content_panels = content_panels_with_readability(
        [*Page.content_panels, FieldPanel("summary")]
    )
    parent_page_types = ["home.HomePage"]
    subpage_types = ["hearings.HearingPage"]

    class Meta:
        verbose_name = _("hearing index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import hearing_index

        context = super().get_context(request, *args, **kwargs)
        context.update(hearing_index(self, request.GET, request))
        return context


def _start_of_day(day: datetime.date) -> datetime.datetime:
    # Hearing dates are local calendar days in Oslo; comparisons use aware times.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class HearingPage(ContentPage):
    """One public hearing (høring). Its status follows from its dates and outcome."""

    direct_route = True  # found by url_path in one query (home.models._direct_route)
    route_select_related = ("responsible_unit",)

    body = RichTextField(
        _("what is this about, what can you influence"),
        blank=True,
        features=RICH_FEATURES,
    )
    kind = models.CharField(
        _("kind of hearing"),
        max_length=20,
        choices=HearingKind.choices,
        default=HearingKind.OTHER,
    )
    opens_on = models.DateField(
        _("opens"),
        help_text=_("The day the hearing is published and responses can be given."),
    )
    deadline = models.DateField(
        _("deadline"),
        help_text=_("Responses are accepted until the end of this day (23:59)."),
    )
    short_period_reason = models.TextField(
        _("reason for a period shorter than 6 weeks"),
        blank=True,
        help_text=_(
            "Required when there are fewer than 42 days between opening "
            "and deadline. Shown on the hearing page."
        ),
    )
    responsible_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="hearings",
        help_text=_("Responses are sent to this unit, which also moderates them."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # feedback.Topic: the subjects residents name (also used for routing and
    # statistics), so a hearing and the responses to it share one vocabulary.
    topics = ParentalManyToManyField(
        "feedback.Topic", verbose_name=_("topics"), blank=True, related_name="hearings"
    )
    audiences = ParentalManyToManyField(
        "home.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="hearings",
    )
    consultees = ParentalManyToManyField(
        Consultee, verbose_name=_("consultees"), blank=True, related_name="hearings"
    )
    other_consultees = models.TextField(
        _("other consultees"),
        blank=True,
        help_text=_("Organisations and bodies not in the list, one a line."),
    )
    area = models.CharField(_("area or location"), max_length=300, blank=True)
    outcome_heard = RichTextField(
        _("what we heard"), blank=True, features=RICH_FEATURES
    )
    outcome_decided = RichTextField(
        _("what was decided"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_(
            "When filled in (after the deadline), the hearing is shown as "
            "concluded and followers are told."
        ),
    )
    political_case_url = models.URLField(_("link to the political case"), blank=True)

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            HearingWarningsPanel(heading=_("Checks")),
            FieldPanel("summary"),
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("kind"),
                    FieldRowPanel([FieldPanel("opens_on"), FieldPanel("deadline")]),
                    FieldPanel("short_period_reason"),
                ],
                heading=_("Period"),
            ),
            InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            MultiFieldPanel(
                [
                    FieldPanel("responsible_unit"),
                    FieldPanel("contact_name"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                ],
                heading=_("Responsible and contact"),
            ),
            FieldPanel("consultees", widget=forms.CheckboxSelectMultiple),
            FieldPanel("other_consultees"),
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            FieldPanel("area"),
            MultiFieldPanel(
                [
                    FieldPanel("outcome_heard"),
                    FieldPanel("outcome_decided"),
                    FieldPanel("political_case_url"),
                ],
                heading=_("Outcome"),
            ),
        ]
    )
    readability_fields = ("summary", "body", "outcome_heard", "outcome_decided")
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("area"),
        index.SearchField("outcome_decided"),
        index.FilterField("opens_on"),
        index.FilterField("deadline"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["hearings.HearingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    # --- Dates and status -------------------------------------------------------

    def structured_data(self, provider: str, url: str) -> dict:
        """schema.org JSON-LD: the hearing as an event from opening to deadline
        (portal_tags.share_meta renders it)."""
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.search_description or self.summary,
            "url": url,
            "startDate": self.opens_on.isoformat(),
            "endDate": self.deadline.isoformat(),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "location": {"@type": "VirtualLocation", "url": url},
            "organizer": {"@type": "GovernmentOrganization", "name": provider},
        }

    @property
    def opens_at(self) -> datetime.datetime:
        return _start_of_day(self.opens_on)

    @property
    def closes_at(self) -> datetime.datetime:
        """The first moment responses are no longer accepted (midnight after the
        deadline day)."""
        return _start_of_day(self.deadline + datetime.timedelta(days=1))

    @property
    def period_days(self) -> int:
        return (self.deadline - self.opens_on).days

    @property
    def has_outcome(self) -> bool:
        return bool((self.outcome_decided or "").strip())

    def status_at(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return HearingStatus.UPCOMING
        if now < self.closes_at:
            return HearingStatus.OPEN
        # An outcome only counts once the hearing is over: one written early does
        # not close a running hearing.
        return HearingStatus.CONCLUDED if self.has_outcome else HearingStatus.CLOSED

    @cached_property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return HearingStatus(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == HearingStatus.OPEN

    def days_left(self, now: datetime.datetime | None = None) -> int:
        """Whole calendar days until the deadline day (0 on the deadline day)."""
        today = timezone.localdate(now or timezone.now())
        return (self.deadline - today).days

    # --- Editor validation ------------------------------------------------------

    def clean(self):
        super().clean()
        if not (self.opens_on and self.deadline):
            return
        errors = {}
        minimum_plan = settings.PORTAL["PLAN_HEARING_MIN_DAYS"]
        minimum = settings.PORTAL["HEARING_DEFAULT_MIN_DAYS"]
        days = self.period_days
        if days <= 0:
            errors["deadline"] = _("The deadline must be after the opening day.")
        elif self.kind == HearingKind.PLAN and days < minimum_plan:
            errors["deadline"] = _(
                "A plan hearing must last at least %(min)d days (plan- og "
                "bygningsloven §§ 11-14 and 12-10). This one lasts %(days)d days."
            ) % {"min": minimum_plan, "days": days}
        elif days < minimum and not self.short_period_reason.strip():
            errors["short_period_reason"] = _(
                "The hearing lasts %(days)d days, less than 6 weeks. Write why a "
                "shorter period is needed."
            ) % {"days": days}
        if errors:
            raise ValidationError(errors)

    def editor_warnings(self) -> list[str]:
        """Advice that does not block publishing, shown in the editor."""
        from .selectors import hearing_editor_warnings

        return hearing_editor_warnings(self)

    def get_context(self, request, *args, **kwargs):
        from .selectors import hearing_context

        form = kwargs.pop("form", None)
        context = super().get_context(request, *args, **kwargs)
        context.update(hearing_context(self, request, form=form))
        return context

    def serve(self, request, *args, **kwargs):
        # The response form posts to the hearing page itself, so a resident who
        # gets an error sees it in the same place, with their text kept.
        if request.method == "POST":
            from .views import hearing_response_post

            return hearing_response_post(request, self)
        return super().serve(request, *args, **kwargs)


class HearingDocument(Orderable):
    page = ParentalKey(HearingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title

    @property
    def file_size(self) -> int | None:
        # Wagtail fills file_size on upload; get_file_size() covers documents
        # created in code (it stats the file once and stores the size).
        return self.document.file_size or self.document.get_file_size()

    @property
    def file_type(self) -> str:
        return self.document.file_extension.upper()


class DeadlineRecord(models.Model):
    """Each published deadline of a hearing, so the iCal feed can tell calendars
    that an event changed (SEQUENCE, LAST-MODIFIED). Kept outside the page so page
    revisions do not carry or overwrite it."""

    hearing = models.ForeignKey(
        HearingPage, on_delete=models.CASCADE, related_name="deadline_records"
    )
    deadline = models.DateField(_("deadline"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["hearing", "recorded_at", "pk"]
        verbose_name = _("deadline record")

    def __str__(self):
        return f"{self.hearing_id}: {self.deadline}"


class PublicationQuerySet(models.QuerySet):
    def published_for(self, hearing):
        from .choices import PUBLISHED_STATES

        return self.filter(
            submission__page_id=hearing.pk, state__in=PUBLISHED_STATES
        ).order_by("submission__created_at", "pk")


class ResponsePublication(models.Model):
    """Whether and how a hearing response is published (meroffentlighet). The
    resident's original text stays on the Submission for the case record; what
    the public sees is `published_text`, redacted where needed."""

    submission = models.OneToOneField(
        "feedback.Submission",
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="publication",
    )
    respondent_type = models.CharField(
        _("responded"),
        max_length=20,
        choices=RespondentType.choices,
        default=RespondentType.PERSON,
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    publish_name = models.BooleanField(
        _("name may be published"),
        default=False,
        help_text=_(
            "The resident's consent. Organisations are always published by name."
        ),
    )
    state = models.CharField(
        _("publication"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.PENDING,
    )
    published_text = models.TextField(_("published text"), blank=True)
    publish_attachments = models.BooleanField(_("publish attachments"), default=False)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why it was redacted or withheld.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("response publication")
        verbose_name_plural = _("response publications")
        indexes = [models.Index(fields=["state"], name="hearings_pub_state_idx")]

    def __str__(self):
        return f"{self.submission_id} {self.state}"

    @property
    def is_published(self) -> bool:
        from .choices import PUBLISHED_STATES

        return self.state in PUBLISHED_STATES

    @property
    def public_name(self) -> str:
        """Organisation by name; a person only with consent; else «Privatperson»."""
        if self.respondent_type == RespondentType.ORGANISATION and self.organisation:
            return self.organisation
        name = self.submission.contact_name
        if self.publish_name and name:
            return name
        return str(_("Private person"))


__all__ = [
    "Consultee",
    "HearingIndexPage",
    "HearingPage",
    "HearingDocument",
    "DeadlineRecord",
    "PublicationState",
    "ResponsePublication",
    "RespondentType",
]
