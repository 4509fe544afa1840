"""Refuse oversized requests politely, before any view parses them."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation

# Longer query strings than this are never produced by our own forms or links.
MAX_QUERY_STRING_BYTES = 4096


class BadRequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > MAX_QUERY_STRING_BYTES:
            return self._refuse(request, 414)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PORTAL_MAX_REQUEST_BYTES:
            return self._refuse(request, 413)
        return self.get_response(request)

    def _refuse(self, request, status):
        # The error template extends base.html; render it without the (possibly
        # unparseable) query string to be safe.
        request.META["QUERY_STRING"] = ""
        # This runs before LocaleMiddleware: take the language from the path, so
        # that /en/… is refused in English.
        language = (
            translation.get_language_from_path(request.path_info)
            or settings.LANGUAGE_CODE
        )
        with translation.override(language):
            response = TemplateResponse(
                request, "refused.html", {"status": status}, status=status
            )
            response.render()
        response["Content-Language"] = language
        return response
