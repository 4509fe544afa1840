"""RSS/Atom and iCalendar feeds, parsed back by real parsers."""

import datetime

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from hearings.ical import escape_text, fold

from .conftest import make_hearing

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def hearings(hearing_index, hearing_unit):
    from feedback.models import Topic

    roads = Topic.objects.create(name="Vei og trafikk", slug="vei")
    a = make_hearing(
        hearing_index,
        hearing_unit,
        title="Trafikksikkerhetsplan, del 2; høring",
        opens_on=days(-3),
        deadline=days(40),
    )
    a.topics.set([roads])
    a.save_revision().publish()
    b = make_hearing(
        hearing_index,
        hearing_unit,
        title="Kulturplan",
        opens_on=days(-1),
        deadline=days(45),
    )
    return {"roads": a, "culture": b, "topic": roads}


@pytest.mark.parametrize("name", ["hearings:feed_rss", "hearings:feed_atom"])
def test_feeds_parse(client, hearings, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert titles == ["Kulturplan", "Trafikksikkerhetsplan, del 2; høring"]
    assert feed.entries[0].link.endswith(hearings["culture"].url)


def test_topic_feed_only_has_the_topic(client, hearings):
    response = client.get(reverse("hearings:topic_feed_rss", args=["vei"]))
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Trafikksikkerhetsplan, del 2; høring"]
    assert "Vei og trafikk" in feed.feed.title
    assert (
        client.get(reverse("hearings:topic_feed_rss", args=["nope"])).status_code == 404
    )


def _events(client, url=None):
    response = client.get(url or reverse("hearings:ical"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    # Every line ends in CRLF and is at most 75 octets.
    for line in body.split(b"\r\n"):
        assert len(line) <= 75
    cal = icalendar.Calendar.from_ical(body)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_ical_parses_with_one_event_per_hearing(client, hearings):
    events = _events(client)
    assert len(events) == 2
    roads = events[f"horing-{hearings['roads'].pk}@testserver"]
    assert str(roads["SUMMARY"]) == "Høringsfrist: Trafikksikkerhetsplan, del 2; høring"
    assert roads["DTSTART"].dt == hearings["roads"].deadline
    assert int(roads["SEQUENCE"]) == 0


def test_ical_uid_stable_and_sequence_bumps_when_deadline_moves(
    client, hearings, clock
):
    before = _events(client)[f"horing-{hearings['roads'].pk}@testserver"]
    page = hearings["roads"]
    clock.set(timezone.now() + datetime.timedelta(hours=2))
    page.deadline = page.deadline + datetime.timedelta(days=7)
    page.save_revision().publish()
    after = _events(client)[f"horing-{page.pk}@testserver"]
    assert after["DTSTART"].dt == page.deadline
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after["DTSTAMP"].dt > before["DTSTAMP"].dt
    assert after["LAST-MODIFIED"].dt > before["LAST-MODIFIED"].dt
    # Publishing again without moving the deadline changes nothing.
    page.title = page.title + " (oppdatert)"
    page.save_revision().publish()
    again = _events(client)[f"horing-{page.pk}@testserver"]
    assert int(again["SEQUENCE"]) == int(after["SEQUENCE"])


def test_ical_topic_feed(client, hearings):
    events = _events(client, reverse("hearings:topic_ical", args=["vei"]))
    assert list(events) == [f"horing-{hearings['roads'].pk}@testserver"]


def test_escape_and_fold():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "æøå" * 40
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    parsed = icalendar.Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTAMP:20270101T000000Z\r\n"
        + fold("SUMMARY:" + escape_text("Høring, plan; del\\2\nny linje " + "ø" * 50))
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    summary = str(next(iter(parsed.walk("VEVENT")))["SUMMARY"])
    assert summary == "Høring, plan; del\\2\nny linje " + "ø" * 50


def test_aliases_do_not_duplicate_feed_entries(client, site, hearings):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    site["home"].copy_for_translation(english, alias=True)
    hearings["roads"].get_parent().copy_for_translation(english, alias=True)
    for key in ("roads", "culture"):
        hearings[key].copy_for_translation(english, alias=True)
    feed = feedparser.parse(client.get(reverse("hearings:feed_rss")).content)
    assert len(feed.entries) == 2
    assert len(_events(client)) == 2


@pytest.mark.parametrize("name", ["hearings:feed_rss", "hearings:topic_feed_atom"])
def test_feed_links_come_from_the_public_base_url(client, hearings, name, settings):
    # Issue 10, defect 3: one configured base URL, whatever host was asked.
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": "https://h.example.no"}
    args = ["vei"] if "topic" in name else []
    response = client.get(reverse(name, args=args), HTTP_HOST="127.0.0.1")
    feed = feedparser.parse(response.content)
    links = [feed.feed.link, *(e.link for e in feed.entries)]
    links += [link.href for link in feed.feed.get("links", [])]
    assert links and all(u.startswith("https://h.example.no/") for u in links), links
    assert any(u.endswith(reverse(name, args=args)) for u in links)


def test_ical_uids_and_urls_from_the_public_base_url(client, hearings, settings):
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": "https://h.example.no"}
    events = _events(client)
    roads = events[f"horing-{hearings['roads'].pk}@h.example.no"]
    assert str(roads["URL"]) == "https://h.example.no" + hearings["roads"].url
