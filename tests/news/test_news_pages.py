"""News pages, the news index, their feeds and where news shows on other pages:
the home page, its topic's page and its audiences' pages; the press room
(issue 15, «News and the press room»)."""

import datetime
import io

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from home.models import Audience, AudiencePage, TopicPage
from news.models import NewsIndexPage, NewsPage, PressContact, PressContacts
from news.selectors import NEWS_PER_PAGE
from tests.factories import add_page, make_service
from tests.portal.test_share_meta import json_ld

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def make_news(index, title, *, day, topic=None, kind="news", audiences=(), **fields):
    fields.setdefault("summary", f"Kort om {title.lower()}.")
    fields.setdefault("body", f"<p>{title}.</p>")
    page = NewsPage(
        title=title,
        date=datetime.date(2026, 11, day),
        topic=topic,
        kind=kind,
        **fields,
    )
    index.add_child(instance=page)
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    page.save_revision().publish()
    return page


@pytest.fixture
def news(site):
    index = add_page(
        site["home"],
        NewsIndexPage(title="Nyheter", slug="nyheter", summary="Nytt fra kommunen."),
    )
    roads = add_page(
        site["home"], TopicPage(title="Vei og trafikk", slug="vei", summary="Veier.")
    )
    items = {
        "kindergarten": make_news(
            index,
            "Nye barnehageplasser",
            day=26,
            topic=site["topic"],
            audiences=["innbyggere"],
        ),
        "roads": make_news(index, "Brøyting i vinter", day=5, topic=roads),
        "budget": make_news(
            index,
            "Budsjett for 2027",
            day=24,
            kind="press_release",
            audiences=["media"],
        ),
    }
    return {"index": index, "roads": roads, **items}


def titles(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select(".news-card h3")]


def test_the_index_lists_news_newest_first(client, news):
    page = soup(client.get(news["index"].url))
    assert titles(page) == [
        "Nye barnehageplasser",
        "Budsjett for 2027",
        "Brøyting i vinter",
    ]
    assert "3 nyheter" in page.find(attrs={"role": "status"}).get_text()
    # The press release says so on its card.
    budget = page.find("a", string="Budsjett for 2027").find_parent("li")
    assert "Pressemelding" in budget.get_text()


def test_the_index_filters_by_topic_and_kind(client, news):
    url = news["index"].url
    assert titles(soup(client.get(url + "?tema=vei"))) == ["Brøyting i vinter"]
    assert titles(soup(client.get(url + "?type=pressemeldinger"))) == [
        "Budsjett for 2027"
    ]
    # A topic without news is no choice; an unknown one is ignored, not an error.
    page = soup(client.get(url + "?tema=finnes-ikke"))
    assert len(titles(page)) == 3
    options = [o["value"] for o in page.select("#news-topic option")]
    assert options == ["", "barnehage", "vei"]


def test_the_index_pages_by_twelve(client, news):
    for n in range(NEWS_PER_PAGE):
        make_news(news["index"], f"Melding {n:02d}", day=1)
    first = soup(client.get(news["index"].url))
    assert len(titles(first)) == NEWS_PER_PAGE
    assert first.find("a", string="Neste")["href"] == "?side=2"
    second = soup(client.get(news["index"].url + "?side=2"))
    assert len(titles(second)) == 3
    # Filters survive paging; a page number that does not exist gives the last.
    filtered = soup(client.get(news["index"].url + "?side=99&type=pressemeldinger"))
    assert titles(filtered) == ["Budsjett for 2027"]


def test_a_news_page_names_its_topic_audience_and_related_news(client, site, news):
    more = make_news(news["index"], "Ny barnehage åpner", day=2, topic=site["topic"])
    page = soup(client.get(more.url))
    assert page.h1.get_text() == "Ny barnehage åpner"
    assert page.find("time")["datetime"] == "2026-11-02"
    facts = page.select_one(".portal-facts").get_text(" ", strip=True)
    assert "Tema Barnehage" in facts
    related = page.find(id="related-news").find_parent("section")
    assert "Nye barnehageplasser" in related.get_text()
    assert "Ny barnehage åpner" not in related.get_text()


