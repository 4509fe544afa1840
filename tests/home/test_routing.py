"""HomePage.route finds content pages by url_path in one step: it must answer
exactly as Wagtail's level-by-level Page.route does."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from home.models import StandardPage
from tests.factories import add_page, make_service

pytestmark = pytest.mark.django_db


def _route(home, route, path):
    request = RequestFactory().get(path)
    components = [c for c in path.split("/") if c]
    try:
        result = route(home, request, components)
    except Http404:
        return "404"
    return (result.page.pk, type(result.page).__name__, result.args, result.kwargs)


def test_same_answers_as_wagtail(site, unit):
    home = site["home"].specific
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    draft = make_service(site["topic"], unit, "Utkast")
    draft.unpublish()
    nested = add_page(
        site["privacy"], StandardPage(title="Informasjonskapsler", slug="cookies")
    )
    paths = [
        "/",
        service.url,
        draft.url,
        nested.url,
        site["topic"].url,
        site["index"].url,
        "/finnes-ikke/",
        service.url + "mer/",
        "/barnehage/finnes-ikke/",
        "/personvern/cookies/x/",
    ]
    for path in paths:
        ours = _route(home, type(home).route, path)
        wagtails = _route(home, Page.route, path)
        assert ours == wagtails, path
    assert _route(home, type(home).route, draft.url) == "404"
    assert _route(home, type(home).route, service.url)[1] == "ServicePage"


def test_service_page_queries(client, site, unit, django_assert_max_num_queries):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    client.get(service.url)
    with django_assert_max_num_queries(8):
        response = client.get(service.url)
    assert response.status_code == 200
    assert "Barnehage" in response.content.decode()  # the responsible unit
