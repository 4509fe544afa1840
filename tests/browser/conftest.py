"""The browser harness: Debian's Chromium driven by Playwright, axe-core injected.

How to use it from any test module under tests/browser/ (or import the helpers):

    pytestmark = [pytest.mark.browser,
                  pytest.mark.django_db(transaction=True, serialized_rollback=True)]

    def test_my_page(page, live_server, portal_pages):
        assert_accessible(page, live_server, "/my/url/")

`page` is a fresh browser tab that records every request it makes; when the test
ends, the fixture fails it if any request went anywhere but the live server (no
third-party requests from public pages). `portal_pages` builds a small site (home,
topic, services, A–Å, standard pages) and returns its URLs. Add public URLs to
`PUBLIC_PAGES` in test_accessibility.py to have them checked in nb and en.

Without Chromium or node_modules/axe-core the tests are skipped with a loud reason;
with CI=true they fail instead (a missing browser must never look like a pass).
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections, transaction

# The live server must listen where the privacy check expects it: 127.0.0.1,
# not "localhost" (which may resolve to ::1 first).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _missing_prerequisites() -> list[str]:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(
            f"Chromium ({CHROMIUM}; install Debian's package: `make browser` "
            "or `apt-get install chromium`)"
        )
    if not AXE_JS.exists():
        missing.append(f"axe-core ({AXE_JS}; run `npm ci`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install -e '.[dev]')")
    return missing


@pytest.fixture(scope="module")
def chromium_browser(django_db_setup):
    missing = _missing_prerequisites()
    if missing:
        reason = "BROWSER TESTS NOT RUN - missing: " + "; ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop marked as running in this thread;
    # the test's own ORM calls are still synchronous, so Django's guard must be told
    # (only while the browser is alive).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # While that loop runs, Django's connection handler (asgiref Local) hands out
    # per-context connection objects instead of the thread's: they need the
    # database snapshot that serialized_rollback restores from.
    snapshots = {
        c.alias: getattr(c, "_test_serialized_contents", None)
        for c in connections.all()
    }
    try:
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                if snapshot is not None:
                    connections[alias]._test_serialized_contents = snapshot
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _public_base_url_is_the_live_server(request, settings):
    """Links in e-mails and receipts (portal.public_url) point at the live server,
    so a test can follow them as the resident (or the handler) would."""
    if "live_server" in request.fixturenames:
        server = request.getfixturevalue("live_server")
        settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": server.url}
        settings.WAGTAILADMIN_BASE_URL = server.url


@pytest.fixture
def page(chromium_browser, live_server):
    """A new tab (1280×800) that fails the test if it requests any other origin."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 800},
        locale="nb-NO",
        service_workers="block",
    )
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.requested_urls = requested  # for tests that want to look at them
    # Origins a test sends the resident to on purpose (the local stand-in for
    # ID-porten's login): navigations the resident chose, not third parties.
    tab.allowed_origins = set()
    yield tab
    context.close()
    foreign = [
        url
        for url in foreign_requests(requested, live_server.url)
        if _origin(url) not in tab.allowed_origins
    ]
    assert not foreign, (
        "Requests left the live server (privacy by default, no third parties):\n  "
        + "\n  ".join(foreign)
    )


def foreign_requests(urls: list[str], server_url: str) -> list[str]:
    """Every requested URL that is not on the live server's origin."""
    origin = _origin(server_url)
    return [
        url
        for url in urls
        if _origin(url) != origin and not url.startswith(("data:", "about:"))
    ]


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def visit(page, live_server, url: str, *, expect_status: int | None = 200):
    response = page.goto(live_server.url + url, wait_until="load")
    assert response is not None, url
    if expect_status is not None:
        assert response.status == expect_status, (url, response.status)
    return response


