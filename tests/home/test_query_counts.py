"""Query counts of the public pages are pinned, and do not grow with the number of
services. If a change adds a query, update the number here on purpose (and say why
in the commit); if it adds one per service, the tripling test fails."""

import pytest

from home.models import LifeSituation
from tests.factories import make_service
from tests.query_counts import count_all

pytestmark = pytest.mark.django_db

# The page view: locale, site root, page routing (one step: HomePage.route), the
# page's own lists, breadcrumbs. The site lookup, the footer and the view
# restrictions come from the fragment cache after the first request
# (portal.page_cache, portal.restrictions); so do the home page's open hearings
# (hearings.templatetags, built once per generation and day), the breadcrumbs and
# a service page's unit, audiences, life situations and related services. The
# tripling test also counts "cold" requests, right after a publish has dropped
# every fragment, so the builders themselves are held to constant counts too.
EXPECTED = {
    "home": 4,
    "topic": 5,
    "service": 4,
    "index": 4,
    "index_filtered": 4,
}


def _add_services(site, unit, start: int, count: int):
    LifeSituation.objects.get_or_create(slug="fa-barn", defaults={"name": "Få barn"})
    services = []
    for n in range(start, start + count):
        services.append(
            make_service(
                site["topic"],
                unit,
                f"Tjeneste {n:03d}",
                audiences=["innbyggere", "naeringsliv"],
                situations=["fa-barn"],
            )
        )
    # Related services and top tasks, so those lists grow too.
    first = services[0]
    first.related_services.add(*services[1:])
    first.save_revision().publish()
    home = site["home"]
    for service in services[:3]:
        home.top_tasks.create(link_page=service)
    home.save_revision().publish()
    return first


def _urls(site, service):
    index = site["index"].url
    return {
        "home": site["home"].url,
        "topic": site["topic"].url,
        "service": service.url,
        "index": index,
        "index_filtered": index + "?malgruppe=innbyggere&livssituasjon=fa-barn",
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_pinned_query_count(client, site, unit, name, django_assert_num_queries):
    service = _add_services(site, unit, 0, 4)
    url = _urls(site, service)[name]
    client.get(url)
    with django_assert_num_queries(EXPECTED[name]):
        response = client.get(url)
    assert response.status_code == 200


def test_counts_do_not_grow_when_services_triple(client, site, unit):
    service = _add_services(site, unit, 0, 5)
    urls = _urls(site, service)
    before = count_all(client, urls)
    before_cold = count_all(client, urls, cold=True)
    _add_services(site, unit, 5, 10)
    after = count_all(client, urls)
    after_cold = count_all(client, urls, cold=True)
    assert after == before
    assert after_cold == before_cold
    # The bigger lists really were rendered.
    body = client.get(site["index"].url).content.decode()
    assert body.count("Tjeneste 0") == 15
