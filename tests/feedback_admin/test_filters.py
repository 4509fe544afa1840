"""Inbox filters and search, always inside what the user may see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import services
from feedback.choices import Status

from .conftest import make_submission

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get(reverse("feedback_inbox:index"), params)
    assert response.status_code == 200
    return {s.reference for s in response.context["object_list"]}


@pytest.fixture
def inbox(client, people, topics, units):
    now = timezone.now()
    old = make_submission(topics["a"], now=now - datetime.timedelta(days=40), email="")
    fresh = make_submission(topics["a"], kind="question", subject="Brøyting")
    done = make_submission(topics["a"])
    services.submission_transition(submission=done, by=None, to_status=Status.CLOSED)
    services.submission_assign(submission=fresh, by=None, assignee=people["lead_a"])
    other_unit = make_submission(topics["b"])
    client.force_login(people["lead_a"])
    return {
        "old": old.reference,
        "fresh": fresh.reference,
        "done": done.reference,
        "b": other_unit.reference,
    }


def test_status_filter(client, inbox):
    assert listed(client, status=["closed"]) == {inbox["done"]}
    assert listed(client, status=["received", "in_progress"]) == {
        inbox["old"],
        inbox["fresh"],
    }


def test_kind_topic_and_unit(client, inbox, topics, units):
    assert listed(client, kind=["question"]) == {inbox["fresh"]}
    assert inbox["b"] not in listed(client, topic=topics["b"].pk)
    # Another unit is not even a valid choice for this user: nothing leaks.
    assert inbox["b"] not in listed(client, unit=units["b"].pk)


def test_deadline_filters(client, inbox):
    assert listed(client, deadline="overdue") == {inbox["old"]}
    assert listed(client, deadline="interim_owed") == {inbox["old"]}


def test_date_range_and_email(client, inbox):
    today = timezone.localdate()
    since = (today - datetime.timedelta(days=1)).isoformat()
    assert inbox["old"] not in listed(client, created_at_from=since)
    assert listed(client, has_email="false") == {inbox["old"]}
    assert inbox["old"] not in listed(client, has_email="true")


def test_assigned_and_search(client, inbox):
    assert listed(client, assigned="me") == {inbox["fresh"]}
    assert listed(client, q="Brøyting") == {inbox["fresh"]}
    assert listed(client, q=inbox["old"]) == {inbox["old"]}
    assert listed(client, q=inbox["b"]) == set()


def test_sorting_by_due_date(client, inbox):
    response = client.get(reverse("feedback_inbox:index"), {"ordering": "due_at"})
    refs = [s.reference for s in response.context["object_list"]]
    assert refs[0] == inbox["old"]


def test_garbage_parameters_never_500(client, inbox):
    for params in (
        {"unit": "abc"},
        {"status": "bogus"},
        {"created_at_from": "x"},
        {"p": "999"},
        {"p": "x"},
        {"ordering": "contact_email"},
        {"deadline": "<script>"},
        {"export": "pdf"},
        {"q": "\x00" * 3},
    ):
        response = client.get(reverse("feedback_inbox:index"), params)
        assert response.status_code in (200, 400), (params, response.status_code)
        if response.status_code == 200 and "export" not in params:
            refs = {s.reference for s in response.context["object_list"]}
            assert inbox["b"] not in refs


def test_search_in_names_and_texts_kept_out_of_the_url(client, people, topics, inbox):
    """Staff find an input by the resident's name or words in the text (issue
    11); the query is POSTed and kept in the session, never in a URL, and the
    list stays inside the user's units."""
    ola = make_submission(topics["a"], contact_name="Ola Brattbakken", text="Lys")
    make_submission(topics["b"], contact_name="Ola Brattbakken")  # another unit
    words = make_submission(topics["a"], text="Gatelyset ved Bleikerveien er dødt")
    url = reverse("feedback_inbox:person_search")

    response = client.post(url, {"q": "Brattbakken"})
    assert response.status_code == 302
    assert "Brattbakken" not in response["Location"]
    assert response["Location"].endswith("?innhold=1")
    assert listed(client, innhold=1) == {ola.reference}
    page = client.get(response["Location"]).content.decode()
    assert "«Brattbakken»" in page  # says what is applied
    # The same list exported: scoped as the list is.
    export = client.get(
        reverse("feedback_inbox:index"), {"innhold": 1, "export": "csv"}
    )
    rows = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and ola.reference in rows[1]
    # Without the flag (a dashboard's link), the whole list.
    assert len(listed(client)) == len(inbox) - 1 + 2

    client.post(url, {"q": "bleikerveien"})
    assert listed(client, innhold=1) == {words.reference}
    client.post(url, {"q": "a@example.org"})  # a whole address
    assert inbox["old"] not in listed(client, innhold=1)  # it was sent without one
    assert inbox["fresh"] in listed(client, innhold=1)

    client.post(url, {"clear": "1", "q": "x"})
    assert "feedback_inbox_person_query" not in client.session
    assert client.get(url).status_code == 405  # GET would put it in the URL
