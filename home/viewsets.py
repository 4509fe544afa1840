"""The language profile («språkprofil») in the admin, for editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PlainWord


class PlainWordViewSet(ModelViewSet):
    model = PlainWord
    icon = "edit"
    menu_label = _("Language profile")
    add_to_settings_menu = True
    menu_order = 911
    list_display = ["avoid", "instead"]
    search_fields = ["avoid", "instead"]
    form_fields = ["avoid", "instead"]


plain_word_viewset = PlainWordViewSet("language_profile")
