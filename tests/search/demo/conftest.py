"""The demo content, seeded once for every test in this package.

Seeding publishes ~150 pages (minutes on a busy machine), so it happens once, in
a transaction that stays open for the package and is rolled back at its end;
each test runs inside a savepoint of it (pytest-django's `db`).
"""

import io
import os

import pytest
from django.db import transaction

ES_SKIP_REASON = (
    "ELASTICSEARCH_URL is not set: the Elasticsearch contract tests did NOT run. "
    "Set ELASTICSEARCH_URL=http://host:9200 to run them against a real server."
)


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    from home import demo as home_demo
    from home.models import ServicePage
    from search import demo as search_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home_demo.seed(io.StringIO())
            search_demo.seed(io.StringIO())  # best bets, synonyms
            yield {
                p.slug: p
                for p in ServicePage.objects.filter(locale__language_code="nb")
            }
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(params=["postgres", "elasticsearch"])
def backend(request, demo, db, settings):
    """Each contract test runs once per backend, against the demo content."""
    from search.backends import _backend, get_backend
    from search.indexing import LANGUAGES_CACHE_KEY, rebuild

    if request.param == "elasticsearch":
        if not os.environ.get("ELASTICSEARCH_URL"):
            pytest.skip(ES_SKIP_REASON)
        settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        settings.ELASTICSEARCH_INDEX = "portal-test-pages"
    settings.PORTAL_SEARCH_BACKEND = request.param
    _backend.cache_clear()
    from django.core.cache import cache

    cache.delete(LANGUAGES_CACHE_KEY)
    if request.param == "elasticsearch":
        rebuild()
    yield get_backend()
    _backend.cache_clear()
    cache.delete(LANGUAGES_CACHE_KEY)


def pytest_terminal_summary(terminalreporter):
    if not os.environ.get("ELASTICSEARCH_URL"):
        terminalreporter.write_sep(
            "!", "Elasticsearch contract tests SKIPPED", yellow=True, bold=True
        )
        terminalreporter.write_line(ES_SKIP_REASON, yellow=True, bold=True)
