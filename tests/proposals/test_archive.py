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

pytestmark = pytest.mark.django_db


def test_proposal_and_decision_are_journaled(published, staff, tmp_path):
    services.proposal_submit(proposal=published)
    published.refresh_from_db()
    incoming = ArchivePost.objects.get(submission=published.submission, kind="input")
    package, root = package_of(incoming, tmp_path)
    assert_files_described(package, root)
    jp = root.find("a:registrering", N)
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
