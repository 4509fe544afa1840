"""The case view: what the handler sees and what each action does."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import services
from feedback.choices import EventKind, Status
from feedback.models import Submission
from tests.factories import staff_login

from .conftest import make_submission

pytestmark = pytest.mark.django_db


def case(client, submission):
    return client.get(reverse("feedback_inbox:inspect", args=[submission.pk]))


def post(client, submission, data):
    return client.post(reverse("feedback_inbox:inspect", args=[submission.pk]), data)


def test_resident_text_is_escaped(client, people, topics):
    submission = make_submission(
        topics["a"],
        subject="<b>Hei</b>",
        text='<script>alert("x")</script>\nLinje to <img src=x onerror=alert(1)>',
    )
    client.force_login(people["handler_a"])
    html = case(client, submission).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Linje to" in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;Hei&lt;/b&gt;" in html


def test_routing_decision_and_timeline(client, people, subs):
    client.force_login(people["handler_a"])
    html = case(client, subs["a"]).content.decode()
    assert subs["a"].routing_reason
    assert subs["a"].routing_reason in html
    assert 'id="tidslinje"' in html
    assert "Vei og trafikk" in html
    # The attachment is offered through the checked download view.
    attachment = subs["a"].attachments.get()
    assert (
        reverse("feedback_inbox:attachment", args=[subs["a"].pk, attachment.pk]) in html
    )


def test_fnr_warning(client, people, topics):
    # 01010012356 is not valid; 15076500565 is a valid test number (mod-11).
    from feedback.privacy import is_valid_fnr

    number = "15076500565"
    assert is_valid_fnr(number)
    submission = make_submission(topics["a"], text=f"Mitt fødselsnummer er {number}")
    plain = make_submission(topics["a"], text="Ring meg på 12345678901 takk")
    client.force_login(people["handler_a"])
    assert "fødselsnummer" in case(client, submission).content.decode()
    assert (
        "national identity number (fødselsnummer)"
        not in case(client, plain).content.decode()
    )


def test_email_failure_visible(client, people, subs):
    services.submission_record_email_failure(
        submission_id=subs["a"].pk,
        purpose="receipt",
        attempt=2,
        error="Connection refused",
        will_retry=True,
    )
    client.force_login(people["handler_a"])
    html = case(client, subs["a"]).content.decode()
    assert "feedback-timeline__event--email_failed" in html
    assert "help-critical" in html
    # ...and the inbox filter finds it.
    response = client.get(reverse("feedback_inbox:index"), {"email_failed": "true"})
    listing = response.content.decode()
    assert subs["a"].reference in listing


def test_reply_writes_event_audit_log_and_status(client, people, subs):
    client.force_login(people["handler_a"])
    response = post(
        client, subs["a"], {"action": "reply", "reply-text": "Takk, vi ordner det."}
    )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    assert subs["a"].status == Status.ANSWERED
    event = subs["a"].events.get(kind=EventKind.REPLIED)
    assert event.public and event.actor == people["handler_a"]
    assert ModelLogEntry.objects.filter(
        action="feedback.reply", object_id=str(subs["a"].pk), user=people["handler_a"]
    ).exists()


def test_empty_reply_keeps_form_and_says_why(client, people, subs):
    client.force_login(people["handler_a"])
    response = post(client, subs["a"], {"action": "reply", "reply-text": "   "})
    assert response.status_code == 200
    assert not subs["a"].events.filter(kind=EventKind.REPLIED).exists()
    assert 'id="handling-reply" open' in response.content.decode()


def test_refused_transition_gives_clear_message(client, people, subs):
    client.force_login(people["handler_a"])
    # "received" -> "received" is not in the table (a stale or forged form).
    response = post(
        client, subs["a"], {"action": "status", "status-to_status": Status.RECEIVED}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot go from" in html or "kan ikke gå fra" in html
    subs["a"].refresh_from_db()
    assert subs["a"].status == Status.RECEIVED


def test_only_allowed_transitions_are_offered(client, people, subs):
    services.submission_transition(
        submission=subs["a"], by=None, to_status=Status.CLOSED
    )
    client.force_login(people["handler_a"])
    html = case(client, subs["a"]).content.decode()
    # From closed only in_progress (reopen) is allowed.
    assert 'value="in_progress"' in html
    assert 'value="spam"' not in html
    assert 'id="handling-reopen"' in html
    assert 'id="handling-reply"' not in html


def test_interim_reply_template_prefilled_and_placeholder_refused(client, people, subs):
    client.force_login(people["handler_a"])
    html = case(client, subs["a"]).content.decode()
    assert subs["a"].reference in html
    expected = timezone.localdate() + datetime.timedelta(days=14)
    response = post(
        client,
        subs["a"],
        {
            "action": "interim",
            # The untouched template still has its [placeholder].
            "interim-reason": "Vi trenger mer tid fordi [årsak].",
            "interim-expected_date": expected.isoformat(),
        },
    )
    assert response.status_code == 200
    assert not subs["a"].events.filter(kind=EventKind.INTERIM_REPLY).exists()
    response = post(
        client,
        subs["a"],
        {
            "action": "interim",
            "interim-reason": "Vi venter på svar fra entreprenøren.",
            "interim-expected_date": expected.isoformat(),
        },
    )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    assert subs["a"].interim_reply_at is not None
    assert subs["a"].status == Status.IN_PROGRESS


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_promised_date_is_written_as_read(client, people, subs, language):
    """Issue 11 minor: the interim reply's date field showed «2026-12-16»."""
    from django.utils import translation
    from wagtail.users.models import UserProfile

    user = people["handler_a"]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    expected = timezone.localdate() + datetime.timedelta(days=14)
    html = case(client, subs["a"]).content.decode()
    assert f'value="{expected:%d.%m.%Y}"' in html
    assert f'value="{expected.isoformat()}"' not in html
    with translation.override(language):
        response = post(
            client,
            subs["a"],
            {
                "action": "interim",
                "interim-reason": "Vi venter på svar fra entreprenøren.",
                "interim-expected_date": f"{expected:%d.%m.%Y}",
            },
        )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    assert subs["a"].interim_reply_at is not None


