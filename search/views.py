"""Public search pages: results (/sok/), result clicks and autocomplete."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.links import in_language
from units.selectors import triage_unit

from . import api, documents, selectors, services
from .models import ResultKind
from .query import MAX_QUERY_CHARS, parse, statistics_key
from .results import FACETS, Filters

NOINDEX = "noindex, nofollow"


def _page_number(value) -> int:
    value = (value or "1").strip()
    return int(value) if value.isdigit() and len(value) < 4 else 1


def _filters_from(params) -> Filters:
    return Filters.from_dict({name: params.getlist(name) for name in FACETS})


def _url(base: str, q: str, filters: Filters, **extra) -> str:
    params = [("q", q)]
    for name in FACETS:
        params += [(name, str(v)) for v in getattr(filters, name)]
    params += [(k, v) for k, v in extra.items() if v]
    return f"{base}?{urlencode(params)}"


def _toggle(filters: Filters, name: str, value: str) -> Filters:
    current = [str(v) for v in getattr(filters, name)]
    chosen = (
        [v for v in current if v != value] if value in current else [*current, value]
    )
    data = {n: [str(v) for v in getattr(filters, n)] for n in FACETS}
    data[name] = chosen
    return Filters.from_dict(data)


def _facet_groups(results, filters: Filters, base: str, q: str) -> list[dict]:
    """Facets as link lists (no JavaScript): each value toggles itself."""
    from home.models import Audience

    labels = {
        "type": {k: str(v) for k, v in ResultKind.choices},
        "audience": {a.slug: a.label for a in Audience.objects.all()}
        if results.facets.get("audience")
        else {},
    }
    headings = {"type": _("Type"), "topic": _("Topic"), "audience": _("For whom")}
    groups = []
    for name in FACETS:
        values = results.facets.get(name) or []
        if not values:
            continue
        chosen = [str(v) for v in getattr(filters, name)]
        items = []
        for facet in sorted(values, key=lambda f: (-f.count, f.label)):
            label = labels.get(name, {}).get(facet.value, facet.label)
            items.append(
                {
                    "label": label,
                    "count": facet.count,
                    "selected": facet.value in chosen,
                    "url": _url(base, q, _toggle(filters, name, facet.value)),
                }
            )
        groups.append({"name": name, "heading": headings[name], "items": items})
    return groups


def _question_url() -> str | None:
    # The question form belongs to the feedback app; link to it once it exists.
    try:
        return reverse("feedback:submit", kwargs={"kind": "sporsmal"})
    except NoReverseMatch:
        return None


@require_GET
def search_view(request):
    """The results page. Every input gives a page: the query is reduced to words
    before any backend sees it (search.query)."""
    raw = request.GET.get("q", "")
    query = parse(raw)
    filters = _filters_from(request.GET)
    page = _page_number(request.GET.get("side"))
    exact = request.GET.get("exakt") == "1"
    results = api.search(query, filters=filters, page=page, correct=not exact)
    base = request.path
    if query and page == 1 and not filters:
        services.search_term_record(
            query_key=statistics_key(query),
            total=results.total + len(results.best_bets),
        )
    context = {
        "query": query.text,
        "query_too_short": bool(query.text) and not query,
        "results": results,
        "facet_groups": _facet_groups(results, filters, base, query.text)
        if query
        else [],
        "active_filters": bool(filters),
        "clear_filters_url": _url(base, query.text, Filters()),
        "suggestion_url": _url(base, results.suggestion, filters)
        if results.suggestion
        else "",
        "original_url": _url(base, query.text, filters, exakt="1")
        if results.corrected
        else "",
        "previous_url": _url(base, query.text, filters, side=str(page - 1))
        if results.has_previous
        else "",
        "next_url": _url(base, query.text, filters, side=str(page + 1))
        if results.has_next
        else "",
        "click_key": statistics_key(query),
        "first_number": (results.page - 1) * results.per_page + 1,
        "max_query_chars": MAX_QUERY_CHARS,
    }
    if query and not results.total and not results.best_bets:
        context["topics"] = selectors.suggested_topics(results.language)
        context["servicetorget"] = triage_unit()
        context["question_url"] = _question_url()
    response = TemplateResponse(request, "search/search.html", context)
    response["X-Robots-Tag"] = NOINDEX
    return response


def _click(request, url: str | None):
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}
    ):
        raise Http404
    key = statistics_key(parse(request.GET.get("q", "")))
    services.search_click_record(query_key=key)
    response = HttpResponseRedirect(url)
    response["X-Robots-Tag"] = NOINDEX
    return response


@require_GET
@never_cache
def click_view(request, page_id: int):
    """Count a click from the results and send the resident on to the page.

    The target is looked up by page id: only live, public pages of this site are
    ever redirected to, so the endpoint cannot be used as an open redirect.
    """
    # The result in the resident's language where a translation or alias exists.
    page = in_language(selectors.click_target(page_id))
    return _click(request, page.get_url(request) if page is not None else None)


@require_GET
@never_cache
def click_source_view(request, source: str, pk: int):
    """The same for an object of another source (a published proposal): only
    what the source's own public rule lets through is redirected to."""
    found = documents.source(source)
    target = found.target(pk) if found is not None else None
    # In the resident's language: the URL is reversed in the active one.
    return _click(request, target.get_absolute_url() if target is not None else None)


@require_GET
def suggest_view(request):
    """Autocomplete: JSON titles and URLs for what has been typed so far."""
    hits = api.autocomplete(request.GET.get("q", ""))
    response = JsonResponse(
        {
            "results": [
                {"title": h.title, "url": h.url, "type": h.kind_label} for h in hits
            ]
        }
    )
    response["X-Robots-Tag"] = NOINDEX
    response["Cache-Control"] = "public, max-age=60"
    return response
