"""Resident inputs in a real browser: axe-core (WCAG 2.1 A+AA) on each form, its
error state, the receipt, the tracking page with a reply, and the page-feedback
widget's states. The resident's text must survive the error round trip."""

import pytest
from django.db import transaction
from django.test import override_settings

from tests.browser.conftest import (
    assert_accessible,
    axe_violations,
    format_violations,
    unlabelled_fields,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FORMS = ["tilbakemelding", "forslag", "sporsmal"]


@pytest.fixture
def feedback_site(portal_pages):
    from feedback.models import Topic

    with transaction.atomic():
        Topic.objects.create(
            name="Vei, gater og parkering",
            slug="vei",
            name_en="Roads and parking",
            sort_order=1,
        )
        Topic.objects.create(name="Barnehage", slug="barnehage", sort_order=2)
    return portal_pages


def _assert_page_clean(page, where):
    violations = axe_violations(page)
    assert not violations, format_violations(where, violations)
    assert unlabelled_fields(page) == [], where


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
@pytest.mark.parametrize("kind", FORMS)
def test_forms_accessible(page, live_server, feedback_site, kind, prefix):
    assert_accessible(page, live_server, f"{prefix}/si-din-mening/{kind}/")
    assert page.locator("h1").count() == 1


def test_form_for_a_service_accessible(page, live_server, feedback_site):
    from home.models import ServicePage

    service = ServicePage.objects.get(title="Søke barnehageplass")
    assert_accessible(
        page, live_server, f"/si-din-mening/tilbakemelding/?tjeneste={service.pk}"
    )
    assert "Søke barnehageplass" in page.content()


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
def test_error_state_keeps_text_and_links_errors(
    page, live_server, feedback_site, prefix
):
    url = f"{prefix}/si-din-mening/sporsmal/"
    visit(page, live_server, url)
    text = "Når blir veien min brøytet? <script>alert(1)</script>"
    page.fill("#id_text", text)
    page.fill("#id_contact_email", "ikke-en-adresse")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    summary = page.locator(".ds-error-summary")
    assert summary.count() == 1
    links = summary.locator("a").all()
    assert links, "the error summary lists the errors"
    for link in links:
        target = link.get_attribute("href").lstrip("#")
        assert page.locator(f"#{target}").count() == 1, target
    # The resident's text is kept, as text.
    assert page.input_value("#id_text") == text
    _assert_page_clean(page, url + " (errors)")


@override_settings(
    PORTAL={
        **__import__("django.conf").conf.settings.PORTAL,
        "FORM_MIN_FILL_SECONDS": 0,
    }
)
def test_receipt_and_tracking_page_accessible(page, live_server, feedback_site):
    from feedback.models import Submission
    from feedback.services import submission_reply
    from tests.factories import UserFactory

    visit(page, live_server, "/si-din-mening/sporsmal/")
    page.select_option("#id_topic", label="Barnehage")
    page.fill("#id_subject", "Plass i august")
    page.fill("#id_text", "Får barnet mitt plass fra august?")
    page.fill("#id_contact_name", "Kari Nordmann")
    page.fill("#id_contact_email", "kari@example.org")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert "/kvittering/" in page.url, page.url
    _assert_page_clean(page, "receipt")
    tracking = page.locator(
        "main a[href*='/sak/'][href*='t=']:not([href*='kvittering'])"
    ).first.get_attribute("href")
    # The language switch keeps the private link working.
    switch = page.locator("a[hreflang=en]").get_attribute("href")
    assert "?t=" in switch

    submission = Submission.objects.get()
    with transaction.atomic():
        submission_reply(
            submission=submission,
            by=UserFactory(is_superuser=True),
            text="Ja, du får plass i Solsikken barnehage.",
        )
    visit(page, live_server, tracking.replace(live_server.url, ""))
    assert "Solsikken" in page.content()
    _assert_page_clean(page, "tracking")


def test_page_feedback_states_accessible(page, live_server, feedback_site):
    service = feedback_site["service"]
    visit(page, live_server, service)
    # One line; «Nei» opens the comment, by keyboard.
    assert not page.is_visible("#page-feedback-text")
    page.focus("#page-feedback-no")
    page.keyboard.press("Enter")
    assert page.is_visible("#page-feedback-text")
    _assert_page_clean(page, "page feedback opened")
    # A post without the answer (a page from before this form) lands on the
    # error page, which keeps the comment.
    page.fill("#page-feedback-text", "Jeg fant ikke prisen.")
    page.evaluate(
        "document.querySelector('.feedback-page__form [name=helpful]').remove()"
    )
    page.click(".feedback-page__form button[type=submit]")
    page.wait_for_load_state()
    assert "Jeg fant ikke prisen." in page.content()
    _assert_page_clean(page, "page feedback error")
    # The thank-you state on the content page.
    assert_accessible(page, live_server, service + "?takk=1")


def test_refused_form_page_accessible(page, live_server, feedback_site):
    # The CSRF cookie is gone (blocked or expired) when the resident sends.
    visit(page, live_server, "/si-din-mening/forslag/")
    page.fill("#id_text", "Et forslag om flere benker langs stien.")
    page.context.clear_cookies()
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert page.input_value("#kept-text") == "Et forslag om flere benker langs stien."
    _assert_page_clean(page, "refused form")