def test_handler_can_only_take_a_case_herself(client, people, subs):
    client.force_login(people["handler_a"])
    response = post(
        client, subs["a"], {"action": "assign", "assign-assignee": people["lead_a"].pk}
    )
    assert response.status_code == 200  # not a valid choice for a handler
    subs["a"].refresh_from_db()
    assert subs["a"].assigned_to is None
    client.force_login(people["lead_a"])
    response = post(
        client,
        subs["a"],
        {"action": "assign", "assign-assignee": people["handler_a"].pk},
    )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    assert subs["a"].assigned_to == people["handler_a"]


def test_reroute_moves_it_out_of_sight(client, people, units, subs):
    staff_login(client, people["handler_a"])
    response = post(
        client,
        subs["a"],
        {
            "action": "reroute",
            "reroute-unit": units["b"].pk,
            "reroute-reason": "Gjelder søppel.",
        },
    )
    # The handover worked, and the page says so: the inbox (the case itself is
    # now out of sight) with a confirmation naming the new unit.
    assert response.status_code == 302
    assert response.url == reverse("feedback_inbox:index")
    landed = client.get(response.url)
    assert landed.status_code == 200
    html = landed.content.decode()
    assert f"{subs['a'].reference} er overført til Renovasjon." in html
    assert f'data-object-id="{subs["a"].pk}"' not in html  # no longer listed
    assert case(client, subs["a"]).status_code == 404
    staff_login(client, people["handler_b"])
    assert case(client, subs["a"]).status_code == 200


def test_duplicate_needs_a_visible_original(client, people, subs):
    client.force_login(people["handler_a"])
    # B's submission is not visible to A: it cannot be named as the original.
    response = post(
        client,
        subs["a"],
        {
            "action": "status",
            "status-to_status": Status.DUPLICATE,
            "status-duplicate_of": subs["b"].reference,
        },
    )
    assert response.status_code == 200
    subs["a"].refresh_from_db()
    assert subs["a"].status == Status.RECEIVED


def test_unknown_action_is_bad_request(client, people, subs):
    client.force_login(people["handler_a"])
    assert post(client, subs["a"], {"action": "delete"}).status_code == 400


def test_anonymised_case_still_renders(client, people, subs, archive_elsewhere):
    services.submissions_anonymise(submissions=[subs["a"]], by=None)
    client.force_login(people["handler_a"])
    assert case(client, subs["a"]).status_code == 200
    assert Submission.objects.get(pk=subs["a"].pk).contact_email == ""


def test_reply_without_an_address_is_recorded_by_letter(client, people, topics, site):
    """The reply form says there is no address and never claims an e-mail; the
    handler records the letter; the resident's tracking page shows it."""
    submission = make_submission(topics["a"], email="")
    staff_login(client, people["handler_a"])
    html = case(client, submission).content.decode()
    assert "Registrer et svar (ingen e-postadresse: per brev eller telefon)" in html
    assert 'name="reply-channel"' in html and "blir sendt" not in html
    # Without a channel: refused with the field named, the text kept.
    refused = post(client, submission, {"action": "reply", "reply-text": "Svar her"})
    assert refused.status_code == 200
    assert "Svar her" in refused.content.decode()
    response = post(
        client,
        submission,
        {"action": "reply", "reply-text": "Svar per brev", "reply-channel": "letter"},
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Svaret er registrert som sendt per brev." in page
    assert "e-post" not in page.split("Svaret er registrert", 1)[1][:80]
    event = submission.events.get(kind=EventKind.REPLIED)
    assert event.data["channel"] == "letter" and event.public
    client.logout()
    track = client.get(
        reverse("feedback:track", args=[submission.reference]),
        {"t": services.tracking_token(submission)},
    ).content.decode()
    assert "Svar per brev" in track and "Sendt per brev." in track


def test_reply_with_an_address_says_e_mail(client, people, subs):
    staff_login(client, people["handler_a"])
    html = case(client, subs["a"]).content.decode()
    assert 'name="reply-channel"' not in html
    response = post(client, subs["a"], {"action": "reply", "reply-text": "Svar"})
    page = client.get(response.url).content.decode()
    assert "Svaret er lagret og blir sendt på e-post." in page
