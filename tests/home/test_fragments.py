"""What a page keeps between requests (portal.page_cache.fragment) follows the
page: a publish shows at once, and a preview of a draft never leaks to the public."""

import pytest

from portal.page_cache import invalidate
from tests.factories import UnitFactory, make_service

pytestmark = pytest.mark.django_db


def test_preview_of_a_draft_is_not_kept(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    other = UnitFactory(slug="helse", name="Helse og omsorg")
    invalidate()  # nothing kept: the preview would be the first to build
    draft = type(service).objects.get(pk=service.pk)
    draft.responsible_unit = other
    preview = draft.make_preview_request()
    assert "Helse og omsorg" in preview.content.decode()

    body = client.get(service.url).content.decode()
    assert "Helse og omsorg" not in body
    assert "Barnehage" in body


def test_publish_shows_at_once(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    assert "Barnehage" in client.get(service.url).content.decode()
    other = UnitFactory(slug="helse", name="Helse og omsorg")
    service.responsible_unit = other
    service.save_revision().publish()
    assert "Helse og omsorg" in client.get(service.url).content.decode()


def test_moving_a_page_updates_its_breadcrumbs(client, site, unit):
    from home.models import TopicPage
    from tests.factories import add_page

    service = make_service(site["topic"], unit, "Søke barnehageplass")
    assert "Barnehage" in client.get(service.url).content.decode()
    health = add_page(site["home"], TopicPage(title="Helse", slug="helse"))
    service.move(health, pos="last-child")
    service.refresh_from_db()
    body = client.get(service.url).content.decode()
    crumbs = body[
        body.index("ds-breadcrumbs") : body.index(
            "</nav>", body.index("ds-breadcrumbs")
        )
    ]
    assert "Helse" in crumbs and ">Barnehage<" not in crumbs
