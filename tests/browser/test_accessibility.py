"""WCAG 2.0/2.1 A+AA in a real browser (axe-core in Debian's Chromium), keyboard
use, small screens and privacy (no third-party requests) on every public page type.
"""

import pytest

from tests.browser.conftest import assert_accessible, foreign_requests, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Keys of the `portal_pages` fixture, or absolute paths. Other apps add theirs here.
PUBLIC_PAGES = [
    ("home", 200),
    ("topic", 200),
    ("service", 200),
    ("index", 200),
    ("index_filtered", 200),
    ("index_empty", 200),  # "no services match"
    ("too_long", 414),  # the refusal page
    ("standard", 200),
    ("not_found", 404),
]
LANGUAGE_PREFIXES = ["", "/en"]


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES, ids=["nb", "en"])
@pytest.mark.parametrize(
    ("name", "status"), PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES]
)
def test_page_has_no_wcag_violations(
    page, live_server, portal_pages, name, status, prefix
):
    url = prefix + portal_pages.get(name, name)
    assert_accessible(page, live_server, url, expect_status=status)
    expected_lang = "en" if prefix == "/en" else "nb"
    assert page.get_attribute("html", "lang") == expected_lang
    assert page.locator("h1").count() == 1
    assert page.locator("main#main-content").count() == 1


def test_site_css_is_applied(page, live_server, portal_pages):
    visit(page, live_server, portal_pages["home"])
    # The brand colour of the header comes from portal/static/portal/css/portal.css,
    # served by the live server's static-files handler.
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.portal-header')).backgroundColor"
    )
    assert background == "rgb(0, 89, 79)"
    stylesheet_responses = [u for u in page.requested_urls if u.endswith(".css")]
    assert len(stylesheet_responses) >= 3


def test_skip_link_moves_focus_to_main(page, live_server, portal_pages):
    visit(page, live_server, portal_pages["service"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    # The skip link is visible while it has focus.
    assert page.locator(".ds-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#main-content')")


def test_focus_is_visible(page, live_server, portal_pages):
    visit(page, live_server, portal_pages["topic"])
    # Keyboard focus (Tab) so :focus-visible applies, on a link inside main.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [document.activeElement.tagName, s.outlineStyle,
                           s.outlineWidth, s.boxShadow]; }"""
    )
    tag, outline_style, outline_width, box_shadow = style
    assert tag == "A"
    assert (outline_style != "none" and outline_width != "0px") or box_shadow != "none"


@pytest.mark.parametrize("name", ["home", "service", "index"])
def test_no_horizontal_scroll_at_320px(page, live_server, portal_pages, name):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, portal_pages[name])
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{name}: content {widths[0]}px in {widths[1]}px"


def test_privacy_check_catches_foreign_requests(
    chromium_browser, live_server, portal_pages
):
    """The page fixture's origin check is real: a foreign request is noticed."""
    context = chromium_browser.new_context()
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    # Answered inside the browser: nothing actually leaves the machine.
    tab.route("https://cdn.example.org/**", lambda route: route.fulfill(body="x"))
    tab.goto(live_server.url + portal_pages["home"])
    assert foreign_requests(requested, live_server.url) == []
    tab.goto("https://cdn.example.org/x.js")
    context.close()
    assert foreign_requests(requested, live_server.url) == [
        "https://cdn.example.org/x.js"
    ]


def test_harness_reports_violations(page, live_server, portal_pages):
    """axe and our label rule do fail a page with an unlabelled field."""
    from tests.browser.conftest import axe_violations, unlabelled_fields

    visit(page, live_server, portal_pages["home"])
    page.evaluate(
        """() => { const input = document.createElement("input");
                   input.type = "text"; input.id = "bad";
                   document.querySelector("main").append(input); }"""
    )
    assert "label" in {v["id"] for v in axe_violations(page)}
    # axe accepts a placeholder as the name; our own rule does not.
    page.evaluate("document.getElementById('bad').placeholder = 'Navn'")
    assert "label" not in {v["id"] for v in axe_violations(page)}
    assert len(unlabelled_fields(page)) == 1


@pytest.mark.urls("tests.portal.urls_boom")
def test_500_page_has_no_wcag_violations(page, live_server, portal_pages):
    assert_accessible(page, live_server, "/boom/", expect_status=500)
    assert page.get_attribute("html", "lang") == "nb"
