import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import (
    HomePage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    TopicPage,
)
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_every_page_type_renders(client, site, unit):
    service = make_service(
        site["topic"], unit, "Søke barnehageplass", audiences=["innbyggere"]
    )
    for page, text in [
        (site["home"], "Si din mening"),
        (site["topic"], "Søke barnehageplass"),
        (service, "Barnehage"),  # the responsible unit is named
        (site["index"], "Søke barnehageplass"),
        (site["privacy"], "Vi tar vare"),
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        assert text in body, (page.url, text)
        assert body.count("<h1") == 1
        assert '<html lang="nb"' in body
        assert 'href="#main-content"' in body
        # Footer links to the statements on every page.
        assert site["privacy"].url in body and site["accessibility"].url in body


def test_service_page_names_unit_and_contact(client, site, unit):
    unit.phone = "66 90 12 34"
    unit.save()
    service = make_service(
        site["topic"], unit, "Endre plass", price="Gratis", processing_time="4 uker"
    )
    body = client.get(service.url).content.decode()
    for text in ("Barnehage", "66 90 12 34", "Gratis", "4 uker", "Sist kontrollert"):
        assert text in body


def test_breadcrumbs_lead_home(client, site, unit):
    service = make_service(site["topic"], unit, "Søke barnehageplass")
    body = client.get(service.url).content.decode()
    crumbs = body[
        body.index('class="ds-breadcrumbs') : body.index(
            "</nav>", body.index("ds-breadcrumbs")
        )
    ]
    assert "Forside" in crumbs and "Barnehage" in crumbs
    assert 'aria-current="page"' in crumbs


def test_english_interface(client, site, unit):
    response = client.get("/en" + site["topic"].url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en"' in body
    assert "Skip to main content" in body
    # The switch back to Norwegian.
    assert 'hreflang="nb"' in body


class TestPageTree(WagtailPageTestCase):
    def test_parent_child_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(TopicPage, {HomePage})
        self.assertAllowedParentPageTypes(ServicePage, {TopicPage})
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(
            StandardPage, {HomePage, TopicPage, StandardPage}
        )
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertAllowedSubpageTypes(ServiceIndexPage, set())
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(TopicPage, TopicPage)

    def test_only_one_home_page(self):
        root = Page.get_first_root_node()
        home = HomePage(title="Hjem", slug="hjem2")
        root.add_child(instance=home)
        self.assertFalse(HomePage.can_create_at(root))
