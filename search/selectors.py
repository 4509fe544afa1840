"""Reads for the search pages and the statistics report."""

import datetime

from django.conf import settings
from django.db.models import F, FloatField, Sum
from django.db.models.functions import Cast, NullIf
from django.utils import timezone
from wagtail.models import Page

REPORT_DAYS = 30


def report_min_searches() -> int:
    return int(settings.PORTAL.get("SEARCH_REPORT_MIN_SEARCHES", 3))


def search_terms_report(*, days: int = REPORT_DAYS, zero_hits_only: bool = False):
    """Per search term over the last `days` days: searches, zero-hit searches,
    clicks and click-through rate (clicks / searches). A term is shown only when
    at least PORTAL["SEARCH_REPORT_MIN_SEARCHES"] searches used it: what one
    resident typed (a name, an address) is not statistics."""
    from .models import SearchTermDaily

    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    rows = (
        SearchTermDaily.objects.filter(date__gte=since)
        .values("query")
        .annotate(
            total_searches=Sum("searches"),
            total_zero_hits=Sum("zero_hits"),
            total_clicks=Sum("clicks"),
        )
        .annotate(
            click_through=Cast(F("total_clicks"), FloatField())
            / NullIf(Cast(F("total_searches"), FloatField()), 0.0)
        )
    )
    rows = rows.filter(total_searches__gte=report_min_searches())
    if zero_hits_only:
        rows = rows.filter(total_zero_hits__gt=0)
    return rows.order_by("-total_searches", "query")


def suggested_topics(language: str, limit: int = 8) -> list:
    """Topic pages to offer when a search finds nothing."""
    from home.models import TopicPage

    topics = list(
        TopicPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .only("id", "title", "url_path", "path", "depth", "locale_id")[:limit]
    )
    return topics


def click_target(page_id: int):
    """The live, public page a result click leads to (never an arbitrary URL)."""
    return Page.objects.live().public().filter(pk=page_id).first()
