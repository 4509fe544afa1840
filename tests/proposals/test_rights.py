"""A rights request finds a person's signatures and started proposals,
exports them and erases them (the signatures still count)."""

import pytest

from proposals import selectors, services
from records import privacy, rights

from .conftest import sign_input

pytestmark = pytest.mark.django_db


def test_rights_request_finds_exports_and_erases(published, archive_elsewhere):
    signature = services.signature_request(
        proposal=published, signed=sign_input(4, email="kari@example.no")
    )
    services.signature_confirm(signature=signature)
    person = privacy.Person(email="KARI@example.no")
    found = privacy.find(person)
    assert [s.pk for s in found.signatures] == [signature.pk]
    assert [p.pk for p in found.proposals] == [published.pk]
    data = rights.export_data(found)
    assert data["citizen_proposal_signatures"][0]["name"] == "Signer 4"
    assert data["citizen_proposals_started"][0]["email"] == "kari@example.no"

    result = privacy.erase(person)
    assert result.signatures == 1
    assert result.proposals == 1
    signature.refresh_from_db()
    published.refresh_from_db()
    assert signature.email == "" and signature.name == "[anonymisert]"
    assert published.initiator_email == ""
    assert selectors.signature_count(published) == 1
    assert not privacy.find(person).signatures


FNR = "01010012356"  # a valid test number (mod-11)


def test_an_idporten_signer_without_an_address_is_found_by_their_number(
    published, settings
):
    """A signature made with ID-porten may have no e-mail address; the rights
    request gives the national identity number, the portal turns it into the
    same keyed hash and keeps only that, cleared when the request is done."""
    from django.db import connection
    from django.utils import timezone

    from proposals import idporten
    from records.models import RightsRequest
    from records.rights_views import RequestForm
    from tests.factories import UserFactory

    settings.PORTAL_IDPORTEN_PID_KEY = "test-pid-key"  # noqa: S105
    signature = services.signature_idporten(
        proposal=published,
        signed=sign_input(9, email=""),
        identity_hash=idporten.identity_hash(FNR),
    )
    form = RequestForm(
        {
            "kind": "both",
            "received_on": timezone.localdate(),
            "national_id": "0101001 2356",
        }
    )
    assert form.is_valid(), form.errors
    bad = RequestForm(
        {
            "kind": "both",
            "received_on": timezone.localdate(),
            "national_id": "01010012345",
        }
    )
    assert "gyldig fødselsnummer" in str(bad.errors)
    officer = UserFactory(username="personvern", is_superuser=True)
    request = rights.request_create(by=officer, **form.cleaned_data)
    found = rights.request_search(request=request, by=officer)
    assert [s.pk for s in found.signatures] == [signature.pk]

    privacy.erase(rights._person(request))
    signature.refresh_from_db()
    assert signature.identity_hash == "" and signature.name == "[anonymisert]"
    rights.request_complete(request=request, by=officer)
    assert RightsRequest.objects.get().identity_hash == ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM records_rightsrequest r WHERE r::text LIKE %s",
            [f"%{FNR}%"],
        )
        assert cursor.fetchone()[0] == 0
