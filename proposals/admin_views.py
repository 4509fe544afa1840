"""The political secretariat's views in the admin: the list of proposals by
status, one proposal with its moderation, paper sheets and the council's
outcome, and the signature export.

Every view starts from `selectors.proposal_for_staff(user)` /
`proposals_for_staff(user)` (selectors.can_handle): a user outside the
secretariat gets 403 on the list and 404 on a proposal, whatever the menu
shows."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from feedback.choices import InputKind
from portal.exports import defuse

from . import rules, selectors, services
from .admin_forms import OutcomeForm, PaperForm, RefuseForm, SameContentForm
from .choices import AT_COUNCIL, Method, Status


class _Base(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.can_handle(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProposalListView(_Base):
    template_name = "proposals/admin/list.html"
    page_title = _("Citizen proposals")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        qs = selectors.with_counts(selectors.proposals_for_staff(self.request.user))
        if status in Status.values:
            qs = qs.filter(status=status)
        now = timezone.now()
        rows = [
            {
                "proposal": p,
                "stage": selectors.stage_of(p, now),
                "progress": selectors.progress(p),
                "clock": rules.council_clock(p.council_due_at, now)
                if p.status in AT_COUNCIL
                else "",
            }
            for p in qs.order_by("-created_at")[:200]
        ]
        context.update({"rows": rows, "status": status, "statuses": Status.choices})
        return context


class ProposalDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One proposal. Access is the selector's: a proposal the user may not
    handle is a 404, the same as one that does not exist."""

    template_name = "proposals/admin/detail.html"
    page_title = _("Citizen proposal")
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.proposal = None

    def get_proposal(self):
        if self.proposal is None:
            self.proposal = selectors.proposal_for_staff(
                self.request.user, self.kwargs["pk"]
            )
        return self.proposal

    def get_page_subtitle(self):
        return self.get_proposal().title

    def post(self, request, pk):
        proposal = self.get_proposal()
        action = request.POST.get("action", "")
        forms = {}
        try:
            if action == "publish":
                services.proposal_publish(proposal=proposal, by=request.user)
                messages.success(request, gettext("Published."))
            elif action == "refuse":
                form = forms["refuse"] = RefuseForm(request.POST)
                if form.is_valid():
                    services.proposal_refuse(
                        proposal=proposal, by=request.user, **form.cleaned_data
                    )
                    messages.success(
                        request, gettext("Not published; the initiator is told why.")
                    )
            elif action == "same_content":
                form = forms["same"] = SameContentForm(request.POST, proposal=proposal)
                if form.is_valid():
                    services.proposal_flag_same_content(
                        proposal=proposal, by=request.user, **form.cleaned_data
                    )
                    messages.success(request, gettext("Saved."))
            elif action == "paper":
                form = forms["paper"] = PaperForm(request.POST, request.FILES)
                if form.is_valid():
                    services.paper_sheet_register(
                        proposal=proposal,
                        by=request.user,
                        rows=form.cleaned_data["rows"],
                        upload=form.cleaned_data["sheet"],
                    )
                    messages.success(request, gettext("The signatures are registered."))
            elif action == "outcome":
                form = forms["outcome"] = OutcomeForm(request.POST)
                if form.is_valid():
                    services.proposal_record_outcome(
                        proposal=proposal, by=request.user, **form.cleaned_data
                    )
                    messages.success(
                        request, gettext("Saved and sent to the followers.")
                    )
            else:
                form = None
        except ValidationError as exc:
            target = next(iter(forms.values()), None)
            if target is not None and hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    target.add_error(field if field in target.fields else None, errors)
            else:
                messages.error(request, " ".join(exc.messages))
                return redirect("proposals_admin:detail", pk=proposal.pk)
        if all(f.is_bound and not f.errors for f in forms.values()):
            return redirect("proposals_admin:detail", pk=proposal.pk)
        return self.render_to_response(self.get_context_data(**forms))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.get_proposal()
        now = timezone.now()
        context.update(
            {
                "proposal": proposal,
                "stage": selectors.stage_of(proposal, now),
                "progress": selectors.progress(proposal),
                "clock": rules.council_clock(proposal.council_due_at, now),
                "events": proposal.events.select_related("actor"),
                "per_day": selectors.signatures_per_day(proposal),
                "sheets": proposal.sheets.all(),
                "refuse": kwargs.get("refuse") or RefuseForm(),
                "same": kwargs.get("same")
                or SameContentForm(
                    proposal=proposal,
                    initial={
                        "same_as": proposal.same_content_as_id,
                        "url": proposal.same_content_url,
                    },
                ),
                "paper": kwargs.get("paper") or PaperForm(),
                "outcome": kwargs.get("outcome") or OutcomeForm(),
                "Status": Status,
                "at_council": proposal.status in AT_COUNCIL,
            }
        )
        return context


