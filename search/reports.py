"""Admin report: what residents search for, what they do not find, and what they
click (last 30 days). Wagtail ReportView over search.selectors."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from portal.exports import SafeExportMixin

from .models import SearchTermDaily
from .selectors import REPORT_DAYS, search_terms_report

VIEW_PERMISSION = "portal_search.view_searchtermdaily"


class PercentColumn(Column):
    def get_value(self, instance):
        value = instance.get("click_through")
        return "–" if value is None else f"{value * 100:.0f} %"


class SearchTermsFilterSet(WagtailFilterSet):
    results = ChoiceFilter(
        label=_("Results"),
        method="filter_results",
        empty_label=_("All"),
        choices=[("none", _("Only searches without results"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchTermDaily
        fields = []

    def filter_results(self, queryset, name, value):
        if value == "none":
            return queryset.filter(total_zero_hits__gt=0)
        return queryset


class SearchTermsReportView(SafeExportMixin, ReportView):
    page_title = _("Search terms (last 30 days)")
    header_icon = "search"
    index_url_name = "portal_search_report"
    index_results_url_name = "portal_search_report_results"
    filterset_class = SearchTermsFilterSet
    default_ordering = "-total_searches"
    columns = [
        Column("query", label=_("Search term"), sort_key="query"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        NumberColumn(
            "total_zero_hits", label=_("Without results"), sort_key="total_zero_hits"
        ),
        NumberColumn("total_clicks", label=_("Clicks"), sort_key="total_clicks"),
        PercentColumn(
            "click_through", label=_("Click-through"), sort_key="click_through"
        ),
    ]
    export_filename = "sokeord"
    list_export = [
        "query",
        "total_searches",
        "total_zero_hits",
        "total_clicks",
        "click_through",
    ]
    export_headings = {
        "query": _("Search term"),
        "total_searches": _("Searches"),
        "total_zero_hits": _("Without results"),
        "total_clicks": _("Clicks"),
        "click_through": _("Click-through"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        return search_terms_report(days=REPORT_DAYS)

    def get_queryset(self):
        return self.get_base_queryset()
