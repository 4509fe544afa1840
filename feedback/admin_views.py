"""Admin views that are not plain model listings: the case view, attachment
download, the dashboard panel, the unit report, page-feedback aggregates, "try the
rules". Rights requests are tracked in records (records/rights.py).

Reads start from `selectors.submissions_visible_to(request.user)`; writes go
through `services`. Nothing here decides access on its own.
"""

import datetime
from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, DurationField, F, Q
from django.db.models.aggregates import Aggregate
from django.db.models.functions import TruncWeek
from django.http import (
    FileResponse,
    Http404,
    HttpResponseBadRequest,
)
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.models import Page

from portal.exports import SafeExportMixin
from units.models import Unit

from . import clocks, routing, services
from .admin_forms import CASE_FORMS
from .charts import Bar, bar_chart_svg, describe_series
from .choices import EventKind, InputKind, ScanState
from .models import RoutingRule, SubmissionEvent
from .permissions import is_feedback_editor, is_unit_member
from .privacy import find_fnr
from .selectors import (
    ALL,
    case_access_log,
    overdue_digest_last_run,
    page_feedback_stats,
    submission_for_user,
    submissions_visible_to,
    timeline,
    unit_access,
    visible_unit_ids,
)


def _require(predicate, user):
    if not predicate(user):
        raise PermissionDenied


# --- case view -------------------------------------------------------------------

# feedback.tasks names each e-mail by its purpose; shown when one fails.
EMAIL_PURPOSES = {
    "receipt": _("receipt to the resident"),
    "unit_notice": _("notice to the unit"),
    "reroute": _("notice to the new unit"),
    "reply": _("reply to the resident"),
    "interim_reply": _("interim reply to the resident"),
}


