"""The hearing pages keep what they show the same to everyone per page-cache
generation and day (hearings.selectors). Pinned here: their query counts, warm and
cold, which do not grow with the number of hearings or published responses; and
that what is kept follows every change that shows on them — moderation, consultees,
topics, documents, anonymisation, midnight — and never holds a preview."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from feedback.models import Submission, Topic
from feedback.services import submissions_anonymise
from hearings.models import Consultee, HearingDocument
from hearings.services import publication_decide
from portal.page_cache import invalidate
from tests.factories import UserFactory
from tests.query_counts import count_all

from .conftest import at, make_hearing
from .test_moderation import respond

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


# Routing (one query: HomePage.route by url_path, the page with its unit), the
# locale, the site root paths and the view restrictions are per request or per
# process; the rest comes from fragments kept per generation and day.
EXPECTED = {
    "index": 4,
    "index_filtered": 4,
    "open": 4,
    "closed": 4,
    "closed_page_2": 4,
}


@pytest.fixture
def hearings(hearing_index, hearing_unit):
    roads = Topic.objects.create(name="Vei og trafikk", slug="vei")
    open_hearing = make_hearing(hearing_index, hearing_unit, title="Åpen plan")
    open_hearing.topics.set([roads])
    closed = make_hearing(
        hearing_index,
        hearing_unit,
        title="Lukket plan",
        opens_on=days(-50),
        deadline=days(-1),
    )
    return {
        "index": hearing_index,
        "open": open_hearing,
        "closed": closed,
        "topic": roads,
    }


def _publish_responses(hearing, count, *, start=0, capture):
    editor = UserFactory(is_superuser=True)
    during = timezone.now() - datetime.timedelta(days=5)
    with capture(execute=True):  # moderation drops the kept pages on commit
        for n in range(start, start + count):
            submission = respond(
                hearing,
                f"Svar nummer {n}.",
                name=f"Person {n}",
                publish_name=True,
                now=during,
            )
            publication_decide(
                publication=submission.publication, action="approved", by=editor
            )


def _urls(h):
    index = h["index"].url
    return {
        "index": index,
        "index_filtered": index + "?tema=vei",
        "open": h["open"].url,
        "closed": h["closed"].url,
        "closed_page_2": h["closed"].url + "?svar=2",
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_pinned_query_count(
    client,
    hearings,
    name,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    _publish_responses(
        hearings["closed"], 25, capture=django_capture_on_commit_callbacks
    )
    url = _urls(hearings)[name]
    client.get(url)
    with django_assert_num_queries(EXPECTED[name]):
        response = client.get(url)
    assert response.status_code == 200


def test_counts_do_not_grow_with_hearings_and_responses(
    client, hearings, hearing_index, hearing_unit, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    _publish_responses(hearings["closed"], 25, capture=capture)
    urls = _urls(hearings)
    before = count_all(client, urls)
    before_cold = count_all(client, urls, cold=True)

    for n in range(6):
        extra = make_hearing(hearing_index, hearing_unit, title=f"Ekstra {n}")
        extra.topics.set([hearings["topic"]])
    _publish_responses(hearings["closed"], 50, start=25, capture=capture)
    after = count_all(client, urls)
    after_cold = count_all(client, urls, cold=True)
    assert after == before
    assert after_cold == before_cold
    # The bigger lists really were rendered.
    assert client.get(urls["index_filtered"]).content.decode().count("Ekstra ") == 6
    assert "75 publiserte svar" in client.get(urls["closed"]).content.decode()


def test_a_moderation_decision_shows_at_once(
    client, hearings, django_capture_on_commit_callbacks
):
    closed = hearings["closed"]
    assert "Person 0" not in client.get(closed.url).content.decode()
    _publish_responses(closed, 1, capture=django_capture_on_commit_callbacks)
    assert "Person 0" in client.get(closed.url).content.decode()


def test_anonymising_a_published_response_removes_the_name(
    client, hearings, django_capture_on_commit_callbacks, archive_elsewhere
):
    closed = hearings["closed"]
    _publish_responses(closed, 1, capture=django_capture_on_commit_callbacks)
    assert "Person 0" in client.get(closed.url).content.decode()
    submission = Submission.objects.get(page=closed)
    with django_capture_on_commit_callbacks(execute=True):
        submissions_anonymise(submissions=[submission], reason="Sletting")
    assert "Person 0" not in client.get(closed.url).content.decode()


def test_consultee_topic_and_document_changes_show(
    client, hearings, django_capture_on_commit_callbacks
):
    page = hearings["open"]
    council = Consultee.objects.create(name="Eldrerådet", statutory=True)
    page.consultees.add(council)
    document = get_document_model().objects.create(
        title="Planbeskrivelse", file=ContentFile(b"%PDF-1.4\n", name="plan.pdf")
    )
    HearingDocument.objects.create(page=page, document=document, title="")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "Eldrerådet" in body and "Planbeskrivelse" in body
    assert "Vei og trafikk" in body

    with django_capture_on_commit_callbacks(execute=True):
        council.name = "Eldrerådet i Asker"
        council.save()
        hearings["topic"].name = "Veier og gater"
        hearings["topic"].save()
        document.title = "Planbeskrivelse, revidert"
        document.save()
    body = client.get(page.url).content.decode()
    assert "Eldrerådet i Asker" in body
    assert "Veier og gater" in body
    assert "Planbeskrivelse, revidert" in body
    index = client.get(hearings["index"].url).content.decode()
    assert "Veier og gater" in index


def test_a_new_response_does_not_drop_the_cache(client, hearings):
    """Responses are not public until moderated: a flood of them must not empty
    every visitor's page cache."""
    from portal import page_cache

    page = hearings["open"]
    client.get(page.url)
    generation = page_cache._cache().get(page_cache.GENERATION_KEY)
    respond(page, "Et svar.")
    assert page_cache._cache().get(page_cache.GENERATION_KEY) == generation


