"""Every attachment is virus scanned before staff can download it (issue 12,
point 12): through clamd's INSTREAM protocol, in the background after the input
is stored. The scanner here is tests/clamd_double.py, a socket server on
127.0.0.1 speaking the real protocol: a real ClamAV cannot run on this machine
(its virus database is downloaded from the network by freshclam)."""

import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from feedback import scanning
from feedback.choices import ScanState
from feedback.models import Attachment, Submission
from portal import virus_scan
from tests.clamd_double import EICAR, ClamdDouble

from .test_resident_files import post_feedback

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STAFF = ("handler_a", "lead_a", "triage", "superuser")


@pytest.fixture
def clamd(settings):
    with ClamdDouble() as double:
        settings.PORTAL_VIRUS_SCANNER = "clamd"
        settings.PORTAL_CLAMD_ADDRESS = double.address
        yield double


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _send(client, topics, name, content, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, topics["a"], upload)
    assert response.status_code == 302
    return Submission.objects.get().attachments.get()


def _download(client, attachment):
    return client.get(
        reverse(
            "feedback_inbox:attachment",
            args=[attachment.submission_id, attachment.pk],
        ),
        follow=True,
    )


def test_the_protocol_against_the_double(clamd):
    assert virus_scan.clamd_ping(address=clamd.address)
    assert virus_scan.clamd_scan(b"hei" * 50_000) == virus_scan.Verdict(clean=True)
    verdict = virus_scan.clamd_scan(PDF + EICAR)
    assert not verdict.clean and verdict.signature == "Eicar-Signature"
    # 150 kB went over in three chunks and arrived whole.
    assert clamd.scanned[0] == 150_000


def test_clean_file_is_scanned_and_downloadable(
    client, topics, people, clamd, django_capture_on_commit_callbacks
):
    attachment = _send(
        client, topics, "brev.pdf", PDF, django_capture_on_commit_callbacks
    )
    attachment.refresh_from_db()
    assert attachment.scan_state == ScanState.CLEAN and attachment.scanned_at
    client.force_login(people["handler_a"])
    response = _download(client, attachment)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    case = client.get(
        reverse("feedback_inbox:inspect", args=[attachment.submission_id])
    )
    assert "skannet, ren" in case.content.decode()


def test_eicar_is_quarantined_and_served_to_nobody(
    client, topics, people, clamd, django_capture_on_commit_callbacks
):
    attachment = _send(
        client, topics, "faktura.pdf", PDF + EICAR, django_capture_on_commit_callbacks
    )
    attachment.refresh_from_db()
    assert attachment.scan_state == ScanState.INFECTED
    assert attachment.scan_detail == "Eicar-Signature"
    for role in STAFF:
        client.force_login(people[role])
        response = _download(client, attachment)
        html = response.content.decode()
        assert EICAR not in response.content, role
        assert response.redirect_chain, role  # back to the case, not the file
        assert "«faktura.pdf» er satt i karantene" in html, role
        assert "Eicar-Signature" in html
        assert "karantene: virus funnet" in html  # the state on the case
    client.force_login(people["handler_b"])
    assert _download(client, attachment).status_code == 404
    client.logout()
    response = _download(client, attachment)
    assert EICAR not in response.content
    assert "/admin/login/" in response.redirect_chain[0][0]


def test_scanner_down_keeps_the_input_and_scans_it_later(
    client, topics, people, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_VIRUS_SCANNER = "clamd"
    settings.PORTAL_CLAMD_ADDRESS = f"tcp://127.0.0.1:{_closed_port()}"
    settings.PORTAL_CLAMD_TIMEOUT = 2
    # Queued, not run: the retry is what this test follows.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    attachment = _send(
        client, topics, "brev.pdf", PDF, django_capture_on_commit_callbacks
    )
    assert scanning.scan_attachment.call(attachment_id=attachment.pk) == "pending"
    attachment.refresh_from_db()
    assert attachment.scan_state == ScanState.PENDING
    assert Submission.objects.get().text  # the input is stored

    client.force_login(people["handler_a"])
    html = _download(client, attachment).content.decode()
    assert "venter på virusskanning og kan ikke lastes ned ennå" in html

    backend = scanning.scan_attachment.get_backend()
    retry = backend.results[-1]
    assert retry.args == [] and retry.kwargs == {
        "attachment_id": attachment.pk,
        "attempt": 2,
    }
    assert retry.task.run_after is not None  # later, not at once
    with ClamdDouble() as clamd:
        settings.PORTAL_CLAMD_ADDRESS = clamd.address
        assert scanning.scan_attachment.call(**retry.kwargs) == ScanState.CLEAN
        # Idempotent: a second run of the same task scans nothing again.
        assert scanning.scan_attachment.call(**retry.kwargs) == "done"
        assert len(clamd.scanned) == 1
    attachment.refresh_from_db()
    assert attachment.scan_state == ScanState.CLEAN
    assert _download(client, attachment).status_code == 200


def test_without_a_scanner_files_say_not_scanned(client, topics, people, settings):
    settings.PORTAL_VIRUS_SCANNER = "none"
    upload = SimpleUploadedFile("brev.pdf", PDF, "application/pdf")
    post_feedback(client, topics["a"], upload)
    attachment = Attachment.objects.get()
    assert attachment.scan_state == ScanState.UNSCANNED
    client.force_login(people["handler_a"])
    case = client.get(
        reverse("feedback_inbox:inspect", args=[attachment.submission_id])
    )
    assert "ikke skannet" in case.content.decode()
    assert _download(client, attachment).status_code == 200


def test_pending_scans_are_queued_again_by_the_command(client, topics, settings, clamd):
    from django.core.management import call_command

    # Stored while the scan task never ran (the worker was down).
    upload = SimpleUploadedFile("brev.pdf", PDF, "application/pdf")
    post_feedback(client, topics["a"], upload)
    assert Attachment.objects.get().scan_state == ScanState.PENDING
    call_command("attachments_scan_pending")
    assert Attachment.objects.get().scan_state == ScanState.CLEAN


def test_healthz_reports_the_scanner(client, settings, clamd):
    body = client.get("/healthz").json()
    assert body["checks"]["virus_scanner"] == {"status": "ok", "scanner": "clamd"}
    settings.PORTAL_CLAMD_ADDRESS = f"tcp://127.0.0.1:{_closed_port()}"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["virus_scanner"]["status"] == "error"