def test_the_topic_page_and_the_home_page_show_the_news(client, site, news):
    topic = soup(client.get(site["topic"].url))
    assert titles(topic) == ["Nye barnehageplasser"]
    assert topic.find("a", string="Alle nyheter")["href"] == "/nyheter/?tema=barnehage"
    home = soup(client.get(site["home"].url))
    assert titles(home) == [
        "Nye barnehageplasser",
        "Budsjett for 2027",
        "Brøyting i vinter",
    ]


def test_a_publish_shows_on_the_cached_home_page(client, site, news):
    client.get(site["home"].url)
    make_news(news["index"], "Helt ny nyhet", day=30)
    assert titles(soup(client.get(site["home"].url)))[0] == "Helt ny nyhet"


def test_a_draft_or_unpublished_news_item_is_nowhere(client, site, news):
    news["roads"].unpublish()
    draft = news["budget"]
    draft.title = "Hemmelig utkast"
    draft.save_revision()
    for url in (site["home"].url, news["index"].url, news["roads"].url):
        text = client.get(url).content.decode()
        assert "Brøyting i vinter" not in text and "Hemmelig utkast" not in text
    feed = feedparser.parse(client.get(reverse("newsroom:rss")).content)
    assert [e.title for e in feed.entries] == [
        "Nye barnehageplasser",
        "Pressemelding: Budsjett for 2027",
    ]


@pytest.mark.parametrize("name", ["newsroom:rss", "newsroom:atom"])
def test_the_feeds_parse_with_absolute_links(client, news, name):
    response = client.get(reverse(name))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [
        "Nye barnehageplasser",
        "Pressemelding: Budsjett for 2027",
        "Brøyting i vinter",
    ]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + news["kindergarten"].url
    assert entry.summary == "Kort om nye barnehageplasser."
    assert feed.feed.title == "Nyheter – Asker kommune"


def test_the_topic_and_press_feeds(client, news):
    topic = feedparser.parse(
        client.get(reverse("newsroom:topic_rss", args=["vei"])).content
    )
    assert [e.title for e in topic.entries] == ["Brøyting i vinter"]
    assert topic.feed.title == "Nyheter om Vei og trafikk – Asker kommune"
    press = feedparser.parse(client.get(reverse("newsroom:press_atom")).content)
    assert [e.title for e in press.entries] == ["Pressemelding: Budsjett for 2027"]
    assert client.get(reverse("newsroom:topic_rss", args=["ingen"])).status_code == 404


def test_an_image_needs_its_alt_text_and_a_summary_is_required(
    site, news, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    page = news["kindergarten"]
    page.image = _image()
    page.image_alt = " "
    page.summary = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) >= {"image_alt", "summary"}
    page.slug = "rss"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def _image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#336699").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Barnehage", file=ImageFile(buffer, name="barnehage.png")
    )


