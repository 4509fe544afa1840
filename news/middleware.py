"""Fill every public page's notice slot on the way out, cached pages included."""

from django.utils import timezone

from . import selectors

PLACEHOLDER = b"<!--portal:notices-->"


class NoticeMiddleware:
    """Sits outside the page cache (portal.page_cache.PageCacheMiddleware) so that
    it acts on pages served from the cache as well as on rendered ones; the cache
    stores pages with the placeholder, never with a notice in them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return response
        content = response.content
        if PLACEHOLDER not in content:
            return response
        html = selectors.banner_html(
            language=getattr(request, "LANGUAGE_CODE", "nb"),
            now=timezone.now(),
            # The generation the page cache read for this request: no second read.
            generation=getattr(request, "portal_generation", None),
        )
        response.content = content.replace(PLACEHOLDER, html.encode(), 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
