"""The public results page, autocomplete and click-through."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchTermDaily
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(site, unit):
    return {
        "plass": make_service(
            site["topic"],
            unit,
            "Søke barnehageplass",
            audiences=["innbyggere"],
            search_keywords="barnehage, bhg, kindergarten",
            summary="Søk om plass i barnehage før 1. mars.",
        ),
        "opp": make_service(
            site["topic"],
            unit,
            "Si opp barnehageplass",
            summary="Slik sier du opp plassen i barnehagen.",
        ),
    }


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_results_page(client, services):
    response, body = get(client, "/sok/", q="barnehageplass")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert 'value="barnehageplass"' in body  # the query stays in the box
    assert "2 treff på «barnehageplass»" in body
    assert "Søke barnehageplass" in body and "Si opp barnehageplass" in body
    assert "<mark>" in body  # highlighted snippet
    click = reverse("search:click", args=[services["plass"].pk])
    assert f'href="{click}?q=barnehageplass"' in body
    # Facets are plain links that work without JavaScript.
    assert "Filtrer treffene" in body and "?q=barnehageplass&amp;type=service" in body
    assert body.count("<h1") == 1


def test_facet_filter_and_removal(client, services, site):
    _, body = get(client, "/sok/", q="barnehage", type="topic")
    assert "1 treff" in body and "Søke barnehageplass" not in body
    assert 'aria-current="true"' in body and "Fjern alle filtre" in body
    _, body = get(
        client,
        "/sok/",
        q="barnehage",
        topic=str(site["topic"].pk),
        audience="innbyggere",
    )
    assert "Søke barnehageplass" in body and "Si opp barnehageplass" not in body
    # Values nobody could have produced are ignored, not errors.
    get(client, "/sok/", q="barnehage", type="x'--", topic="1e9", audience="<b>")


def test_pagination(client, site, unit):
    for n in range(12):
        make_service(site["topic"], unit, f"Parkering sone {n}")
    _, body = get(client, "/sok/", q="parkering")
    assert "12 treff" in body and "Side 1 av 2" in body and "side=2" in body
    _, body = get(client, "/sok/", q="parkering", side="2")
    assert "Side 2 av 2" in body and 'start="11"' in body and "Forrige side" in body
    get(client, "/sok/", q="parkering", side="99999999999")


def test_did_you_mean(client, services):
    _, body = get(client, "/sok/", q="barnehageplas")
    assert "Mente du" in body and "?q=barnehageplass" in body


def test_typo_finds_the_likely_spelling_unless_exact(client, services):
    _, body = get(client, "/sok/", q="kindergarden")
    assert "Mente du" in body and "?q=kindergarten" in body
    assert "Søke barnehageplass" in body
    _, body = get(client, "/sok/", q="kindergarden", exakt="1")
    assert "Søke barnehageplass" not in body


def test_zero_hits_page_helps(client, services, site):
    _, body = get(client, "/sok/", q="xyzzyplugh")
    assert "Vi fant ingenting på «xyzzyplugh»" in body
    assert site["topic"].url in body  # suggested topics
    assert "Servicetorget" in body and "66 90 90 00" in body
    try:
        question = reverse("feedback:submit", kwargs={"kind": "sporsmal"})
    except NoReverseMatch:
        question = None
    if question:
        assert question in body


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 1000,
        "barnehage " * 100,
        "!!! ??? ...",
        "&|!:*()",
        "barnehage & | ! : * ( ) <-> '\\",
        "'; DROP TABLE portal_search_searchentry; --",
        "1' OR '1'='1",
        "<script>alert(1)</script>",
        "\x00\x01\x7f",
        "😀 ✓",
        "ø" * 300,
    ],
)
def test_bad_input_gives_a_page(client, services, query):
    response = client.get("/sok/", {"q": query, "type": query, "side": query})
    assert response.status_code in (200, 414)
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "Traceback" not in body and "syntax error" not in body.lower()


def test_non_utf8_query_string(client, services):
    response = client.get("/sok/", QUERY_STRING="q=barnehage%FF%FEplass&type=%C3")
    assert response.status_code == 200
    response = client.get("/sok/forslag/", QUERY_STRING="q=%FF%FE")
    assert response.status_code == 200


def test_results_page_query_count(client, services):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/sok/", {"q": "barnehageplass"})  # warm caches (site root paths)
    # The page chrome (site, footer, links) is pinned by its owners; what search
    # adds on top is pinned here: best bets, vocabulary lookup, the one search
    # statement, statistics (savepoint, SET LOCAL, upsert, release: a transaction
    # of its own outside tests) and audience labels for the facet.
    with CaptureQueriesContext(connection) as chrome:
        client.get("/sok/")
    for query in ("barnehageplass", "barnehage", "søknad barnehage"):
        with CaptureQueriesContext(connection) as full:
            client.get("/sok/", {"q": query})
        sql = [q["sql"][:60] for q in full.captured_queries]
        assert len(full) - len(chrome) == 8, sql


def test_english_interface_searches_norwegian_content(client, services):
    _, body = get(client, "/en/sok/", q="kindergarten")
    assert '<html lang="en"' in body and "Søke barnehageplass" in body
    assert "1 result for «kindergarten»" in body


def test_autocomplete_json(client, services):
    response = client.get("/sok/forslag/", {"q": "barneh"})
    assert response.status_code == 200 and response["X-Robots-Tag"]
    titles = [r["title"] for r in response.json()["results"]]
    assert "Søke barnehageplass" in titles
    assert response.json()["results"][0]["url"].startswith("/")
    assert client.get("/sok/forslag/", {"q": ""}).json() == {"results": []}


def test_search_box_is_enhanced_progressively(client, services, site):
    _, body = get(client, site["home"].url)
    assert 'data-suggest-url="/sok/forslag/"' in body
    assert "search/js/autocomplete.js" in body
    assert "<script>" not in body  # CSP: no inline scripts


def test_click_records_and_redirects(client, services):
    page = services["plass"]
    response = client.get(
        reverse("search:click", args=[page.pk]), {"q": "Barnehageplass"}
    )
    assert response.status_code == 302 and response["Location"] == page.url
    row = SearchTermDaily.objects.get(query="barnehageplass")
    assert row.clicks == 1


def test_click_never_redirects_elsewhere(client, services, site):
    assert client.get("/sok/klikk/999999/").status_code == 404
    services["opp"].unpublish()
    assert client.get(f"/sok/klikk/{services['opp'].pk}/").status_code == 404
    response = client.get(
        f"/sok/klikk/{services['plass'].pk}/", {"next": "https://evil.example"}
    )
    assert response["Location"] == services["plass"].url


def test_statistics_count_searches_and_zero_hits(client, services):
    client.get("/sok/", {"q": "Barnehageplass "})
    client.get("/sok/", {"q": "barnehageplass", "side": "2"})  # paging: not again
    client.get("/sok/", {"q": "barnehageplass", "type": "service"})  # refining
    client.get("/sok/", {"q": "xyzzyplugh"})
    row = SearchTermDaily.objects.get(query="barnehageplass")
    assert (row.searches, row.zero_hits, row.date) == (1, 0, timezone.localdate())
    assert SearchTermDaily.objects.get(query="xyzzyplugh").zero_hits == 1


def test_statistics_keep_no_personal_data(client, services):
    client.get("/sok/", {"q": "ola.nordmann@example.org 01017012345 barnehage"})
    queries = list(SearchTermDaily.objects.values_list("query", flat=True))
    assert queries == ["# # barnehage"]


def test_best_bets_come_first(client, services):
    query = Query.get("plass")
    SearchPromotion.objects.create(
        query=query, page=services["opp"], sort_order=0, description="Oppsigelse"
    )
    _, body = get(client, "/sok/", q="Plass")
    assert "Anbefalt" in body
    assert body.index("Si opp barnehageplass") < body.index("Søke barnehageplass")
    assert body.count("Si opp barnehageplass") == 1  # not repeated below


def test_statistics_older_than_report_window_are_left_out(services):
    from search.selectors import search_terms_report

    old = timezone.localdate() - datetime.timedelta(days=40)
    SearchTermDaily.objects.create(date=old, query="gammelt", searches=5)
    SearchTermDaily.objects.create(
        date=timezone.localdate(), query="nytt", searches=4, clicks=2
    )
    rows = list(search_terms_report())
    assert [r["query"] for r in rows] == ["nytt"]
    assert rows[0]["click_through"] == 0.5
