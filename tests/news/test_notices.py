"""Important notices: on every page at once, cached pages too, and gone at their
end without anyone publishing (the clock is frozen where time matters)."""

import datetime
import zoneinfo

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Notice, NoticeTemplate
from tests.factories import UserFactory, make_service

pytestmark = pytest.mark.django_db

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
START = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=OSLO)


def at(hours):
    return START + datetime.timedelta(hours=hours)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Every test here runs at START unless it moves the clock."""

    class Clock:
        def set(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)
            return moment

    clock = Clock()
    clock.set(START)
    return clock


@pytest.fixture
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def publish_notice(**fields) -> Notice:
    values = {
        "title": "Kokevarsel i Heggedal",
        "body": "Kok vannet før du drikker det.\n\nVi sier fra når det er trygt.",
        "starts_at": START,
    } | fields
    notice = Notice(**values, live=False)
    notice.save()
    notice.save_revision().publish()
    return notice


def text(response) -> str:
    return response.content.decode()


def test_a_published_notice_is_on_every_page_and_a_draft_on_none(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    draft = Notice(title="Utkast som ikke skal vises", body="Nei.", live=False)
    draft.save()
    publish_notice(level="warning")
    for url in [
        site["home"].url,
        site["topic"].url,
        service.url,
        site["index"].url,
        reverse("search:search") + "?q=barnehage",
        "/si-din-mening/forslag/",
    ]:
        page = text(client.get(url))
        assert "Kokevarsel i Heggedal" in page, url
        assert "Vi sier fra når det er trygt." in page, url
        assert "Utkast som ikke skal vises" not in page, url
        assert "<!--portal:notices-->" not in page, url


def test_critical_interrupts_and_the_others_are_polite(client, site):
    publish_notice(level="critical")
    publish_notice(title="Stengt vei på Slemmestad", level="info")
    page = text(client.get(site["home"].url))
    critical = page.index("Kokevarsel i Heggedal")
    info = page.index("Stengt vei på Slemmestad")
    assert critical < info  # the most serious first
    assert page.count('role="alert"') == 1
    assert page.rfind('role="alert"', 0, critical) > page.rfind(
        'role="status"', 0, critical
    )
    assert 'role="status"' in page[critical:info]


def test_a_cached_page_shows_a_new_notice_at_once(client, site, page_cache, clock):
    assert client.get(site["topic"].url)["X-Page-Cache"] == "miss"
    assert client.get(site["topic"].url)["X-Page-Cache"] == "hit"
    publish_notice()
    response = Client().get(site["topic"].url)
    assert "Kokevarsel i Heggedal" in text(response)


def test_a_notice_disappears_at_its_end_from_cached_pages_without_a_publish(
    client, site, page_cache, clock
):
    publish_notice(ends_at=at(6))
    assert "Kokevarsel" in text(client.get(site["topic"].url))  # miss, stored
    clock.set(at(5))
    during = client.get(site["topic"].url)
    assert during["X-Page-Cache"] == "hit" and "Kokevarsel" in text(during)
    clock.set(at(6))
    after = client.get(site["topic"].url)
    assert after["X-Page-Cache"] == "hit"  # the same stored page …
    assert "Kokevarsel" not in text(after)  # … without the notice


def test_a_scheduled_notice_appears_at_its_start_on_a_cached_page(
    client, site, page_cache, clock
):
    publish_notice(starts_at=at(2))
    assert "Kokevarsel" not in text(client.get(site["home"].url))
    clock.set(at(2))
    response = client.get(site["home"].url)
    assert response["X-Page-Cache"] == "hit"
    assert "Kokevarsel" in text(response)


def test_a_hit_with_a_notice_costs_no_query(
    client, site, page_cache, django_assert_num_queries
):
    publish_notice()
    client.get(site["topic"].url)
    with django_assert_num_queries(0):
        response = Client().get(site["topic"].url)
    assert response["X-Page-Cache"] == "hit" and "Kokevarsel" in text(response)


def test_saving_a_draft_does_not_drop_the_cached_pages(client, site, page_cache):
    notice = publish_notice()
    client.get(site["topic"].url)
    notice.title = "Ny tittel, ikke publisert"
    notice.save_revision()
    response = client.get(site["topic"].url)
    assert response["X-Page-Cache"] == "hit"
    assert "Ny tittel" not in text(response)


def test_english_pages_show_english_text_or_mark_the_norwegian(client, site):
    publish_notice()
    publish_notice(
        title="Stengt vei på Slemmestad",
        title_en="Road closed at Slemmestad",
        body="Følg omkjøringen.",
        body_en="Follow the detour.",
    )
    page = text(client.get("/en/"))
    assert "Road closed at Slemmestad" in page and "Follow the detour." in page
    assert 'lang="nb">Kokevarsel i Heggedal</h2>' in page
    # On Norwegian pages nothing is marked: the text is in the page's language.
    assert 'lang="nb">Kokevarsel' not in text(client.get("/"))


def test_postcodes_are_checked_and_shown(client, site):
    notice = Notice(title="Vannavbrudd", body="Ikke vann.", postcodes="1389,1390 1389")
    notice.full_clean()
    assert notice.postcodes == "1389, 1390"
    bad = Notice(title="Vannavbrudd", body="Ikke vann.", postcodes="1389, 13a9")
    with pytest.raises(Exception, match="13a9"):
        bad.full_clean()
    ends_first = Notice(title="V", body="V", starts_at=START, ends_at=at(-1))
    with pytest.raises(Exception, match="etter starten"):
        ends_first.full_clean()
    publish_notice(postcodes="1389, 1390")
    assert "1389, 1390" in text(client.get("/"))


def test_the_notices_page_and_feeds(client, site, clock):
    publish_notice(ends_at=at(1))
    publish_notice(title="Stengt vei på Slemmestad")
    publish_notice(title="Farevarsel neste uke", starts_at=at(100))
    clock.set(at(2))
    page = text(client.get(reverse("news:notices")))
    now_part, ended_part = page.split("Avsluttet")
    assert "Stengt vei på Slemmestad" in now_part
    assert "Kokevarsel i Heggedal" in ended_part
    assert "Farevarsel neste uke" not in page
    for name in ("news:notices_rss", "news:notices_atom"):
        feed = feedparser.parse(client.get(reverse(name)).content)
        titles = [entry.title for entry in feed.entries]
        assert len(titles) == 2, name
        assert any("Stengt vei på Slemmestad" in t for t in titles)
        assert not any("Farevarsel" in t for t in titles)


def test_an_editor_starts_a_notice_from_a_template(client, site):
    template = NoticeTemplate.objects.create(
        name="Kokevarsel", level="critical", title="Kokevarsel i [område]", body="Kok."
    )
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    from news.demo import _grant_editors

    _grant_editors()
    client.force_login(editor)
    url = reverse("wagtailsnippets_news_noticetemplate:use", args=[template.pk])
    assert client.get(url).status_code == 200
    assert Notice.objects.count() == 0  # a GET makes nothing
    response = client.post(url)
    notice = Notice.objects.get()
    assert response.url == reverse("wagtailsnippets_news_notice:edit", args=[notice.pk])
    assert (notice.title, notice.level, notice.live) == (
        "Kokevarsel i [område]",
        "critical",
        False,
    )
    assert notice.revisions.count() == 1
    assert "Kokevarsel i [område]" not in text(client.get("/"))


def test_staff_without_notice_rights_cannot_use_a_template(client, site):
    template = NoticeTemplate.objects.create(name="Kokevarsel", title="K", body="K")
    handler = UserFactory(is_staff=True)
    handler.groups.add(Group.objects.get_or_create(name="Handlers")[0])
    client.force_login(handler)
    url = reverse("wagtailsnippets_news_noticetemplate:use", args=[template.pk])
    assert client.post(url).status_code in (302, 403)
    assert Notice.objects.count() == 0


def test_the_demo_has_four_templates_and_a_notice_in_force_every_time(
    client, site, clock
):
    import io

    from news import demo

    demo.seed(io.StringIO())
    demo.seed(io.StringIO())  # idempotent
    assert NoticeTemplate.objects.count() == 4
    assert Notice.objects.count() == 1
    # A week later, seeding again brings the demo notice back into force.
    clock.set(at(24 * 10))
    assert "Vannavbrudd i Heggedal" not in text(client.get("/"))
    demo.seed(io.StringIO())
    assert "Vannavbrudd i Heggedal" in text(client.get("/"))
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_notice", "change_notice", "publish_notice"} <= codenames
