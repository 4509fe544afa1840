"""The «Archive and privacy» menu: the archive overview, rights requests and the
topics screened by default."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from feedback.permissions import is_feedback_editor

from .models import TopicScreening


class _Link(ViewSet):
    url_name = ""
    shown_for = staticmethod(is_feedback_editor)

    def get_urlpatterns(self):
        return []

    def on_register(self):
        pass

    @cached_property
    def menu_url(self):
        return reverse(self.url_name)

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        shown_for = self.shown_for
        return type(
            f"{self.__class__.__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda self, request: shown_for(request.user)},
        )


class ArchiveMenu(_Link):
    name = "records_archive_menu"
    icon = "folder-open-inverse"
    menu_label = _("Archive")
    url_name = "records:overview"


def _can_handle(user):
    from .rights import can_handle

    return can_handle(user)


class RightsMenu(_Link):
    name = "records_rights_menu"
    icon = "user"
    menu_label = _("Rights requests")
    url_name = "records:rights"
    shown_for = staticmethod(_can_handle)


class TopicScreeningViewSet(ModelViewSet):
    model = TopicScreening
    name = "records_screening"
    url_prefix = "arkiv/skjerming"
    icon = "lock"
    menu_label = _("Screening by topic")
    list_display = ["topic", "screening_code", "screening_authority"]
    form_fields = ["topic", "screening_code", "screening_authority"]
    copy_view_enabled = False
    inspect_view_enabled = False


class RecordsViewSetGroup(ViewSetGroup):
    menu_label = _("Archive and privacy")
    menu_icon = "folder-open-inverse"
    menu_name = "arkiv"
    menu_order = 160
    items = (ArchiveMenu, RightsMenu, TopicScreeningViewSet)
