"""The anonymous page cache (portal/page_cache.py)."""

import re

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory, make_service

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The one-time form tokens are fresh in every response too (portal.form_tokens).
FORM_TOKEN = re.compile(r'(name="form_token"[^>]*?value=")[^"]+')


def _without_tokens(html: str) -> str:
    return FORM_TOKEN.sub(r"\1", TOKEN.sub("", html))


@pytest.fixture
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_off_when_seconds_is_zero(client, site, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = client.get(site["topic"].url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_second_anonymous_get_is_a_hit_without_queries(
    client, site, unit, page_cache, django_assert_num_queries
):
    make_service(site["topic"], unit, "Søke barnehageplass")
    first = client.get(site["topic"].url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = Client().get(site["topic"].url)
    assert second["X-Page-Cache"] == "hit"
    # The same page, apart from each visitor's own CSRF and form tokens.
    assert _without_tokens(second.content.decode()) == _without_tokens(
        first.content.decode()
    )
    assert "Søke barnehageplass" in second.content.decode()
    # The header middlewares still act on a cached response.
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert header in second, header


def test_publish_drops_cached_pages(client, site, unit, page_cache):
    client.get(site["topic"].url)
    assert client.get(site["topic"].url)["X-Page-Cache"] == "hit"
    # A new service on the topic: the topic page (another page) must show it.
    make_service(site["topic"], unit, "Åpen barnehage")
    response = client.get(site["topic"].url)
    assert response["X-Page-Cache"] == "miss"
    assert "Åpen barnehage" in response.content.decode()

    topic = site["topic"]
    topic.title = "Barnehager"
    topic.save_revision().publish()
    body = client.get(topic.url).content.decode()
    assert "<h1" in body and "Barnehager</h1>" in body

    topic.unpublish()
    assert client.get(topic.url).status_code == 404


def test_footer_change_drops_cached_pages(client, site, page_cache):
    from portal.models import Municipality

    client.get(site["topic"].url)
    municipality = Municipality.load()
    municipality.phone = "12 34 56 78"
    municipality.save()
    response = client.get(site["topic"].url)
    assert response["X-Page-Cache"] == "miss"
    assert "12 34 56 78" in response.content.decode()


def test_languages_and_query_strings_are_separate_entries(
    client, site, unit, page_cache
):
    make_service(site["topic"], unit, "Søke barnehageplass", audiences=["innbyggere"])
    make_service(site["topic"], unit, "Skjenkebevilling", audiences=["naeringsliv"])
    index = site["index"].url
    assert client.get(index)["X-Page-Cache"] == "miss"
    assert client.get("/en" + index)["X-Page-Cache"] == "miss"
    assert '<html lang="en"' in client.get("/en" + index).content.decode()
    assert '<html lang="nb"' in client.get(index).content.decode()
    filtered = client.get(index + "?malgruppe=naeringsliv")
    assert filtered["X-Page-Cache"] == "miss"
    body = client.get(index + "?malgruppe=naeringsliv").content.decode()
    assert "Skjenkebevilling" in body and "Søke barnehageplass" not in body


def test_not_used_for_logged_in_users_or_sessions(client, site, page_cache):
    url = site["topic"].url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    editor = Client()
    editor.force_login(UserFactory(username="redaktor"))
    response = editor.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in with_session.get(url)


def test_errors_and_other_views_are_not_stored(client, site, page_cache):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/finnes-ikke/")
        assert "X-Page-Cache" not in client.get("/livez")
    assert "X-Page-Cache" not in client.post(site["topic"].url)


def test_cached_form_gets_each_visitors_own_csrf_token(site, page_cache):
    """Content pages carry the page-feedback form with a CSRF token. The stored page
    holds no token, and every visitor gets one that matches their own cookie."""
    url = site["topic"].url
    first = Client(enforce_csrf_checks=True)
    response = first.get(url)
    assert response["X-Page-Cache"] == "miss"
    token_first = TOKEN.search(response.content.decode()).group(1)
    stored = repr(list(caches["pages"]._cache.values()))
    assert token_first not in stored

    second = Client(enforce_csrf_checks=True)
    hit = second.get(url)
    assert hit["X-Page-Cache"] == "hit"
    token_second = TOKEN.search(hit.content.decode()).group(1)
    assert token_second != token_first
    assert "csrftoken" in hit.cookies  # the second visitor's own cookie

    body = hit.content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', body).group(1)
    data = {"page": site["topic"].pk, "helpful": "yes", "text": ""}
    posted = second.post(action, {**data, "csrfmiddlewaretoken": token_second})
    assert posted.status_code != 403  # the token fits this visitor's cookie
    refused = second.post(action, {**data, "csrfmiddlewaretoken": token_first})
    assert refused.status_code == 403  # another visitor's token does not


def test_private_responses_are_not_stored(site, page_cache):
    # Wagtail's password form is marked private (never_cache): not stored.
    page = site["privacy"]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    for _ in range(2):
        response = Client().get(page.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_footer_fragment_follows_changes_with_page_cache_off(client, site):
    """The footer is rendered once per generation even with the page cache off;
    a footer change or a publish shows at once."""
    from portal.models import Municipality

    assert "66 90 90 00" in client.get(site["topic"].url).content.decode()
    municipality = Municipality.load()
    municipality.phone = "12 34 56 78"
    municipality.save()
    body = client.get(site["topic"].url).content.decode()
    assert "12 34 56 78" in body and "66 90 90 00" not in body
    privacy = site["privacy"]
    privacy.slug = "personvernerklaering"
    privacy.save_revision().publish()
    assert "/personvernerklaering/" in client.get(site["topic"].url).content.decode()
