"""Sending to the archive: receipts stored and shown, nothing sent twice, the
folder transport end to end, failures recorded and retried, the export
command, the inbox filter and the digest."""

import datetime
import os
import stat

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from feedback import services as feedback_services
from feedback.tasks import overdue_digests
from records import arkivmelding as am
from records import services
from records.choices import ArchiveState
from records.models import ArchivePost
from records.transports import FolderTransport, use


def input_post(submission):
    return ArchivePost.objects.get(submission=submission, event__isnull=True)


def test_receipt_numbers_are_stored_and_shown_on_the_case(
    subs, people, archive, client
):
    post = input_post(subs["a"])
    assert services.post_send(post_id=post.pk) == services.SendResult.ARCHIVED
    post.refresh_from_db()
    year = timezone.localdate().year
    assert post.state == ArchiveState.ARCHIVED
    assert post.case.case_number == f"{year}/1"
    assert post.archive_reference == f"{year}/1-1"
    assert post.system_id and post.case.system_id
    # The reply goes into the same archive case as document 2.
    event = feedback_services.submission_reply(
        submission=subs["a"], by=people["handler_a"], text="Fikset.", notify=False
    )
    reply = ArchivePost.objects.get(event=event)
    services.post_send(post_id=reply.pk)
    reply.refresh_from_db()
    assert reply.archive_reference == f"{year}/1-2"
    client.force_login(people["handler_a"])
    page = client.get(reverse("feedback_inbox:inspect", args=[subs["a"].pk])).content
    assert f"{year}/1-1".encode() in page and f"{year}/1-2".encode() in page


def test_a_reply_sent_before_its_input_goes_after_it(subs, people, archive):
    event = feedback_services.submission_reply(
        submission=subs["a"], by=people["handler_a"], text="Fikset.", notify=False
    )
    services.post_send(post_id=ArchivePost.objects.get(event=event).pk)
    numbers = dict(
        ArchivePost.objects.filter(submission=subs["a"]).values_list(
            "kind", "journal_number"
        )
    )
    assert numbers == {"input": 1, "reply": 2}
    assert input_post(subs["a"]).state == ArchiveState.ARCHIVED


def test_sending_twice_creates_nothing_twice(subs, archive):
    post = input_post(subs["a"])
    services.post_send(post_id=post.pk)
    post.refresh_from_db()
    first = (post.system_id, post.archive_reference)
    # As if the receipt had been lost: the post is sent again.
    ArchivePost.objects.filter(pk=post.pk).update(state=ArchiveState.WAITING)
    services.post_send(post_id=post.pk)
    post.refresh_from_db()
    assert (post.system_id, post.archive_reference) == first
    assert len(archive.posts) == 1 and len(archive.cases) == 1
    assert b"Eksisterende" in post.receipt.encode()


def test_folder_transport_end_to_end(
    subs, folder_transport, fake_archive, archive_dirs
):
    post = input_post(subs["a"])
    assert services.post_send(post_id=post.pk) == services.SendResult.SENT
    post.refresh_from_db()
    assert post.state == ArchiveState.SENT
    delivered = archive_dirs / "drop" / str(post.message_id)
    assert (delivered / am.MESSAGE_FILE).exists()
    assert not list((archive_dirs / "drop" / ".tmp").iterdir())
    assert fake_archive.ingest(archive_dirs / "drop", archive_dirs / "receipts") == 1
    assert services.receipts_collect() == 1
    post.refresh_from_db()
    assert post.state == ArchiveState.ARCHIVED and post.archive_reference
    # Nothing of the resident's stays on this disk once the archive has it.
    assert not delivered.exists()
    assert not list((archive_dirs / "receipts").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_drop_folder_fails_with_a_reason(subs, archive_dirs):
    drop = archive_dirs / "drop"
    drop.mkdir()
    (drop / ".tmp").mkdir()
    drop.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with (
            use(FolderTransport(drop, archive_dirs / "receipts")),
            pytest.raises(services.ArchiveTransportError),
        ):
            services.post_send(post_id=input_post(subs["a"]).pk)
    finally:
        drop.chmod(stat.S_IRWXU)
    post = input_post(subs["a"])
    assert post.state == ArchiveState.FAILED
    assert "not writable" in post.error


def test_unwritable_drop_folder_as_a_file(subs, archive_dirs, settings):
    """A drop «folder» that is a file cannot be written by anyone, root included."""
    blocker = archive_dirs / "blocker"
    blocker.write_text("not a folder")
    with (
        use(FolderTransport(blocker, archive_dirs / "receipts")),
        pytest.raises(services.ArchiveTransportError),
    ):
        services.post_send(post_id=input_post(subs["a"]).pk)
    post = input_post(subs["a"])
    assert post.state == ArchiveState.FAILED and post.attempts == 1
    assert post.error
    assert "Kari" not in post.error


def test_failed_post_is_retried_later(subs, archive_dirs, settings):
    from django_tasks import default_task_backend

    from records.tasks import archive_post

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    blocker = archive_dirs / "blocker"
    blocker.write_text("x")
    post = input_post(subs["a"])
    with (
        use(FolderTransport(blocker, archive_dirs / "receipts")),
        pytest.raises(services.ArchiveTransportError),
    ):
        archive_post.call(post_id=post.pk)
    backend = default_task_backend
    queued = [r for r in backend.results if r.task.name == "archive_post"]
    assert len(queued) == 1 and queued[0].task.run_after > timezone.now()


def test_archive_export_writes_valid_messages_once(
    subs, people, tmp_path, fake_archive
):
    feedback_services.submission_reply(
        submission=subs["a"], by=people["handler_a"], text="Fikset.", notify=False
    )
    out = tmp_path / "export"
    call_command("archive_export", "--out", str(out))
    folders = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    assert len(folders) == 3  # two inputs and a reply
    for folder in folders:
        root = etree.parse(str(folder / am.MESSAGE_FILE))
        am.validate(root, am.opprett_schema())
        files = [p for p in folder.iterdir() if p.name != am.MESSAGE_FILE]
        assert int(root.findtext(f"{{{am.NS}}}antallFiler")) == len(files)
        fake_archive.check(folder)  # sizes and checksums as stated
    assert set(ArchivePost.objects.values_list("state", flat=True)) == {"sent"}
    # A second export sends nothing twice.
    again = tmp_path / "again"
    call_command("archive_export", "--out", str(again))
    assert not [p for p in again.iterdir() if not p.name.startswith(".")]
    # --all is the first load of a new archive: everything, and the archive
    # creates nothing twice because of the external keys.
    everything = tmp_path / "all"
    call_command("archive_export", "--out", str(everything), "--all")
    for export in (out, everything):
        for folder in sorted(p for p in export.iterdir() if not p.name.startswith(".")):
            fake_archive.receive(folder)
    assert len(fake_archive.posts) == 3 and len(fake_archive.cases) == 2


def test_archive_export_since_and_unwritable(subs, tmp_path):
    ArchivePost.objects.filter(submission=subs["a"]).update(
        document_date=timezone.now() - datetime.timedelta(days=30)
    )
    out = tmp_path / "since"
    call_command(
        "archive_export", "--out", str(out), "--since", timezone.localdate().isoformat()
    )
    assert len([p for p in out.iterdir() if not p.name.startswith(".")]) == 1
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CommandError):
        call_command("archive_export", "--out", str(blocker))