def sign_in(page, live_server, who, *, language: str | None = None) -> None:
    """Put a staff session into the tab, as if the person had signed in: `who`
    is a user (signed in here through Django's test client) or the value of a
    session cookie a fixture made. `language`: the admin's language cookie."""
    from django.test import Client

    if isinstance(who, str):
        session = who
    else:
        client = Client()
        client.force_login(who)
        session = client.cookies["sessionid"].value
    cookies = [{"name": "sessionid", "value": session, "url": live_server.url}]
    if language:
        cookies.append(
            {"name": "django_language", "value": language, "url": live_server.url}
        )
    page.context.add_cookies(cookies)


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the loaded page."""
    # Evaluated through DevTools rather than as a <script> tag: the page's own
    # Content-Security-Policy (script-src 'self') stays in force for everything else.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                               resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")).slice(0, 10),
                summary: v.nodes.length ? v.nodes[0].failureSummary : "",
            }));
        }""",
        AXE_TAGS,
    )
    return result


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def unlabelled_fields(page) -> list[str]:
    """Our own rule: axe accepts a placeholder as a label; we do not."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("input, select, textarea"))
            .filter(el => !["hidden", "submit", "button", "reset", "image"]
                          .includes((el.getAttribute("type") || "").toLowerCase()))
            .filter(el => el.labels === null || el.labels.length === 0)
            .filter(el => !el.closest("[hidden]"))
            .map(el => el.outerHTML.slice(0, 160))"""
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for target in v["targets"]:
            lines.append(f"    at {target}")
        if v["summary"]:
            lines.append("    " + v["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


def assert_accessible(page, live_server, url: str, *, expect_status: int = 200):
    """Load url; fail with a readable list if axe or our label rule finds problems."""
    visit(page, live_server, url, expect_status=expect_status)
    assert_stylesheets_loaded(page)
    violations = axe_violations(page)
    assert not violations, format_violations(url, violations)
    unlabelled = unlabelled_fields(page)
    assert not unlabelled, f"Fields without a <label> on {url}:\n" + "\n".join(
        unlabelled
    )


def assert_stylesheets_loaded(page):
    """The site's own CSS really applied (a page without styles passes axe's
    contrast checks for the wrong reason)."""
    loaded = page.evaluate(
        """() => Array.from(document.styleSheets)
            .filter(s => s.href).map(s => {
                try { return [s.href, s.cssRules.length]; }
                catch (e) { return [s.href, -1]; }
            })"""
    )
    assert loaded, "no stylesheets on the page"
    empty = [href for href, rules in loaded if rules <= 0]
    assert not empty, "stylesheets that did not load: " + json.dumps(empty)


@pytest.fixture
def portal_pages(transactional_db):
    """A small public site and the URLs of each page type."""
    with transaction.atomic():  # one commit instead of hundreds
        return _build_portal_pages()


def _build_portal_pages() -> dict:
    from tests.factories import UnitFactory, make_service, make_site

    site = make_site()
    unit = UnitFactory(slug="barnehage", name="Barnehage", phone="66 90 12 34")
    service = make_service(
        site["topic"],
        unit,
        "Søke barnehageplass",
        audiences=["innbyggere"],
        price="Gratis å søke.",
        processing_time="4 uker",
        who_can_get_it="<p>Alle med barn.</p>",
        how_to_apply="<p>Søk på nett.</p>",
    )
    other = make_service(
        site["topic"],
        unit,
        "Åpen barnehage",
        audiences=["innbyggere", "lag-og-foreninger"],
    )
    service.related_services.add(other)
    service.save_revision().publish()
    return {
        "home": site["home"].url,
        "topic": site["topic"].url,
        "service": service.url,
        "index": site["index"].url,
        "index_filtered": site["index"].url + "?malgruppe=innbyggere",
        "index_empty": site["index"].url + "?malgruppe=media",
        "too_long": site["index"].url + "?q=" + "x" * 5000,
        "standard": site["privacy"].url,
        "not_found": "/finnes-ikke/",
        "site": site,
    }
