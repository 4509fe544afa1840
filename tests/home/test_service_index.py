"""The A–Å list finds a service by its subject as well as by its title
(issue 10: «Søke barnehageplass» was only under S, never under B)."""

import re

import pytest

from tests.factories import make_service

pytestmark = pytest.mark.django_db


def _letters(html: str) -> dict[str, list[str]]:
    """Entry texts per letter section of the A–Å page."""
    sections = re.split(r'id="letter-', html)[1:]
    return {
        section[0]: re.findall(
            r'<li><a class="ds-link" href="[^"]+">([^<]+)</a>',
            section.split("</ul>")[0],
        )
        for section in sections
    }


def test_a_service_is_listed_under_its_subject_too(client, site, unit):
    service = make_service(
        site["topic"],
        unit,
        "Søke barnehageplass",
        index_titles="Barnehageplass, søke\n\n  Plass i barnehage  \n",
    )
    make_service(site["topic"], unit, "Bytte barnehage")
    html = client.get(site["index"].url).content.decode()
    letters = _letters(html)
    assert letters["B"] == ["Barnehageplass, søke", "Bytte barnehage"]
    assert letters["S"] == ["Søke barnehageplass"]
    assert letters["P"] == ["Plass i barnehage"]
    # Every entry leads to the one page, and the count is of services.
    assert html.count(f'href="{service.url}"') >= 3
    assert "2 tjenester" in html