def test_archive_export_makes_posts_for_inputs_from_before(subs, tmp_path):
    ArchivePost.objects.all().delete()
    call_command("archive_export", "--out", str(tmp_path / "first"))
    assert ArchivePost.objects.count() == 2
    assert (
        len([p for p in (tmp_path / "first").iterdir() if not p.name.startswith(".")])
        == 2
    )


def test_inbox_filter_not_archived(subs, people, archive, client):
    services.post_send(post_id=input_post(subs["a"]).pk)
    client.force_login(people["triage"])
    url = reverse("feedback_inbox:index")
    body = client.get(url, {"archive": "not_archived"}).content.decode()
    assert subs["b"].reference in body and subs["a"].reference not in body
    body = client.get(url, {"archive": "archived"}).content.decode()
    assert subs["a"].reference in body and subs["b"].reference not in body
    assert "Ikke arkivert" in client.get(url).content.decode()


def test_digest_names_inputs_not_archived_after_a_day(subs, people, units, archive):
    from tests.factories import member
    from tests.feedback_admin.conftest import _admin_user
    from units.choices import Role

    lead_b = member(_admin_user("lead_b"), units["b"], Role.LEAD)
    services.post_send(post_id=input_post(subs["a"]).pk)
    ArchivePost.objects.update(
        document_date=timezone.now() - datetime.timedelta(hours=25)
    )
    messages = {m.to[0]: m for m in overdue_digests()}
    # Unit A's input is archived and B is not A's: A's lead gets no digest.
    assert people["lead_a"].email not in messages
    digest = messages[lead_b.email]
    assert subs["b"].reference in digest.body and subs["a"].reference not in digest.body
    ArchivePost.objects.filter(submission=subs["b"]).update(
        document_date=timezone.now() - datetime.timedelta(hours=23)
    )
    assert lead_b.email not in {m.to[0] for m in overdue_digests()}


def test_not_archived_yet_is_not_anonymised(subs, people, archive, settings):
    submission = subs["a"]
    feedback_services.submission_transition(
        submission=submission, by=people["handler_a"], to_status="closed"
    )
    assert feedback_services.submissions_anonymise(submissions=[submission]) == 0
    submission.refresh_from_db()
    assert submission.contact_email and submission.attachments.exists()
    services.post_send(post_id=input_post(submission).pk)
    assert feedback_services.submissions_anonymise(submissions=[submission]) == 1
    # The municipality's explicit choice: the portal is not its archive path.
    settings.PORTAL_ARCHIVE = {**settings.PORTAL_ARCHIVE, "PATH": "none"}
    assert feedback_services.submissions_anonymise(submissions=[subs["b"]]) == 1


def test_a_reply_not_archived_holds_the_input_back(subs, people, archive):
    submission = subs["a"]
    services.post_send(post_id=input_post(submission).pk)
    feedback_services.submission_reply(
        submission=submission, by=people["handler_a"], text="Fikset.", notify=False
    )
    assert feedback_services.submissions_anonymise(submissions=[submission]) == 0