def test_status_follows_midnight(client, hearing_index, hearing_unit, clock):
    clock.set(at(2026, 3, 10, 12))
    page = make_hearing(
        hearing_index,
        hearing_unit,
        title="Siste dag",
        opens_on=datetime.date(2026, 1, 20),
        deadline=datetime.date(2026, 3, 10),
    )
    clock.set(at(2026, 3, 10, 23, 59))
    assert 'name="respondent_type"' in client.get(page.url).content.decode()
    index = client.get(hearing_index.url).content.decode()
    assert "Siste dag" in index[index.index('id="group-open"') :]

    clock.set(at(2026, 3, 11, 0, 1))
    body = client.get(page.url).content.decode()
    assert 'name="respondent_type"' not in body
    assert "tar ikke lenger imot" in body
    index = client.get(hearing_index.url).content.decode()
    assert 'id="group-open"' not in index


def test_preview_of_a_draft_is_not_kept(client, hearings):
    page = hearings["open"]
    invalidate()  # nothing kept: the preview would be the first to build
    draft = type(page).objects.get(pk=page.pk)
    draft.area = "Utkast-området"
    draft.consultees.set([Consultee.objects.create(name="Utkast-rådet")])
    preview = draft.make_preview_request()
    assert "Utkast-rådet" in preview.content.decode()
    body = client.get(page.url).content.decode()
    assert "Utkast-rådet" not in body and "Utkast-området" not in body


def test_kept_form_never_holds_what_a_resident_typed(client, hearings):
    page = hearings["open"]
    client.get(page.url)  # the unbound form is kept
    refused = client.post(
        page.url,
        {"respondent_type": "person", "name": "", "text": "Min egen tekst om planen."},
    )
    assert refused.status_code == 400
    assert "Min egen tekst om planen." in refused.content.decode()
    body = client.get(page.url).content.decode()
    assert "Min egen tekst om planen." not in body
    assert 'name="respondent_type"' in body
