"""Admin for synonym groups (editors): Wagtail ModelViewSet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Synonym


class SynonymViewSet(ModelViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    menu_order = 910
    list_display = ["__str__"]
    form_fields = ["words"]


synonym_viewset = SynonymViewSet("search_synonyms")
