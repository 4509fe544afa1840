"""English (issue 10, defect 5): Norwegian content inside the English interface is
marked lang="nb" and says it exists only in Norwegian; links made inside /en/
stay inside /en/ wherever a translation or alias exists."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from tests.factories import UnitFactory, make_service

pytestmark = pytest.mark.django_db
NOTICE = "This page is only available in Norwegian."


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def english(site):
    """An English tree of aliases (what «Translate» gives before anyone
    translates), and a real English privacy statement."""
    locale = Locale.objects.get_or_create(language_code="en")[0]
    for key in ("home", "topic", "privacy", "accessibility", "index"):
        site[key].copy_for_translation(locale, alias=True)
    # Wagtail keeps the site roots per language in the default cache, which
    # outlives a test; a new language tree must be seen.
    Site.clear_site_root_paths_cache()
    return locale


def test_untranslated_content_is_marked_norwegian_with_a_notice(client, site):
    page = soup(client.get("/en/barnehage/"))
    assert page.html["lang"] == "en"
    assert page.h1["lang"] == "nb" and page.h1.get_text() == "Barnehage"
    summary = page.find(string="Alt om barnehage.").parent
    assert summary["lang"] == "nb"
    assert NOTICE in page.get_text()
    # The interface around it stays English (no lang="nb" on the headings).
    assert page.find(string="Skip to main content")


def test_an_alias_is_marked_norwegian_too(client, site, english):
    page = soup(client.get("/en/barnehage/"))
    assert page.h1["lang"] == "nb" and NOTICE in page.get_text()


def test_translated_and_norwegian_pages_carry_no_notice(client, site, english):
    nb = soup(client.get("/barnehage/"))
    assert not nb.h1.has_attr("lang") and NOTICE not in nb.get_text()
    translated = site["topic"].get_translation(english)
    translated.alias_of = None
    translated.title = "Kindergarten"
    translated.save_revision().publish()
    en = soup(client.get("/en/barnehage/"))
    assert en.h1.get_text() == "Kindergarten" and not en.h1.has_attr("lang")
    assert NOTICE not in en.get_text()


def test_english_footer_links_stay_in_english(client, site, english):
    footer = soup(client.get("/en/barnehage/")).select_one("footer")
    hrefs = [a["href"] for a in footer.select("a[href^='/']")]
    assert "/en/personvern/" in hrefs and "/en/tilgjengelighet/" in hrefs
    assert not [h for h in hrefs if not h.startswith("/en/")], hrefs


def test_an_english_search_click_lands_in_english(client, site, english):
    unit = UnitFactory(slug="barnehage", name="Barnehage")
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    service.copy_for_translation(english, alias=True)
    with translation.override("en"):
        click = reverse("search:click", args=[service.pk])
    assert click.startswith("/en/sok/")
    response = client.get(click)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/barnehage/")


def test_header_search_and_menu_on_every_page(client, site):
    unit = UnitFactory(slug="barnehage", name="Barnehage")
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    for url in (site["home"].url, site["topic"].url, service.url, "/sok/?q=plass"):
        page = soup(client.get(url))
        header = page.select_one("header.portal-header")
        search = header.select_one("form[role=search]")
        assert search["method"] == "get" and search["action"] == "/sok/", url
        field = search.select_one("input[name=q]")
        assert header.select_one(f"label[for={field['id']}]"), url
        menu = header.select_one("details.portal-menu")
        assert menu.summary.get_text(strip=True) == "Meny", url
        links = {a.get_text(strip=True): a["href"] for a in menu.select("a")}
        assert links["Barnehage"] == site["topic"].url, url
        assert "Gi tilbakemelding" in links and "Høringer" in links, links
