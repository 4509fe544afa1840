"""Important notices in the browser: axe-clean in every level and language, a
critical one read out at once, nothing wider than a phone."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.conftest import (
    assert_accessible,
    axe_violations,
    format_violations,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_WORD = "Vannforsyningsledningsreparasjonsarbeidet"


@pytest.fixture
def notices(portal_pages):
    from news.models import Notice

    now = timezone.now()
    for level, title, title_en in [
        ("critical", f"Kokevarsel i Heggedal – {LONG_WORD}", ""),
        ("warning", "Vannavbrudd i Heggedal", "No water in Heggedal"),
        ("info", "Stengt vei på Slemmestad", ""),
    ]:
        notice = Notice(
            level=level,
            title=title,
            body="Kok vannet i minst ett minutt.\n\nVi sier fra når det er trygt. "
            "Mer: https://www.asker.kommune.no/vann-og-avlop/kokevarsel-heggedal-"
            "og-omegn-desember-2026/",
            title_en=title_en,
            body_en="Fill up what you need beforehand." if title_en else "",
            postcodes="1389, 1390",
            link_url="https://www.asker.kommune.no/",
            starts_at=now - datetime.timedelta(hours=1),
            ends_at=now + datetime.timedelta(hours=5),
            live=False,
        )
        notice.save()
        notice.save_revision().publish()
    ended = Notice(
        title="Gammelt varsel",
        body="Over.",
        starts_at=now - datetime.timedelta(days=2),
        ends_at=now - datetime.timedelta(days=1),
        live=False,
    )
    ended.save()
    ended.save_revision().publish()
    return portal_pages


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["nb", "en"])
@pytest.mark.parametrize("name", ["home", "service", "/varsler/"])
def test_notices_are_accessible(page, live_server, notices, name, prefix):
    url = prefix + notices.get(name, name)
    assert_accessible(page, live_server, url)
    region = page.get_by_role(
        "region", name="Important notices" if prefix else "Viktige varsler"
    )
    if name == "/varsler/":
        assert region.count() == 0  # the page lists them itself
        assert page.get_by_role("heading", name="Gammelt varsel").count() == 0
        assert page.locator("li", has_text="Gammelt varsel").count() == 1
    else:
        assert region.count() == 1
        assert region.get_by_role("alert").count() == 1
        assert region.get_by_role("status").count() == 2
    if prefix:
        # Norwegian text on an English page is marked as Norwegian.
        assert page.locator('h2[lang="nb"]', has_text="Stengt vei").count() == 1
        assert page.locator("h2", has_text="No water in Heggedal").count() == 1


@pytest.mark.parametrize("name", ["home", "/varsler/"])
def test_notices_fit_a_phone(page, live_server, notices, name):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, notices.get(name, name))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width


def test_on_a_phone_a_notice_leaves_room_for_the_page(page, live_server, notices):
    """At 320 × 640 the warning and the information notice show their title,
    areas and a link to the whole text; the critical one stays whole, and the
    page's own heading is still on the first screen (issue 10)."""
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, notices["service"])
    compact = page.locator(".portal-notice--compact")
    assert compact.count() == 2
    for index in range(2):
        notice = compact.nth(index)
        assert notice.locator(".portal-notice__body").is_hidden()
        assert notice.locator(".portal-notice__more a").is_visible()
    critical = page.locator(".portal-notice[role=alert]")
    assert critical.locator(".portal-notice__body").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    violations = axe_violations(page)
    assert not violations, format_violations("compact notices at 320 px", violations)
    # The link leads to the whole notice on the notices page.
    compact.first.locator(".portal-notice__more a").click()
    page.wait_for_load_state()
    assert "/varsler/#notice-" in page.url
    target = page.url.rsplit("#", 1)[1]
    whole = page.locator(f"section:has(#{target})")
    assert "Vi sier fra når det er trygt." in whole.inner_text()
    # At 1280 px every notice is whole.
    page.set_viewport_size({"width": 1280, "height": 800})
    visit(page, live_server, notices["service"])
    assert page.locator(
        ".portal-notice--compact .portal-notice__body"
    ).first.is_visible()
