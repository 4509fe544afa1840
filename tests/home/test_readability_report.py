"""The site-wide readability report (issue 15): every live page's LIX, the
hardest first, filtered by responsible unit, the same score the editor's panel
shows; only for those who may edit pages."""

import re

import pytest
from django.urls import reverse

from home.readability import lix
from tests.factories import UnitFactory, UserFactory, make_service

pytestmark = pytest.mark.django_db

HARD = (
    "Kommunestyrets saksbehandlingsrutiner innebærer omfattende "
    "dokumentasjonskrav vedrørende forvaltningsmessige beslutninger i saken."
)


def test_hardest_pages_first_with_the_panels_score(client, site, unit):
    other = UnitFactory(slug="vei", name="Vei og trafikk")
    hard = make_service(site["topic"], other, "Søke dispensasjon", summary=HARD)
    make_service(site["topic"], unit, "Søke plass", summary="Du kan søke. Det er lett.")
    client.force_login(UserFactory(username="sjef", is_superuser=True))
    url = reverse("home_readability_report")
    body = client.get(url).content.decode()
    titles = re.findall(r'/edit/">([^<]+)</a>', body)
    assert titles[0] == "Søke dispensasjon"
    assert "Søke plass" in titles
    expected = lix(hard.readability_text(), warn_above=50)
    assert f'data-lix="{expected.score}"' in body
    assert "Kommunestyrets saksbehandlingsrutiner" in body  # its hardest sentence
    only_vei = client.get(url, {"enhet": other.pk}).content.decode()
    assert re.findall(r'/edit/">([^<]+)</a>', only_vei) == ["Søke dispensasjon"]


def test_only_those_who_may_edit_pages_see_it(client, site, unit):
    from tests.factories import admin_access, member

    url = reverse("home_readability_report")
    assert client.get(url).status_code == 302  # to the login
    handler = member(UserFactory(username="saksbehandler"), unit)

    admin_access(handler)
    client.force_login(handler)
    assert client.get(url).status_code in (302, 403)
