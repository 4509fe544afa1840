from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from . import services
from .models import NoticeTemplate


def notice_from_template(request, pk: int):
    """GET: what the draft will say; POST: make it (never on a GET, which link
    previews and prefetching also send)."""
    if not request.user.has_perm("news.add_notice"):
        raise PermissionDenied
    template = get_object_or_404(NoticeTemplate, pk=pk)
    if request.method == "POST":
        notice = services.notice_from_template(template=template, by=request.user)
        messages.success(
            request,
            _("A draft from «%(template)s»: fill in the details, then publish.")
            % {"template": template.name},
        )
        return redirect("wagtailsnippets_news_notice:edit", notice.pk)
    return TemplateResponse(
        request,
        "news/admin/use_template.html",
        {
            "template": template,
            "page_title": _("Use template"),
            "page_subtitle": template.name,
            "header_icon": "warning",
        },
    )
