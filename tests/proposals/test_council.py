"""Submission to the council: one `proposal` input of the pipeline, routed to
the political secretariat with the council's six months as its due date; the
council's outcome public on the page and e-mailed to followers."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from feedback.choices import InputKind
from feedback.choices import Status as InputStatus
from feedback.models import RoutingRule
from following.selectors import followers
from proposals import rules, services
from proposals.choices import EventKind, Status
from proposals.following import CHANNEL
from proposals.models import Proposal
from proposals.tokens import make_token

from .conftest import sign_input

pytestmark = pytest.mark.django_db


def test_submit_routes_to_the_secretariat_with_the_council_clock(
    client, published, secretariat, site, django_capture_on_commit_callbacks
):
    # A catch-all rule would take any other input: a proposal goes by law.
    RoutingRule.objects.create(name="Alt", priority=1, unit=site["triage"])
    signature = services.signature_request(
        proposal=published, signed=sign_input(1, wants_news=True)
    )
    services.signature_confirm(signature=signature)
    manage = reverse("proposals:manage", args=[make_token(published, "manage")])
    page = client.get(manage).content.decode()
    assert "Send det likevel, under terskelen." in page

    # Below the threshold the initiator must say so.
    response = client.post(manage, {})
    assert "færre underskrifter enn terskelen" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Status.COLLECTING

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(manage, {"below_threshold": "on"}).status_code == 302
    published.refresh_from_db()
    assert published.status == Status.SUBMITTED
    assert published.below_threshold
    submission = published.submission
    assert submission.kind == InputKind.PROPOSAL
    assert submission.unit == secretariat
    assert submission.due_at == published.council_due_at
    assert published.council_due_at == rules.council_due_at(published.submitted_at)
    # Initiator and the signer who asked for news hear of it.
    notified = sorted(
        m.to[0] for m in mail.outbox if "sendt til kommunestyret" in m.body
    )
    assert notified == ["kari@example.no", "signer1@example.no"]
    assert followers(CHANNEL, published).count() == 2


def test_submitting_a_closed_campaign_is_refused(published):
    published.closes_at = published.published_at
    published.save()
    with pytest.raises(services.NotAllowed):
        services.proposal_submit(proposal=published)


def test_outcomes_are_public_and_sent(
    client, published, staff, django_capture_on_commit_callbacks
):
    services.proposal_submit(proposal=published)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_record_outcome(
            proposal=published,
            by=staff["secretariat"],
            kind=EventKind.ON_AGENDA,
            meeting_date=datetime.date(2027, 2, 11),
            case_url="https://innsyn.asker.kommune.no/sak/2027-12",
        )
    assert "11. februar 2027" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_record_outcome(
            proposal=published,
            by=staff["secretariat"],
            kind=EventKind.DECIDED,
            text="Kommunestyret vedtok at lysløypa skal være opplyst til kl. 22.",
        )
    published.refresh_from_db()
    assert published.status == Status.DECIDED
    message = mail.outbox[-1]
    assert message.to == ["kari@example.no"]
    assert "opplyst til kl. 22" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    page = client.get(published.get_absolute_url()).content.decode()
    assert "opplyst til kl. 22" in page
    # The council's answer stops the input's clock.
    published.submission.refresh_from_db()
    assert published.submission.status == InputStatus.ANSWERED
    assert published.submission.first_answered_at is not None
    decided = client.get(reverse("proposals:list", args=["behandlet"]))
    assert published.title in decided.content.decode()


def test_a_decision_needs_its_words(published, staff):
    services.proposal_submit(proposal=published)
    with pytest.raises(services.ValidationError):
        services.proposal_record_outcome(
            proposal=published, by=staff["secretariat"], kind=EventKind.DECIDED
        )
    assert Proposal.objects.get().status == Status.SUBMITTED
