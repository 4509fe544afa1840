"""Feeds of citizen proposals (issue 14, «Follow … RSS/Atom»): each public event
is an item, with absolute links from the public URL; nothing of a proposal that
is not published, and no e-mail address, ever."""

import xml.etree.ElementTree as ET  # noqa: S405  (our own feed)

import pytest
from django.urls import reverse

from proposals import services
from proposals.choices import EventKind

from .conftest import start_input

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return [
        {child.tag: (child.text or "") for child in item} for item in root.iter("item")
    ]


def test_the_feed_tells_what_happened(client, published, staff, secretariat):
    services.proposal_submit(proposal=published)
    services.proposal_record_outcome(
        proposal=published,
        by=staff["secretariat"],
        kind=EventKind.DECIDED,
        text="Kommunestyret vedtok at lysløypa skal være opplyst til kl. 22.",
    )
    # One never confirmed and one refused stay out.
    services.proposal_start(
        submitted=start_input(title="Ubekreftet forslag", email="ola@example.no")
    )
    refused = services.proposal_start(
        submitted=start_input(title="Avvist forslag", email="per@example.no")
    )
    services.proposal_confirm(proposal=refused)
    services.proposal_refuse(
        proposal=refused, by=staff["secretariat"], reason="offensive"
    )

    items = _rss_items(client, reverse("proposals:feed_rss"))
    titles = [item["title"] for item in items]
    assert titles == [
        f"{published.title}: Avgjort",
        f"{published.title}: Sendt til kommunestyret",
        f"{published.title}: Publisert",
    ]
    assert items[0]["description"].startswith("Kommunestyret vedtok")
    assert items[-1]["description"] == published.proposal
    assert items[0]["link"] == f"http://testserver{published.get_absolute_url()}"
    body = client.get(reverse("proposals:feed_atom")).content.decode()
    assert "kari@example.no" not in body
    assert "Avvist forslag" not in body and "Ubekreftet forslag" not in body
    entries = ET.fromstring(body.encode())  # noqa: S314
    entries = entries.findall(f"{ATOM}entry")
    assert len(entries) == 3


def test_one_proposal_has_its_own_feed(client, published):
    items = _rss_items(
        client, reverse("proposals:proposal_feed_rss", args=[published.pk])
    )
    assert [item["title"] for item in items] == [f"{published.title}: Publisert"]
    page = client.get(published.get_absolute_url()).content.decode()
    assert reverse("proposals:proposal_feed_atom", args=[published.pk]) in page
    index = client.get(reverse("proposals:index")).content.decode()
    assert reverse("proposals:feed_rss") in index


def test_an_unpublished_proposal_has_no_feed(client, secretariat):
    proposal = services.proposal_start(submitted=start_input())
    response = client.get(reverse("proposals:proposal_feed_rss", args=[proposal.pk]))
    assert response.status_code == 404
