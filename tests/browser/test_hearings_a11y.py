"""Hearings in a real browser: axe-core (WCAG 2.1 A+AA) on the index, a hearing in
each state, the response form and its error state, and the follow page."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

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


@pytest.fixture
def hearing_pages(portal_pages):
    from hearings.models import HearingIndexPage
    from hearings.services import hearing_response_create, publication_decide
    from tests.factories import UnitFactory, UserFactory, add_page
    from tests.hearings.conftest import make_hearing

    def days(n):
        return timezone.localdate() + datetime.timedelta(days=n)

    with transaction.atomic():
        unit = UnitFactory(slug="plan", name="Plan og bygg")
        index = add_page(
            portal_pages["site"]["home"],
            HearingIndexPage(title="Høringer", slug="horinger"),
        )
        pages = {
            "open": make_hearing(
                index,
                unit,
                title="Åpen høring",
                opens_on=days(-5),
                deadline=days(40),
                area="Nesbru",
                body="<p>Hva saken gjelder.</p>",
            ),
            "upcoming": make_hearing(
                index,
                unit,
                title="Kommende høring",
                opens_on=days(5),
                deadline=days(50),
            ),
            "closed": make_hearing(
                index,
                unit,
                title="Lukket høring",
                opens_on=days(-60),
                deadline=days(-2),
            ),
            "concluded": make_hearing(
                index,
                unit,
                title="Avsluttet høring",
                opens_on=days(-90),
                deadline=days(-30),
                outcome_heard="<p>Vi hørte mye.</p>",
                outcome_decided="<p>Vedtatt.</p>",
            ),
        }
        moderator = UserFactory(username="moderator", is_superuser=True)
        for key in ("closed", "concluded"):
            submission, _ = hearing_response_create(
                hearing=pages[key],
                data={
                    "respondent_type": "organisation",
                    "name": "Leder",
                    "organisation": "Asker Vel",
                    "text": "Vi støtter planen.",
                    "publish_name": False,
                    "email": "",
                },
                now=pages[key].opens_at + datetime.timedelta(days=1),
                notify=False,
            )
            publication_decide(
                publication=submission.publication, action="approved", by=moderator
            )
    urls = {key: page.url for key, page in pages.items()}
    urls["index"] = index.url
    urls["index_filtered"] = index.url + "?malgruppe=innbyggere"
    urls["follow"] = "/hoering/folg/"
    return urls


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
@pytest.mark.parametrize(
    "name",
    ["index", "index_filtered", "open", "upcoming", "closed", "concluded", "follow"],
)
def test_hearing_pages_accessible(page, live_server, hearing_pages, name, prefix):
    assert_accessible(page, live_server, prefix + hearing_pages[name])
    assert page.locator("h1").count() == 1


def test_home_with_open_hearings_accessible(
    page, live_server, hearing_pages, portal_pages
):
    assert_accessible(page, live_server, portal_pages["home"])
    assert page.locator("#open-hearings").count() == 1


def test_response_form_error_state(page, live_server, hearing_pages):
    visit(page, live_server, hearing_pages["open"])
    page.check("#id_respondent_type_1")  # on behalf of an organisation
    page.fill("#id_text", "Mitt innspill, som ikke må gå tapt.")
    page.fill("#id_email", "ikke-en-adresse")
    page.click("button[type=submit]:has-text('Send')")
    page.wait_for_load_state()
    summary = page.locator(".ds-error-summary")
    assert summary.count() == 1
    # Every error links to its field, and each field names its error.
    for link in summary.locator("a").all():
        target = link.get_attribute("href").lstrip("#")
        described = page.get_attribute(f"#{target}", "aria-describedby") or ""
        assert f"{target}-error" in described
    assert page.input_value("#id_text") == "Mitt innspill, som ikke må gå tapt."
    violations = axe_violations(page)
    assert not violations, format_violations(hearing_pages["open"], violations)
    assert unlabelled_fields(page) == []


def test_late_answer_page_accessible(page, live_server, hearing_pages):
    # Opened while open; the hearing has closed when the form is sent.
    visit(page, live_server, hearing_pages["closed"])
    page.evaluate(
        """url => { const f = document.createElement('form'); f.method = 'post';
        f.action = url; const t = document.createElement('textarea'); t.name = 'text';
        t.value = 'For sent'; f.appendChild(t);
        const c = document.createElement('input'); c.name = 'csrfmiddlewaretoken';
        c.value = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1] || '';
        f.appendChild(c); document.body.appendChild(f); f.submit(); }""",
        hearing_pages["closed"],
    )
    page.wait_for_load_state()
    assert page.input_value("#your-text") == "For sent"
    violations = axe_violations(page)
    assert not violations, format_violations("late answer", violations)
