"""Registrations only. The admin inbox, case view and reports register here too."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import InboxSummaryPanel
from .bulk_actions import BULK_ACTIONS
from .models import KindDeadline, ResponseTemplate, RoutingRule, Submission, Topic
from .permissions import (
    FeedbackEditorPermissionPolicy,
    ResponseTemplatePolicy,
    SubmissionPermissionPolicy,
)
from .viewsets import FeedbackViewSetGroup


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    # Every service in feedback.services writes one of these to Wagtail's audit log.
    actions.register_action("feedback.create", _("Received"), _("Input received"))
    actions.register_action("feedback.viewed", _("Case opened"), _("Case opened"))
    actions.register_action("feedback.reply", _("Reply"), _("Replied to resident"))
    actions.register_action(
        "feedback.interim_reply",
        _("Interim reply"),
        _("Interim reply sent to resident"),
    )
    actions.register_action(
        "feedback.note", _("Internal note"), _("Internal note added")
    )
    actions.register_action("feedback.assign", _("Assign"), _("Assigned"))
    actions.register_action(
        "feedback.reroute", _("Re-route"), _("Sent to another unit")
    )
    actions.register_action(
        "feedback.transition", _("Status change"), _("Status changed")
    )
    actions.register_action("feedback.reopen", _("Reopen"), _("Reopened"))
    actions.register_action(
        "feedback.anonymise", _("Anonymise"), _("Personal data removed")
    )
    # Admin-side actions (feedback.admin_views) that are not service writes.
    actions.register_action(
        "feedback.attachment_download",
        _("Attachment download"),
        _("Attachment downloaded"),
    )
    actions.register_action(
        "feedback.attachment_quarantined",
        _("Quarantine"),
        _("Attachment quarantined: a virus was found"),
    )
    actions.register_action(
        "feedback.rights_export", _("Rights export"), _("Exported for a rights request")
    )


# --- the admin: inbox, case view, reports, tools (registrations only) ---------------
# Access to submissions is decided by unit membership through the selector, not by
# Django model permissions; the policies must be registered before the viewsets
# (which would otherwise create ModelPermissionPolicy fallbacks).
register_permission_policy(Submission, SubmissionPermissionPolicy(Submission))
register_permission_policy(Topic, FeedbackEditorPermissionPolicy(Topic))
register_permission_policy(RoutingRule, FeedbackEditorPermissionPolicy(RoutingRule))
register_permission_policy(ResponseTemplate, ResponseTemplatePolicy(ResponseTemplate))
register_permission_policy(KindDeadline, FeedbackEditorPermissionPolicy(KindDeadline))


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return FeedbackViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_inbox_summary_panel(request, panels):
    panels.append(InboxSummaryPanel())


for _bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", _bulk_action)
