"""A citizen proposal goes to the archive as the archive work defines (issue 13
«Citizen proposals follow the same shape», issue 14 «the proposal and its
decision go to the archive»): submitted to the council it is an incoming post
(I) from the initiator, the council's decision an outgoing post (U) to them,
both valid Fiks Arkiv messages in one case folder."""

import pytest

from proposals import services
from proposals.choices import EventKind
from records.models import ArchivePost
from tests.records.test_messages import N, assert_files_described, package_of, text

from .conftest import sign_input

pytestmark = pytest.mark.django_db


def _submitted(proposal, tmp_path):
    """Send the proposal to the council; its incoming post, written and checked
    as a Fiks Arkiv package, and the package's journal post."""
    services.proposal_submit(proposal=proposal)
    proposal.refresh_from_db()
    incoming = ArchivePost.objects.get(submission=proposal.submission, kind="input")
    package, root = package_of(incoming, tmp_path)
    assert_files_described(package, root)
    return incoming, package, root.find("a:registrering", N)


def test_proposal_and_decision_are_journaled(published, staff, tmp_path):
    incoming, package, jp = _submitted(published, tmp_path)
    assert text(jp, "a:journalposttype/m:kode") == "I"
    sender = jp.find("a:korrespondansepart", N)
    assert text(sender, "a:korrespondanseparttype/m:kode") == "EA"
    assert text(sender, "a:korrespondansepartNavn") == "Kari Nordmann"
    body = (package.directory / "dokument-1.txt").read_text("utf-8")
    assert published.proposal in body

    services.proposal_record_outcome(
        proposal=published,
        by=staff["secretariat"],
        kind=EventKind.DECIDED,
        text="Kommunestyret vedtok at lysløypa skal være opplyst til kl. 22.",
    )
    outgoing = ArchivePost.objects.get(submission=published.submission, kind="reply")
    assert outgoing.case_id == incoming.case_id
    package, root = package_of(outgoing, tmp_path)
    jp = root.find("a:registrering", N)
    assert text(jp, "a:journalposttype/m:kode") == "U"
    body = (package.directory / "dokument-1.txt").read_text("utf-8")
    assert "opplyst til kl. 22" in body


def test_the_archived_proposal_carries_its_full_signature_list(published, tmp_path):
    """The council's case document is the proposal with the list of who signed:
    every counted signature, named whether or not the name is public, in the
    order they came; unconfirmed ones are not on it."""
    from proposals.models import Signature

    for n, show in ((1, True), (2, False)):
        signature = services.signature_request(
            proposal=published, signed=sign_input(n, show_name=show)
        )
        services.signature_confirm(signature=signature)
    services.signature_request(proposal=published, signed=sign_input(3))
    incoming, package, jp = _submitted(published, tmp_path)
    assert text(jp, "a:antallVedlegg") == "1"
    documents = jp.findall("a:dokumentbeskrivelse", N)
    titles = [text(d, "a:tittel") for d in documents]
    assert titles[-1] == "Underskriftsliste"
    listing = (package.directory / "vedlegg-2-underskrifter.txt").read_text("utf-8")
    lines = listing.splitlines()
    assert "Opptalte underskrifter: 2 (terskel 300)" in lines
    assert lines[-2].startswith("1; ") and "; Signer 1; 1384; " in lines[-2]
    assert lines[-1].startswith("2; ") and "; Signer 2; 1384; " in lines[-1]
    assert "Signer 3" not in listing
    assert Signature.objects.filter(confirmed_at__isnull=True).count() == 1
