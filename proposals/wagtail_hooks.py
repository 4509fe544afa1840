"""Registrations only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path(
            "innbyggerforslag/",
            include(
                ("proposals.admin_urls", "proposals_admin"), namespace="proposals_admin"
            ),
        )
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        # Only a convenience: the views check selectors.can_handle themselves.
        return selectors.can_handle(request.user)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        _("Citizen proposals"),
        reverse("proposals_admin:list"),
        icon_name="group",
        order=250,
    )


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    actions.register_action("proposals.publish", _("Publish"), _("Proposal published"))
    actions.register_action(
        "proposals.refuse", _("Refuse"), _("Proposal not published")
    )
    actions.register_action(
        "proposals.same_content", _("Same content"), _("Same-content flag changed")
    )
    actions.register_action(
        "proposals.paper", _("Paper signatures"), _("Paper signatures registered")
    )
    actions.register_action(
        "proposals.submit", _("Submitted"), _("Proposal submitted to the council")
    )
    actions.register_action(
        "proposals.outcome", _("Council outcome"), _("The council's handling recorded")
    )
    actions.register_action(
        "proposals.signatures_internal",
        _("Internal signature list"),
        _("Internal signature list opened"),
    )


@hooks.register("records_retention")
def proposals_retention(now):
    from .services import retention_run

    return retention_run(now=now)


@hooks.register("feedback_case_panels")
def proposal_case_panel(request, submission):
    from .admin_views import case_panels

    return case_panels(request, submission)


@hooks.register("feedback_digest_sections")
def council_digest_section(user, unit_ids, now):
    from .digest import council_section

    return [council_section(unit_ids, now)]
