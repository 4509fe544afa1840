"""Published citizen proposals are in the public site search (issue 14): found
by their words, with their own type, and only while public."""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

import search
from proposals import services
from proposals.choices import RefusalReason
from search.indexing import indexed_languages
from search.models import SearchEntry, SearchTermDaily

from .conftest import start_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_language_after():
    # The test client leaves the language of its last request active in the
    # thread; /en/ requests must not leak into the next test's e-mail links.
    yield
    translation.activate(settings.LANGUAGE_CODE)


def results_page(client, q, path="/sok/", **params):
    response = client.get(path, {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def pending(**overrides):
    proposal = services.proposal_start(submitted=start_input(**overrides))
    return services.proposal_confirm(proposal=proposal, notify=False)


def test_a_published_proposal_is_found_by_its_title_and_background(client, published):
    click = reverse("search:click_source", args=["proposal", published.pk])
    assert click == f"/sok/klikk/proposal/{published.pk}/"
    for word in ("lysløypa", "jobb"):  # the title, the background
        body = results_page(client, word)
        assert published.title in body
        assert f'href="{click}?q={quote(word)}"' in body
        # The type facet names it.
        assert "Innbyggerforslag" in body
    results = search.search("lysløypa")
    assert [h.key for h in results.hits] == [f"proposal:{published.pk}"]
    assert {f.value: f.count for f in results.facets["type"]} == {"proposal": 1}
    # The initiator's name is not searchable.
    assert search.search("Nordmann").total == 0


def test_the_type_facet_filters_proposals(client, published, site, unit):
    from tests.factories import make_service

    make_service(site["topic"], unit, "Lysløypa Vettre, åpningstider")
    assert search.search("lysløypa").total == 2
    only = search.search("lysløypa", filters={"type": ["proposal"]})
    assert [h.kind for h in only.hits] == ["proposal"]
    body = results_page(client, "lysløypa", type="proposal")
    assert "Lysløypa Vettre, åpningstider" not in body
    assert published.title in body


def test_awaiting_moderation_or_refused_is_not_found_until_published(
    client, secretariat, staff
):
    waiting = pending()
    assert search.search("lysløypa").total == 0
    assert "Lys i lysløypa" not in results_page(client, "lysløypa")
    refused = pending(title="Lysløype i Heggedal")
    services.proposal_refuse(
        proposal=refused, by=staff["secretariat"], reason=RefusalReason.SINGLE_CASE
    )
    assert search.search("heggedal").total == 0
    assert not SearchEntry.objects.filter(key__startswith="proposal:").exists()

    services.proposal_publish(proposal=waiting, by=staff["secretariat"], notify=False)
    assert [h.key for h in search.search("lysløypa").hits] == [f"proposal:{waiting.pk}"]
    assert waiting.title in results_page(client, "lysløypa")


def test_the_click_goes_to_the_proposals_page_and_is_counted(client, published):
    click = reverse("search:click_source", args=["proposal", published.pk])
    response = client.get(click, {"q": "Lysløypa"})
    assert response.status_code == 302
    assert response["Location"] == published.get_absolute_url()
    assert response["Location"] == f"/innbyggerforslag/{published.pk}/"
    assert SearchTermDaily.objects.get(query="lysløypa").clicks == 1


def test_no_click_through_to_what_is_not_public(client, secretariat, staff):
    waiting = pending()
    for source, pk in (("proposal", waiting.pk), ("proposal", 999999), ("x", 1)):
        assert client.get(f"/sok/klikk/{source}/{pk}/").status_code == 404
    assert not SearchTermDaily.objects.exists()


def test_english_search_finds_it_and_norwegian_pages_stay_searchable(
    client, published, site, unit, default_language_after
):
    from tests.factories import make_service

    make_service(site["topic"], unit, "Søke barnehageplass")
    # Indexed in both languages, but English is not a content language because
    # of it: English searches still search the Norwegian pages.
    assert set(
        SearchEntry.objects.filter(key=f"proposal:{published.pk}").values_list(
            "language", flat=True
        )
    ) == {"nb", "en"}
    assert indexed_languages() == {"nb"}
    body = results_page(client, "lysløypa", path="/en/sok/")
    assert published.title in body and "Citizen proposal" in body
    assert "Søke barnehageplass" in results_page(
        client, "barnehageplass", path="/en/sok/"
    )
    # (A literal path: the test client leaves English active after /en/.)
    response = client.get(f"/en/sok/klikk/proposal/{published.pk}/")
    assert response["Location"] == f"/en/innbyggerforslag/{published.pk}/"


def test_reindex_includes_published_proposals(published, secretariat, capsys):
    pending(title="Benker langs Semsvannet")
    SearchEntry.objects.all().delete()
    call_command("search_reindex")
    assert set(
        SearchEntry.objects.filter(kind="proposal").values_list("key", "language")
    ) == {(f"proposal:{published.pk}", "nb"), (f"proposal:{published.pk}", "en")}
    assert search.search("lysløypa").total == 1
    assert search.search("semsvannet").total == 0
