"""Resident journeys in Chromium, the way a person goes: keyboard, Back, reload,
the links in the e-mails actually sent (issue 10).

Every state a journey visits is checked with axe-core and for reflow: at a
320 px viewport nothing may be wider than the viewport (WCAG 1.4.10)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from tests.browser.conftest import axe_violations, format_violations, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def check_state(page, where: str) -> None:
    """axe on the state as it is, and no horizontal scrolling at 320 px."""
    violations = axe_violations(page)
    assert not violations, format_violations(where, violations)
    width = page.viewport_size["width"]
    if width <= 320:
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, (
            f"{where}: {scroll} px wide at a {width} px viewport; too wide: "
            + ", ".join(too_wide(page, width))
        )


def too_wide(page, width: int) -> list[str]:
    """The innermost elements that stick out to the right (for the message)."""
    return page.evaluate(
        """(width) => [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > width + 0.5)
            .filter(el => ![...el.children].some(
                c => c.getBoundingClientRect().right > width + 0.5))
            .slice(0, 8)
            .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                 + (el.className && typeof el.className === "string"
                    ? "." + el.className.trim().split(/\\s+/).join(".") : "")
                 + " " + Math.round(el.getBoundingClientRect().right) + "px")""",
        width,
    )


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def links_in_mail(to: str) -> list[str]:
    return [
        url
        for message in mail.outbox
        if to in message.to
        for url in re.findall(r"https?://[^\s\"'<>]+", message.body)
    ]


@pytest.fixture
def hearing(portal_pages):
    from hearings.models import HearingIndexPage
    from tests.factories import UnitFactory, add_page
    from tests.hearings.conftest import make_hearing

    today = timezone.localdate()
    with transaction.atomic():
        unit = UnitFactory(slug="plan", name="Plan og bygg")
        index = add_page(
            portal_pages["site"]["home"],
            HearingIndexPage(title="Høringer", slug="horinger"),
        )
        return make_hearing(
            index,
            unit,
            title="Trafikksikkerhetsplan",
            opens_on=today - datetime.timedelta(days=5),
            deadline=today + datetime.timedelta(days=40),
            body="<p>" + "Hva saken gjelder. " * 80 + "</p>",
        )


@pytest.mark.parametrize("width", [1280, 320])
def test_an_empty_hearing_response_lands_on_the_error_summary(
    page, live_server, hearing, width
):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, live_server, hearing.url)
    page.locator("form.hearing-form textarea").focus()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.locator("form.hearing-form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert focused_id(page) == "error-summary"
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    # In view: the resident does not have to look for it 1,255 px down.
    box = summary.bounding_box()
    assert 0 <= box["y"] < 800, box
    text = summary.inner_text()
    assert "Skriv navnet ditt." in text and "Skriv høringssvaret ditt." in text
    assert "Dette feltet er påkrevet" not in text
    check_state(page, f"hearing error state at {width}")
    # Each message leads to its field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused_id(page) == "id_name"


def test_an_invalid_feedback_form_focuses_the_error_summary(
    page, live_server, portal_pages
):
    visit(page, live_server, "/si-din-mening/tilbakemelding/")
    page.fill("#id_contact_email", "ikke-en-adresse")
    with page.expect_navigation():
        page.locator("form.feedback-form button[type=submit]").click()
    assert focused_id(page) == "error-summary"
    assert "Skriv en emne" not in page.locator("#error-summary").inner_text()
    check_state(page, "feedback error state")


def test_back_and_send_again_makes_no_second_input(
    page, live_server, portal_pages, tmp_path
):
    from feedback.models import Attachment, Submission

    attachment = tmp_path / "hull.pdf"
    attachment.write_bytes(PDF)
    visit(page, live_server, "/si-din-mening/tilbakemelding/")
    page.fill("#id_subject", "Hull i veien")
    page.fill("#id_text", "Det er et stort hull i Kirkeveien ved nr. 12.")
    page.fill("#id_contact_email", "kari@example.org")
    page.set_input_files("#id_attachments", str(attachment))
    # The time trap wants a few seconds of filling in.
    page.wait_for_timeout(3100)
    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kvittering/"))
    receipt = page.url
    sent = len(mail.outbox)
    page.go_back()
    page.wait_for_load_state()
    assert page.input_value("#id_subject") == "Hull i veien"  # restored by Chromium
    with page.expect_navigation():
        page.locator("form.feedback-form button[type=submit]").click()
    assert page.url == receipt
    assert Submission.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert len(mail.outbox) == sent
