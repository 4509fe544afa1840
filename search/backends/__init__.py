"""The search backend in use: PostgreSQL unless ELASTICSEARCH_URL is set
(settings.PORTAL_SEARCH_BACKEND)."""

from functools import cache

from django.conf import settings


def get_backend(name: str | None = None):
    return _backend(name or getattr(settings, "PORTAL_SEARCH_BACKEND", "postgres"))


@cache
def _backend(name: str):
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(url=settings.ELASTICSEARCH_URL)
    if name == "postgres":
        from .postgres import PostgresBackend

        return PostgresBackend()
    raise ValueError(f"Unknown search backend {name!r}")
