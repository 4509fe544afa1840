"""Search in a real browser: results, facets, zero hits and the autocomplete
combobox (WAI-ARIA combobox pattern), axe-clean in nb and en."""

import pytest

from tests.browser.conftest import assert_accessible, axe_violations, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEARCH_PAGES = [
    "/sok/",
    "/sok/?q=barnehage",
    "/sok/?q=barnehage&type=service",
    "/sok/?q=barnehageplas",
    "/sok/?q=xyzzyplugh",
    "/sok/?q=%26%7C%21%3A%2A%28%29",
]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_search_pages_have_no_wcag_violations(
    page, live_server, portal_pages, url, prefix
):
    assert_accessible(page, live_server, prefix + url)
    assert page.locator("h1").count() == 1


def test_autocomplete_combobox(page, live_server, portal_pages):
    visit(page, live_server, portal_pages["home"])
    box = page.locator("#search-home")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.click()
    box.press_sequentially("barneh", delay=30)
    listbox = page.locator("#search-home-listbox")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "search-home-listbox"
    assert "Søke barnehageplass" in listbox.inner_text()
    assert axe_violations(page) == []  # with the list open
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert (
        active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    )
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/barnehage/**")
    assert page.locator("h1").inner_text() in {"Søke barnehageplass", "Åpen barnehage"}


def test_search_form_submits_without_javascript(
    chromium_browser, live_server, portal_pages
):
    context = chromium_browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(live_server.url + portal_pages["home"])
        tab.fill("#search-home", "barnehageplass")
        tab.press("#search-home", "Enter")
        tab.wait_for_url("**/sok/?q=barnehageplass")
        assert "Søke barnehageplass" in tab.locator("main").inner_text()
        tab.get_by_role("link", name="Tjeneste (2)").click()
        assert "type=service" in tab.url
    finally:
        context.close()
