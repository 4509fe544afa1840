"""Starting a proposal (e-mail confirmed by a link and a button), moderation by
the political secretariat and the public page and lists."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from proposals import services
from proposals.choices import RefusalReason, Status
from proposals.models import Proposal

from .conftest import START, link_path, start_input

pytestmark = pytest.mark.django_db


def post_start(client, **overrides):
    from feedback import spam

    data = {**START, "started": spam.form_timestamp(timezone.now().timestamp() - 30)}
    data.update(overrides)
    return client.post(reverse("proposals:start"), data)


def test_start_confirm_by_link_and_button(
    client, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_start(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("proposals:sent", args=["forslag"])
    proposal = Proposal.objects.get()
    assert proposal.status == Status.UNCONFIRMED
    assert proposal.initiator_postcode == "1392"
    (message,) = mail.outbox
    assert message.to == ["kari@example.no"]
    path = link_path(message, "/bekreft/")

    # Opening the link (a mail scanner does) changes nothing.
    page = client.get(path)
    assert page.status_code == 200
    assert "Bekreft" in page.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.UNCONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.PENDING
    # The secretariat's mailbox hears of it.
    assert mail.outbox[-1].to == ["politikk@asker.kommune.no"]
    # Not public before moderation.
    detail = reverse("proposals:detail", args=[proposal.pk])
    assert client.get(detail).status_code == 404


def test_a_tampered_confirm_link_is_refused(client, secretariat):
    proposal = services.proposal_start(submitted=start_input())
    response = client.get(
        reverse("proposals:confirm", args=[f"{proposal.pk}:forged:x"])
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "0150", "er ikke et postnummer i Asker kommune"),
        ("postcode", "13a4", "fire sifre"),
        ("email", "kari@", "gyldig e-postadresse"),
        ("title", "", "Skriv en tittel"),
        ("resident", "", "Bare innbyggere"),
        (
            "background",
            "Fødselsnummeret mitt er 15076500565, kontakt meg.",
            "fødselsnummeret",
        ),
    ],
)
def test_bad_input_names_the_problem_and_keeps_the_text(
    client, secretariat, field, value, message
):
    response = post_start(client, **{field: value})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert START["proposal"] in body  # the resident's text is kept
    assert not Proposal.objects.exists()


def test_one_pending_confirmation_per_address_per_hour(
    client, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_start(client)
        response = post_start(client, title="Et annet forslag om lysløypa")
    assert response.status_code == 200
    assert "mindre enn en time siden" in response.content.decode()
    assert Proposal.objects.count() == 1
    assert len(mail.outbox) == 1


def test_publish_fixes_threshold_and_campaign(
    secretariat, staff, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL = {**settings.PORTAL, "POPULATION": 14_950}
    proposal = services.proposal_start(submitted=start_input())
    services.proposal_confirm(proposal=proposal)
    now = datetime.datetime(2026, 3, 15, 13, 0, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_publish(proposal=proposal, by=staff["secretariat"], now=now)
    proposal.refresh_from_db()
    assert proposal.status == Status.COLLECTING
    assert proposal.threshold == 299
    assert proposal.closes_at == datetime.datetime(
        2027, 3, 15, 23, 0, tzinfo=datetime.UTC
    )  # 16 March 00:00 in Oslo
    message = mail.outbox[-1]
    assert message.to == ["kari@example.no"]
    assert "/forslagsstiller/" in message.body


def test_refuse_tells_the_initiator_why(
    secretariat, staff, django_capture_on_commit_callbacks
):
    proposal = services.proposal_start(submitted=start_input())
    services.proposal_confirm(proposal=proposal)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_refuse(
            proposal=proposal,
            by=staff["secretariat"],
            reason=RefusalReason.SINGLE_CASE,
            text="Søknaden om byggetillatelse behandles av byggesak.",
        )
    proposal.refresh_from_db()
    assert proposal.status == Status.REFUSED
    body = mail.outbox[-1].body
    assert "En enkeltsak om én person" in body
    assert "byggesak" in body


def test_refuse_for_other_reason_needs_an_explanation(secretariat, staff):
    proposal = services.proposal_start(submitted=start_input())
    services.proposal_confirm(proposal=proposal)
    with pytest.raises(services.ValidationError):
        services.proposal_refuse(
            proposal=proposal, by=staff["secretariat"], reason=RefusalReason.OTHER
        )


def test_same_content_flag_is_shown_and_refuses_nothing(client, published, staff):
    earlier = services.proposal_start(
        submitted=start_input(email="ola@example.no", title="Lys i lysløypa")
    )
    services.proposal_confirm(proposal=earlier)
    services.proposal_publish(proposal=earlier, by=staff["secretariat"])
    services.proposal_flag_same_content(
        proposal=published, by=staff["secretariat"], same_as=earlier
    )
    published.refresh_from_db()
    assert published.status == Status.COLLECTING
    body = client.get(published.get_absolute_url()).content.decode()
    assert "samme innhold" in body
    assert earlier.get_absolute_url() in body


def test_public_page_shows_progress(client, published):
    body = client.get(published.get_absolute_url()).content.decode()
    assert START["title"] in body
    assert "300 underskrifter igjen" in body
    assert "kari@example.no" not in body  # the initiator's address never


def test_lists(client, published, staff):
    collecting = client.get(reverse("proposals:index")).content.decode()
    assert START["title"] in collecting
    # The campaign's end moves it to «not reached» by time alone.
    Proposal.objects.filter(pk=published.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert START["title"] not in client.get(reverse("proposals:index")).content.decode()
    not_reached = client.get(reverse("proposals:list", args=["ikke-naadd"]))
    assert START["title"] in not_reached.content.decode()
    assert client.get(reverse("proposals:list", args=["tull"])).status_code == 404


def test_private_pages_do_not_leak_the_link_but_keep_their_buttons(client, secretariat):
    proposal = services.proposal_start(submitted=start_input())
    from proposals.tokens import make_token

    response = client.get(
        reverse("proposals:confirm", args=[make_token(proposal, "confirm")])
    )
    # «no-referrer» would make the browser send Origin: null on the button,
    # which the CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex"
