"""The demo seeds hearings in every state, and running it again changes nothing."""

import io
import re

import pytest

from feedback.models import Submission
from hearings.choices import PUBLISHED_STATES, HearingStatus, PublicationState
from hearings.demo import pdf_bytes
from hearings.models import HearingPage, ResponsePublication

pytestmark = pytest.mark.django_db


def test_pdf_is_well_formed():
    data = pdf_bytes("Planbeskrivelse – Nesbru (utkast)", ["Linje én", "Linje to"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    # Every xref offset points at its object.
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    table = data[xref:].split(b"\n")
    assert table[0] == b"xref"
    for number, row in enumerate(table[3:8], start=1):
        offset = int(row[:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode())
    stream_length = int(re.search(rb"/Length (\d+)", data).group(1))
    body = data.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(body) == stream_length


def test_demo_is_complete_and_idempotent(django_capture_on_commit_callbacks):
    from hearings import demo
    from home import demo as home_demo

    out = io.StringIO()
    home_demo.seed(out)
    demo.seed(out)

    def counts_now():
        return (
            HearingPage.objects.filter(locale__language_code="nb").count(),
            Submission.objects.count(),
            ResponsePublication.objects.count(),
        )

    counts = counts_now()
    # The hearings are shown under /en/ too, as aliases of the originals.
    assert HearingPage.objects.filter(locale__language_code="en").count() == counts[0]
    # seed_demo runs every app's seed again, the home tree's English aliases
    # included (they now reach the hearings too).
    home_demo.seed(out)
    demo.seed(out)
    assert counts_now() == counts

    hearings = list(HearingPage.objects.live().filter(locale__language_code="nb"))
    assert len(hearings) >= 6
    states = {h.status for h in hearings}
    assert states == set(HearingStatus.values)
    for hearing in hearings:
        assert hearing.documents.count() >= 1
        document = hearing.documents.first().document
        with document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
        if hearing.status == HearingStatus.CONCLUDED:
            assert hearing.outcome_decided
    assert ResponsePublication.objects.filter(state__in=PUBLISHED_STATES).exists()
    assert ResponsePublication.objects.filter(state=PublicationState.WITHHELD).exists()
    # Responses are routed to the hearing's unit.
    for submission in Submission.objects.filter(kind="hearing_response"):
        hearing = HearingPage.objects.get(pk=submission.page_id)
        assert submission.unit_id == hearing.responsible_unit_id