def _version(request) -> tuple[bool, str]:
    internal = request.GET.get("versjon") == "intern"
    return internal, "intern" if internal else "offentlig"


def signature_export(request, pk: int):
    """The signature list as XLSX for the council's case. `?versjon=offentlig`
    (the default) shows names only of those who agreed; `intern` — the
    council's own copy, not for publication — shows every name and postcode.
    Names come from residents: every text cell is defused (portal.exports)."""
    from openpyxl import Workbook

    proposal = selectors.proposal_for_staff(request.user, pk)
    internal, version = _version(request)
    if internal:
        services.internal_list_opened(proposal=proposal, by=request.user, output="xlsx")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(gettext("Signatures"))
    sheet.append([defuse(proposal.title)])
    sheet.append(
        [
            gettext("Signed"),
            gettext("Name"),
            gettext("Postcode"),
            gettext("How"),
            gettext("Verified"),
        ]
    )
    hidden = gettext("(name not public)")
    labels = dict(Method.choices)
    for row in selectors.signature_list(proposal, internal=internal):
        sheet.append(
            [
                timezone.localtime(row.confirmed_at).replace(tzinfo=None),
                defuse(row.name) if row.name else hidden,
                defuse(row.postcode),
                str(labels.get(row.method, row.method)),
                gettext("yes") if row.verified else gettext("no"),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="underskrifter-{proposal.pk}-{version}-'
        f'{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    return response


def signature_print(request, pk: int):
    """The same list as a page to print or save as PDF for the council's case,
    public or internal as the XLSX; the internal one says so at the top."""
    proposal = selectors.proposal_for_staff(request.user, pk)
    internal = _version(request)[0]
    if internal:
        services.internal_list_opened(
            proposal=proposal, by=request.user, output="print"
        )
    labels = dict(Method.choices)
    rows = [
        (row, labels.get(row.method, row.method))
        for row in selectors.signature_list(proposal, internal=internal)
    ]
    return TemplateResponse(
        request,
        "proposals/admin/signature_list.html",
        {
            "proposal": proposal,
            "internal": internal,
            "rows": rows,
            "progress": selectors.progress(proposal, len(rows)),
            "printed": timezone.localtime(),
            "other_version": "offentlig" if internal else "intern",
        },
    )


class CouncilClockPanel(Component):
    """On the case view of a `proposal` input: the council's six months
    (kommuneloven § 12-1) and the way to the proposal's own page."""

    template_name = "proposals/admin/case_panel.html"

    def __init__(self, request, proposal):
        self.request, self.proposal = request, proposal

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        due = self.proposal.council_due_at
        return {
            "proposal": self.proposal,
            "clock": rules.council_clock(due, now)
            if self.proposal.status in AT_COUNCIL
            else "",
            "days_left": (self.proposal.council_last_day - timezone.localdate()).days
            if due
            else None,
            "can_handle": selectors.can_handle(self.request.user),
        }


def case_panels(request, submission):
    # Other kinds cost nothing: the case view's query count is pinned.
    if submission.kind != InputKind.PROPOSAL:
        return []
    proposal = selectors.proposal_of_submission(submission)
    return [CouncilClockPanel(request, proposal)] if proposal else []
