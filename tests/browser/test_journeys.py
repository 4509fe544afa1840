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


# --- The journeys of issue 10 -------------------------------------------------------


@pytest.fixture
def journeys(portal_pages, hearing):
    """The small site plus an English tree of aliases (what «Translate» gives
    before anyone translates), a handler in the owning unit, and a digital
    application on «Søke barnehageplass»."""
    from wagtail.models import Locale, Site

    from home.models import ServicePage
    from tests.factories import UserFactory, member
    from units.models import Unit

    with transaction.atomic():
        service = ServicePage.objects.get(title="Søke barnehageplass")
        service.apply_url = "https://minside.kommune.example/barnehage/soknad"
        service.apply_label = "Søk barnehageplass"
        service.save_revision().publish()
        site = portal_pages["site"]
        english = Locale.objects.get_or_create(language_code="en")[0]
        for page in (site["home"], site["topic"], service, site["index"]):
            page.copy_for_translation(english, alias=True)
        Site.clear_site_root_paths_cache()
        handler = member(
            UserFactory(username="handler", is_superuser=False),
            Unit.objects.get(slug="barnehage"),
        )
    return {**portal_pages, "service": service, "handler": handler}


def press(page, selector: str, key: str = "Enter") -> None:
    """Focus an element and press a key on it, as a keyboard user does."""
    page.locator(selector).first.focus()
    page.keyboard.press(key)


def press_and_wait(page, selector: str, key: str = "Enter") -> None:
    with page.expect_navigation():
        press(page, selector, key)


