from django.conf import settings
from django.http import JsonResponse
from django.utils.formats import number_format
from django.views.decorators.http import require_POST

from .readability import lix, plain_word_hits
from .selectors import language_profile

# An editor's page is rarely above a few thousand words; cap the work per request.
MAX_TEXT_CHARS = 200_000


@require_POST
def readability(request):
    """Score text for the editor's LIX panel (admin only; see wagtail_hooks)."""
    text = request.POST.get("text", "")[:MAX_TEXT_CHARS]
    result = lix(text, warn_above=settings.PORTAL["LIX_WARN"])
    # Shown as the panel shows it on opening (floatformat:1 in the admin's
    # language: «37,8»), so one score looks the same however it was computed.
    return JsonResponse(
        {
            **result.as_dict(),
            "score_display": number_format(result.score, 1),
            "plain_words": plain_word_hits(text, language_profile()),
        }
    )
