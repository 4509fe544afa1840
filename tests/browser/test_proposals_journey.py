"""A citizen proposal's whole journey in a real browser, every public step
checked with axe-core (WCAG 2.1 A+AA): start, confirm by the e-mail's link and
button, moderation in the admin, a second person signs and confirms, the
threshold is reached, the initiator submits, the council clock shows in the
inbox, the decision is published and the follower's e-mail arrives. The
proposal page also reflows at 320 px. E-mails go to Django's in-memory outbox
(the live server runs in this process); the links are followed as a resident
would."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.browser.conftest import (
    axe_violations,
    format_violations,
    sign_in,
    unlabelled_fields,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _clean(page, where):
    violations = axe_violations(page)
    assert not violations, format_violations(where, violations)
    assert unlabelled_fields(page) == [], where


def _link(fragment: str, to: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to:
            for url in re.findall(r"http://\S+", message.body):
                if fragment in url:
                    return urlsplit(url).path
    raise AssertionError(f"no e-mail to {to} with a link containing {fragment}")


@pytest.fixture
def secretariat_session(portal_pages, settings):
    from tests.factories import UnitFactory, UserFactory, admin_access, member

    # Threshold 1 (2 % of 50): the second person's signature reaches it.
    settings.PORTAL = {**settings.PORTAL, "POPULATION": 50, "FORM_MIN_FILL_SECONDS": 0}
    unit = UnitFactory(
        slug="politisk-sekretariat",
        name="Politisk sekretariat",
        email="politikk@asker.kommune.no",
    )
    user = member(UserFactory(username="politikk"), unit)
    admin_access(user)
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_proposal_journey(page, live_server, secretariat_session):
    mail.outbox.clear()
    # 1. Start.
    visit(page, live_server, reverse("proposals:start"))
    _clean(page, "start")
    page.fill("#id_title", "Benker langs turveien ved Semsvannet")
    page.fill("#id_proposal", "Kommunestyret ber om ti nye benker langs turveien.")
    page.fill("#id_name", "Kari Nordmann")
    page.fill("#id_email", "kari@example.no")
    page.fill("#id_postcode", "1389")
    page.check("#id_resident")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert "Sjekk e-posten din" in page.content()
    _clean(page, "sent")

    # 2. Confirm by the link and the button.
    visit(page, live_server, _link("/bekreft/", "kari@example.no"))
    _clean(page, "confirm")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "forslaget er bekreftet" in page.content()

    # 3. The secretariat publishes it in the admin.
    from proposals.models import Proposal

    proposal = Proposal.objects.get()
    sign_in(page, live_server, secretariat_session)
    visit(page, live_server, reverse("proposals_admin:detail", args=[proposal.pk]))
    page.click("form:has(input[value=publish]) button")
    page.wait_for_load_state()
    page.context.clear_cookies()

    # 4. A second person signs and confirms.
    visit(page, live_server, proposal.get_absolute_url())
    _clean(page, "proposal page")
    assert "1 underskrift igjen" in page.content()
    page.fill("#id_name", "Ola Hansen")
    page.fill("#id_postcode", "1390")
    page.fill("#id_email", "ola@example.no")
    page.check("#id_resident")
    page.check("#id_wants_news")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    visit(page, live_server, _link("/underskrift/", "ola@example.no"))
    _clean(page, "confirm signature")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "underskriften din teller" in page.content()
    visit(page, live_server, proposal.get_absolute_url())
    assert "terskelen er nådd" in page.content()

    # The page reflows at 320 px (WCAG 1.4.10): no sideways scrolling.
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, proposal.get_absolute_url())
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width
    _clean(page, "proposal page at 320 px")
    page.set_viewport_size({"width": 1280, "height": 800})

    # 5. The initiator submits through the link in the «published» e-mail.
    visit(page, live_server, _link("/forslagsstiller/", "kari@example.no"))
    _clean(page, "initiator's page")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "Sendt til kommunestyret" in page.content()

    # 6. The council clock in the inbox and on the case view.
    proposal.refresh_from_db()
    sign_in(page, live_server, secretariat_session)
    due = proposal.council_due_at
    visit(page, live_server, reverse("feedback_inbox:index"))
    assert proposal.title in page.content()
    visit(
        page,
        live_server,
        reverse("feedback_inbox:inspect", args=[proposal.submission_id]),
    )
    assert "kommunestyrets seks måneder" in page.content()
    assert str(due.year) in page.content()

    # 7. The decision, published from the admin.
    visit(page, live_server, reverse("proposals_admin:detail", args=[proposal.pk]))
    form = page.locator("form:has(input[value=outcome])")
    form.locator("select[name=kind]").select_option("decided")
    form.locator("textarea[name=text]").fill(
        "Kommunestyret vedtok ti nye benker i 2027."
    )
    form.locator("button").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    visit(page, live_server, proposal.get_absolute_url())
    assert "ti nye benker i 2027" in page.content()
    _clean(page, "decided proposal")

    # 8. The follower's e-mail.
    notices = [m for m in mail.outbox if "ola@example.no" in m.to and "2027" in m.body]
    assert notices, [m.subject for m in mail.outbox]
    assert "List-Unsubscribe" in notices[-1].extra_headers


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
def test_lists_and_the_start_form_with_errors(page, live_server, portal_pages, prefix):
    for slug in ("samler", "sendt", "behandlet", "ikke-naadd"):
        visit(page, live_server, prefix + reverse("proposals:list", args=[slug]))
        _clean(page, f"list {slug}")
    visit(page, live_server, prefix + reverse("proposals:start"))
    page.fill("#id_title", "Et forslag <b>med</b> tekst")
    page.fill("#id_postcode", "0150")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").count() == 1
    assert page.input_value("#id_title") == "Et forslag <b>med</b> tekst"
    _clean(page, "start form with errors")


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
def test_signing_with_idporten_keyboard_only_at_320_px(
    page, live_server, secretariat_session, idporten_on, prefix
):
    """A resident on a phone signs with ID-porten (the local provider standing
    in) using only the keyboard; going Back to the form and signing again
    stores nothing new."""
    from proposals import services
    from proposals.models import Proposal, Signature

    proposal = services.proposal_start(
        notify=False,
        submitted=services.ProposalInput(
            title="Gatelys langs skoleveien på Hvalstad",
            proposal="Kommunestyret ber om gatelys langs hele skoleveien.",
            background="Det er mørkt når barna går til skolen om vinteren.",
            name="Kari Nordmann",
            email="kari@example.no",
            postcode="1395",
        ),
    )
    services.proposal_confirm(proposal=proposal, notify=False)
    services.proposal_publish(proposal=proposal, by=None, notify=False)
    proposal = Proposal.objects.get(pk=proposal.pk)
    url = prefix + proposal.get_absolute_url()
    english = prefix == "/en"
    idporten_on.user("synne")
    page.allowed_origins.add(("http", f"127.0.0.1:{idporten_on.port}"))

    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, url)
    _clean(page, "proposal page with ID-porten")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.focus("#id_name")
    page.keyboard.type("Synne Solberg")
    page.keyboard.press("Tab")
    page.keyboard.type("1395")
    page.focus("#id_resident")
    page.keyboard.press("Space")
    page.focus("#id_show_name")
    page.keyboard.press("Space")
    button = page.get_by_role(
        "button", name="Sign with ID-porten" if english else "Signer med ID-porten"
    )
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    def log_in():
        assert page.url.startswith(f"{idporten_on.url}/login/"), page.url
        page.fill("input[name=username]", "synne")
        page.fill("input[name=password]", "provider-pw")
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        page.click("input[name=allow]")
        page.wait_for_load_state()

    log_in()
    assert page.url == f"{live_server.url}{prefix}/innbyggerforslag/sendt/id-porten/"
    assert ("Thank you for signing" if english else "Takk for at du signerte") in (
        page.content()
    )
    _clean(page, "thank-you page after ID-porten")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.reload()
    signature = Signature.objects.get(proposal=proposal)
    assert signature.verified and signature.show_name
    assert signature.language == ("en" if english else "nb")

    # Back to the form (three steps: consent, login, the page), and again.
    visit(page, live_server, url)
    assert "Synne Solberg" in page.content()  # her name, public by her choice
    page.fill("#id_name", "Synne Solberg")
    page.fill("#id_postcode", "1395")
    page.check("#id_resident")
    button.click()
    page.wait_for_load_state()
    log_in()
    assert page.url.endswith("/innbyggerforslag/sendt/allerede/")
    _clean(page, "signed already")
    assert Signature.objects.filter(proposal=proposal).count() == 1

    # The states a failed login leaves: the page with what happened, and a
    # return that belongs to no form.
    visit(page, live_server, url + "?id-porten=avbrutt")
    assert page.locator(".ds-alert[role=status]").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _clean(page, "login at ID-porten cancelled")
    visit(
        page,
        live_server,
        prefix + "/innbyggerforslag/id-porten/?code=x&state=y",
        expect_status=400,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _clean(page, "a return from ID-porten with no form waiting")
