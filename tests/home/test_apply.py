"""The apply action (issue 10, defect 6): a service with a digital application
shows it as the page's main button, named and with where it goes; one without
says what to do instead; the demo fills realistic addresses."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from home import demo_content
from tests.factories import UnitFactory, make_service

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_digital_application_is_the_main_action(client, site):
    unit = UnitFactory(slug="barnehage", name="Barnehage", phone="66 90 12 34")
    service = make_service(
        site["topic"],
        unit,
        "Søke barnehageplass",
        how_to_apply="<p>Logg inn på Min side med BankID.</p>",
        apply_url="https://minside.kommune.example/barnehage/soknad",
        apply_label="Søk barnehageplass",
    )
    page = soup(client.get(service.url))
    main = page.select_one("main")
    button = main.select_one("a.ds-button[data-variant=primary]")
    assert button.get_text(strip=True) == "Søk barnehageplass"
    assert button["href"] == "https://minside.kommune.example/barnehage/soknad"
    # Before the first section: the first thing after the title and summary.
    first_section = main.select_one("section")
    assert button.find_next("section") == first_section
    assert "E-tjeneste på minside.kommune.example" in button.parent.get_text(" ")
    assert "ingen digital" not in main.get_text().lower()


def test_without_a_digital_form_the_page_says_what_to_do(client, site):
    unit = UnitFactory(slug="legevakt", name="Legevakt", phone="116 117")
    service = make_service(
        site["topic"], unit, "Legevakt", how_to_apply="<p>Ring legevakten.</p>"
    )
    page = soup(client.get(service.url))
    apply = page.select_one("section[aria-labelledby=apply]")
    assert (
        "Det finnes ikke noe digitalt skjema for denne tjenesten." in apply.get_text()
    )
    assert apply.select_one("a[href='tel:116117']")
    assert not page.select_one("main a.ds-button[data-variant=primary]")


def test_demo_fills_realistic_addresses_for_services_with_an_e_service():
    slugs = {service["slug"] for service in demo_content.SERVICES}
    assert len(demo_content.E_SERVICES) >= 25
    for slug, (url, label) in demo_content.E_SERVICES.items():
        assert slug in slugs, slug
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname, url
        # The municipality's own e-services use the reserved .example domain.
        assert parts.hostname.endswith((".example", ".no")), url
        assert 3 <= len(label) <= 60, label
    assert "soke-barnehageplass" in demo_content.E_SERVICES
