"""Counting the queries of one public page view, warm or cold (shared by the
tests that pin query counts)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.page_cache import invalidate


def count_queries(client, url, *, cold=False) -> int:
    """Queries of the second of two requests: the first warms per-process caches
    (content types, site root paths). cold=True drops every kept fragment before
    the counted request, as a publish does, so the builders are counted too."""
    client.get(url)
    if cold:
        invalidate()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


def count_all(client, urls: dict, *, cold=False) -> dict:
    return {name: count_queries(client, url, cold=cold) for name, url in urls.items()}
