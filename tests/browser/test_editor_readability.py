"""The editor's LIX panel in Chromium (issue 11): one score everywhere. The
score shown when a page is opened and the score the panel shows while the
editor types must be the same for the same text, rich text included, and the
panel names the sentences to rewrite."""

import pytest
from django.urls import reverse

from tests.browser.conftest import sign_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HARD = (
    "Kommunestyrets saksbehandlingsrutiner innebærer omfattende "
    "dokumentasjonskrav vedrørende forvaltningsmessige beslutninger i saken."
)


def _score(page) -> str:
    return page.locator("[data-lix-score]").inner_text()


def test_the_score_on_opening_is_the_score_while_typing(
    page, live_server, portal_pages
):
    from wagtail.models import Page

    from tests.factories import UserFactory

    service = Page.objects.get(title="Søke barnehageplass").specific
    # Rich text with headings and a list: blocks without full stops.
    service.what_it_is = (
        "<h2>Slik søker du</h2><ul><li>Fyll ut skjemaet</li><li>Legg ved "
        f"dokumentasjon</li></ul><p>{HARD}</p>"
    )
    service.save_revision().publish()
    sign_in(page, live_server, UserFactory(username="lix", is_superuser=True))
    visit(page, live_server, reverse("wagtailadmin_pages:edit", args=[service.pk]))
    opened = _score(page)
    assert (
        page.locator("[data-lix-hardest] li")
        .first.inner_text()
        .startswith("Kommunestyrets saksbehandlingsrutiner")
    )
    # Type a letter and take it away: the same text, scored live.
    summary = page.locator("[name=summary]")
    summary.click()
    summary.press("End")
    with page.expect_response(lambda r: "/readability/" in r.url):
        summary.press("x")
    with page.expect_response(lambda r: "/readability/" in r.url):
        summary.press("Backspace")
    page.wait_for_timeout(200)
    assert _score(page) == opened
    assert page.locator("[data-lix-hardest] li").count() >= 1


def test_a_language_profile_word_is_flagged_while_typing(
    page, live_server, portal_pages
):
    from wagtail.models import Page

    from home.models import PlainWord
    from tests.factories import UserFactory

    PlainWord.objects.create(avoid="ansøkning", instead="søknad")
    service = Page.objects.get(title="Søke barnehageplass").specific
    sign_in(page, live_server, UserFactory(username="sprak", is_superuser=True))
    visit(page, live_server, reverse("wagtailadmin_pages:edit", args=[service.pk]))
    assert page.locator("[data-plain-words-block]").is_hidden()
    summary = page.locator("[name=summary]")
    summary.click()
    summary.press("End")
    with page.expect_response(lambda r: "/readability/" in r.url):
        summary.type(" Send ansøkningen tidlig.")
    page.wait_for_timeout(200)
    block = page.locator("[data-plain-words-block]")
    assert block.is_visible()
    assert "«ansøkningen»: skriv «søknad»" in block.inner_text()
