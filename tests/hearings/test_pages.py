"""The public pages: index groups, hearing page in each state, home box."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from hearings.models import HearingDocument, HearingIndexPage

from .conftest import make_hearing

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def four(hearing_index, hearing_unit):
    return {
        "open": make_hearing(
            hearing_index,
            hearing_unit,
            title="Åpen høring",
            opens_on=days(-5),
            deadline=days(40),
        ),
        "open_soon": make_hearing(
            hearing_index,
            hearing_unit,
            title="Snart frist",
            opens_on=days(-40),
            deadline=days(3),
        ),
        "upcoming": make_hearing(
            hearing_index,
            hearing_unit,
            title="Kommende høring",
            opens_on=days(5),
            deadline=days(50),
        ),
        "closed": make_hearing(
            hearing_index,
            hearing_unit,
            title="Lukket høring",
            opens_on=days(-60),
            deadline=days(-2),
        ),
        "concluded": make_hearing(
            hearing_index,
            hearing_unit,
            title="Avsluttet høring",
            opens_on=days(-90),
            deadline=days(-30),
            outcome_heard="<p>Mange var bekymret.</p>",
            outcome_decided="<p>Planen ble vedtatt.</p>",
        ),
    }


def test_index_groups_and_order(client, hearing_index, four):
    response = client.get(hearing_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    groups = {
        g["status"]: [h.title for h in g["hearings"]]
        for g in response.context["groups"]
    }
    assert groups["open"] == ["Snart frist", "Åpen høring"]  # closing soonest first
    assert groups["upcoming"] == ["Kommende høring"]
    assert groups["closed"] == ["Lukket høring"]
    assert groups["concluded"] == ["Avsluttet høring"]
    assert html.count("<h1") == 1
    assert "3 dager igjen" in html or "3 days left" in html


def test_index_filters_by_topic(client, hearing_index, four):
    from feedback.models import Topic

    roads = Topic.objects.create(name="Vei og trafikk", slug="vei")
    four["open"].topics.set([roads])
    four["open"].save_revision().publish()
    response = client.get(hearing_index.url, {"tema": "vei"})
    titles = [h.title for g in response.context["groups"] for h in g["hearings"]]
    assert titles == ["Åpen høring"]
    # Unknown values are ignored, not errors.
    response = client.get(hearing_index.url, {"tema": "finnes-ikke"})
    assert response.status_code == 200
    assert response.context["total"] == 5


@pytest.mark.parametrize("state", ["open", "upcoming", "closed", "concluded"])
def test_hearing_page_each_state(client, four, state):
    response = client.get(four[state].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    has_form = 'name="respondent_type"' in html
    assert has_form == (state == "open")
    assert ("Planen ble vedtatt" in html) == (state == "concluded")


def test_documents_show_type_and_size(client, open_hearing):
    from django.core.files.base import ContentFile

    Document = get_document_model()
    doc = Document(title="Planbeskrivelse")
    doc.file.save("planbeskrivelse.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2000))
    doc.save()
    HearingDocument.objects.create(page=open_hearing, document=doc, sort_order=0)
    open_hearing.save_revision().publish()
    html = client.get(open_hearing.url).content.decode()
    assert "Planbeskrivelse" in html
    assert "PDF" in html
    assert re.search(r"PDF, 2[.,]0\s?(KB|kB)", html), re.findall(r"\(PDF[^)]*\)", html)
    # Downloadable without login.
    download = client.get(doc.url)
    assert download.status_code == 200


def test_index_redirect_and_home_box(client, site, hearing_index, four):
    response = client.get(reverse("hearings:index_redirect"))
    assert response.status_code == 302
    assert response["Location"].endswith(hearing_index.url)
    home = client.get("/").content.decode()
    assert "Snart frist" in home
    assert "Kommende høring" not in home
    assert reverse("hearings:index_redirect") in home


def test_index_query_count_constant(client, hearing_index, hearing_unit, four):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(hearing_index.url).status_code == 200
        return len(ctx)

    # Publishing clears per-process caches (site root paths); the first request
    # after it fills them, so each measurement is the second of two requests.
    count()
    before = count()
    for i in range(6):
        make_hearing(
            hearing_index,
            hearing_unit,
            title=f"Ekstra {i}",
            opens_on=days(-i),
            deadline=days(45 - i),
        )
    count()
    assert count() == before


def test_home_allows_hearing_index(site):
    from home.models import HomePage

    assert HearingIndexPage in HomePage.allowed_subpage_models()


def test_norwegian_and_english(client, four):
    html = client.get(four["open"].url).content.decode()
    assert "Åpen" in html and "Svar på høringen" in html
    english = client.get(four["open"].url, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200
