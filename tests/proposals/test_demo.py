"""The demo seeds a proposal in every state, through the services."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from proposals import selectors
from proposals.choices import Stage, Status
from proposals.models import Proposal

pytestmark = pytest.mark.django_db


def test_demo_has_every_state(django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)
    statuses = set(Proposal.objects.values_list("status", flat=True))
    assert statuses >= {
        Status.PENDING,
        Status.COLLECTING,
        Status.SUBMITTED,
        Status.ON_AGENDA,
        Status.DECIDED,
        Status.REFUSED_SAME,
    }
    stages = {selectors.stage_of(p) for p in Proposal.objects.all()}
    assert Stage.NOT_REACHED in stages
    collecting = Proposal.objects.get(title="Lys i lysløypa på Vettre hele vinteren")
    progress = selectors.progress(collecting)
    assert progress.percent == 40
    submitted = Proposal.objects.get(status=Status.SUBMITTED)
    assert submitted.submission.unit.slug == "politisk-sekretariat"
    assert selectors.progress(submitted).reached
    assert mail.outbox == []  # the demo queues no e-mails
    # Safe to repeat.
    count = Proposal.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Proposal.objects.count() == count
