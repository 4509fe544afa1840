"""Issue 12 §10: NUL bytes, bytes that are not UTF-8 and overlong segments in
every URL pattern give 400 or 404, and in the query string are ignored; never
a 500 or a logged traceback. Before, `/sak/abc%00def/` raised inside PostgreSQL's
driver on every request."""

from __future__ import annotations

import logging
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "abc%00def",
    "invalid-utf8": "abc%FF%FEdef",
    "overlong": "a" * 5000,
}
QUERY_NAMES = ("q", "t", "tema", "page", "side", "type", "next")


def _routes(patterns=None, prefix: str = "") -> list[str]:
    """Every URL pattern as a path with «{}» where a parameter goes."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = str(entry.pattern)
        pattern = re.sub(r"<(?:\w+:)?\w+>", "{}", pattern)  # path() converters
        pattern = re.sub(r"\(\?P<\w+>[^)]*\)", "{}", pattern)  # re_path groups
        pattern = pattern.lstrip("^").rstrip("$").replace("\\", "")
        if isinstance(entry, URLResolver):
            routes += _routes(entry.url_patterns, prefix + pattern)
        elif isinstance(entry, URLPattern):
            routes.append(prefix + pattern)
    return sorted({r for r in routes if not r.startswith(("admin/", "dokumenter/"))})


def _paths() -> list[tuple[str, str]]:
    cases = []
    for route in _routes():
        for name, value in HOSTILE.items():
            if "{}" in route:
                cases.append((name, "/" + route.replace("{}", value)))
            # A hostile segment appended to every route, and a hostile query.
            cases.append((name, "/" + route + value + "/"))
            # In the query: ignored like any malformed filter (tests/home).
            cases.append(
                (
                    f"{name} in query",
                    "/"
                    + route.replace("{}", "x")
                    + "?"
                    + "&".join(f"{q}={value}" for q in QUERY_NAMES),
                )
            )
    return cases


CASES = _paths()


def test_every_pattern_is_covered():
    routes = _routes()
    assert "sak/{}/" in routes and "sak/{}/kvittering/" in routes
    assert "folg/bekreft/{}/" in routes and any("hoering" in r for r in routes)


@pytest.mark.parametrize("method", ["get", "post"])
def test_hostile_urls_never_5xx(client, site, caplog, method, counted):
    statuses: dict[int, int] = {}
    failures = []
    # django.request does not propagate to the root logger: listen to it too.
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(caplog.handler)
    try:
        _send(client, method, statuses, failures, caplog)
    finally:
        request_logger.removeHandler(caplog.handler)
    counted(
        f"hostile URLs ({method.upper()}): {len(CASES)} requests over "
        f"{len(_routes())} URL patterns; by status {dict(sorted(statuses.items()))}"
    )
    assert not failures, failures
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert len(CASES) > 100, statuses


def _send(client, method, statuses, failures, caplog):
    with caplog.at_level(logging.ERROR):
        for name, path in CASES:
            response = getattr(client, method)(path)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                failures.append((name, path[:80], response.status_code))
            elif name == "nul" and response.status_code not in (400, 404, 405):
                failures.append((name, path[:80], response.status_code))
