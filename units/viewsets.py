from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Unit


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "parent", "email", "is_triage", "first_answer_days"]
    list_filter = ["is_triage"]
    search_fields = ["name", "slug", "email"]
    inspect_view_enabled = True


unit_viewset = UnitViewSet("units")
