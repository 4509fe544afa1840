"""Writes of the search app: the anonymous search-term statistics."""

from django.db import connection, transaction
from django.utils import timezone

from .models import SearchTermDaily


def _bump(
    *, query_key: str, searches: int = 0, zero_hits: int = 0, clicks: int = 0
) -> None:
    if not query_key:
        return
    table = SearchTermDaily._meta.db_table
    # One upsert, safe under concurrent requests for the same term. A counter
    # need not wait for the disk: asynchronous commit spares every search an
    # fsync (at worst the last moments' counts are lost in a crash).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        cursor.execute(
            f"""INSERT INTO {table} (date, query, searches, zero_hits, clicks)
                VALUES (%s, %s, %s, %s, %s)
                ON CONFLICT (date, query) DO UPDATE SET
                    searches = {table}.searches + EXCLUDED.searches,
                    zero_hits = {table}.zero_hits + EXCLUDED.zero_hits,
                    clicks = {table}.clicks + EXCLUDED.clicks""",  # noqa: S608
            [timezone.localdate(), query_key[:100], searches, zero_hits, clicks],
        )


def search_term_record(*, query_key: str, total: int) -> None:
    """Count one search for the term, and a zero-hit search when nothing came up."""
    _bump(query_key=query_key, searches=1, zero_hits=int(total == 0))


def search_click_record(*, query_key: str) -> None:
    """Count a click from the results of the term to a page."""
    _bump(query_key=query_key, clicks=1)


def search_terms_prune(now) -> dict[str, int]:
    """The daily retention run («records_retention»): a day's count of a term
    that fewer than PORTAL["SEARCH_REPORT_MIN_SEARCHES"] searches used is a
    log of what single residents typed, names included. It is deleted once the
    day is over (kept one day, never shown in the report)."""
    from .selectors import report_min_searches

    deleted, _ = SearchTermDaily.objects.filter(
        date__lt=timezone.localdate(now), searches__lt=report_min_searches()
    ).delete()
    return {"search_terms": deleted}
