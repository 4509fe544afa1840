"""Staff journeys end to end in Chromium (issue 11), each as the person who does
it, asserting what they see; axe-core on each state the journey reaches.

Triage: Servicetorget sends an input on to another unit with a reason; the inbox
confirms it naming the new unit, and the resident gets an e-mail saying which
unit has it, whose link opens the tracking page showing the same."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from tests.browser.conftest import axe_violations, format_violations, sign_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _clean(page, where):
    # Wagtail's messages fade in: check the settled page, not a frame mid-fade.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    violations = axe_violations(page)
    assert not violations, format_violations(where, violations)


@pytest.fixture
def triage_case(live_server):

    from feedback.models import Topic
    from tests.factories import UnitFactory, UserFactory, admin_access, member, submit

    triage = UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)
    UnitFactory(slug="park-og-idrett", name="Park og idrett")
    topic = Topic.objects.create(name="Vei", slug="vei", default_unit=triage)
    user = member(UserFactory(username="servicetorget"), triage)
    admin_access(user)
    submission, _ = submit(
        kind="feedback",
        topic=topic,
        subject="Ødelagt benk",
        text="Benken i parken ved Semsvannet er knust.",
        contact_email="kari@example.org",
        contact_name="Kari",
        notify=False,
    )
    return {"user": user, "submission": submission}


def test_triage_reroutes_with_a_reason_and_the_resident_is_told_where(
    page, live_server, triage_case
):
    submission = triage_case["submission"]
    sign_in(page, live_server, triage_case["user"])
    visit(page, live_server, reverse("feedback_inbox:inspect", args=[submission.pk]))
    page.locator("#handling-reroute summary").click()
    form = page.locator("#handling-reroute form")
    form.get_by_label("Ny enhet").select_option(label="Park og idrett")
    form.get_by_label("Begrunnelse (vises i tidslinjen)").fill(
        "Benker i parken er Park og idretts ansvar."
    )
    mail.outbox.clear()
    form.get_by_role("button", name="Send videre").click()
    page.wait_for_load_state()

    # The triage worker lands on the inbox, told where the case went.
    assert urlsplit(page.url).path == reverse("feedback_inbox:index")
    assert (
        f"{submission.reference} er overført til Park og idrett."
        in page.locator("body").inner_text()
    )
    _clean(page, "inbox after re-routing")

    # The resident's e-mail names the new unit and the reason.
    (message,) = [m for m in mail.outbox if m.to == ["kari@example.org"]]
    assert message.subject == f"Henvendelsen din {submission.reference} er sendt videre"
    assert "sendt videre til Park og idrett" in message.body
    # The reason is the staff's own timeline text: not in the e-mail, as the
    # tracking page does not show it either.
    assert "Benker i parken" not in message.body
    (link,) = re.findall(r"https?://\S+\?t=\S+", message.body)
    assert link.startswith(live_server.url)

    # Its link opens the tracking page, which shows the same.
    page.context.clear_cookies()
    page.goto(link)
    body = page.locator("main").inner_text()
    assert "Sendt til Park og idrett" in body
    assert "Benker i parken" not in body
    _clean(page, "tracking page after re-routing")
