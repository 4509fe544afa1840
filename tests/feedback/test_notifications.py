"""E-mails: content and language, the unit notice, the digest, retention, and
what happens when the mail server is down (retried with back-off, submission
intact, failure visible in the timeline)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from feedback import tasks
from feedback.choices import EventKind, InputKind, Status
from feedback.models import Submission
from feedback.services import (
    submission_interim_reply,
    submission_reply,
    submission_reroute,
)
from tests.factories import UserFactory, member, submit
from tests.feedback.mail_backends import FlakyBackend
from units.choices import Role

pytestmark = pytest.mark.django_db


def create(commit, **kw):
    kw.setdefault("kind", InputKind.QUESTION)
    kw.setdefault("text", "Når blir veien brøytet?")
    with commit(execute=True):
        return submit(**kw)


def test_receipt_in_norwegian(units, commit):
    submission, token = create(
        commit,
        contact_email="kari@example.org",
        contact_name="Kari <Nordmann>",
        language="nb",
    )
    message = next(m for m in mail.outbox if m.to == ["kari@example.org"])
    assert message.subject == (
        f"Vi har mottatt henvendelsen din ({submission.reference})"
    )
    assert "Hei Kari <Nordmann>," in message.body  # plain text: not escaped
    assert f"Referansen din er {submission.reference}." in message.body
    assert "Den er sendt til: Servicetorget." in message.body
    assert f"/sak/{submission.reference}/?t={token}" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Hei Kari &lt;Nordmann&gt;," in html  # HTML: escaped
    assert 'href="http://' in html and f"?t={token}" in html
    assert 'lang="nb"' in html


def test_receipt_in_english(units, commit):
    units["triage"].name_en = "Service centre"
    units["triage"].save()
    submission, token = create(commit, contact_email="john@example.org", language="en")
    message = next(m for m in mail.outbox if m.to == ["john@example.org"])
    assert message.subject == (
        f"We have received your message ({submission.reference})"
    )
    assert "It has been sent to: Service centre." in message.body
    assert f"/en/sak/{submission.reference}/?t={token}" in message.body
    assert 'lang="en"' in message.alternatives[0][0]


def test_unit_notice_has_no_contact_details(units, commit):
    submission, _ = create(
        commit,
        contact_email="kari@example.org",
        contact_phone="99887766",
        subject="Brøyting",
    )
    notice = next(m for m in mail.outbox if m.to == ["servicetorget@asker.kommune.no"])
    assert submission.reference in notice.subject
    assert "Brøyting" in notice.body and "/admin/" in notice.body
    assert "kari@example.org" not in notice.body + notice.alternatives[0][0]
    assert "99887766" not in notice.body


def test_reply_and_interim_reply_in_resident_language(units, people, commit):
    submission, _ = create(commit, contact_email="john@example.org", language="en")
    mail.outbox.clear()
    with commit(execute=True):
        submission_interim_reply(
            submission=submission,
            by=people["triage"],
            reason="We must inspect the road first.",
            expected_date=datetime.date(2099, 3, 1),
        )
    message = mail.outbox[-1]
    assert message.subject.startswith("Interim reply to your message")
    assert "We must inspect the road first." in message.body
    assert "You can expect an answer by 1 March 2099." in message.body
    with commit(execute=True):
        submission_reply(
            submission=submission,
            by=people["triage"],
            text="The road was cleared today.",
        )
    message = mail.outbox[-1]
    assert message.subject == f"Answer to your message ({submission.reference})"
    assert "The road was cleared today." in message.body


def test_reply_in_norwegian(units, people, commit):
    submission, _ = create(commit, contact_email="kari@example.org", language="nb")
    with commit(execute=True):
        submission_reply(
            submission=submission, by=people["triage"], text="Veien er brøytet."
        )
    message = mail.outbox[-1]
    assert message.subject == f"Svar på henvendelsen din ({submission.reference})"
    assert "Her er svaret vårt" in message.body
    assert "Hilsen Servicetorget" in message.body


def test_reroute_notice_to_new_unit(units, people, commit):
    submission, _ = create(commit)
    mail.outbox.clear()
    with commit(execute=True):
        submission_reroute(
            submission=submission,
            by=people["triage"],
            unit=units["renovasjon"],
            reason="Gjelder søppel",
        )
    (message,) = mail.outbox
    assert message.to == ["renovasjon@asker.kommune.no"]
    assert "Gjelder søppel" in message.body and "Servicetorget" in message.body


def test_reroute_tells_the_resident_the_new_unit(units, people, commit):
    submission, _ = create(commit, contact_email="kari@example.org")
    mail.outbox.clear()
    with commit(execute=True):
        submission_reroute(
            submission=submission,
            by=people["triage"],
            unit=units["renovasjon"],
            reason="Gjelder søppel",
        )
    (resident,) = [m for m in mail.outbox if m.to == ["kari@example.org"]]
    assert resident.subject == (
        f"Henvendelsen din {submission.reference} er sendt videre"
    )
    assert units["renovasjon"].display_name in resident.body
    assert "Gjelder søppel" not in resident.body  # staff text, as on the tracking page
    assert "?t=" in resident.body  # the tracking link
    assert submission.events.filter(
        kind=EventKind.EMAIL_SENT, data__purpose="reroute_resident"
    ).exists()


def test_no_email_address_no_receipt(units, commit):
    create(commit)
    assert [m.to for m in mail.outbox] == [["servicetorget@asker.kommune.no"]]


# --- SMTP failure -------------------------------------------------------------------


def test_smtp_down_retries_bounded_submission_intact(units, commit, settings):
    """Immediate backend: every attempt runs at once; all fail; the submission and
    its events are untouched and each failure is in the timeline."""
    settings.EMAIL_BACKEND = "tests.feedback.mail_backends.DownBackend"
    submission, _ = create(commit, contact_email="kari@example.org")
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED
    failures = submission.events.filter(kind=EventKind.EMAIL_FAILED)
    # Receipt and unit notice, five attempts each.
    assert failures.count() == 2 * settings.PORTAL["EMAIL_MAX_ATTEMPTS"]
    last = failures.filter(data__purpose="receipt").order_by("-id").first()
    assert last.data["attempt"] == 5 and last.data["will_retry"] is False
    assert last.data["error"] == "SMTPServerDisconnected"
    assert not failures.filter(public=True).exists()
    assert "kari" not in str(list(failures.values_list("data", flat=True)))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_smtp_failure_on_durable_backend_retried_with_backoff(settings, units):
    """The real database task backend and worker: the first delivery fails, the
    task is re-queued to run later, and the next run delivers the e-mail."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.EMAIL_BACKEND = "tests.feedback.mail_backends.FlakyBackend"
    FlakyBackend.failures = 1
    # pytest-django restores TASKS; django_tasks resets its handler on the change.
    submission, _ = submit(
        kind=InputKind.QUESTION, text="Hei", contact_email="kari@example.org"
    )
    # Committed before any e-mail: the tasks are only queued.
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert DBTaskResult.objects.count() == 2 and mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert failed.count() == 1
    # What the worker stores about the failure names no person.
    error = failed.get().task_result.errors[0]
    assert error.exception_class_path == "outbox.delivery.EmailDeliveryError"
    assert "@" not in error.traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    delay = retry.run_after - timezone.now()
    assert datetime.timedelta(minutes=1) < delay <= datetime.timedelta(minutes=2)
    assert submission.events.filter(kind=EventKind.EMAIL_FAILED).count() == 1
    assert len(mail.outbox) == 1  # the other e-mail went through

    # The back-off has passed: the worker delivers it.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert len(mail.outbox) == 2
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED and submission.text == "Hei"


