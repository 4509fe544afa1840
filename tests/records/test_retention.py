"""Retention: every kind of input ends and is anonymised, never before the
archive has it; and the seeded-person test: one person put into every place
the portal keeps personal data, and nothing of them left afterwards."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from feedback import services as feedback_services
from feedback.models import Submission
from following.models import Notice, Subscription
from following.services import subscription_request
from hearings.following import CHANNEL
from hearings.models import ResponsePublication
from hearings.services import hearing_response_create, publication_decide
from records import privacy, retention, services
from records.models import ArchivePost
from search.models import SearchTermDaily
from tests.records.conftest import PNG, make_submission

LONG_AGO = datetime.timedelta(days=800)


def archive_everything():
    for pk in ArchivePost.objects.values_list("pk", flat=True):
        try:
            services.post_send(post_id=pk)
        except (services.ArchiveError, services.ArchiveTransportError):
            raise


def respond(hearing, **data):
    data = {
        "text": "Vi er imot.",
        "name": "",
        "email": "",
        "respondent_type": "person",
        **data,
    }
    submission, _token = hearing_response_create(
        hearing=hearing, data=data, notify=False
    )
    return submission


def test_finished_input_waits_for_the_archive(subs, people, archive):
    submission = subs["a"]
    feedback_services.submission_transition(
        submission=submission, by=people["handler_a"], to_status="closed"
    )
    Submission.objects.filter(pk=submission.pk).update(
        closed_at=timezone.now() - LONG_AGO
    )
    assert retention.run()["inputs"] == 0
    archive_everything()
    assert retention.run()["inputs"] == 1
    submission.refresh_from_db()
    assert submission.contact_email == "" and not submission.attachments.exists()


def test_hearing_responses_end_after_the_hearing_is_concluded(
    open_hearing, archive, clock
):
    response = respond(open_hearing, name="Per Hansen", email="per@example.org")
    # Ageing the response alone does nothing: it never leaves «received».
    Submission.objects.filter(pk=response.pk).update(
        created_at=timezone.now() - LONG_AGO
    )
    archive_everything()
    assert retention.run()["hearing_responses"] == 0
    clock.set(open_hearing.closes_at + datetime.timedelta(days=1))
    open_hearing.outcome_decided = "<p>Vedtatt med endringer.</p>"
    open_hearing.save_revision().publish()
    archive_everything()
    assert retention.run()["hearing_responses"] == 0  # concluded, period not over
    clock.set(timezone.now() + datetime.timedelta(days=400))
    assert retention.run()["hearing_responses"] == 1
    response.refresh_from_db()
    assert response.contact_name == "" and response.anonymised_at


def test_page_feedback_ends_after_its_period(site, archive):
    old = make_submission(
        None,
        kind="page_feedback",
        page=site["topic"],
        helpful=False,
        email="",
        text="Finner ikke åpningstidene, hilsen Kari",
    )
    new = make_submission(None, kind="page_feedback", page=site["topic"], email="")
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - LONG_AGO)
    # Not journaled, so nothing waits for the archive.
    assert retention.run()["page_feedback"] == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.text == "[anonymisert]" and new.anonymised_at is None


def test_unconfirmed_and_ended_followings_are_removed(open_hearing, clock, settings):
    from django.contrib.contenttypes.models import ContentType

    now = clock.set(timezone.now())
    stale = subscription_request(
        channel=CHANNEL, email="a@example.org", target=open_hearing
    )
    fresh = subscription_request(channel=CHANNEL, email="b@example.org")
    ended = subscription_request(
        channel=CHANNEL, email="c@example.org", target=open_hearing, confirmed=True
    )
    ongoing = subscription_request(
        channel=CHANNEL, email="d@example.org", confirmed=True
    )
    Subscription.objects.filter(pk=stale.pk).update(
        created_at=now - datetime.timedelta(days=8)
    )
    Notice.objects.create(
        subscription=ended,
        subject_type=ContentType.objects.get_for_model(open_hearing),
        subject_id=open_hearing.pk,
        kind="outcome",
        queued_at=now - datetime.timedelta(days=31),
    )
    assert retention.run()["subscriptions"] == 2
    assert set(Subscription.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        ongoing.pk,
    }


def test_anonymise_expired_command(subs, people, archive, capsys):
    call_command("anonymise_expired")
    assert "inputs: 0" in capsys.readouterr().out


# --- the seeded person -----------------------------------------------------------

NAME, EMAIL, PHONE, ORG = (
    "Kari Testesen",
    "kari.testesen@example.org",
    "41234567",
    "Testesen Bakeri AS",
)
NEEDLES = ("Testesen", "kari.testesen", PHONE)


def seed_person(*, topics, people, units, hearing):
    """One person in every place the portal keeps personal data."""
    from django_tasks_db.models import DBTaskResult

    feedback = make_submission(
        topics["a"],
        subject=f"Hull utenfor {ORG}",
        text=f"Hilsen {NAME}, ring {PHONE}",
        contact_name=NAME,
        email=EMAIL,
        contact_phone=PHONE,
        organisation=ORG,
        location="Testesenveien 3",
        attachment=True,
    )
    feedback_services.submission_reply(
        submission=feedback, by=people["handler_a"], text=f"Hei {NAME}!", notify=False
    )
    feedback_services.submission_reroute(
        submission=feedback,
        by=people["handler_a"],
        unit=units["b"],
        reason=f"{NAME} ringte og sa det gjelder søppel",
        notify=False,
    )
    feedback_services.submission_transition(
        submission=feedback,
        by=people["triage"],
        to_status="closed",
        reason=f"Avtalt på telefon med {NAME}",
    )
    # Someone else's case whose timeline names her.
    other = make_submission(topics["a"], email="ola@example.org", contact_name="Ola")
    feedback_services.submission_add_note(
        submission=other, by=people["handler_a"], text=f"Samme sak som {NAME} meldte"
    )
    response = respond(
        hearing,
        name=NAME,
        email=EMAIL,
        publish_name=True,
        text=f"Jeg, {NAME}, er imot planen.",
    )
    response.attachments.create(
        file=SimpleUploadedFile("brev.png", PNG),
        original_name="brev.png",
        content_type="image/png",
        size=len(PNG),
    )
    publication_decide(
        publication=ResponsePublication.objects.get(submission=response),
        action="approved_redacted",
        by=people["triage"],
        text=f"Jeg, {NAME}, er imot planen.",
        reason=f"Adressen til {NAME} er fjernet",
    )
    subscription_request(channel=CHANNEL, email=EMAIL, target=hearing, confirmed=True)
    subscription_request(channel=CHANNEL, email=EMAIL.upper())
    SearchTermDaily.objects.create(
        date=timezone.localdate(), query="kari testesen", searches=1
    )
    # A queued e-mail (as the durable backend stores it) about her reply.
    DBTaskResult.objects.create(
        task_path="feedback.tasks.send_reply",
        args_kwargs={"args": [], "kwargs": {"event_id": feedback.events.last().pk}},
        status="READY",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.create(
        task_path="portal.tasks.example",
        args_kwargs={"args": [EMAIL], "kwargs": {}},
        status="READY",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    return feedback, response


def files_on_disk(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_seeded_person_leaves_nothing_behind(
    topics, people, units, open_hearing, archive, archive_dirs, tmp_path
):
    feedback, response = seed_person(
        topics=topics, people=people, units=units, hearing=open_hearing
    )
    person = privacy.Person(email=EMAIL, name=NAME, phone=PHONE)
    for needle in NEEDLES:
        assert privacy.tables_mentioning(needle), needle
    stored = [
        Path(a.file.path) for s in (feedback, response) for a in s.attachments.all()
    ]
    assert len(stored) == 2 and all(p.exists() for p in stored)

    # Not archived yet: erasure reports what waits and touches none of it.
    result = privacy.erase(person)
    assert set(result.waiting) == {feedback.reference, response.reference}
    assert Submission.objects.get(pk=feedback.pk).contact_email == EMAIL

    archive_everything()
    result = privacy.erase(person)
    assert set(result.anonymised) == {feedback.reference, response.reference}
    assert result.waiting == []

    for needle in NEEDLES + (ORG, "Testesenveien"):
        assert privacy.tables_mentioning(needle) == {}, needle
    assert not any(p.exists() for p in stored)
    assert files_on_disk(archive_dirs) == []
    # What stays: the published hearing text, with the name replaced.
    publication = ResponsePublication.objects.get(submission=response)
    assert publication.is_published and "er imot planen" in publication.published_text
    assert publication.public_name == "Privatperson"
    # And the archive, which has it all (arkivlova).
    assert len(archive.posts) == 4


def test_find_covers_every_place(topics, people, units, open_hearing):
    seed_person(topics=topics, people=people, units=units, hearing=open_hearing)
    found = privacy.find(privacy.Person(email=EMAIL, name=NAME, phone=PHONE))
    summary = found.summary()
    assert len(summary["submissions"]) == 2
    assert len(summary["mentions"]) == 1
    assert summary["subscriptions"] == 2
    assert summary["search_terms"] == 1
    assert summary["tasks"] == 2
    assert summary["log_entries"] >= 1
    # By e-mail alone: the subscriptions and the inputs still.
    by_email = privacy.find(privacy.Person(email=EMAIL)).summary()
    assert len(by_email["submissions"]) == 2 and by_email["subscriptions"] == 2


@pytest.mark.parametrize("needle", ["", "abc"])
def test_short_needles_find_nothing(needle, subs):
    assert privacy.find(privacy.Person(name=needle)).submissions == []
