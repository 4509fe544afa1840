"""News, the news index and the press room in the browser: axe-clean and no
wider than a phone, in both languages (issue 15)."""

import pytest
from wagtail.models import Locale, Site

from home.models import Audience, AudiencePage, HomePage, TopicPage
from news.models import NewsIndexPage
from tests.browser.conftest import assert_accessible
from tests.factories import add_page
from tests.news.test_news_pages import make_news

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def news_site(portal_pages):
    home = HomePage.objects.get(locale=Locale.get_default())
    topic = TopicPage.objects.child_of(home).first()
    index = add_page(
        home, NewsIndexPage(title="Nyheter", slug="nyheter", summary="Nytt.")
    )
    item = make_news(index, "Nye barnehageplasser", day=26, topic=topic)
    make_news(index, "Budsjett for 2027", day=24, kind="press_release")
    press = AudiencePage(
        title="Presserom",
        slug="presse",
        summary="For mediene.",
        audience=Audience.objects.get(slug="media"),
        is_press_room=True,
    )
    home.add_child(instance=press)
    press.save_revision().publish()
    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (home, index, item, press):
        if page.get_translation_or_none(english) is None:
            page.copy_for_translation(english, alias=True)
    Site.clear_site_root_paths_cache()
    return {"item": item}


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_news_pages_are_accessible_and_fit_a_phone(
    page, live_server, news_site, width, prefix
):
    page.set_viewport_size({"width": width, "height": 800})
    for path in (
        "/nyheter/",
        "/nyheter/?type=pressemeldinger",
        "/nyheter/nye-barnehageplasser/",
        "/presse/",
        "/",
    ):
        url = prefix + path
        assert_accessible(page, live_server, url)
        width_now = page.evaluate("document.documentElement.scrollWidth")
        assert width_now <= width, f"{url} is {width_now} px wide at {width}"
