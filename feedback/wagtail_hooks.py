"""Registrations only. The admin inbox, case view and reports register here too."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    # Every service in feedback.services writes one of these to Wagtail's audit log.
    actions.register_action("feedback.create", _("Received"), _("Input received"))
    actions.register_action("feedback.reply", _("Reply"), _("Replied to resident"))
    actions.register_action("feedback.interim_reply", _("Interim reply"),
                            _("Interim reply sent to resident"))
    actions.register_action("feedback.note", _("Internal note"),
                            _("Internal note added"))
    actions.register_action("feedback.assign", _("Assign"), _("Assigned"))
    actions.register_action("feedback.reroute", _("Re-route"),
                            _("Sent to another unit"))
    actions.register_action("feedback.transition", _("Status change"),
                            _("Status changed"))
    actions.register_action("feedback.reopen", _("Reopen"), _("Reopened"))
    actions.register_action("feedback.anonymise", _("Anonymise"),
                            _("Personal data removed"))
