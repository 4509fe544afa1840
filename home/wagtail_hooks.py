from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Audience, LifeSituation
from .reports import may_see, readability_report_view
from .views import readability
from .viewsets import plain_word_viewset


@hooks.register("register_admin_urls")
def register_readability_url():
    # Admin URLs require a logged-in user with admin access.
    return [
        path("readability/", readability, name="home_readability"),
        path(
            "reports/lesbarhet/",
            readability_report_view,
            name="home_readability_report",
        ),
    ]


class ReadabilityReportItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_readability_report():
    return ReadabilityReportItem(
        _("Readability of the pages"),
        reverse("home_readability_report"),
        name="portal-readability",
        icon_name="doc-full",
        order=1320,
    )


@hooks.register("register_admin_viewset")
def register_language_profile():
    return plain_word_viewset


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "name_en", "slug"]


class LifeSituationViewSet(SnippetViewSet):
    model = LifeSituation
    icon = "user"
    list_display = ["name", "name_en", "slug"]


register_snippet(AudienceViewSet)
register_snippet(LifeSituationViewSet)
