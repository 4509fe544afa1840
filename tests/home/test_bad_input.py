"""Bad input never gives a 500: unknown paths, malformed query strings and unknown
filter values get a proper page. And the A–Å index filters and sorts right."""

import pytest

from home.collation import index_letter, sort_key
from home.models import LifeSituation
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def _in_design(body: str):
    # The site's own layout: header, skip link, main landmark, footer.
    for part in (
        'class="portal-header"',
        'href="#main-content"',
        'id="main-content"',
        'class="portal-footer"',
    ):
        assert part in body, part


@pytest.mark.parametrize(
    "path",
    [
        "/finnes-ikke/",
        "/en/finnes-ikke/",
        "/barnehage/finnes-ikke/",
        "/barnehage/s%C3%B8ke/",
        "/%ff%fe/",
        "/" + "a/" * 200,
        "/a-a/x/y/",
    ],
)
def test_unknown_paths_give_the_404_page(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    _in_design(body)
    if path.startswith("/en/"):
        assert "We could not find the page" in body
    else:
        assert "Vi fant ikke siden" in body


def test_huge_query_string_gives_the_414_page(client, site):
    response = client.get(site["index"].url + "?malgruppe=" + "x" * 5000)
    assert response.status_code == 414
    body = response.content.decode()
    _in_design(body)
    assert "For mye på en gang" in body


def test_too_many_parameters_give_the_400_page(client, site):
    response = client.get(site["index"].url + "?" + "a&" * 1500)
    assert response.status_code == 400
    _in_design(response.content.decode())


@pytest.mark.parametrize(
    "query",
    [
        "malgruppe=%ff%fe",
        "malgruppe=%zz",
        "malgruppe=%00",
        "malgruppe=innbyggere%00",
        "livssituasjon=" + "%C3" * 10,
        "malgruppe[]=innbyggere",
        "malgruppe=finnes-ikke&livssituasjon=heller-ikke",
        "%ff=%ff",
        "=&&=&malgruppe",
    ],
)
def test_malformed_or_unknown_filters_are_ignored(client, site, unit, query):
    make_service(site["topic"], unit, "Søke barnehageplass", audiences=["innbyggere"])
    make_service(site["topic"], unit, "Skjenkebevilling", audiences=["naeringsliv"])
    response = client.get(f"{site['index'].url}?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    # Ignored: the whole list, as without a filter.
    assert "Søke barnehageplass" in body and "Skjenkebevilling" in body


def test_non_utf8_query_on_every_page_type(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    for url in (
        site["home"].url,
        site["topic"].url,
        service.url,
        site["privacy"].url,
        "/livez",
        "/healthz",
    ):
        response = client.get(url + "?q=%ff%fe&q=1&page=-1&page=%00")
        assert response.status_code == 200, url


@pytest.fixture
def services(site, unit):
    LifeSituation.objects.create(slug="fa-barn", name="Få barn")
    LifeSituation.objects.create(slug="flytte", name="Flytte")
    topic = site["topic"]
    return {
        "barnehage": make_service(
            topic,
            unit,
            "Søke barnehageplass",
            audiences=["innbyggere"],
            situations=["fa-barn"],
        ),
        "parkering": make_service(
            topic,
            unit,
            "Parkeringstillatelse",
            audiences=["innbyggere", "naeringsliv"],
            situations=["flytte"],
        ),
        "skjenking": make_service(
            topic, unit, "Skjenkebevilling", audiences=["naeringsliv"]
        ),
        "lokaler": make_service(
            topic,
            unit,
            "Leie lokaler",
            audiences=["lag-og-foreninger"],
            situations=["fa-barn"],
        ),
    }


def _listed(client, url) -> set[str]:
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select(".portal-letter-group a")}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"barnehage", "parkering", "skjenking", "lokaler"}),
        ("malgruppe=innbyggere", {"barnehage", "parkering"}),
        ("malgruppe=naeringsliv", {"parkering", "skjenking"}),
        ("malgruppe=media", set()),
        # Several audiences: any of them.
        (
            "malgruppe=innbyggere&malgruppe=lag-og-foreninger",
            {"barnehage", "parkering", "lokaler"},
        ),
        ("livssituasjon=fa-barn", {"barnehage", "lokaler"}),
        # Audience and life situation together: both must hold.
        ("malgruppe=innbyggere&livssituasjon=fa-barn", {"barnehage"}),
        ("malgruppe=naeringsliv&livssituasjon=flytte", {"parkering"}),
        # Repeated and unknown values change nothing.
        (
            "malgruppe=innbyggere&malgruppe=innbyggere&malgruppe=ukjent",
            {"barnehage", "parkering"},
        ),
    ],
)
def test_filters_return_the_right_services(client, site, services, query, expected):
    titles = {key: page.title for key, page in services.items()}
    listed = _listed(client, f"{site['index'].url}?{query}")
    assert listed == {titles[key] for key in expected}


def test_filter_state_is_kept_in_the_form(client, site, services):
    body = client.get(
        site["index"].url + "?malgruppe=naeringsliv&livssituasjon=flytte"
    ).content.decode()
    assert 'value="naeringsliv" id="aud-naeringsliv" checked' in body
    assert 'value="flytte" id="ls-flytte" checked' in body
    assert 'value="innbyggere" id="aud-innbyggere" checked' not in body


def test_norwegian_alphabetical_order(client, site, unit):
    titles = [
        "Åpen barnehage",
        "Zoneparkering",
        "Ørefjerning",
        "Ærfugljakt",
        "avfall",
        "Aktivitetskort",
        "Élevkort",
        "Ødemark",
        "17. mai",
    ]
    for title in titles:
        make_service(site["topic"], unit, title)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(site["index"].url).content, "html.parser")
    letters = [h.get_text(strip=True) for h in soup.select(".portal-letter-group h2")]
    assert letters == ["#", "A", "E", "Z", "Æ", "Ø", "Å"]
    listed = [a.get_text(strip=True) for a in soup.select(".portal-letter-group a")]
    assert listed == [
        "17. mai",
        "Aktivitetskort",
        "avfall",
        "Élevkort",
        "Zoneparkering",
        "Ærfugljakt",
        "Ødemark",
        "Ørefjerning",
        "Åpen barnehage",
    ]


@pytest.mark.parametrize(
    ("words", "ordered"),
    [
        (["Å", "Ø", "Æ", "Z", "A"], ["A", "Z", "Æ", "Ø", "Å"]),
        (["ål", "øl", "æl", "zl", "al"], ["al", "zl", "æl", "øl", "ål"]),
        (["Ärlig", "Ærlig", "Örn", "Ørn"], ["Ärlig", "Ærlig", "Örn", "Ørn"]),
        (["Bø", "Bo", "Bå", "Bæ"], ["Bo", "Bæ", "Bø", "Bå"]),
        (["école", "Eple", "Edel"], ["école", "Edel", "Eple"]),
    ],
)
def test_sort_key_is_norwegian(words, ordered):
    assert sorted(words, key=sort_key) == ordered


def test_index_letter():
    assert [index_letter(w) for w in ["Åpen", "ørn", "Ærlig", "élan", "3D", "—"]] == [
        "Å",
        "Ø",
        "Æ",
        "E",
        "#",
        "#",
    ]


def test_refusal_page_in_the_visitors_language(client, site):
    response = client.get("/en" + site["index"].url + "?q=" + "x" * 5000)
    assert response.status_code == 414
    body = response.content.decode()
    assert '<html lang="en"' in body and "Too much at once" in body
