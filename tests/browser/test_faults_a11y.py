"""The pages of a bad day in a real browser (issue 12 §3, §11): the refusal of a
text over 2.5 MB and the 503 page of a database outage, checked with axe-core at
1280 and 320 px, walked by keyboard, and «Send på nytt» really sends.

The outage page is the real response of portal.middleware.outage_response for
the resident's POST; the browser receives it through Playwright's routing (the
live server runs in another thread, whose database session this test cannot
cut mid-request). Its stylesheets and the re-post go to the live server."""

from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory

from tests.browser.conftest import (
    assert_stylesheets_loaded,
    axe_violations,
    format_violations,
    unlabelled_fields,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FORM = "/si-din-mening/sporsmal/"


def _clean_at_both_widths(page, where, tmp_path):
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert_stylesheets_loaded(page)
        violations = axe_violations(page)
        assert not violations, format_violations(f"{where} @{width}", violations)
        assert unlabelled_fields(page) == [], where
        # Reflow (WCAG 1.4.10): nothing wider than the window at 320 px.
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth + 1"
        ), f"{where} scrolls sideways at {width} px"
        page.screenshot(path=str(tmp_path / f"{where}-{width}.png"), full_page=False)


def test_oversized_text_refused_with_limit_and_text(
    page, live_server, portal_pages, tmp_path
):
    visit(page, live_server, FORM)
    text = "Lang tekst om brøyting. " * 120_000  # 2.9 MB, over Django's 2.5 MB
    page.evaluate("(t) => { document.querySelector('#id_text').value = t; }", text)
    page.fill("#id_subject", "Brøyting")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert "Teksten er lengre enn vi kan ta imot" in page.content()
    assert page.input_value("#kept-text") == text
    _clean_at_both_widths(page, "refused-oversized", tmp_path)


def test_outage_page_accessible_and_send_again_sends(
    page, live_server, portal_pages, tmp_path, settings
):
    from feedback.models import Submission
    from portal.middleware import outage_response

    # The resident is quick here; the time trap is not what is tested.
    settings.PORTAL = {**settings.PORTAL, "FORM_MIN_FILL_SECONDS": 0}
    text = "Det er et stort hull i Kirkeveien <ved nr. 12>."
    outage = {"served": False}

    def handle(route):
        # The browser's first POST meets the outage: the page is what the
        # middleware answers to exactly that request (its body and cookies).
        if route.request.method != "POST" or outage["served"]:
            route.continue_()
            return
        outage["served"] = True
        headers = route.request.headers
        request = RequestFactory().generic(
            "POST",
            FORM,
            data=route.request.post_data_buffer,
            content_type=headers["content-type"],
        )
        cookies = SimpleCookie(headers.get("cookie", ""))
        request.COOKIES = {key: morsel.value for key, morsel in cookies.items()}
        # What CsrfViewMiddleware does before any view: the cookie's secret.
        request.META["CSRF_COOKIE"] = request.COOKIES[django_settings.CSRF_COOKIE_NAME]
        html = outage_response(request, cause="database").content.decode()
        route.fulfill(status=503, body=html, content_type="text/html; charset=utf-8")

    page.route(live_server.url + FORM, handle)
    visit(page, live_server, FORM)
    page.fill("#id_subject", "Hull i veien")
    page.fill("#id_text", text)
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert outage["served"]
    heading = page.locator("h1").inner_text()
    assert heading == "Vi kunne ikke ta imot skjemaet akkurat nå"
    assert page.input_value("#kept-text") == text
    _clean_at_both_widths(page, "outage", tmp_path)

    # Keyboard only: from the last kept text, Tab reaches «Send på nytt».
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("form textarea").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send på nytt"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/kvittering/" in page.url, page.locator("main").inner_text()[:600]
    assert Submission.objects.get().text == text
