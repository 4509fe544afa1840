from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_CHARS = 200


def search_view(request):
    """Public search. Starts on Wagtail's database backend (norwegian config)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active())
            .specific().search(query, operator="or")
        )
    page = Paginator(results, 10).get_page(request.GET.get("side"))
    response = TemplateResponse(
        request, "search/search.html", {"query": query, "results": page}
    )
    response["X-Robots-Tag"] = "noindex"
    return response
