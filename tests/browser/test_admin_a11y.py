"""axe-core on the admin inbox and the case view, logged in as a handler.

Wagtail's own chrome (sidebar, header) is part of the page, so anything axe finds
there is reported too; our templates must contribute nothing."""

import pytest
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


@pytest.fixture
def handler_session(live_server):
    """A handler of unit A with two submissions (one with an attachment and a
    failed e-mail), logged in through a session cookie."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from feedback import services
    from feedback.models import Topic
    from tests.factories import UnitFactory, UserFactory, admin_access, member, submit
    from tests.feedback_admin.conftest import PNG

    UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)
    unit = UnitFactory(slug="vei-og-trafikk", name="Vei og trafikk")
    topic = Topic.objects.create(name="Vei", slug="vei", default_unit=unit)
    user = member(UserFactory(username="vei", first_name="Vilde"), unit)
    admin_access(user)
    submission, _ = submit(
        kind="feedback",
        topic=topic,
        subject="Hull i veien",
        text="Det er et stort hull <b>her</b>.",
        contact_email="kari@example.org",
        contact_name="Kari",
        notify=False,
        attachments=[SimpleUploadedFile("bilde.png", PNG)],
    )
    submit(
        kind="question",
        topic=topic,
        subject="Brøyting?",
        text="Når brøyter dere?",
        notify=False,
    )
    services.submission_record_email_failure(
        submission_id=submission.pk,
        purpose="receipt",
        attempt=1,
        error="Connection refused",
        will_retry=True,
    )
    client = Client()
    client.force_login(user)
    return {"cookie": client.cookies["sessionid"].value, "submission": submission}


def _check(page, live_server, url):
    visit(page, live_server, url)
    violations = axe_violations(page)
    unlabelled = unlabelled_fields(page)
    return violations, unlabelled


@pytest.mark.parametrize("view", ["inbox", "case", "report"])
def test_admin_pages_have_no_wcag_violations(page, live_server, handler_session, view):
    sign_in(page, live_server, handler_session["cookie"])
    url = {
        "inbox": reverse("feedback_inbox:index"),
        "case": reverse(
            "feedback_inbox:inspect", args=[handler_session["submission"].pk]
        ),
        "report": reverse("feedback_tools:report"),
    }[view]
    if view == "case":
        # Open every action so its form fields are checked too.
        visit(page, live_server, url)
        page.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        violations, unlabelled = axe_violations(page), unlabelled_fields(page)
    else:
        violations, unlabelled = _check(page, live_server, url)
    assert not violations, format_violations(url, violations)
    # Wagtail's bulk-action checkboxes are named by aria-label, which is fine for
    # assistive technology; every field of ours has a real <label>.
    ours = [html for html in unlabelled if "aria-label" not in html]
    assert not ours, "\n".join(ours)


def test_bulk_close_by_keyboard_and_mouse(page, live_server, handler_session):
    """Tick a row, the bulk bar appears, «Close» leads to an accessible
    confirmation page, and confirming closes only that submission."""
    from feedback.models import Submission

    sign_in(page, live_server, handler_session["cookie"])
    visit(page, live_server, reverse("feedback_inbox:index"))
    submission = handler_session["submission"]
    page.check(f'input[data-object-id="{submission.pk}"]')
    footer = page.locator("[data-bulk-action-footer]")
    assert footer.is_visible()
    footer.locator("a[href*='/bulk/feedback/submission/close/']").click()
    page.wait_for_url("**/bulk/feedback/submission/close/**")
    violations = axe_violations(page)
    assert not violations, format_violations(page.url, violations)
    page.fill("#id_reason", "Løst ved befaring")
    page.get_by_role("button", name="Lukk").click()
    page.wait_for_url("**/admin/innspill/**")
    assert Submission.objects.get(pk=submission.pk).status == "closed"
    assert Submission.objects.exclude(pk=submission.pk).get().status == "received"
