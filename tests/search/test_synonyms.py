"""Editors' synonym groups: a search for one word finds pages with the others."""

import pytest
from django.core.exceptions import ValidationError

import search
from search.models import Synonym
from search.synonyms import synonym_variants
from tests.factories import UserFactory, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def waste(site, unit):
    return make_service(
        site["topic"],
        unit,
        "Tømmeplan for avfall",
        summary="Når henter vi avfallet ditt?",
    )


def test_synonym_finds_the_other_words(waste):
    assert search.search("renovasjon").total == 0
    Synonym.objects.create(words=["søppel", "avfall", "renovasjon"])
    results = search.search("renovasjon")
    assert results.hits[0].page_id == waste.pk
    assert not results.suggestion  # a synonym is a known word, not a typo
    assert search.search("renovasjon henter").hits[0].page_id == waste.pk


def test_multi_word_synonym_needs_every_word(waste):
    Synonym.objects.create(words=["boss", "henter avfallet"])
    assert search.search("boss").hits[0].page_id == waste.pk


def test_variants_for_elasticsearch(db):
    Synonym.objects.create(words=["søppel", "avfall", "renovasjon"])
    assert synonym_variants(("søppel", "henting")) == [
        "avfall henting",
        "renovasjon henting",
    ]
    assert synonym_variants(("vei",)) == []


def test_clean_normalises_and_refuses_single_words(db):
    synonym = Synonym(words=[" Søppel ", "AVFALL", "søppel!"])
    synonym.full_clean()
    assert synonym.words == ["søppel", "avfall"]
    with pytest.raises(ValidationError):
        Synonym(words=["søppel", "Søppel"]).full_clean()


def test_clean_stores_words_as_a_query_is_cleaned(waste):
    """Typed with a decomposed «å» (as some keyboards and pastes give it), the word
    is kept composed, so that a resident's search for it finds the group."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "gårdsplass")
    synonym = Synonym(words=[decomposed, "avfall"])
    synonym.full_clean()
    assert synonym.words == ["gårdsplass", "avfall"]
    synonym.save()
    assert search.search("gårdsplass").hits[0].page_id == waste.pk


def test_editors_manage_synonyms_in_the_admin(client, db):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post("/admin/search_synonyms/new/", {"words": "lege, doktor"})
    assert response.status_code == 302
    assert Synonym.objects.get().words == ["lege", "doktor"]
    assert client.get("/admin/search_synonyms/").status_code == 200
