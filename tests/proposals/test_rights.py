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
