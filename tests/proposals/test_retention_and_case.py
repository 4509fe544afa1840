"""Retention of proposals (run by records' retention as the hook
«records_retention») and the council clock on the pipeline input's case view."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals import rules, selectors, services
from proposals.choices import EventKind
from proposals.models import Proposal, Signature
from records import retention

from .conftest import sign_input, start_input

pytestmark = pytest.mark.django_db


def test_unconfirmed_signatures_and_proposals_go_after_7_days(published):
    now = timezone.now()
    old = services.signature_request(
        proposal=published,
        signed=sign_input(1),
        now=now - datetime.timedelta(days=7, minutes=1),
    )
    fresh = services.signature_request(
        proposal=published, signed=sign_input(2), now=now - datetime.timedelta(days=6)
    )
    kept = services.signature_request(proposal=published, signed=sign_input(3))
    services.signature_confirm(signature=kept)
    Signature.objects.filter(pk=kept.pk).update(
        created_at=now - datetime.timedelta(days=30)
    )
    stale = services.proposal_start(
        submitted=start_input(email="glemt@example.no"),
        now=now - datetime.timedelta(days=8),
    )
    counts = retention.run(now)
    assert counts["proposal_signatures_unconfirmed"] == 1
    assert counts["proposals_unconfirmed"] == 1
    assert not Signature.objects.filter(pk=old.pk).exists()
    assert Signature.objects.filter(pk__in=[fresh.pk, kept.pk]).count() == 2
    assert not Proposal.objects.filter(pk=stale.pk).exists()


def test_signatures_are_anonymised_after_the_decision_and_the_period(
    published, staff, settings
):
    settings.PORTAL = {**settings.PORTAL, "PROPOSAL_RETENTION_MONTHS": 12}
    signature = services.signature_request(proposal=published, signed=sign_input(2))
    services.signature_confirm(signature=signature)
    services.proposal_submit(proposal=published)
    decided = timezone.now()
    services.proposal_record_outcome(
        proposal=published,
        by=staff["secretariat"],
        kind=EventKind.DECIDED,
        text="Vedtatt.",
        now=decided,
    )
    # Eleven months on: nothing yet.
    assert (
        retention.run(decided + datetime.timedelta(days=335))[
            "proposal_signatures_anonymised"
        ]
        == 0
    )
    counts = retention.run(decided + datetime.timedelta(days=370))
    assert counts["proposal_signatures_anonymised"] == 1
    assert counts["proposal_initiators_anonymised"] == 1
    signature.refresh_from_db()
    assert signature.name == "[anonymisert]"
    assert signature.email == ""
    assert not signature.show_name
    assert selectors.signature_count(published) == 1  # it still counts
    published.refresh_from_db()
    assert published.initiator_email == ""
    assert published.initiator_name == "Kari Nordmann"  # the public case
    # A second run finds nothing more.
    again = retention.run(decided + datetime.timedelta(days=371))
    assert again["proposal_signatures_anonymised"] == 0


def test_the_case_view_shows_the_council_clock(client, published, staff):
    services.proposal_submit(proposal=published)
    published.refresh_from_db()
    client.force_login(staff["secretariat"])
    url = reverse("feedback_inbox:inspect", args=[published.submission.pk])
    body = client.get(url).content.decode()
    assert "kommunestyrets seks måneder" in body
    last_day = published.council_last_day
    assert last_day == rules.last_day(published.council_due_at)
    assert f"{last_day.day}. " in body
    assert reverse("proposals_admin:detail", args=[published.pk]) in body


def test_digest_names_proposals_with_a_month_left(published, staff):
    from feedback.tasks import overdue_digests

    services.proposal_submit(proposal=published)
    published.refresh_from_db()
    lead = staff["secretariat_lead"]

    def digest_for_lead(now):
        return [m for m in overdue_digests(now=now) if lead.email in m.to]

    early = published.submitted_at + datetime.timedelta(days=1)
    assert not any(published.title in m.body for m in digest_for_lead(early))
    month_left = published.council_due_at - datetime.timedelta(days=20)
    (message,) = digest_for_lead(month_left)
    assert published.title in message.body
    assert "kommunestyrets seks måneder" in message.body
    late = published.council_due_at + datetime.timedelta(days=1)
    (message,) = digest_for_lead(late)
    assert "forfalt" in message.body
    # Outside the secretariat nobody is told.
    assert all(staff["other_unit"].email not in m.to for m in overdue_digests(now=late))
