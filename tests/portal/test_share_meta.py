"""Open Graph, Twitter Card and canonical tags of public pages (issue 15)."""

import json
from html.parser import HTMLParser

from wagtail.models import Locale

from portal.models import Municipality


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])


def _head(response):
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def test_a_page_has_open_graph_twitter_and_canonical_tags(client, site, settings):
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": "https://www.example.no"}
    municipality = Municipality.load()
    municipality.name = "Prøvemo kommune"
    municipality.save()
    head = _head(client.get("/barnehage/"))
    assert head.canonical == ["https://www.example.no/barnehage/"]
    assert head.meta["og:url"] == "https://www.example.no/barnehage/"
    assert head.meta["og:title"] == "Barnehage"
    # The topic's summary when it has no search description.
    assert head.meta["og:description"] == "Alt om barnehage."
    assert head.meta["og:locale"] == "nb_NO"
    assert head.meta["og:site_name"] == "Prøvemo kommune"
    assert head.meta["twitter:card"] == "summary"
    assert head.meta["twitter:title"] == "Barnehage"


def test_search_description_wins_and_english_pages_say_en_gb(client, site):
    topic = site["topic"]
    topic.search_description = "Søk barnehageplass og les om åpningstider."
    topic.save_revision().publish()
    head = _head(client.get("/barnehage/"))
    assert head.meta["og:description"] == "Søk barnehageplass og les om åpningstider."

    english = Locale.objects.get_or_create(language_code="en")[0]
    site["home"].copy_for_translation(english, alias=True)
    topic.copy_for_translation(english, alias=True)
    head = _head(client.get("/en/barnehage/"))
    assert head.meta["og:locale"] == "en_GB"
    assert head.canonical == ["http://testserver/en/barnehage/"]


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.json_ld: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._in:
            self.json_ld.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.json_ld[-1] += data


def json_ld(response) -> list[dict]:
    assert response.status_code == 200
    parser = _Scripts()
    parser.feed(response.content.decode())
    return [json.loads(text) for text in parser.json_ld]


def test_a_service_is_a_government_service_of_the_municipality(client, site, unit):
    from tests.factories import make_service

    title = 'Barnehageplass </script><script>alert("x")</script> & mer'
    service = make_service(site["topic"], unit, title, what_it_is="<p>Plass.</p>")
    response = client.get(service.url)
    # The title cannot end the element: one JSON-LD script, no injected script.
    assert b'<script>alert("x")' not in response.content
    (data,) = json_ld(response)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == title
    assert data["description"] == service.summary
    assert data["url"] == "http://testserver" + service.url
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": Municipality.load().name,
    }


def test_other_pages_have_no_json_ld(client, site):
    assert json_ld(client.get("/barnehage/")) == []


def test_service_pages_have_plain_share_links(client, site, unit):
    from tests.factories import make_service

    service = make_service(site["topic"], unit, "Barnehageplass")
    html = client.get(service.url).content.decode()
    quoted = "http%3A%2F%2Ftestserver%2Fbarnehage%2Fbarnehageplass%2F"
    assert f'href="mailto:?subject=Barnehageplass&amp;body={quoted}"' in html
    assert "Del på e-post" in html
    assert f"https://www.facebook.com/sharer/sharer.php?u={quoted}" in html
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={quoted}" in html
    # Links only: no script or image from those services.
    assert '<script src="https://' not in html
