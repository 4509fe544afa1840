"""Restricted pages stay out of public lists and behind their restriction, with
the restriction paths kept in the page cache (portal/restrictions.py)."""

import pytest
from wagtail.models import Page, PageViewRestriction

from portal.restrictions import public, restricted_paths
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_public_matches_wagtails_public(site, unit):
    a = make_service(site["topic"], unit, "Åpen tjeneste")
    b = make_service(site["topic"], unit, "Lukket tjeneste")
    pages = Page.objects.live()

    def ids(queryset):
        return set(queryset.values_list("pk", flat=True))

    assert ids(public(pages)) == ids(pages.public())
    PageViewRestriction.objects.create(page=b, restriction_type="login")
    PageViewRestriction.objects.create(page=site["privacy"], restriction_type="login")
    assert ids(public(pages)) == ids(pages.public())
    assert a.pk in ids(public(pages)) and b.pk not in ids(public(pages))


def test_restricted_service_hidden_and_guarded(client, site, unit):
    open_service = make_service(site["topic"], unit, "Søke barnehageplass")
    hidden = make_service(site["topic"], unit, "Intern rutine")
    open_service.related_services.add(hidden)
    open_service.save_revision().publish()
    lists = [site["topic"].url, site["index"].url, open_service.url]
    for url in lists:
        assert "Intern rutine" in client.get(url).content.decode()
    assert restricted_paths() == ()

    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="pw"
    )
    assert restricted_paths() == (hidden.path,)
    for url in lists:
        assert "Intern rutine" not in client.get(url).content.decode(), url
    response = client.get(hidden.url)
    assert response.status_code == 200
    assert "Intern rutine er en tjeneste" not in response.content.decode()
    assert 'name="password"' in response.content.decode()

    restriction.delete()
    assert "Intern rutine er en tjeneste" in client.get(hidden.url).content.decode()
    assert "Intern rutine" in client.get(site["index"].url).content.decode()


def test_restriction_on_a_parent_guards_the_children(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    PageViewRestriction.objects.create(page=site["topic"], restriction_type="login")
    response = client.get(service.url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    assert "Søke barnehageplass" not in client.get(site["index"].url).content.decode()
