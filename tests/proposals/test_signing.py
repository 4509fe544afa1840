"""Signing: double opt-in by a link and a button, one signature per address
per proposal, at most one confirmation e-mail an hour, unconfirmed signatures
never count and their links expire after 7 days, names only with consent,
withdrawal through the receipt's link, paper sheets registered by staff."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from feedback import spam
from proposals import selectors, services
from proposals.choices import Method
from proposals.models import Signature

from .conftest import link_path, sign_input, start_input

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ola Nordmann",
    "postcode": "1384",
    "email": "ola@example.no",
    "resident": "on",
}


def post_sign(client, proposal, **overrides):
    data = {**FORM, "started": spam.form_timestamp(time.time() - 30), **overrides}
    return client.post(reverse("proposals:sign", args=[proposal.pk]), data)


def test_sign_counts_only_after_the_button(
    client, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign(client, published, show_name="on")
    assert response["Location"] == reverse("proposals:sent", args=["underskrift"])
    assert selectors.signature_count(published) == 0
    (message,) = mail.outbox
    path = link_path(message, "/underskrift/")
    client.get(path)  # a link scanner
    assert selectors.signature_count(published) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    assert selectors.signature_count(published) == 1
    receipt = mail.outbox[-1]
    assert "/trekk/" in receipt.body
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Ola Nordmann" in page
    assert "299 underskrifter igjen" in page


def test_name_is_public_only_with_consent(client, published):
    signature = services.signature_request(proposal=published, signed=sign_input(1))
    services.signature_confirm(signature=signature)
    assert not signature.show_name
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Signer 1" not in page
    assert "299 underskrifter igjen" in page


def test_one_signature_per_address_and_one_mail_an_hour(
    published, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_request(proposal=published, signed=sign_input(1), now=now)
        services.signature_request(
            proposal=published,
            signed=sign_input(1, email="SIGNER1@example.no", name="Other"),
            now=now + datetime.timedelta(minutes=5),
        )
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Signer 1"  # nothing else changes
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_request(
            proposal=published,
            signed=sign_input(1),
            now=now + datetime.timedelta(minutes=61),
        )
    assert len(mail.outbox) == 2


def test_a_confirmed_signature_is_not_signed_again(published):
    first = services.signature_request(proposal=published, signed=sign_input(1))
    services.signature_confirm(signature=first)
    again = services.signature_request(proposal=published, signed=sign_input(1))
    assert again.pk == first.pk
    assert selectors.signature_count(published) == 1


def test_confirmation_link_expires_after_7_days(
    client, published, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_request(proposal=published, signed=sign_input(1))
    path = link_path(mail.outbox[0], "/underskrift/")
    assert client.get(path).status_code == 200
    # Eight days later by the signer's clock: the timestamp in the link is old.
    later = time.time() + 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(path).status_code == 400
    assert client.post(path).status_code == 400
    assert selectors.signature_count(published) == 0


def test_withdraw_through_the_receipt(
    client, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signature = services.signature_request(proposal=published, signed=sign_input(1))
        services.signature_confirm(signature=signature)
    path = link_path(mail.outbox[-1], "/trekk/")
    assert client.get(path).status_code == 200
    assert selectors.signature_count(published) == 1
    response = client.post(path)
    assert response.status_code == 302
    assert not Signature.objects.exists()
    # The link has nothing left to point at.
    assert client.get(path).status_code == 400


def test_outside_the_municipality_is_refused_with_the_form_kept(client, published):
    response = post_sign(client, published, postcode="0150")
    body = response.content.decode()
    assert "0150 er ikke et postnummer i Asker kommune" in body
    assert 'value="Ola Nordmann"' in body
    assert not Signature.objects.exists()


def test_residency_must_be_declared(client, published):
    response = post_sign(client, published, resident="")
    assert "Bare innbyggere kan signere" in response.content.decode()
    assert not Signature.objects.exists()


def test_closed_campaign_takes_no_signatures(client, published):
    published.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    published.save()
    with pytest.raises(services.NotAllowed):
        services.signature_request(proposal=published, signed=sign_input(1))
    response = post_sign(client, published)
    assert not Signature.objects.exists()
    assert "Signer forslaget" not in response.content.decode()


def test_paper_sheet_counts_and_names_stay_private(client, published, staff):
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:detail", args=[published.pk])
    response = client.post(
        url,
        {
            "action": "paper",
            "rows": "Per Hansen; 1390\nLise Berg; 1392; Vollen 3\n",
        },
    )
    assert response.status_code == 302
    assert selectors.signature_count(published) == 2
    paper = Signature.objects.filter(method=Method.PAPER)
    assert paper.count() == 2
    assert {s.address for s in paper} == {"", "Vollen 3"}
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Per Hansen" not in page


def test_paper_sheet_with_a_bad_line_says_which(client, published, staff):
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:detail", args=[published.pk])
    response = client.post(url, {"action": "paper", "rows": "Per Hansen; 13\n"})
    assert response.status_code == 200
    assert "Linje 1: et postnummer har fire sifre." in response.content.decode()
    assert not Signature.objects.exists()


def test_proposals_emails_are_outbox_rows_sent_once(
    published, django_capture_on_commit_callbacks
):
    """Proposals' e-mails go through the one outbox (issue 14: they had their
    own retry beside it, which a killed worker could leave unsent or send
    twice): a row promised in the service's transaction, sent once, and a
    re-run of its delivery sends nothing."""
    from outbox.delivery import deliver
    from outbox.models import Email, EmailStatus

    with django_capture_on_commit_callbacks(execute=True):
        signature = services.signature_request(proposal=published, signed=sign_input(1))
    row = Email.objects.get(key__startswith="proposals.signature_confirmation:")
    assert row.kwargs == {"signature_id": signature.pk}
    assert row.status == EmailStatus.SENT
    (message,) = mail.outbox
    assert row.message_id in message.extra_headers["Message-ID"]
    assert deliver(row.pk).status == EmailStatus.SENT
    assert len(mail.outbox) == 1
    # Confirmed meanwhile: the queued receipt renders, a stale confirmation not.
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature=signature)
    assert Email.objects.get(key=f"proposals.signature_receipt:{signature.pk}").sent_at
    assert len(mail.outbox) == 2


def test_photographed_paper_sheet_is_stored_without_metadata(
    client, published, staff, settings, tmp_path
):
    """A sheet photographed with a phone carries its GPS position and owner;
    it is stored like every resident photo, without them (issue 12, point 12)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.feedback_admin.test_resident_files import (
        APP1,
        COM,
        gps_jpeg,
        jpeg_segments,
    )

    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path), "base_url": None},
        },
    }
    client.force_login(staff["secretariat"])
    url = reverse("proposals_admin:detail", args=[published.pk])
    sheet = SimpleUploadedFile("ark.jpg", gps_jpeg(), "image/jpeg")
    response = client.post(
        url, {"action": "paper", "rows": "Per Hansen; 1390\n", "sheet": sheet}
    )
    assert response.status_code == 302
    stored = published.sheets.get()
    data = stored.file.open("rb").read()
    assert not jpeg_segments(data) & {APP1, COM}
    assert b"Kari" not in data


