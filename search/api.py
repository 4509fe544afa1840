"""The one search interface the views (and anyone else) call."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

from .backends import get_backend
from .documents import page_key
from .indexing import indexed_languages
from .query import ParsedQuery, parse
from .results import Filters, Hit, Results

PER_PAGE = 10
MAX_PAGE = 100


def search_language(language: str | None) -> str:
    """The content language to search: the one asked for if anything is indexed
    in it, else the site's default (most content exists only in Norwegian)."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    default = settings.LANGUAGE_CODE[:2]
    if language != default and language not in indexed_languages():
        return default
    return language


def search(
    query: str | ParsedQuery,
    *,
    filters=None,
    page: int = 1,
    language: str | None = None,
    per_page: int | None = None,
    correct: bool = True,
) -> Results:
    """Search the public pages and the other sources' public objects
    (citizen proposals).

    `query` is what the resident typed (any string: it is cleaned here),
    `filters` a dict (or Filters) of facet values: {"type": [...], "topic": [ids],
    "audience": [slugs]}. Returns hits for the page, facet counts, the total, a
    spelling suggestion, and the editors' best bets for the query (first page,
    no filters). With `correct`, a likely misspelling is searched for too: the
    PostgreSQL backend adds the likely spelling of an unknown word to the query
    itself; the Elasticsearch backend retries a query that finds nothing with the
    suggested spelling (Results.corrected says so).
    """
    parsed = query if isinstance(query, ParsedQuery) else parse(query)
    filters = Filters.from_dict(filters)
    page = min(max(int(page or 1), 1), MAX_PAGE)
    per_page = min(max(int(per_page or PER_PAGE), 1), 50)
    language = search_language(language)
    if not parsed:
        return Results(
            query=parsed.text, page=page, per_page=per_page, language=language
        )
    best_bets = [] if filters else best_bets_for(parsed)
    results = get_backend().search(
        parsed,
        filters=filters,
        page=page,
        per_page=per_page,
        language=language,
        exclude=tuple(b.key for b in best_bets if b.key),
        correct=correct,
    )
    if page == 1:
        results.best_bets = best_bets
    return results


def best_bets_for(query: ParsedQuery) -> list[Hit]:
    """Pages editors pinned for this query (Wagtail's search promotions), live
    ones only, in the editors' order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    promotions = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query.text)
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    bets = []
    for promotion in promotions:
        if promotion.page is not None:
            if not promotion.page.live:
                continue
            bets.append(
                Hit(
                    key=page_key(promotion.page.pk),
                    title=promotion.page.title,
                    url=promotion.page.url or "",
                    kind="",
                    snippet=promotion.description,
                )
            )
        elif promotion.external_link_url:
            bets.append(
                Hit(
                    key="",
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                    kind="",
                    snippet=promotion.description,
                )
            )
    return bets


def autocomplete(text: str, *, language: str | None = None, limit: int = 6):
    parsed = parse(text)
    if not parsed:
        return []
    return get_backend().autocomplete(
        parsed.text, language=search_language(language), limit=limit
    )