class CaseView(InspectView):
    """The submission's page in the admin: what the resident wrote (escaped,
    read-only), attachments, the routing decision, the timeline and the actions.

    GET and POST both load the submission through `submission_for_user`, so a
    submission of another unit is a 404 whether you look or act.
    """

    template_name = "feedback/admin/case.html"
    page_title = _("Case")

    def get_object(self, queryset=None):
        return submission_for_user(self.request.user, self.pk)

    def get_page_subtitle(self):
        return self.object.reference

    def get_fields(self):
        return []

    @cached_property
    def header_more_buttons(self):
        return []

    def get_forms(self, bound=None):
        forms = {}
        for action, form_class in CASE_FORMS.items():
            if bound is not None and bound.action == action:
                forms[action] = bound
            else:
                forms[action] = form_class(
                    submission=self.object, user=self.request.user
                )
        return forms

    def get(self, request, *args, **kwargs):
        # Reading a case is reading personal data: logged (who, when), shown
        # to the unit's lead on the case.
        services.case_viewed(submission=self.object, by=request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form_class = CASE_FORMS.get(request.POST.get("action", ""))
        if form_class is None:
            return HttpResponseBadRequest()
        form = form_class(request.POST, submission=self.object, user=request.user)
        if getattr(form, "wants_template", lambda: False)():
            # «Insert the standard reply»: the form comes back filled in, and
            # nothing is sent.
            context = self.get_context_data(bound_form=form.with_template())
            return self.render_to_response(context)
        if form.is_valid() and form.run():
            messages.success(request, form.get_success_message())
            if form.lands_on_inbox:
                return redirect("feedback_inbox:index")
            return redirect(
                reverse("feedback_inbox:inspect", args=(self.object.pk,)) + "#tidslinje"
            )
        messages.error(
            request,
            gettext(
                "The action was not carried out. See the message by the form below."
            ),
        )
        context = self.get_context_data(bound_form=form)
        # 200 with the form re-shown: the handler's text is kept as typed.
        return self.render_to_response(context)

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        forms = self.get_forms(bound_form)
        events = list(timeline(submission))
        for event in events:
            if event.kind == EventKind.EMAIL_FAILED:
                purpose = event.data.get("purpose", "")
                event.purpose_label = EMAIL_PURPOSES.get(purpose, purpose)
        context.update(
            {
                "submission": submission,
                "attachments": list(submission.attachments.all()),
                "events": events,
                "email_failures": [
                    e for e in events if e.kind == EventKind.EMAIL_FAILED
                ],
                "forms": forms,
                "bound_action": getattr(bound_form, "action", ""),
                "show_reopen": submission.status in services.REOPENABLE,
                "show_status": forms["status"].has_choices,
                "can_reply": submission.status in services.REPLYABLE,
                "is_open": submission.is_open,
                "fnr_warning": bool(
                    find_fnr(f"{submission.subject}\n{submission.text}")
                ),
                "EventKind": EventKind,
                "can_edit_rules": is_feedback_editor(self.request.user),
                "access_log": case_access_log(self.request.user, submission),
                # Panels of apps above feedback (records: the archive block),
                # from the Wagtail hook «feedback_case_panels»
                # (request, submission) -> list of Components.
                "case_panels": [
                    panel
                    for panels in hooks.get_hooks("feedback_case_panels")
                    for panel in panels(self.request, submission)
                ],
            }
        )
        return context


def _download_refusal(attachment) -> str:
    name = attachment.original_name or _("Attachment")
    if attachment.scan_state == ScanState.INFECTED:
        return _(
            "«%(name)s» is quarantined: the virus scan found %(signature)s. It "
            "cannot be downloaded. Ask the resident to send it again, cleaned."
        ) % {"name": name, "signature": attachment.scan_detail}
    if attachment.scan_state == ScanState.ERROR:
        return _(
            "«%(name)s» could not be virus scanned (%(detail)s) and cannot be "
            "downloaded. Ask the resident to send it in another way."
        ) % {"name": name, "detail": attachment.scan_detail}
    return _(
        "«%(name)s» is waiting for the virus scan and cannot be downloaded yet. "
        "Try again in a few minutes."
    ) % {"name": name}


def attachment_download(request, pk, attachment_pk):
    """Serve a resident's attachment to staff who can see the submission.

    Always as a download (Content-Disposition: attachment) with nosniff and a
    sandboxing CSP, so a file can never run as a page in the admin's origin.
    """
    submission = submission_for_user(request.user, pk)
    attachment = submission.attachments.filter(pk=attachment_pk).first()
    if attachment is None or not attachment.file:
        raise Http404
    if not attachment.downloadable:
        # Quarantined and unscanned files are never served, to any role: the
        # case view says why (feedback.scanning).
        messages.error(request, _download_refusal(attachment))
        return redirect("feedback_inbox:inspect", submission.pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or f"vedlegg-{attachment.pk}",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    log(
        instance=submission,
        action="feedback.attachment_download",
        user=request.user,
        data={"reference": submission.reference, "attachment": attachment.pk},
    )
    return response


PERSON_QUERY_MAX = 200
PERSON_SESSION_KEY = "feedback_inbox_person_query"
PERSON_FLAG = "innhold"


@require_POST
def inbox_person_search(request):
    """Search the inbox in names, e-mail addresses and texts. The query is
    personal data: it is POSTed and kept in the session, and the inbox URL only
    says that such a search applies («?innhold=1»), so names never reach access
    logs, browser history or a shared link."""
    query = request.POST.get("q", "").strip()[:PERSON_QUERY_MAX]
    index = reverse("feedback_inbox:index")
    if request.POST.get("clear") or not query:
        request.session.pop(PERSON_SESSION_KEY, None)
        return redirect(index)
    request.session[PERSON_SESSION_KEY] = query
    return redirect(f"{index}?{PERSON_FLAG}=1")


# --- dashboard -------------------------------------------------------------------


def unit_counts(user, *, now=None) -> list[dict]:
    """Open, overdue, interim-owed and new-today per unit, over what the user sees.
    One query; the rules are feedback.clocks, the same the inbox filters use, so
    each count equals the list it links to."""
    now = now or timezone.now()
    rows = (
        submissions_visible_to(user)
        .exclude(kind=InputKind.PAGE_FEEDBACK)
        .values("unit_id", "unit__name", "unit__name_en")
        .annotate(
            open=Count("pk", filter=clocks.open_case_q()),
            overdue=Count("pk", filter=clocks.overdue_q(now)),
            interim_owed=Count("pk", filter=clocks.interim_reply_owed_q(now)),
            new_today=Count("pk", filter=clocks.received_today_q(now)),
        )
        .filter(Q(open__gt=0) | Q(new_today__gt=0))
        .order_by("-overdue", "-open", "unit__name")
    )
    english = (get_language() or "").startswith("en")
    return [
        {
            **row,
            "name": (
                row["unit__name_en"]
                if english and row["unit__name_en"]
                else row["unit__name"]
            )
            or "",
        }
        for row in rows
    ]


class InboxSummaryPanel(Component):
    """The Wagtail home panel: the user's units at a glance."""

    name = "feedback_inbox_summary"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = unit_counts(request.user)
        totals = {
            key: sum(row[key] for row in rows)
            for key in ("open", "overdue", "interim_owed", "new_today")
        }
        return {
            "rows": rows,
            "totals": totals,
            "leads": bool(unit_access(request.user).led),
            "last_digest": overdue_digest_last_run(),
            "inbox_url": reverse("feedback_inbox:index"),
            "report_url": reverse("feedback_tools:report"),
            "request": request,
        }

    def render_html(self, parent_context=None):
        if not is_unit_member(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


# --- unit report -------------------------------------------------------------------


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median of an interval column."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()
    allow_distinct = False


def _units_for(user):
    scope = visible_unit_ids(user)
    units = Unit.objects.order_by("name")
    return units if scope == ALL else units.filter(pk__in=scope)


class UnitReportView(SafeExportMixin, ReportView):
    """Volumes per week and median time to first answer for one unit, as an SVG
    chart and the same numbers as a table (and CSV/XLSX)."""

    page_title = _("Unit report")
    header_icon = "table"
    template_name = "feedback/admin/unit_report.html"
    results_template_name = "feedback/admin/unit_report_results.html"
    index_url_name = "feedback_tools:report"
    index_results_url_name = None
    paginate_by = None
    export_filename = "innspill-rapport"
    list_export = ["week", "received", "answered", "median_days"]
    export_headings = {
        "week": _("Week starting"),
        "received": _("Received"),
        "answered": _("Answered"),
        "median_days": _("Median days to first answer"),
    }
    WEEKS = (8, 13, 26, 52)

    def dispatch(self, request, *args, **kwargs):
        _require(is_unit_member, request.user)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def units(self):
        return list(_units_for(self.request.user))

    @cached_property
    def unit(self):
        wanted = self.request.GET.get("unit", "")
        for unit in self.units:
            if str(unit.pk) == wanted:
                return unit
        # Default: the first unit the user belongs to, else the first visible.
        own = set(self.request.user.unit_memberships.values_list("unit_id", flat=True))
        for unit in self.units:
            if unit.pk in own:
                return unit
        return self.units[0] if self.units else None

    @cached_property
    def weeks(self):
        try:
            weeks = int(self.request.GET.get("weeks", 26))
        except ValueError:
            weeks = 26
        return weeks if weeks in self.WEEKS else 26

    def filter_queryset(self, queryset):
        return queryset

    def get_queryset(self):
        if self.unit is None:
            return []
        now = timezone.now()
        this_week = timezone.localdate(now) - datetime.timedelta(
            days=timezone.localdate(now).weekday()
        )
        start_date = this_week - datetime.timedelta(weeks=self.weeks - 1)
        start = timezone.make_aware(
            datetime.datetime.combine(start_date, datetime.time())
        )
        rows = (
            submissions_visible_to(self.request.user)
            .filter(unit=self.unit, created_at__gte=start)
            .exclude(kind=InputKind.PAGE_FEEDBACK)
            .annotate(week=TruncWeek("created_at"))
            .values("week")
            .annotate(
                received=Count("pk"),
                answered=Count("pk", filter=Q(first_answered_at__isnull=False)),
                median=Median(
                    F("first_answered_at") - F("created_at"),
                    filter=Q(first_answered_at__isnull=False),
                ),
            )
            .order_by("week")
        )
        by_week = {
            timezone.localdate(row["week"])
            if isinstance(row["week"], datetime.datetime)
            else row["week"]: row
            for row in rows
        }
        result = []
        for i in range(self.weeks):
            week = start_date + datetime.timedelta(weeks=i)
            row = by_week.get(week, {})
            median = row.get("median")
            result.append(
                OrderedDict(
                    week=week,
                    received=row.get("received", 0),
                    answered=row.get("answered", 0),
                    median_days=round(median.total_seconds() / 86400, 1)
                    if median is not None
                    else None,
                )
            )
        return result

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        unit_name = self.unit.display_name if self.unit else ""
        volume_bars = [Bar(f"{row['week']:%d.%m}", row["received"]) for row in rows]
        median_bars = [
            Bar(f"{row['week']:%d.%m}", row["median_days"] or 0) for row in rows
        ]
        overall = self._overall_median()
        context.update(
            {
                "current": self._current(),
                "inbox_url": reverse("feedback_inbox:index"),
                "units": self.units,
                "unit": self.unit,
                "weeks": self.weeks,
                "week_choices": self.WEEKS,
                "overall_median": overall,
                "volume_chart": bar_chart_svg(
                    volume_bars,
                    chart_id="volum",
                    title=gettext("Inputs received per week – %(unit)s")
                    % {"unit": unit_name},
                    description=describe_series(
                        volume_bars, unit_label=gettext("inputs")
                    ),
                ),
                "median_chart": bar_chart_svg(
                    median_bars,
                    chart_id="svartid",
                    value_format="{:.1f}",
                    title=gettext("Median days to first answer per week – %(unit)s")
                    % {"unit": unit_name},
                    description=gettext("Weeks without answers show as 0."),
                ),
            }
        )
        return context

    def _current(self):
        """Today's open, overdue and interim-owed cases of the unit (the same
        rules as the dashboard and the inbox filters), and the share of the
        period's first answers given within the deadline (or the promised day)."""
        if self.unit is None:
            return None
        now = timezone.now()
        since = now - datetime.timedelta(weeks=self.weeks)
        counts = (
            submissions_visible_to(self.request.user)
            .filter(unit=self.unit)
            .aggregate(
                open=Count("pk", filter=clocks.open_case_q()),
                overdue=Count("pk", filter=clocks.overdue_q(now)),
                interim_owed=Count("pk", filter=clocks.interim_reply_owed_q(now)),
                answered=Count(
                    "pk", filter=clocks.answered_q() & Q(created_at__gte=since)
                ),
                in_time=Count(
                    "pk", filter=clocks.answered_in_time_q() & Q(created_at__gte=since)
                ),
            )
        )
        counts["share_in_time"] = (
            round(100 * counts["in_time"] / counts["answered"])
            if counts["answered"]
            else None
        )
        return counts

    def _overall_median(self):
        if self.unit is None:
            return None
        since = timezone.now() - datetime.timedelta(weeks=self.weeks)
        value = (
            submissions_visible_to(self.request.user)
            .filter(
                unit=self.unit, created_at__gte=since, first_answered_at__isnull=False
            )
            .aggregate(m=Median(F("first_answered_at") - F("created_at")))["m"]
        )
        return round(value.total_seconds() / 86400, 1) if value else None


# --- page feedback ----------------------------------------------------------------


class PageFeedbackReportView(SafeExportMixin, ReportView):
    """«Fant du det du lette etter?» per page: yes, no, comments. For editors."""

    page_title = _("Page feedback")
    header_icon = "help"
    template_name = "feedback/admin/page_feedback.html"
    results_template_name = "feedback/admin/page_feedback_results.html"
    index_url_name = "feedback_tools:page_feedback"
    paginate_by = 50
    export_filename = "sidetilbakemeldinger"
    list_export = ["page__title", "yes", "no", "comments", "total"]
    export_headings = {
        "page__title": _("Page"),
        "yes": _("Yes"),
        "no": _("No"),
        "comments": _("Comments"),
        "total": _("Total"),
    }
    PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}

    def dispatch(self, request, *args, **kwargs):
        _require(is_feedback_editor, request.user)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period(self):
        value = self.request.GET.get("periode", "90")
        return value if value in self.PERIODS else "90"

    def filter_queryset(self, queryset):
        return queryset

    def get_queryset(self):
        days = self.PERIODS[self.period]
        since = timezone.now() - datetime.timedelta(days=days) if days else None
        return page_feedback_stats(since=since, user=self.request.user)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period"] = self.period
        context["periods"] = [
            ("30", gettext("Last 30 days")),
            ("90", gettext("Last 90 days")),
            ("365", gettext("Last year")),
            ("all", gettext("All time")),
        ]
        page_id = self.request.GET.get("side", "")
        comments = []
        if page_id.isdigit():
            comments = list(
                submissions_visible_to(self.request.user)
                .filter(kind=InputKind.PAGE_FEEDBACK, page_id=int(page_id))
                .exclude(text="")
                .only("pk", "reference", "helpful", "text", "created_at")
                .order_by("-created_at")[:100]
            )
            context["comment_page"] = Page.objects.filter(pk=int(page_id)).first()
        context["comments"] = comments
        return context


# --- try the rules ------------------------------------------------------------------


class TryRulesView(WagtailAdminTemplateMixin, TemplateView):
    """Run the routing rules over the last N submissions: where each went, where it
    would go now. Optionally with one rule as edited but not yet saved (POSTed
    from the rule's edit form)."""

    template_name = "feedback/admin/try_rules.html"
    page_title = _("Try the rules")
    header_icon = "resubmit"
    LIMITS = (25, 50, 100, 250, 500)

    def dispatch(self, request, *args, **kwargs):
        _require(is_feedback_editor, request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        # A rule being edited: build it from the posted form without saving.
        from .viewsets import RoutingRuleViewSet

        form_class = RoutingRuleViewSet().get_form_class()
        instance = None
        rule_id = request.POST.get("rule_id", "")
        if rule_id.isdigit():
            instance = RoutingRule.objects.filter(pk=int(rule_id)).first()
        form = form_class(request.POST, instance=instance)
        if not form.is_valid():
            messages.error(
                request,
                gettext("The rule has errors; fix them in the form before trying it."),
            )
            return self.render_to_response(self.get_context_data(candidate_form=form))
        candidate = form.save(commit=False)
        return self.render_to_response(self.get_context_data(candidate=candidate))

    @cached_property
    def limit(self):
        try:
            value = int(self.request.GET.get("n") or self.request.POST.get("n") or 50)
        except ValueError:
            value = 50
        return value if value in self.LIMITS else 50

    def get_context_data(self, candidate=None, candidate_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        rules = list(RoutingRule.objects.select_related("page", "unit", "topic"))
        if candidate is not None:
            rules = [r for r in rules if r.pk != candidate.pk] + [candidate]
        only_changed = self.request.GET.get("endret") == "1"
        submissions = list(
            submissions_visible_to(self.request.user)
            .exclude(kind=InputKind.HEARING_RESPONSE)
            .select_related("topic__default_unit", "unit", "routing_rule")
            .order_by("-created_at", "-id")[: self.limit]
        )
        pages = self._specific_pages({s.page_id for s in submissions if s.page_id})
        from units.selectors import triage_unit

        triage = triage_unit()
        # A case a person moved is where a person wanted it: not a change the
        # rules would make, so shown apart and not counted as one.
        by_hand = set(
            SubmissionEvent.objects.filter(
                submission__in=submissions, kind=EventKind.REROUTED
            ).values_list("submission_id", flat=True)
        )
        rows, changed, moved = [], 0, 0
        for submission in submissions:
            facts = routing.facts_for(
                kind=submission.kind,
                subject=submission.subject,
                text=submission.text,
                postcode=submission.postcode,
                topic=submission.topic,
                page=pages.get(submission.page_id),
            )
            decision = routing.resolve(facts, rules, triage_unit=triage)
            moved_by_hand = submission.pk in by_hand
            is_changed = (
                not moved_by_hand
                and getattr(decision.unit, "pk", None) != submission.unit_id
            )
            changed += is_changed
            moved += moved_by_hand
            if only_changed and not is_changed:
                continue
            rows.append(
                {
                    "submission": submission,
                    "decision": decision,
                    "changed": is_changed,
                    "moved_by_hand": moved_by_hand,
                    "by_candidate": candidate is not None
                    and decision.rule is candidate,
                }
            )
        context.update(
            {
                "rows": rows,
                "changed": changed,
                "moved_by_hand": moved,
                "total": len(submissions),
                "limit": self.limit,
                "limits": self.LIMITS,
                "only_changed": only_changed,
                "candidate": candidate,
                "candidate_form": candidate_form,
            }
        )
        return context

    @staticmethod
    def _specific_pages(page_ids):
        if not page_ids:
            return {}
        pages = Page.objects.filter(pk__in=page_ids).specific()
        # page_responsible_unit reads `responsible_unit` on each; load them once.
        result = {}
        for page in pages:
            unit_id = getattr(page, "responsible_unit_id", None)
            if unit_id:
                page.responsible_unit  # noqa: B018 - warm the FK cache
            result[page.pk] = page
        return result