def test_one_pending_confirmation_per_address_across_proposals(
    client, published, staff, django_capture_on_commit_callbacks
):
    """Typing someone else's address into every proposal sends them one
    e-mail an hour, not one per proposal (issue 14, abuse)."""
    with django_capture_on_commit_callbacks(execute=True):
        other = services.proposal_start(
            submitted=start_input(title="Flere benker ved Semsvannet"), notify=False
        )
        services.proposal_confirm(proposal=other, notify=False)
        services.proposal_publish(proposal=other, by=staff["secretariat"], notify=False)
        assert post_sign(client, published, email="victim@example.no").status_code == (
            302
        )
        refused = post_sign(client, other, email="Victim@example.no", name="Noen Andre")
    text = refused.content.decode()
    assert "mindre enn en time siden" in text
    assert 'value="Noen Andre"' in text  # the form comes back filled in
    assert Signature.objects.filter(email__iexact="victim@example.no").count() == 1
    assert [m.to for m in mail.outbox] == [["victim@example.no"]]
    # Starting a proposal with that address waits too.
    with pytest.raises(services.NotAllowed):
        services.proposal_start(submitted=start_input(email="victim@example.no"))
    # Once the first is confirmed, the address may sign the other proposal.
    services.signature_confirm(signature=Signature.objects.get())
    assert post_sign(client, other, email="victim@example.no").status_code == 302
