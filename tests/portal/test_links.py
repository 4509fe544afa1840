"""portal.links.page_links gives the same URLs as Wagtail's page.get_url()."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal.links import page_links
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def _request(host="localhost"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    return request


@pytest.mark.parametrize("language", ["nb", "en"])
def test_same_urls_as_wagtail(site, unit, language):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    english = Locale.objects.get_or_create(language_code="en")[0]
    # The English tree as aliases (as the demo content makes it).
    service.copy_for_translation(english, copy_parents=True, alias=True)
    site["privacy"].copy_for_translation(english, alias=True)
    # A second site, so that absolute URLs come into play too.
    other_root = Page.objects.get(depth=1).add_child(
        instance=Page(title="Annet", slug="annet")
    )
    Site.objects.create(hostname="annet.example", port=80, root_page=other_root)
    other_root.add_child(instance=Page(title="Side", slug="side"))

    pages = Page.objects.live().filter(depth__gte=2).order_by("path")
    assert pages.filter(locale=english).count() >= 4
    with translation.override(language):
        for host in ("localhost", "annet.example"):
            request = _request(host)
            links = {link.id: link.url for link in page_links(pages, request)}
            wagtail = {page.id: page.get_url(request) for page in pages}
            assert links == wagtail, host
    urls = [url for url in links.values() if url]
    assert any("/en/barnehage/" in url for url in urls)
    # Seen from the other site, pages of the first are absolute.
    assert any(url.startswith("http://localhost/") for url in urls)
