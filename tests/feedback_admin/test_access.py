"""Who sees what: the role matrix over every admin entry point.

Submission A belongs to unit A (vei), B to unit B (renovasjon). Handlers and leads
of A see and act on A only; the triage unit and superusers see both; the wrong
unit gets 404 — the same answer as a submission that does not exist."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.choices import EventKind, Status
from feedback.models import SubmissionEvent

pytestmark = pytest.mark.django_db

# role -> may see submission A?
SEES_A = {
    "handler_a": True,
    "lead_a": True,
    "triage": True,
    "superuser": True,
    "handler_b": False,
    "outsider": False,
}


def login(client, people, role):
    client.force_login(people[role])
    return client


@pytest.mark.parametrize("role", SEES_A)
def test_inbox_list(client, people, subs, role):
    login(client, people, role)
    response = client.get(reverse("feedback_inbox:index"))
    if role == "outsider":
        # Not a member of any unit: no inbox at all (redirected to the dashboard).
        assert response.status_code == 302
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert (subs["a"].reference in html) is SEES_A[role]
    sees_b = role in {"handler_b", "triage", "superuser"}
    assert (subs["b"].reference in html) is sees_b


@pytest.mark.parametrize("role", SEES_A)
def test_case_view(client, people, subs, role):
    login(client, people, role)
    response = client.get(reverse("feedback_inbox:inspect", args=[subs["a"].pk]))
    assert response.status_code == (200 if SEES_A[role] else 404)


@pytest.mark.parametrize("role", SEES_A)
def test_attachment_download(client, people, subs, role):
    login(client, people, role)
    attachment = subs["a"].attachments.get()
    url = reverse("feedback_inbox:attachment", args=[subs["a"].pk, attachment.pk])
    response = client.get(url)
    if not SEES_A[role]:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize("state", ["pending", "infected", "error"])
@pytest.mark.parametrize("role", SEES_A)
def test_unscanned_or_quarantined_attachment_is_served_to_no_role(
    client, people, subs, role, state
):
    """A file waiting for its virus scan, quarantined, or that could not be
    scanned is refused to every role (feedback.scanning); who cannot see the
    case still gets a 404, not a hint that it exists."""
    login(client, people, role)
    attachment = subs["a"].attachments.get()
    attachment.scan_state, attachment.scan_detail = state, "Eicar-Signature"
    attachment.save()
    url = reverse("feedback_inbox:attachment", args=[subs["a"].pk, attachment.pk])
    response = client.get(url)
    if not SEES_A[role]:
        assert response.status_code == 404
        return
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "feedback_inbox:inspect", args=[subs["a"].pk]
    )
    assert "Content-Disposition" not in response


def test_attachment_of_another_submission_is_404(client, people, subs):
    """The attachment id must belong to the submission in the URL."""
    login(client, people, "handler_a")
    other = subs["b"].attachments.get()
    url = reverse("feedback_inbox:attachment", args=[subs["a"].pk, other.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", SEES_A)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export(client, people, subs, role, fmt):
    login(client, people, role)
    response = client.get(reverse("feedback_inbox:index"), {"export": fmt})
    if role == "outsider":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    if fmt == "xlsx":
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        body = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    else:
        body = body.decode()
    assert (subs["a"].reference in body) is SEES_A[role]


def test_anonymous_is_sent_to_login(client, subs):
    for url in (
        reverse("feedback_inbox:index"),
        reverse("feedback_inbox:inspect", args=[subs["a"].pk]),
        reverse(
            "feedback_inbox:attachment",
            args=[subs["a"].pk, subs["a"].attachments.get().pk],
        ),
        reverse("feedback_tools:report"),
        reverse("records:rights"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def _action_data(action, people, units, subs):
    tomorrow = timezone.localdate() + datetime.timedelta(days=10)
    return {
        "note": {"note-text": "Sjekket stedet."},
        "reply": {"reply-text": "Vi fikser hullet neste uke."},
        "interim": {
            "interim-reason": "Vi venter på en befaring.",
            "interim-expected_date": tomorrow.isoformat(),
        },
        "assign": {"assign-assignee": people["handler_a"].pk},
        "reroute": {
            "reroute-unit": units["triage"].pk,
            "reroute-reason": "Hører ikke til oss.",
        },
        "status": {"status-to_status": Status.IN_PROGRESS},
    }[action]


ACTION_EVENT = {
    "note": EventKind.NOTE,
    "reply": EventKind.REPLIED,
    "interim": EventKind.INTERIM_REPLY,
    "assign": EventKind.ASSIGNED,
    "reroute": EventKind.REROUTED,
    "status": EventKind.STATUS_CHANGED,
}


@pytest.mark.parametrize("action", ACTION_EVENT)
@pytest.mark.parametrize("role", SEES_A)
def test_case_actions(client, people, units, subs, role, action):
    login(client, people, role)
    submission = subs["a"]
    data = {"action": action, **_action_data(action, people, units, subs)}
    if action == "assign" and role in {"handler_a"}:
        data["assign-assignee"] = people["handler_a"].pk  # a handler takes it
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    before = SubmissionEvent.objects.filter(kind=ACTION_EVENT[action]).count()
    response = client.post(url, data)
    after = SubmissionEvent.objects.filter(kind=ACTION_EVENT[action]).count()
    if SEES_A[role]:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert after == before + 1
    else:
        assert response.status_code == 404
        assert after == before


@pytest.mark.parametrize("role", SEES_A)
def test_reopen_action(client, people, subs, role):
    from feedback import services

    services.submission_transition(
        submission=subs["a"], by=None, to_status=Status.CLOSED
    )
    login(client, people, role)
    response = client.post(
        reverse("feedback_inbox:inspect", args=[subs["a"].pk]),
        {"action": "reopen", "reopen-reason": "Innbyggeren tok kontakt igjen."},
    )
    subs["a"].refresh_from_db()
    if SEES_A[role]:
        assert response.status_code == 302
        assert subs["a"].status == Status.IN_PROGRESS
    else:
        assert response.status_code == 404
        assert subs["a"].status == Status.CLOSED


@pytest.mark.parametrize("role", SEES_A)
def test_bulk_close(client, people, subs, role):
    """Selecting both A and B: only what the user may act on is touched."""
    login(client, people, role)
    url = reverse("wagtail_bulk_action", args=["feedback", "submission", "close"])
    query = f"?id={subs['a'].pk}&id={subs['b'].pk}"
    if role == "outsider":
        assert client.post(url + query, {"reason": ""}).status_code == 404
        return
    response = client.post(url + query, {"reason": "Ferdig"})
    assert response.status_code == 302
    for key, sub in subs.items():
        sub.refresh_from_db()
        sees = (
            SEES_A[role] if key == "a" else role in {"handler_b", "triage", "superuser"}
        )
        assert (sub.status == Status.CLOSED) is sees


def test_bulk_on_other_units_only_is_404(client, people, subs):
    login(client, people, "handler_a")
    for action in ("assign", "reroute", "close", "spam"):
        url = reverse("wagtail_bulk_action", args=["feedback", "submission", action])
        assert client.get(url + f"?id={subs['b'].pk}").status_code == 404


def test_bulk_select_all_in_listing_is_scoped(client, people, subs):
    login(client, people, "handler_a")
    url = reverse("wagtail_bulk_action", args=["feedback", "submission", "spam"])
    response = client.post(url + "?id=all", {"reason": ""})
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    subs["b"].refresh_from_db()
    assert subs["a"].status == Status.SPAM
    assert subs["b"].status == Status.RECEIVED


def test_handlers_have_no_model_permissions_and_still_get_in(people):
    """The inbox does not depend on feedback.* Django permissions."""
    user = people["handler_a"]
    assert not user.has_perm("feedback.view_submission")
    from wagtail.permissions import policy_registry

    from feedback.models import Submission

    policy = policy_registry.get_by_type(Submission)
    assert policy.user_has_permission(user, "view")
    assert not policy.user_has_permission(user, "add")
    assert not policy.user_has_permission(user, "delete")
    assert not policy.user_has_permission(people["outsider"], "view")


def test_inbox_offers_the_bulk_actions(client, people, subs):
    login(client, people, "handler_a")
    html = client.get(reverse("feedback_inbox:index")).content.decode()
    for action in ("assign", "reroute", "close", "spam"):
        assert (
            reverse("wagtail_bulk_action", args=["feedback", "submission", action])
            in html
        )
    assert f'data-object-id="{subs["a"].pk}"' in html


def test_bulk_reroute_and_assign(client, people, units, subs):
    login(client, people, "lead_a")
    base = "/admin/bulk/feedback/submission/"
    query = f"?id={subs['a'].pk}&id={subs['b'].pk}"
    response = client.post(
        base + "assign/" + query, {"assignee": people["handler_a"].pk}
    )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    subs["b"].refresh_from_db()
    assert subs["a"].assigned_to == people["handler_a"]
    assert subs["b"].assigned_to is None
    response = client.post(
        base + "reroute/" + query, {"unit": units["triage"].pk, "reason": "Feil enhet"}
    )
    assert response.status_code == 302
    subs["a"].refresh_from_db()
    subs["b"].refresh_from_db()
    assert subs["a"].unit == units["triage"]
    assert subs["b"].unit == units["b"]


def test_bulk_refusals_are_counted(client, people, subs):
    """Closing an already closed submission is refused by the transition table and
    reported, not hidden."""
    from feedback import services

    services.submission_transition(
        submission=subs["a"], by=None, to_status=Status.CLOSED
    )
    login(client, people, "triage")
    url = reverse("wagtail_bulk_action", args=["feedback", "submission", "close"])
    response = client.post(
        url + f"?id={subs['a'].pk}&id={subs['b'].pk}", {"reason": ""}, follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("refused" in m or "avvist" in m for m in messages), messages
    subs["b"].refresh_from_db()
    assert subs["b"].status == Status.CLOSED


def test_handler_bulk_assign_only_to_herself(client, people, subs):
    login(client, people, "handler_a")
    url = reverse("wagtail_bulk_action", args=["feedback", "submission", "assign"])
    response = client.post(
        url + f"?id={subs['a'].pk}", {"assignee": people["lead_a"].pk}
    )
    assert response.status_code == 200  # not a valid choice
    subs["a"].refresh_from_db()
    assert subs["a"].assigned_to is None
