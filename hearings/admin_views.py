"""The hearing-specific admin: responses per hearing (list, filter, search, XLSX/CSV
export), moderation, a printable summary and counts. Every view starts from
feedback.selectors.submissions_visible_to(user): access is scoped in the queryset,
so a handler of another unit sees an empty list and gets 404 on a response."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from feedback.choices import InputKind
from feedback.models import Submission
from feedback.privacy import find_fnr
from feedback.selectors import ALL, submissions_visible_to, visible_unit_ids
from portal.exports import SafeExportMixin

from .choices import PUBLISHED_STATES, PublicationState, RespondentType
from .forms import ModerationForm
from .models import HearingPage, ResponsePublication
from .selectors import original_hearings
from .services import publication_decide, summary_internal_opened


def hearing_responses(user, hearing=None):
    """Hearing responses `user` may see, optionally on one hearing."""
    qs = submissions_visible_to(user).filter(kind=InputKind.HEARING_RESPONSE)
    if hearing is not None:
        qs = qs.filter(page_id=hearing.pk)
    return qs


def hearing_counts(user, *, hearing_ids=None) -> dict[int, dict[str, int]]:
    """Per hearing page id: total, pending, published and withheld responses the
    user may see. One query."""
    qs = hearing_responses(user)
    if hearing_ids is not None:
        qs = qs.filter(page_id__in=hearing_ids)
    rows = qs.values("page_id").annotate(
        total=Count("pk"),
        pending=Count(
            "pk",
            filter=Q(publication__state=PublicationState.PENDING)
            | Q(publication__isnull=True),
        ),
        published=Count("pk", filter=Q(publication__state__in=PUBLISHED_STATES)),
        withheld=Count("pk", filter=Q(publication__state=PublicationState.WITHHELD)),
    )
    return {row.pop("page_id"): row for row in rows}


def hearings_for(user):
    """Hearings whose responses the user handles: all for superusers and triage,
    else those owned by the user's units."""
    scope = visible_unit_ids(user)
    qs = original_hearings().select_related("responsible_unit")
    if scope == ALL:
        return qs
    return qs.filter(responsible_unit_id__in=scope or [])


def hearings_overview(request):
    hearings = list(hearings_for(request.user).order_by("-deadline", "title"))
    counts = hearing_counts(request.user, hearing_ids=[h.pk for h in hearings])
    empty = {"total": 0, "pending": 0, "published": 0, "withheld": 0}
    rows = [{"hearing": h, "counts": counts.get(h.pk, empty)} for h in hearings]
    return TemplateResponse(
        request,
        "hearings/admin/overview.html",
        {
            "rows": rows,
            "page_title": _("Hearings and responses"),
        },
    )


class ResponseFilterSet(WagtailFilterSet):
    publication_state = django_filters.ChoiceFilter(
        label=_("Publication"),
        field_name="publication__state",
        choices=PublicationState.choices,
    )
    respondent_type = django_filters.ChoiceFilter(
        label=_("Responded"),
        field_name="publication__respondent_type",
        choices=RespondentType.choices,
    )

    class Meta:
        model = Submission
        fields = []


def _published(submission) -> str:
    publication = getattr(submission, "publication", None)
    return str(_("yes") if publication and publication.is_published else _("no"))


