"""Rights requests: registered with their day, the month of GDPR art. 12(3)
in the list, the inbox and the digest, the search and exports over every
place, erasure of what the archive has, every step logged — and only for
those who handle them."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from feedback.tasks import overdue_digests
from records import rights
from records.models import RightsRequest
from tests.records.test_retention import (
    EMAIL,
    NAME,
    PHONE,
    archive_everything,
    seed_person,
)


@pytest.fixture
def privacy_officer(people):
    user = people["triage"]
    user.user_permissions.add(Permission.objects.get(codename="handle_rightsrequest"))
    return user


@pytest.mark.parametrize(
    "role,allowed",
    [("handler_a", False), ("lead_a", False), ("outsider", False), ("superuser", True)],
)
def test_only_rights_handlers_see_rights_requests(client, people, role, allowed):
    request = rights.request_create(
        kind="access", received_on=timezone.localdate(), email=EMAIL, by=None
    )
    client.force_login(people[role])
    detail = reverse("records:rights_detail", args=[request.pk])
    for url in (reverse("records:rights"), detail):
        assert (client.get(url).status_code == 200) is allowed, url
    # Refused users are sent to the dashboard, and nothing is searched.
    response = client.post(detail, {"handling": "sok"})
    assert (response.status_code == 200) is allowed
    assert request.steps.filter(kind="searched").exists() is allowed


def test_triage_with_the_permission_may(client, privacy_officer):
    client.force_login(privacy_officer)
    assert client.get(reverse("records:rights")).status_code == 200


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("records:rights"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    "received,due",
    [
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)),
        (datetime.date(2026, 3, 15), datetime.date(2026, 4, 15)),
        (datetime.date(2026, 12, 20), datetime.date(2027, 1, 20)),
    ],
)
def test_the_month_of_article_12(received, due):
    request = RightsRequest(received_on=received)
    assert rights.due_on(request) == due
    assert not rights.is_overdue(request, today=due)
    assert rights.is_overdue(request, today=due + datetime.timedelta(days=1))


def test_register_search_export_erase_complete(
    client, privacy_officer, topics, people, units, open_hearing, archive
):
    feedback, response = seed_person(
        topics=topics, people=people, units=units, hearing=open_hearing
    )
    archive_everything()
    client.force_login(privacy_officer)
    # Registering it: a clear message for a form without anyone to look for.
    page = client.post(
        reverse("records:rights"), {"kind": "both", "received_on": "2026-11-20"}
    )
    assert page.status_code == 200 and "e-postadresse" in page.content.decode()
    page = client.post(
        reverse("records:rights"),
        {
            "kind": "both",
            "received_on": timezone.localdate().isoformat(),
            "email": EMAIL,
            "name": NAME,
            "phone": PHONE,
        },
    )
    request = RightsRequest.objects.get()
    assert page.status_code == 302 and request.reference.startswith("PV-")
    detail = reverse("records:rights_detail", args=[request.pk])
    assert EMAIL not in page["Location"]

    found = client.post(detail, {"handling": "sok"}).context["summary"]
    assert set(found["submissions"]) == {feedback.reference, response.reference}
    assert found["subscriptions"] == 2 and found["search_terms"] == 1

    exported = client.post(detail, {"handling": "json"})
    assert exported["Content-Disposition"].startswith("attachment;")
    data = json.loads(exported.content)
    assert {s["reference"] for s in data["submissions"]} == {
        feedback.reference,
        response.reference,
    }
    assert data["subscriptions"] and data["mentioned_in_other_cases"]
    document = client.post(detail, {"handling": "dokument"})
    html = document.content.decode()
    assert '<html lang="nb">' in html and feedback.reference in html and NAME in html

    client.post(detail, {"handling": "anonymiser"})  # not confirmed: nothing happens
    assert (
        rights.request_search(request=request, by=None).submissions[0].anonymised_at
        is None
    )
    client.post(detail, {"handling": "anonymiser", "bekreft": "ja"})
    assert not rights.request_search(request=request, by=None).subscriptions

    client.post(detail, {"handling": "fullfor"})
    request.refresh_from_db()
    assert request.status == "completed" and request.email == "" and request.name == ""
    kinds = list(request.steps.values_list("kind", flat=True))
    assert kinds[0] == "received" and kinds[-1] == "completed"
    assert {"searched", "exported_json", "exported_document", "anonymised"} <= set(
        kinds
    )
    for step in request.steps.all():
        assert EMAIL not in json.dumps(step.data) and "Testesen" not in json.dumps(
            step.data
        )


def test_extension_within_two_months_with_a_reason(privacy_officer):
    request = rights.request_create(
        kind="access", received_on=datetime.date(2026, 11, 1), email=EMAIL, by=None
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        rights.request_extend(
            request=request, by=None, until=datetime.date(2027, 3, 1), reason="Mye"
        )
    with pytest.raises(ValidationError):
        rights.request_extend(
            request=request, by=None, until=datetime.date(2027, 1, 15), reason=" "
        )
    rights.request_extend(
        request=request, by=None, until=datetime.date(2027, 1, 15), reason="Mange saker"
    )
    assert rights.due_on(request) == datetime.date(2027, 1, 15)


def test_the_month_in_the_inbox_and_the_digest(client, privacy_officer, subs):
    request = rights.request_create(
        kind="erasure",
        received_on=timezone.localdate() - datetime.timedelta(days=40),
        email=EMAIL,
        by=None,
    )
    client.force_login(privacy_officer)
    inbox = client.get(reverse("feedback_inbox:index")).content.decode()
    assert request.reference in inbox
    digest = {m.to[0]: m for m in overdue_digests()}[privacy_officer.email]
    assert request.reference in digest.body
    assert EMAIL not in digest.body


def test_handlers_see_no_rights_panel(client, people, subs):
    rights.request_create(
        kind="erasure", received_on=timezone.localdate(), email=EMAIL, by=None
    )
    client.force_login(people["handler_a"])
    assert "PV-" not in client.get(reverse("feedback_inbox:index")).content.decode()