def type_into(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


VIEWS = [("", 1280), ("", 320), ("/en", 1280), ("/en", 320)]
VIEW_IDS = ["nb", "nb-320", "en", "en-320"]


@pytest.mark.parametrize(("prefix", "width"), VIEWS, ids=VIEW_IDS)
def test_journey_1_find_kindergarten_place(page, live_server, journeys, prefix, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, live_server, prefix + "/")
    check_state(page, "home")
    # By the header search, with the keyboard only.
    type_into(page, "#header-search", "søke barnehageplass")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/" in page.url and "q=" in page.url
    check_state(page, "search results")
    press_and_wait(page, "main a:has-text('Søke barnehageplass')")
    assert page.url.startswith(live_server.url + prefix + "/barnehage/"), page.url
    _assert_apply_action(page, prefix, "service from search")
    # By browsing: the header menu, the topic, the service.
    visit(page, live_server, prefix + "/")
    press(page, "summary.portal-menu__toggle")
    assert page.locator("details.portal-menu").get_attribute("open") is not None
    check_state(page, "menu open")
    press_and_wait(page, "details.portal-menu a:has-text('Barnehage')")
    assert page.url == f"{live_server.url}{prefix}/barnehage/", page.url
    check_state(page, "topic")
    press_and_wait(page, "main a:has-text('Søke barnehageplass')")
    _assert_apply_action(page, prefix, "service from the menu")


def _assert_apply_action(page, prefix, where):
    assert page.locator("h1").inner_text() == "Søke barnehageplass"
    if prefix:
        assert page.locator("h1").get_attribute("lang") == "nb"
        assert "only available in Norwegian" in page.locator("main").inner_text()
    apply = page.locator("main a.ds-button[data-variant=primary]").first
    assert apply.inner_text() == "Søk barnehageplass"
    assert apply.get_attribute("href").startswith("https://minside.kommune.example/")
    assert apply.is_visible()
    check_state(page, where)


@pytest.mark.parametrize(("prefix", "width"), VIEWS, ids=VIEW_IDS)
def test_journey_2_feedback_with_attachment_back_and_send_then_the_mail_link(
    page, live_server, journeys, prefix, width, tmp_path
):
    from feedback.models import Attachment, Submission

    page.set_viewport_size({"width": width, "height": 800})
    photo = tmp_path / "hullet.pdf"
    photo.write_bytes(PDF)
    visit(page, live_server, prefix + journeys["service"].url.removeprefix("/en"))
    english = bool(prefix)
    press_and_wait(
        page,
        "a:has-text('Give feedback')" if english else "a:has-text('Gi tilbakemelding')",
    )
    assert "tjeneste=" in page.url
    check_state(page, "feedback form")
    type_into(page, "#id_subject", "Søknaden min")
    type_into(page, "#id_text", "Jeg fant ikke ut hvilke barnehager jeg kan velge.")
    type_into(page, "#id_contact_email", "kari@example.org")
    page.set_input_files("#id_attachments", str(photo))
    page.wait_for_timeout(3100)  # the time trap wants a person's pace
    press_and_wait(page, "form.feedback-form button[type=submit]")
    assert "/kvittering/" in page.url
    receipt = page.url
    check_state(page, "receipt")
    # Back, and Send again: the same receipt, nothing new.
    page.go_back()
    page.wait_for_load_state()
    press_and_wait(page, "form.feedback-form button[type=submit]")
    assert page.url == receipt
    assert Submission.objects.count() == 1 and Attachment.objects.count() == 1
    (receipt_mail,) = [m for m in mail.outbox if m.to == ["kari@example.org"]]
    if english:
        assert receipt_mail.subject.startswith("We have received your message")
    else:
        assert receipt_mail.subject.startswith("Vi har mottatt henvendelsen din")
    (tracking,) = [u for u in links_in_mail("kari@example.org") if "/sak/" in u]
    page.goto(tracking)  # the link from the e-mail, not one the test built
    assert page.locator("h1").inner_text().endswith(Submission.objects.get().reference)
    assert "hullet.pdf" in page.locator("main").inner_text()
    check_state(page, "tracking page")


def test_journey_3_the_handler_replies_and_the_resident_reads_it(
    page, live_server, journeys, tmp_path
):
    from feedback.models import Submission

    visit(
        page,
        live_server,
        f"/si-din-mening/sporsmal/?tjeneste={journeys['service'].pk}",
    )
    type_into(page, "#id_subject", "Plass i august")
    type_into(page, "#id_text", "Får barnet mitt plass fra august?")
    type_into(page, "#id_contact_email", "kari@example.org")
    page.wait_for_timeout(3100)
    press_and_wait(page, "form.feedback-form button[type=submit]")
    # The owning unit's notice links to the case in the admin.
    case_links = [
        u for u in links_in_mail("barnehage@asker.kommune.no") if "/admin/" in u
    ]
    assert case_links, [m.to for m in mail.outbox]
    page.goto(case_links[0])
    page.fill("#id_username", "handler")
    page.fill("#id_password", "pw")
    press_and_wait(page, "form button[type=submit]")
    assert "/admin/" in page.url and "login" not in page.url, page.url
    page.locator("#handling-reply summary").click()
    page.locator("#handling-reply textarea").fill(
        "Ja, du får plass i Solsikken barnehage."
    )
    press_and_wait(page, "#handling-reply button[type=submit]")
    replies = [m for m in mail.outbox if m.to == ["kari@example.org"]]
    assert len(replies) == 2, [m.subject for m in replies]
    (link,) = [
        u for u in re.findall(r"https?://[^\s\"'<>]+", replies[-1].body) if "/sak/" in u
    ]
    page.context.clear_cookies()  # the resident, not the handler
    page.goto(link)
    assert "Solsikken" in page.locator("main").inner_text()
    assert Submission.objects.get().status == "answered"
    check_state(page, "tracking page with the reply")


def test_journey_4_an_organisation_answers_a_hearing(
    page, live_server, journeys, hearing, tmp_path
):
    from feedback.models import Submission

    document = tmp_path / "uttalelse.pdf"
    document.write_bytes(PDF)
    visit(page, live_server, hearing.url)
    press(page, "input[name=respondent_type][value=organisation]", "Space")
    type_into(page, "#id_name", "Kari Nordmann")
    type_into(page, "#id_organisation", "Asker Velforbund")
    type_into(page, "#id_text", "Velforbundet støtter planen, men ber om fortau.")
    page.set_input_files("#id_attachments", str(document))
    check_state(page, "hearing form filled in")
    press_and_wait(page, "form.hearing-form button[type=submit]")
    assert "/hoering/svar/" in page.url
    assert "Asker Velforbund" not in page.url
    check_state(page, "hearing receipt")
    assert "organisasjonen" in page.locator("main").inner_text()
    page.reload()
    page.wait_for_load_state()
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert submission.publication.organisation == "Asker Velforbund"
    assert submission.attachments.count() == 1


def test_journey_5_follow_confirm_and_unsubscribe_from_a_notice(
    page, live_server, journeys, hearing
):
    from django.core.management import call_command

    from following.models import Subscription

    visit(page, live_server, hearing.url)
    type_into(page, "#follow_email", "ola@example.org")
    press_and_wait(page, "form.hearing-follow button[type=submit]")
    assert "/folg/sendt/" in page.url and "ola" not in page.url
    check_state(page, "check your e-mail")
    (confirm,) = [u for u in links_in_mail("ola@example.org") if "/bekreft/" in u]
    page.goto(confirm)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None  # opening the link changes nothing
    check_state(page, "confirm page")
    press_and_wait(page, "main button[type=submit]")
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    check_state(page, "confirmed")
    # A week before the deadline a notice comes, with a one-click way out.
    with transaction.atomic():
        type(hearing).objects.filter(pk=hearing.pk).update(
            deadline=timezone.localdate() + datetime.timedelta(days=7)
        )
    call_command("send_hearing_notices", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notices = [m for m in mail.outbox if m.to == ["ola@example.org"]][1:]
    assert notices, "no notice was sent"
    (stop,) = {
        u
        for u in re.findall(r"https?://[^\s\"'<>]+", notices[0].body)
        if "/avslutt/" in u
    }
    page.goto(stop)
    assert Subscription.objects.exists()  # a mail scanner opening it stops nothing
    check_state(page, "unsubscribe page")
    press_and_wait(page, "main button[type=submit]")
    assert not Subscription.objects.exists()
    check_state(page, "unsubscribed")
