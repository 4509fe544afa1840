"""The index follows the page tree: publish, unpublish, move, rename, restrict,
delete. Only pages are ever indexed."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

import search
from home.models import StandardPage, TopicPage
from search import documents
from search.models import IndexedLexeme, SearchEntry, SuggestionTerm
from tests.factories import add_page, make_service

pytestmark = pytest.mark.django_db


def entry(page):
    return SearchEntry.objects.filter(page_id=page.pk).first()


def test_publish_indexes_with_topic_url_and_audiences(site, unit):
    service = make_service(
        site["topic"],
        unit,
        "Søke barnehageplass",
        audiences=["innbyggere"],
        search_keywords="bhg, daycare",
    )
    row = entry(service)
    assert row is not None
    assert (row.kind, row.language, row.url) == ("service", "nb", service.url)
    assert (row.topic_id, row.topic_title) == (site["topic"].pk, "Barnehage")
    assert row.audiences == ["innbyggere"]
    assert "bhg" in row.keywords
    assert search.search("barnehageplass").hits[0].page_id == service.pk
    # The vocabulary for compounds and suggestions grows with the index.
    assert IndexedLexeme.objects.filter(word="barnehageplass").exists()
    assert SuggestionTerm.objects.filter(word="daycare").exists()


def test_topic_and_standard_pages_are_indexed_home_is_not(site):
    assert entry(site["topic"]).kind == "topic"
    assert entry(site["privacy"]).kind == "page"
    assert entry(site["home"]) is None
    assert entry(site["index"]) is None


def test_draft_is_not_indexed_until_published(site, unit):
    page = StandardPage(
        title="Utkast om snøbrøyting", slug="utkast", live=False, body="<p>Hemmelig</p>"
    )
    site["home"].add_child(instance=page)
    page.save_revision()
    assert entry(page) is None
    page.get_latest_revision().publish()
    assert entry(page) is not None


def test_unpublish_removes(site, unit):
    service = make_service(site["topic"], unit, "Trygghetsalarm")
    service.unpublish()
    assert entry(service) is None
    assert search.search("trygghetsalarm").total == 0


def test_delete_removes(site, unit):
    service = make_service(site["topic"], unit, "Trygghetsalarm")
    pk = service.pk
    service.delete()
    assert not SearchEntry.objects.filter(page_id=pk).exists()


def test_move_updates_url_and_topic(site, unit):
    service = make_service(site["topic"], unit, "Skoleskyss")
    other = add_page(site["home"], TopicPage(title="Skole", slug="skole"))
    service.move(other, pos="last-child")
    service.refresh_from_db()
    row = entry(service)
    assert row.url == service.url and row.url.startswith("/skole/")
    assert row.topic_title == "Skole"


def test_renaming_a_topic_updates_its_services(site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    topic = site["topic"]
    topic.title = "Barnehager i Asker"
    topic.save_revision().publish()
    assert entry(service).topic_title == "Barnehager i Asker"


def test_slug_change_updates_descendant_urls(site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    topic = site["topic"]
    topic.slug = "barnehager"
    topic.save_revision().publish()
    service.refresh_from_db()
    assert entry(service).url == service.url
    assert entry(service).url.startswith("/barnehager/")


def test_private_pages_are_not_indexed(site, unit):
    service = make_service(site["topic"], unit, "Internt verktøy")
    restriction = PageViewRestriction.objects.create(
        page=site["topic"], restriction_type="login"
    )
    assert entry(service) is None and entry(site["topic"]) is None
    restriction.delete()
    assert entry(service) is not None


def test_only_pages_can_be_registered():
    class NotAPage:
        pass

    with pytest.raises(TypeError):
        documents.register(NotAPage, lambda obj: None)


def test_resident_inputs_can_never_be_registered():
    models = pytest.importorskip("feedback.models")
    with pytest.raises(TypeError):
        documents.register(models.Submission, lambda obj: None)


def test_extension_point_accepts_a_plain_dict(site, monkeypatch):
    # What hearings (or any app) does: a builder, or a search_document() method,
    # returning a dict; no import of search types needed.
    monkeypatch.setitem(
        documents._builders,
        StandardPage,
        lambda page: {
            "kind": "hearing",
            "title": page.title,
            "summary": "Høring om <b>plan</b>",
            "keywords": "kommuneplan",
        },
    )
    site["privacy"].save_revision().publish()
    row = entry(site["privacy"])
    assert row.kind == "hearing"
    assert row.summary == "Høring om plan"
    assert search.search("kommuneplan").hits[0].page_id == site["privacy"].pk


def test_reindex_command_rebuilds(site, unit, capsys):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    SearchEntry.objects.all().delete()
    call_command("search_reindex")
    out = capsys.readouterr().out
    assert "Indexed 4 entries" in out and "[" in out
    assert entry(service) is not None
    assert SuggestionTerm.objects.get(word="barnehageplass").documents == 1


def test_hearings_are_indexed_with_their_own_type(site, unit):
    import datetime

    from django.utils import timezone

    hearings = pytest.importorskip("hearings.models")
    index = add_page(
        site["home"],
        hearings.HearingIndexPage(
            title="Høringer", slug="horinger", summary="Alle høringer."
        ),
    )
    today = timezone.localdate()
    hearing = hearings.HearingPage(
        title="Reguleringsplan for Nesbru",
        summary="Ny plan for Nesbru sentrum.",
        body="<p>Boliger og park ved fjorden.</p>",
        area="Nesbru",
        opens_on=today,
        deadline=today + datetime.timedelta(days=42),
        responsible_unit=unit,
    )
    index.add_child(instance=hearing)
    hearing.save_revision().publish()
    row = entry(hearing)
    assert row.kind == "hearing" and "Nesbru" in row.keywords
    results = search.search("nesbru høring")
    assert results.hits[0].page_id == hearing.pk
    assert {f.value for f in results.facets["type"]} == {"hearing"}
    assert entry(index).kind == "page"


def test_reindex_into_elasticsearch_needs_its_url(settings):
    from django.core.management.base import CommandError

    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command("search_reindex", backend="elasticsearch")
