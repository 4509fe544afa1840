"""Bulk actions on the inbox: assign, re-route, close, mark as spam.

The objects come from `submissions_visible_to(request.user)` — including "select
all in listing", which re-applies the inbox filters to that same queryset — so a
bulk action can never reach another unit's submission. Each object goes through
the same service as the case view; refusals (a transition the table forbids, an
assignee outside the unit) are counted and reported, never silently skipped.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from . import services
from .admin_forms import BulkAssignForm, BulkReasonForm, BulkRerouteForm
from .choices import Status
from .filters import SubmissionFilterSet
from .models import Submission
from .selectors import can_act_on, submissions_visible_to


class SubmissionBulkAction(BulkAction):
    models = [Submission]
    template_name = "feedback/admin/bulk_confirm.html"
    confirm_label = ""

    # Bulk actions are built per request with the request; these two read the
    # user from it instead of the class-level defaults, which see every row.
    def get_queryset(self, model, object_ids):
        ids = [int(i) for i in object_ids if str(i).isdigit()]
        objects = list(
            submissions_visible_to(self.request.user)
            .filter(pk__in=ids)
            .select_related("unit")
            .order_by("-created_at")
        )
        if not objects:
            raise Http404
        return objects

    def get_all_objects_in_listing_query(self, parent_id):
        filterset = SubmissionFilterSet(
            self.request.GET,
            queryset=submissions_visible_to(self.request.user),
            request=self.request,
        )
        queryset = filterset.qs if filterset.is_valid() else filterset.queryset
        return queryset.values_list("pk", flat=True)

    def check_perm(self, obj):
        return can_act_on(self.request.user, obj)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "header_icon": "mail",
                "action_title": self.display_name,
                "confirm_label": self.confirm_label or self.display_name,
            }
        )
        return context

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "data": self.cleaned_form.cleaned_data if self.cleaned_form else {},
        }

    @classmethod
    def apply(cls, submission, *, user, data):  # pragma: no cover - per subclass
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, user=None, data=None, **kwargs):
        done, failed = 0, 0
        for submission in objects:
            try:
                cls.apply(submission, user=user, data=data or {})
            except ValidationError:
                failed += 1
            else:
                done += 1
        # BulkAction passes (parents, children) to get_success_message; we use
        # the second slot for the refusals.
        return done, failed

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d submission updated.",
            "%(count)d submissions updated.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
        if num_child_objects:
            message += " " + ngettext(
                "%(count)d was refused (not allowed from its current status or "
                "for its unit).",
                "%(count)d were refused (not allowed from their current status or "
                "for their unit).",
                num_child_objects,
            ) % {"count": num_child_objects}
        return message


class AssignBulkAction(SubmissionBulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected submissions")
    action_priority = 10
    form_class = BulkAssignForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    @classmethod
    def apply(cls, submission, *, user, data):
        services.submission_assign(
            submission=submission, by=user, assignee=data.get("assignee")
        )


class RerouteBulkAction(SubmissionBulkAction):
    display_name = _("Re-route")
    action_type = "reroute"
    aria_label = _("Send the selected submissions to another unit")
    action_priority = 20
    form_class = BulkRerouteForm

    @classmethod
    def apply(cls, submission, *, user, data):
        services.submission_reroute(
            submission=submission, by=user, unit=data["unit"], reason=data["reason"]
        )


class CloseBulkAction(SubmissionBulkAction):
    display_name = _("Close")
    action_type = "close"
    aria_label = _("Close the selected submissions")
    action_priority = 30
    form_class = BulkReasonForm
    target = Status.CLOSED

    @classmethod
    def apply(cls, submission, *, user, data):
        services.submission_transition(
            submission=submission,
            by=user,
            to_status=cls.target,
            reason=data.get("reason", ""),
        )


class SpamBulkAction(CloseBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark the selected submissions as spam")
    action_priority = 40
    target = Status.SPAM


BULK_ACTIONS = [AssignBulkAction, RerouteBulkAction, CloseBulkAction, SpamBulkAction]
