"""A hearing's schema.org JSON-LD: an Event from opening to deadline (issue 15)."""

import datetime

from portal.models import Municipality
from tests.portal.test_share_meta import json_ld

from .conftest import make_hearing


def test_a_hearing_is_an_event_ending_at_its_deadline(
    client, hearing_index, hearing_unit
):
    hearing = make_hearing(
        hearing_index,
        hearing_unit,
        title="Plan </script> for Nesbru",
        opens_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 14),
    )
    response = client.get(hearing.url)
    assert b"Plan </script>" not in response.content
    (data,) = json_ld(response)
    assert data["@type"] == "Event"
    assert data["name"] == "Plan </script> for Nesbru"
    assert data["startDate"] == "2026-11-02"
    assert data["endDate"] == "2026-12-14"
    assert data["organizer"]["name"] == Municipality.load().name


def test_a_hearing_has_share_links(client, open_hearing):
    html = client.get(open_hearing.url).content.decode()
    assert "Del på e-post" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F" in html
