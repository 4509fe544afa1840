"""Refuse oversized and unreadable requests politely, before any view parses them."""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation

# Longer query strings than this are never produced by our own forms or links.
MAX_QUERY_STRING_BYTES = 4096
# No slug, reference or token of ours is longer than this: a longer path segment
# names nothing, and would only reach the database or the page tree as a query.
MAX_PATH_SEGMENT_CHARS = 255


def unreadable(raw: str) -> bool:
    """A NUL byte (PostgreSQL cannot store or compare one in text: every lookup
    with it raised) or bytes that are not UTF-8, percent-encoded or not."""
    data = unquote_to_bytes(raw)
    if b"\x00" in data:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


class BadRequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > MAX_QUERY_STRING_BYTES:
            return self._refuse(request, 414)
        # Django has decoded the path (%00 is a NUL in it; bytes that are not
        # UTF-8 stay percent-encoded, which no URL of ours matches).
        path = request.path_info
        if "\x00" in path or unreadable(query_string.replace("+", " ")):
            return self._refuse(request, 400)
        if any(len(part) > MAX_PATH_SEGMENT_CHARS for part in path.split("/")):
            return self._refuse(request, 404)
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
            template = {400: "400.html", 404: "404.html"}.get(status, "refused.html")
            response = TemplateResponse(
                request, template, {"status": status}, status=status
            )
            response.render()
        response["Content-Language"] = language
        return response
