"""Registrations only."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .admin_views import HearingCountsPanel
from .models import Consultee, HearingPage


@hooks.register("register_admin_urls")
def register_hearings_admin_urls():
    # Under /admin/: Wagtail requires a logged-in user with admin access.
    return [path("horinger/", include(admin_urls, namespace="hearings_admin"))]


@hooks.register("register_admin_menu_item")
def register_hearings_menu_item():
    return MenuItem(
        _("Hearing responses"),
        reverse("hearings_admin:overview"),
        icon_name="doc-full",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_hearing_counts_panel(request, panels):
    panels.append(HearingCountsPanel())


@hooks.register("register_log_actions")
def register_hearing_log_actions(actions):
    actions.register_action(
        "hearings.summary_internal",
        _("Internal summary opened"),
        _("Internal summary with the original responses opened"),
    )
    actions.register_action(
        "hearings.publication.approved",
        _("Response published"),
        _("Hearing response published"),
    )
    actions.register_action(
        "hearings.publication.approved_redacted",
        _("Response published with redactions"),
        _("Hearing response published with redactions"),
    )
    actions.register_action(
        "hearings.publication.withheld",
        _("Response withheld"),
        _("Hearing response withheld"),
    )


def _warn_editor(request, page):
    # The same non-blocking advice as the Checks panel, as a message after saving.
    if isinstance(page.specific, HearingPage):
        for warning in page.specific.editor_warnings():
            messages.warning(request, warning)


hooks.register("after_create_page", _warn_editor)
hooks.register("after_edit_page", _warn_editor)


class ConsulteeViewSet(SnippetViewSet):
    model = Consultee
    icon = "group"
    list_display = ["name", "name_en", "statutory"]


register_snippet(ConsulteeViewSet)
