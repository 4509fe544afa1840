from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .readability import lix

# An editor's page is rarely above a few thousand words; cap the work per request.
MAX_TEXT_CHARS = 200_000


@require_POST
def readability(request):
    """Score text for the editor's LIX panel (admin only; see wagtail_hooks)."""
    text = request.POST.get("text", "")[:MAX_TEXT_CHARS]
    return JsonResponse(lix(text, warn_above=settings.PORTAL["LIX_WARN"]).as_dict())
