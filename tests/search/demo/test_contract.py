"""The contract every backend keeps, against the demo content.

Runs for PostgreSQL always and for Elasticsearch when ELASTICSEARCH_URL points at
a real server; without it the Elasticsearch half is SKIPPED (loudly: see the
terminal summary and README).
"""

import pytest

import search
from search import api, indexing

pytestmark = pytest.mark.django_db


def titles(results):
    return [hit.title for hit in results.hits]


def test_norwegian_forms_and_compounds(backend):
    assert titles(search.search("barnehageplass"))[0] == "Søke barnehageplass"
    assert any(t.startswith("Søke") for t in titles(search.search("søknad")))
    assert "Søke barnehageplass" in titles(search.search("barnehage"))[:3]


def test_typo_gives_suggestion_and_results(backend):
    results = search.search("legevagt")
    assert results.suggestion == "legevakt"
    assert "Legevakt" in titles(results)[:3]


def test_highlighted_snippets(backend):
    hit = search.search("hovedopptaket").hits[0]
    assert "<mark>" in str(hit.snippet)


def test_facets_and_filters(backend, demo):
    results = search.search("barnehage")
    types = {f.value: f.count for f in results.facets["type"]}
    assert types.get("service", 0) >= 3 and types.get("topic") == 1
    assert any(f.label == "Barnehage" for f in results.facets["topic"])
    assert any(f.value == "innbyggere" for f in results.facets["audience"])
    only_topics = search.search("barnehage", filters={"type": ["topic"]})
    assert only_topics.total == 1 and only_topics.hits[0].kind == "topic"
    # Disjunctive: the type facet still counts the services while filtered.
    assert {f.value for f in only_topics.facets["type"]} >= {"service", "topic"}
    topic_id = demo["soke-barnehageplass"].get_parent().pk
    in_topic = search.search("plass", filters={"topic": [topic_id]})
    assert in_topic.total and all(h.topic == "Barnehage" for h in in_topic.hits)


def test_pagination_is_stable(backend):
    first = search.search("søke", per_page=3, page=1)
    second = search.search("søke", per_page=3, page=2)
    assert first.total == second.total > 6
    assert not {h.page_id for h in first.hits} & {h.page_id for h in second.hits}


def test_zero_hits_is_a_result_not_an_error(backend):
    results = search.search("qwxzvq")
    assert results.total == 0 and results.hits == []
    assert search.search("&|!:*()").total == 0


def test_autocomplete(backend):
    hits = api.autocomplete("barneh")
    assert "Søke barnehageplass" in [h.title for h in hits]


def test_unpublished_pages_disappear(backend, demo):
    page = demo["legevakt"]
    page.unpublish()
    indexing.refresh([page.pk])  # what the background task does for ES
    assert "Legevakt" not in titles(search.search("legevakt"))


def test_english_words_find_norwegian_services(backend):
    assert titles(search.search("kindergarten"))[0] == "Søke barnehageplass"
    assert "Bibliotek" in titles(search.search("library", language="en"))
