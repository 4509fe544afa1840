"""/sitemap.xml and /robots.txt (issue 15, «Sharing and finding»)."""

from xml.etree import ElementTree

import pytest
from wagtail.models import Locale

from home.models import StandardPage
from tests.factories import add_page

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def english(site):
    english = Locale.objects.get_or_create(language_code="en")[0]
    site["home"].copy_for_translation(english, alias=True)
    site["topic"].copy_for_translation(english, alias=True)
    return english


def _urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # Our own response, not untrusted input.
    tree = ElementTree.fromstring(response.content)  # noqa: S314
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }


def test_sitemap_lists_both_languages_with_hreflang_alternates(
    client, site, english, settings
):
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": "https://www.example.no"}
    urls = _urls(client)
    base = "https://www.example.no"
    topic_nb, topic_en = f"{base}/barnehage/", f"{base}/en/barnehage/"
    assert topic_nb in urls and topic_en in urls
    assert urls[topic_nb] == {"nb": topic_nb, "en": topic_en}
    assert urls[topic_en] == urls[topic_nb]
    assert f"{base}/" in urls and f"{base}/en/" in urls
    # A page with no English version has no alternates.
    assert urls[f"{base}/personvern/"] == {}
    # Absolute public links only, never the Site's hostname.
    assert all(loc.startswith(base + "/") for loc in urls)


def test_sitemap_leaves_out_drafts_and_private_pages(client, site):
    from wagtail.models import PageViewRestriction

    draft = add_page(site["home"], StandardPage(title="Utkast", slug="utkast"))
    draft.unpublish()
    closed = add_page(site["home"], StandardPage(title="Intern", slug="intern"))
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    urls = _urls(client)
    assert "http://testserver/personvern/" in urls
    assert not [loc for loc in urls if "utkast" in loc or "intern" in loc]


def test_robots_points_to_the_sitemap_and_keeps_private_paths_out(client, db, settings):
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": "https://www.example.no"}
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://www.example.no/sitemap.xml" in lines
    disallowed = {
        line.split(": ", 1)[1] for line in lines if line.startswith("Disallow")
    }
    for path in (
        "/admin/",
        "/sak/",
        "/innbyggerforslag/bekreft/",
        "/innbyggerforslag/forslagsstiller/",
        "/en/sak/",
        "/hoering/svar/",
    ):
        assert path in disallowed
    # The public pages stay crawlable.
    assert "/" not in disallowed
    assert "/hoering/" not in disallowed
