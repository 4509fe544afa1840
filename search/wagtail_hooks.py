"""Registrations only: the search-terms report and its permission."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import VIEW_PERMISSION, SearchTermsReportView
from .services import search_terms_prune
from .viewsets import synonym_viewset


@hooks.register("register_admin_viewset")
def register_synonym_viewset():
    return synonym_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    view = SearchTermsReportView.as_view()
    results = SearchTermsReportView.as_view(results_only=True)
    return [
        path("reports/sokeord/", view, name="portal_search_report"),
        path("reports/sokeord/results/", results, name="portal_search_report_results"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Search terms and results"),
        reverse("portal_search_report"),
        name="portal-search-terms",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="portal_search",
        # The synonym viewset registers its own add/change/delete permissions.
        codename="view_searchtermdaily",
    )


# The daily retention run (records.retention) drops the rare terms' daily counts.
hooks.register("records_retention", search_terms_prune)