class HearingResponsesView(SafeExportMixin, ReportView):
    """The responses to one hearing, one row per response; ?export=xlsx|csv."""

    header_icon = "doc-full"
    is_searchable = True
    search_fields = ["reference", "text", "contact_name", "organisation"]
    filterset_class = ResponseFilterSet
    index_url_name = "hearings_admin:responses"
    index_results_url_name = "hearings_admin:responses_results"
    paginate_by = 50
    default_ordering = "created_at"
    columns = [
        TitleColumn(
            "reference",
            label=_("Reference"),
            get_url=lambda s: reverse("hearings_admin:moderate", args=[s.pk]),
        ),
        DateColumn("created_at", label=_("Received")),
        Column("respondent", label=_("From"), accessor="hearing_respondent"),
        Column("state", label=_("Publication"), accessor="hearing_state"),
        Column("fnr", label=_("National ID number?"), accessor="hearing_fnr"),
    ]
    list_export = [
        "reference",
        "created_at",
        "hearing_respondent_type",
        "organisation",
        "contact_name",
        "contact_email",
        "hearing_publish_name",
        "hearing_state",
        "hearing_published",
        "text",
        "hearing_published_text",
        "hearing_attachments",
        "unit.name",
    ]
    export_headings = {
        "reference": _("Reference"),
        "created_at": _("Received"),
        "hearing_respondent_type": _("Responded"),
        "organisation": _("Organisation"),
        "contact_name": _("Name"),
        "contact_email": _("E-mail"),
        "hearing_publish_name": _("Name may be published"),
        "hearing_state": _("Publication"),
        "hearing_published": _("Published"),
        "text": _("Text"),
        "hearing_published_text": _("Published text"),
        "hearing_attachments": _("Attachments"),
        "unit.name": _("Unit"),
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The hearing itself is public; what is scoped is its responses.
        self.hearing = get_object_or_404(HearingPage, pk=kwargs["hearing_pk"])
        # SafeExportMixin adds the day: «horingssvar-<hearing>-2026-12-01.csv».
        self.export_filename = f"horingssvar-{self.hearing.slug}"

    @property
    def page_title(self):
        return _("Responses: %(title)s") % {"title": self.hearing.title}

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.hearing.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.hearing.pk])

    def get_base_queryset(self):
        return (
            hearing_responses(self.request.user, self.hearing)
            .select_related("publication", "unit")
            .annotate(attachment_count=Count("attachments"))
        )

    def get_queryset(self):
        return self.get_base_queryset().order_by("created_at", "pk")

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def decorate_paginated_queryset(self, object_list):
        for submission in object_list:
            decorate(submission)
        return object_list

    def to_row_dict(self, item):
        decorate(item)
        return super().to_row_dict(item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hearing"] = self.hearing
        return context


def decorate(submission):
    """Flat values for the list and the export."""
    publication = getattr(submission, "publication", None)
    submission.hearing_respondent = (
        publication.public_name if publication else submission.contact_name
    )
    submission.hearing_respondent_type = (
        publication.get_respondent_type_display() if publication else ""
    )
    submission.hearing_publish_name = str(
        _("yes") if publication and publication.publish_name else _("no")
    )
    submission.hearing_state = (
        publication.get_state_display()
        if publication
        else PublicationState.PENDING.label
    )
    submission.hearing_published = _published(submission)
    submission.hearing_published_text = (
        publication.published_text if publication else ""
    )
    submission.hearing_attachments = getattr(submission, "attachment_count", 0)
    submission.hearing_fnr = str(_("yes") if find_fnr(submission.text) else "")
    return submission


def moderate(request, pk: int):
    submission = get_object_or_404(
        hearing_responses(request.user).select_related("publication"), pk=pk
    )
    hearing = get_object_or_404(HearingPage, pk=submission.page_id)
    publication, _created = ResponsePublication.objects.get_or_create(
        submission=submission,
        defaults={
            "organisation": submission.organisation,
            "respondent_type": (
                RespondentType.ORGANISATION
                if submission.organisation
                else RespondentType.PERSON
            ),
        },
    )
    initial = {
        "published_text": publication.published_text or submission.text,
        "publish_attachments": publication.publish_attachments,
        "reason": publication.reason,
    }
    if publication.state != PublicationState.PENDING:
        initial["action"] = publication.state
    form = ModerationForm(
        request.POST or None, initial=initial, original_text=submission.text
    )
    if request.method == "POST" and form.is_valid():
        try:
            publication_decide(
                publication=publication,
                action=form.cleaned_data["action"],
                by=request.user,
                text=form.cleaned_data.get("text_to_publish", ""),
                reason=form.cleaned_data.get("reason", ""),
                publish_attachments=form.cleaned_data.get("publish_attachments", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The decision on %(ref)s is saved.") % {"ref": submission.reference},
            )
            return redirect("hearings_admin:responses", hearing.pk)
    spans = find_fnr(submission.text)
    return TemplateResponse(
        request,
        "hearings/admin/moderate.html",
        {
            "submission": submission,
            "publication": publication,
            "hearing": hearing,
            "form": form,
            "fnr_found": bool(spans),
            "closed": hearing.status in ("closed", "concluded"),
            "attachments": list(submission.attachments.all()),
            "page_title": _("Moderate %(ref)s") % {"ref": submission.reference},
        },
        status=400 if request.method == "POST" else 200,
    )


def summary(request, hearing_pk: int):
    """The public summary, for the politicians' case: published responses only,
    in their published (redacted) words, a person's name only by consent and an
    organisation by name; withheld and unmoderated responses are counted, never
    printed."""
    hearing = get_object_or_404(hearings_for(request.user), pk=hearing_pk)
    publications = list(
        ResponsePublication.objects.published_for(hearing)
        .select_related("submission")
        .annotate(published_files=Count("submission__attachments"))
    )
    return _summary(
        request,
        hearing,
        {
            "publications": publications,
            "organisations": sum(1 for p in publications if p.organisation),
            "can_see_internal": _owns(request.user, hearing),
        },
    )


def summary_internal(request, hearing_pk: int):
    """The full version, with the originals as the residents sent them: for the
    owning unit (and superusers) only, marked internal, and every opening is
    written to the audit log (who, when)."""
    hearing = get_object_or_404(hearings_for(request.user), pk=hearing_pk)
    if not _owns(request.user, hearing):
        raise Http404
    responses = [
        decorate(s)
        for s in hearing_responses(request.user, hearing)
        .select_related("publication")
        .annotate(attachment_count=Count("attachments"))
        .order_by("created_at", "pk")
    ]
    summary_internal_opened(hearing=hearing, by=request.user)
    return _summary(
        request,
        hearing,
        {
            "internal": True,
            "responses": responses,
            "organisations": sum(1 for s in responses if s.organisation),
        },
    )


def _owns(user, hearing) -> bool:
    """The owning unit's members (and units above it) and superusers; triage
    sees every input but is not the hearing's owner."""
    if user.is_superuser:
        return True
    scope = visible_unit_ids(user)
    return scope != ALL and hearing.responsible_unit_id in (scope or ())


def _summary(request, hearing, context):
    counts = hearing_counts(request.user, hearing_ids=[hearing.pk]).get(
        hearing.pk, {"total": 0, "pending": 0, "published": 0, "withheld": 0}
    )
    return TemplateResponse(
        request,
        "hearings/admin/summary.html",
        {"hearing": hearing, "counts": counts, **context},
    )


class HearingCountsPanel(Component):
    """Wagtail home panel: responses per current hearing, scoped to the user."""

    name = "hearings_counts"
    template_name = "hearings/admin/dashboard_panel.html"
    order = 60
    LIMIT = 8

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        hearings = list(
            hearings_for(request.user)
            .live()
            .filter(deadline__gte=timezone.localdate() - datetime.timedelta(days=90))
            .order_by("deadline", "title")[: self.LIMIT]
        )
        counts = hearing_counts(request.user, hearing_ids=[h.pk for h in hearings])
        empty = {"total": 0, "pending": 0, "published": 0, "withheld": 0}
        return {
            "rows": [
                {"hearing": h, "counts": counts.get(h.pk, empty)} for h in hearings
            ],
            "overview_url": reverse("hearings_admin:overview"),
            "request": request,
        }

    def render_html(self, parent_context=None):
        if visible_unit_ids(parent_context["request"].user) == set():
            return ""
        return super().render_html(parent_context)
