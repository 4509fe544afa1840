"""Services: creation, routing stored, deadlines, every transition allowed and
refused, reply/interim/note/assign/reroute, anonymisation, rights export."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import services
from feedback.choices import EventKind, InputKind, Status
from feedback.models import Submission
from feedback.selectors import hash_token
from feedback.services import (
    ALLOWED_TRANSITIONS,
    TransitionNotAllowed,
    submission_add_note,
    submission_assign,
    submission_interim_reply,
    submission_reopen,
    submission_reply,
    submission_reroute,
    submission_transition,
    submissions_anonymise,
    submissions_for_email,
)
from tests.factories import submit

pytestmark = pytest.mark.django_db(transaction=False)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def create(**kw):
    kw.setdefault("kind", InputKind.FEEDBACK)
    kw.setdefault("text", "Hei")
    return submit(**kw)


def test_create_routes_stores_decision_and_events(rules, topics, commit):
    with commit(execute=True):
        submission, token = create(
            text="Ingen brøyting i Kirkeveien",
            contact_email="kari@example.org",
            topic=topics["annet"],
        )
    assert re.fullmatch(r"\d{4}-\d{6}", submission.reference)
    assert submission.unit.slug == "vei-og-trafikk"
    assert submission.routing_rule == rules[0]
    assert submission.routing_reason == (
        f"Regel #{rules[0].pk} «Brøyting»: nøkkelord «brøyting»"
    )
    assert submission.status == Status.RECEIVED
    # The vei unit answers within 10 days.
    assert submission.due_at - submission.created_at == datetime.timedelta(days=10)
    assert submission.tracking_token_hash == hash_token(token)
    assert token not in submission.tracking_token_hash
    kinds = list(submission.events.values_list("kind", "public"))
    assert kinds == [
        (EventKind.RECEIVED, True),
        (EventKind.ROUTED, True),
        (EventKind.EMAIL_SENT, False),
        (EventKind.EMAIL_SENT, False),
    ]
    assert ModelLogEntry.objects.filter(action="feedback.create").count() == 1
    # Receipt to the resident and notice to the unit.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kari@example.org",
        "vei-og-trafikk@asker.kommune.no",
    ]


def test_references_are_unique_and_increasing(units):
    refs = [create()[0].reference for _ in range(3)]
    numbers = [int(r.split("-")[1]) for r in refs]
    assert numbers == sorted(numbers) and len(set(refs)) == 3


def test_topic_default_and_triage(units, topics):
    assert create(topic=topics["vei"], text="Hei")[0].unit == units["vei"]
    assert create(topic=topics["annet"], text="Hei")[0].unit == units["triage"]


def test_page_responsible_unit(units, service):
    submission, _ = create(kind=InputKind.PAGE_FEEDBACK, page=service, helpful=False)
    assert submission.unit == units["barnehage"]
    # Page feedback owes no answer: no deadline.
    assert submission.due_at is None


def test_default_deadline_from_settings(units, settings):
    settings.PORTAL = {**settings.PORTAL, "DEFAULT_FIRST_ANSWER_DAYS": 14}
    s, _ = create(text="Hei")  # triage: unit default 14
    assert (s.due_at - s.created_at).days == 14


def test_fnr_in_text_flags_for_moderation(units):
    s, _ = create(text="Fødselsnummeret mitt er 01010150074")
    assert s.flagged_for_moderation
    assert "fødselsnummer" in s.moderation_reason
    assert s.events.filter(kind=EventKind.FLAGGED).exists()
    # The text is stored as sent: it is a case document.
    assert "01010150074" in s.text


def test_attachment_stored_on_private_storage(units):
    upload = SimpleUploadedFile("Kari Nordmann søknad.pdf", PDF)
    s, _ = create(attachments=[upload])
    attachment = s.attachments.get()
    try:
        assert attachment.content_type == "application/pdf"
        assert attachment.size == len(PDF)
        assert attachment.original_name == "Kari Nordmann søknad.pdf"
        assert "Kari" not in attachment.file.name
        # Outside MEDIA_ROOT.
        path = attachment.file.path
        assert not path.startswith(settings.MEDIA_ROOT)
        with attachment.file.open("rb") as fh:
            assert fh.read() == PDF
    finally:
        attachment.file.delete(save=False)


def test_disguised_attachment_refused_by_service(units):
    upload = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError):
        create(attachments=[upload])
    assert not Submission.objects.exists()


# --- transitions --------------------------------------------------------------

ALL_PAIRS = [(a, b) for a in Status.values for b in Status.values if a != b]


def _in_status(status, units):
    s, _ = create(text="Hei")
    if status == Status.DUPLICATE:
        original, _ = create(text="Original")
        Submission.objects.filter(pk=s.pk).update(status=status, duplicate_of=original)
    else:
        Submission.objects.filter(pk=s.pk).update(status=status)
    s.refresh_from_db()
    return s


@pytest.mark.parametrize(("from_status", "to_status"), ALL_PAIRS)
def test_every_transition_allowed_or_refused(from_status, to_status, units, people):
    s = _in_status(from_status, units)
    original, _ = create(text="Original")
    kwargs = {"duplicate_of": original} if to_status == Status.DUPLICATE else {}
    allowed = to_status in ALLOWED_TRANSITIONS[from_status]
    if allowed:
        submission_transition(
            submission=s, by=people["handler_a"], to_status=to_status, **kwargs
        )
        s.refresh_from_db()
        assert s.status == to_status
        event = s.events.order_by("-id").first()
        assert event.data["from"] == from_status and event.data["to"] == to_status
        assert event.actor == people["handler_a"]
        if to_status in services.CLOSING:
            assert s.closed_at is not None
        else:
            assert s.closed_at is None
    else:
        with pytest.raises(TransitionNotAllowed):
            submission_transition(
                submission=s, by=people["handler_a"], to_status=to_status, **kwargs
            )
        s.refresh_from_db()
        assert s.status == from_status


def test_the_happy_path_and_reopen(units, people):
    s, _ = create(text="Hei")
    for status in (Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED):
        s = submission_transition(submission=s, by=people["triage"], to_status=status)
    s = submission_reopen(submission=s, by=people["triage"], reason="Ny info")
    assert s.status == Status.IN_PROGRESS and s.closed_at is None
    assert s.events.filter(kind=EventKind.REOPENED, public=True).count() == 1
    assert ModelLogEntry.objects.filter(action="feedback.reopen").count() == 1


def test_refused_transition_message_is_norwegian(units, people):
    s, _ = create(text="Hei")
    with pytest.raises(TransitionNotAllowed) as exc:
        submission_reopen(submission=s, by=people["triage"])
    assert exc.value.messages == [
        "En henvendelse kan ikke gå fra «Mottatt» til «Under behandling»."
    ]


def test_duplicate_needs_original_and_not_itself(units, people):
    s, _ = create(text="Hei")
    with pytest.raises(ValidationError):
        submission_transition(submission=s, by=None, to_status=Status.DUPLICATE)
    with pytest.raises(ValidationError):
        submission_transition(
            submission=s, by=None, to_status=Status.DUPLICATE, duplicate_of=s
        )


def test_spam_is_not_shown_to_resident(units):
    s, _ = create(text="Kjøp billige klokker")
    submission_transition(submission=s, by=None, to_status=Status.SPAM)
    assert not s.events.filter(kind=EventKind.STATUS_CHANGED, public=True).exists()


# --- handling -----------------------------------------------------------------


def test_reply_marks_answered_and_emails_in_resident_language(units, people, commit):
    s, _ = create(text="Hei", contact_email="kari@example.org", language="en")
    mail.outbox.clear()
    with commit(execute=True):
        event = submission_reply(
            submission=s, by=people["triage"], text="Thanks, fixed <b>today</b>."
        )
    s.refresh_from_db()
    assert s.status == Status.ANSWERED and s.first_answered_at is not None
    assert event.public and event.kind == EventKind.REPLIED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kari@example.org"]
    # A second reply does not move the first-answer time.
    first = s.first_answered_at
    submission_reply(submission=s, by=people["triage"], text="One more thing")
    s.refresh_from_db()
    assert s.first_answered_at == first


def test_reply_refused_on_closed_and_empty(units, people):
    s, _ = create(text="Hei")
    with pytest.raises(ValidationError):
        submission_reply(submission=s, by=people["triage"], text="   ")
    submission_transition(submission=s, by=None, to_status=Status.CLOSED)
    with pytest.raises(TransitionNotAllowed):
        submission_reply(submission=s, by=people["triage"], text="Svar")


def test_interim_reply(units, people):
    s, _ = create(text="Hei", contact_email="kari@example.org")
    with pytest.raises(ValidationError):
        submission_interim_reply(
            submission=s,
            by=None,
            reason="Sakene hoper seg opp",
            expected_date=datetime.date(2000, 1, 1),
        )
    expected = timezone.localdate() + datetime.timedelta(days=20)
    event = submission_interim_reply(
        submission=s,
        by=people["triage"],
        reason="Vi venter på befaring",
        expected_date=expected,
    )
    s.refresh_from_db()
    assert s.status == Status.IN_PROGRESS and s.interim_reply_at is not None
    assert event.public and event.data["expected_date"] == expected.isoformat()


def test_note_is_internal(units, people):
    s, _ = create(text="Hei")
    event = submission_add_note(submission=s, by=people["triage"], text="Ring henne")
    assert not event.public and event.kind == EventKind.NOTE


def test_assign_only_to_members(units, people):
    s, _ = create(text="brøyting")  # → vei, no rules fixture: triage
    s.unit = units["vei"]
    s.save()
    submission_assign(submission=s, by=people["lead"], assignee=people["handler_a"])
    s.refresh_from_db()
    assert s.assigned_to == people["handler_a"]
    with pytest.raises(ValidationError):
        submission_assign(submission=s, by=people["lead"], assignee=people["handler_b"])
    submission_assign(submission=s, by=people["lead"], assignee=None)
    s.refresh_from_db()
    assert s.assigned_to is None


def test_reroute_keeps_history_and_notifies_new_unit(units, people, commit):
    s, _ = create(text="Hei")
    due = s.due_at
    submission_assign(submission=s, by=people["triage"], assignee=people["triage"])
    mail.outbox.clear()
    with pytest.raises(ValidationError):
        submission_reroute(
            submission=s, by=people["triage"], unit=units["vei"], reason=" "
        )
    with commit(execute=True):
        submission_reroute(
            submission=s,
            by=people["triage"],
            unit=units["vei"],
            reason="Gjelder brøyting",
        )
    s.refresh_from_db()
    assert s.unit == units["vei"] and s.assigned_to is None and s.due_at == due
    event = s.events.get(kind=EventKind.REROUTED)
    assert event.from_unit == units["triage"] and event.to_unit == units["vei"]
    assert event.public
    assert [m.to for m in mail.outbox] == [["vei-og-trafikk@asker.kommune.no"]]
    with pytest.raises(ValidationError):
        submission_reroute(submission=s, by=None, unit=units["vei"], reason="x")


# --- privacy ------------------------------------------------------------------


def test_anonymise_removes_personal_data(units, people, archive_elsewhere):
    s, _ = create(
        text="Kari her, 99887766",
        subject="Hjelp",
        contact_name="Kari",
        contact_email="kari@example.org",
        contact_phone="99887766",
        location="Kirkeveien 1",
        postcode="1384",
    )
    submission_reply(submission=s, by=people["triage"], text="Hei Kari!")
    assert submissions_anonymise(submissions=[s], by=people["triage"]) == 1
    s.refresh_from_db()
    assert s.anonymised_at and s.contact_email == "" and s.contact_name == ""
    assert s.text == "[anonymisert]" and s.location == "" and s.postcode == "1384"
    assert s.tracking_token_hash == ""
    assert not s.events.filter(text__contains="Kari").exists()
    # Idempotent.
    assert submissions_anonymise(submissions=[s]) == 0


def test_export_for_email_case_insensitive_and_scoped(units, people, rules):
    create(text="brøyting", contact_email="Kari@Example.org")
    create(text="søppel", contact_email="kari@example.org")
    create(text="annet", contact_email="ola@example.org")
    rows = submissions_for_email(email="KARI@example.org")
    assert len(rows) == 2 and {r["unit"] for r in rows} == {
        "Vei og trafikk",
        "Renovasjon",
    }
    assert rows[0]["timeline"][0]["kind"] == EventKind.RECEIVED
    scoped = submissions_for_email(email="kari@example.org", user=people["handler_a"])
    assert [r["unit"] for r in scoped] == ["Vei og trafikk"]


def test_tracking_link_survives_key_rotation(units, settings):
    s, token = create(text="Hei")
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation"
    assert services.tracking_token(s) == token


def test_reply_without_an_address_records_the_channel(
    units, people, django_capture_on_commit_callbacks
):
    """No e-mail address: nothing is e-mailed, the handler says how the reply was
    given, and the channel is stored on the public event."""
    s, _ = create(text="Hei")
    mail.outbox.clear()
    with pytest.raises(ValidationError) as refused:
        submission_reply(submission=s, by=people["triage"], text="Svar")
    assert refused.value.code == "channel_required"
    with pytest.raises(ValidationError):
        submission_reply(
            submission=s, by=people["triage"], text="Svar", channel="email"
        )
    with django_capture_on_commit_callbacks(execute=True):
        event = submission_reply(
            submission=s, by=people["triage"], text="Svar", channel="letter"
        )
    assert event.public and event.data["channel"] == "letter"
    assert mail.outbox == []
    s.refresh_from_db()
    assert s.status == Status.ANSWERED
    interim, _ = create(text="Hei igjen")
    event = submission_interim_reply(
        submission=interim,
        by=people["triage"],
        reason="Befaring",
        expected_date=timezone.localdate(),
        channel="phone",
    )
    assert event.data["channel"] == "phone"