def test_a_news_page_shares_its_image_and_is_a_news_article(
    client, news, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    page = news["kindergarten"]
    page.image = _image()
    page.image_alt = "Barn som leker i sandkassa."
    page.save_revision().publish()
    response = client.get(page.url)
    html = soup(response)
    image = html.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    assert html.find("meta", property="og:image:alt")["content"] == (
        "Barn som leker i sandkassa."
    )
    assert html.find("meta", property="og:type")["content"] == "article"
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == (
        "summary_large_image"
    )
    assert html.select_one("article img")["alt"] == "Barn som leker i sandkassa."
    (data,) = json_ld(response)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Nye barnehageplasser"
    assert data["datePublished"] == "2026-11-26"
    assert data["image"] == image
    assert data["publisher"]["name"] == "Asker kommune"


def test_pages_without_an_image_share_no_image(client, site):
    html = soup(client.get(site["topic"].url))
    assert html.find("meta", property="og:image") is None
    assert html.find("meta", property="og:type")["content"] == "website"


@pytest.fixture
def audiences(site, unit, news):
    kindergarten = make_service(site["topic"], unit, "Søke barnehageplass")
    pages = {}
    for slug, title, press in [
        ("innbyggere", "For innbyggere", False),
        ("media", "Presserom", True),
    ]:
        page = AudiencePage(
            title=title,
            slug=slug,
            summary=f"Det {slug} trenger.",
            audience=Audience.objects.get(slug=slug),
            is_press_room=press,
            show_in_menus=True,
        )
        site["home"].add_child(instance=page)
        page.top_tasks.create(link_page=kindergarten)
        page.save_revision().publish()
        pages[slug] = page
    return pages


def test_an_audience_page_has_its_tasks_news_and_the_services_for_it(client, audiences):
    page = soup(client.get(audiences["innbyggere"].url))
    tasks = page.find(id="audience-tasks").find_parent("section")
    assert [a.get_text() for a in tasks.select(".portal-tasks a")] == [
        "Søke barnehageplass"
    ]
    assert tasks.find("a", string="Alle tjenester for innbyggere")["href"] == (
        "/a-a/?malgruppe=innbyggere"
    )
    assert titles(page) == ["Nye barnehageplasser"]


def test_the_press_room_has_the_contacts_and_press_releases(client, audiences):
    press = PressContacts.load()
    press.on_call_phone = "66 90 00 99"
    press.on_call_hours = "Hele døgnet"
    press.email = "presse@kommune.example"
    press.save()
    PressContact.objects.create(
        settings=press,
        name="Kari Nordmann",
        role="Kommunikasjonssjef",
        phone="66 90 00 10",
    )
    page = soup(client.get(audiences["media"].url))
    contacts = page.find(id="press-contacts").find_parent("section").get_text(" ")
    assert "66 90 00 99" in contacts and "Hele døgnet" in contacts
    assert "Kari Nordmann, Kommunikasjonssjef" in contacts
    assert page.find("a", href="tel:66900099")
    releases = page.find(id="press-releases").find_parent("section")
    assert titles(releases) == ["Budsjett for 2027"]
    assert releases.find("a", href=reverse("newsroom:press_rss"))
    # The media's news would be the press releases again: shown once.
    assert page.find(id="latest-news") is None


def test_the_home_page_and_the_menu_link_the_audience_pages_and_news(
    client, site, audiences
):
    home = soup(client.get(site["home"].url))
    links = [
        a.get_text() for a in home.find(id="audiences").find_parent("nav").select("a")
    ]
    assert links == ["For innbyggere", "Presserom"]
    menu = home.select_one(".portal-menu__panel")
    section = menu.find("h2", string="Aktuelt og informasjon").find_next("ul")
    assert [a.get_text() for a in section.select("a")] == [
        "For innbyggere",
        "Presserom",
    ]


def test_news_in_english_is_the_norwegian_text_marked_so(client, site, news):
    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (site["home"], site["topic"], news["index"], news["kindergarten"]):
        page.copy_for_translation(english, alias=True)
    Site.clear_site_root_paths_cache()
    page = soup(client.get("/en/nyheter/"))
    assert page.html["lang"] == "en"
    card = page.find("a", string="Nye barnehageplasser")
    assert card["href"] == "/en/nyheter/nye-barnehageplasser/"
    item = soup(client.get(card["href"]))
    assert item.h1["lang"] == "nb"
    assert item.find("time").get_text() == "26 November 2026"
    feed = feedparser.parse(client.get("/en/nyheter/rss/").content)
    assert feed.entries[0].link == "http://testserver/en/nyheter/nye-barnehageplasser/"
    assert feed.feed.title == "News – Asker municipality"


def test_site_search_finds_news(client, news):
    # Published news are indexed on publish (search.signals), as every page.
    page = soup(client.get("/sok/?q=barnehageplasser"))
    assert page.find("a", string="Nye barnehageplasser")