# --- digest and retention -----------------------------------------------------------


def test_overdue_digest_to_leads(units, people, commit):
    lead = people["lead"]
    old = timezone.now() - datetime.timedelta(days=35)
    late, _ = create(commit, now=old, text="gammel")
    Submission.objects.filter(pk=late.pk).update(unit=units["gatelys"])
    fresh, _ = create(commit, text="ny")
    Submission.objects.filter(pk=fresh.pk).update(unit=units["vei"])
    other, _ = create(commit, now=old, text="annen")
    Submission.objects.filter(pk=other.pk).update(unit=units["renovasjon"])
    mail.outbox.clear()
    out = call_command("send_overdue_digest")
    assert out is None
    (message,) = mail.outbox  # only the vei lead; renovasjon has no lead
    assert message.to == [lead.email]
    assert message.subject == "1 forsinket innspill"
    assert late.reference in message.body and "Gatelys" in message.body
    assert "foreløpig svar skyldes" in message.body
    assert other.reference not in message.body and fresh.reference not in message.body


def test_digest_lists_passed_promises_not_kept_ones(units, people, commit):
    """An interim reply's promise: the case leaves the digest while the promise
    holds, and comes back, named as a passed promise, once it has passed."""
    old = timezone.now() - datetime.timedelta(days=40)
    kept, _ = create(commit, now=old, text="lovet")
    broken, _ = create(commit, now=old, text="brutt")
    for case in (kept, broken):
        Submission.objects.filter(pk=case.pk).update(unit=units["vei"])
        with commit(execute=True):
            submission_interim_reply(
                submission=case,
                by=None,
                reason="Vi venter på befaring.",
                expected_date=timezone.localdate() + datetime.timedelta(days=7),
                channel="letter",
                notify=False,
            )
    Submission.objects.filter(pk=broken.pk).update(
        promised_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    mail.outbox.clear()
    (message,) = [m for m in tasks.overdue_digests() if m.to == [people["lead"].email]]
    assert message.subject == "1 forsinket innspill"
    # (Both may appear in records' «not archived yet» section: look at the list.)
    assert f"- {broken.reference} (" in message.body
    assert f"- {kept.reference} (" not in message.body
    assert "lovet svar innen" in message.body
    assert "den lovte datoen er passert" in message.body
    # Its interim reply was sent: § 11 a is not owed again.
    assert "foreløpig svar skyldes" not in message.body


def test_hearing_responses_owe_no_interim_reply(units, people, commit):
    old = timezone.now() - datetime.timedelta(days=40)
    response, _ = create(commit, now=old, kind=InputKind.HEARING_RESPONSE)
    Submission.objects.filter(pk=response.pk).update(unit=units["vei"])
    response.refresh_from_db()
    assert not response.interim_reply_owed and not response.is_overdue
    assert not [
        m for m in tasks.overdue_digests() if f"- {response.reference} (" in m.body
    ]


def test_digest_for_lead_of_several_units(units, commit):
    boss = member(UserFactory(username="boss"), units["renovasjon"], Role.LEAD)
    member(boss, units["barnehage"], Role.LEAD)
    old = timezone.now() - datetime.timedelta(days=20)
    for key in ("renovasjon", "barnehage"):
        s, _ = create(commit, now=old)
        Submission.objects.filter(pk=s.pk).update(unit=units[key])
    mail.outbox.clear()
    with commit(execute=True):
        assert tasks.send_overdue_digest.call() == 1
    (message,) = mail.outbox
    assert message.subject == "2 forsinkede innspill"
    # The outbox keeps one per lead and day: the job run again sends nothing.
    with commit(execute=True):
        tasks.send_overdue_digest.call()
    assert len(mail.outbox) == 1


def test_anonymise_expired(units, commit, settings, archive_elsewhere):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    closed, _ = create(
        commit, now=long_ago, contact_email="kari@example.org", contact_name="Kari"
    )
    Submission.objects.filter(pk=closed.pk).update(
        status=Status.CLOSED, closed_at=long_ago
    )
    open_old, _ = create(commit, now=long_ago, contact_email="ola@example.org")
    recent, _ = create(commit, contact_email="per@example.org")
    Submission.objects.filter(pk=recent.pk).update(
        status=Status.CLOSED, closed_at=timezone.now()
    )
    call_command("anonymise_expired")
    closed.refresh_from_db()
    open_old.refresh_from_db()
    recent.refresh_from_db()
    assert closed.anonymised_at and closed.contact_email == ""
    assert open_old.anonymised_at is None and open_old.contact_email
    assert recent.anonymised_at is None
