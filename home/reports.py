"""The site-wide readability report (issue 15, «a site-wide readability report
listing the hardest pages by unit»): every live page's LIX, hardest first,
filtered by responsible unit. For those who may edit pages."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from units.models import Unit

from .selectors import readability_report


def may_see(user) -> bool:
    return user.is_active and PagePermissionPolicy().user_has_any_permission(
        user, {"add", "change", "publish"}
    )


def readability_report_view(request):
    if not may_see(request.user):
        raise PermissionDenied
    unit_id = request.GET.get("enhet", "")
    unit_id = int(unit_id) if unit_id.isdigit() else None
    rows = readability_report(language_code=settings.LANGUAGE_CODE, unit_id=unit_id)
    return TemplateResponse(
        request,
        "home/admin/readability_report.html",
        {
            "page_title": _("Readability of the pages"),
            "rows": rows,
            "units": Unit.objects.order_by("name"),
            "unit_id": unit_id,
            "aim": settings.PORTAL["LIX_AIM"],
            "warn_above": settings.PORTAL["LIX_WARN"],
            "hard": sum(1 for row in rows if row.lix.warn),
        },
    )
