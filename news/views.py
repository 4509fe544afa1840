from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors


def notices(request):
    """Every notice in force, and the last ones that ended: where a resident
    checks whether the boil-water notice is still on."""
    now = timezone.now()
    current = [
        selectors.notice_context(n)
        for n in selectors.sorted_by_rank(selectors.notices_in_force(now))
    ]
    ended = [
        selectors.notice_context(n)
        for n in selectors.ended_notices(now)[: selectors.HISTORY_SIZE]
    ]
    return TemplateResponse(
        request,
        "news/notices.html",
        {"current": current, "ended": ended, "title": _("Important notices")},
    )
