"""Standard replies per unit and deadlines per kind (issue 11, minor): a
handler starts a reply from her unit's standard text with the case filled in;
a unit answers a question in 14 days and a suggestion in 30."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from feedback import reply_templates
from feedback.models import KindDeadline, ResponseTemplate, Submission

from .conftest import make_submission

pytestmark = pytest.mark.django_db

TEXT = "Hei {navn}!\nSaken din {referanse} er behandlet av {enhet}. {ukjent}"


def test_fill_knows_both_languages_and_leaves_unknown_placeholders():
    filled = reply_templates.fill(
        "{name}/{navn} {reference} {unit} {date} {typo}",
        reference="2026-000001",
        name="Kari",
        unit="Vei",
        date="2. desember 2026",
    )
    assert filled == "Kari/Kari 2026-000001 Vei 2. desember 2026 {typo}"


@pytest.fixture
def templates(units):
    return {
        "a": ResponseTemplate.objects.create(
            title="Vei: utbedret", unit=units["a"], text=TEXT
        ),
        "b": ResponseTemplate.objects.create(
            title="Renovasjon: hentet", unit=units["b"], text="B"
        ),
        "all": ResponseTemplate.objects.create(
            title="Takk for innspillet", text="Takk."
        ),
    }


def test_handler_inserts_a_standard_reply_then_sends_it(
    client, people, subs, templates
):
    submission = subs["a"]
    client.force_login(people["handler_a"])
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    page = client.get(url).content.decode()
    # Her unit's and the shared ones; not another unit's.
    assert "Vei: utbedret" in page and "Takk for innspillet" in page
    assert "Renovasjon: hentet" not in page

    response = client.post(
        url,
        {
            "action": "reply",
            "reply-template": templates["a"].pk,
            "reply-text": "",
            "reply-use_template": "1",
        },
    )
    assert response.status_code == 200
    form = response.context["forms"]["reply"]
    text = form.initial["text"]
    assert text.startswith("Hei Kari Nordmann!")
    assert submission.reference in text and "Vei og trafikk" in text
    assert "{ukjent}" in text  # left for the handler to see
    assert "Svar sendt" not in response.content.decode()
    assert len(mail.outbox) == 0  # inserting sends nothing
    # Another unit's template cannot be forced in.
    forced = client.post(
        url,
        {
            "action": "reply",
            "reply-template": templates["b"].pk,
            "reply-use_template": "1",
        },
    )
    assert forced.context["forms"]["reply"].initial["text"] == ""

    client.post(url, {"action": "reply", "reply-text": text.replace(" {ukjent}", "")})
    submission.refresh_from_db()
    assert submission.first_answered_at is not None


TEMPLATE_ADMIN = {"handler_a": 403, "lead_a": 200, "triage": 200, "superuser": 200}


@pytest.mark.parametrize("role", list(TEMPLATE_ADMIN))
def test_who_writes_standard_replies(client, people, units, templates, role):
    client.force_login(people[role])
    index = client.get(reverse("feedback_template:index"))
    expected = TEMPLATE_ADMIN[role]
    assert index.status_code in ((expected,) if expected == 200 else (302, 403))
    if expected != 200:
        return
    html = index.content.decode()
    assert "Vei: utbedret" in html
    # A lead sees and edits her units' only; editors all.
    assert ("Renovasjon: hentet" in html) is (role != "lead_a")
    for name in ("feedback_template:edit", "feedback_template:delete"):
        other = client.get(reverse(name, args=[templates["b"].pk]))
        assert other.status_code == (404 if role == "lead_a" else 200)
        own = client.get(reverse(name, args=[templates["a"].pk]))
        assert own.status_code == 200
    if role == "lead_a":
        form = client.get(reverse("feedback_template:add")).context["form"]
        assert list(form.fields["unit"].queryset) == [units["a"]]


def test_deadline_per_kind_sets_the_first_answer_due(people, topics, units):
    units["a"].first_answer_days = 20
    units["a"].save()
    KindDeadline.objects.create(unit=units["a"], kind="question", days=5)
    question = make_submission(topics["a"], kind="question")
    feedback = make_submission(topics["a"], kind="feedback")
    question, feedback = (Submission.objects.get(pk=s.pk) for s in (question, feedback))
    assert question.due_at - question.created_at == datetime.timedelta(days=5)
    assert feedback.due_at - feedback.created_at == datetime.timedelta(days=20)


def test_deadlines_per_kind_are_set_up_by_feedback_editors(client, people):
    url = reverse("feedback_deadline:index")
    client.force_login(people["triage"])
    assert client.get(url).status_code == 200
    client.force_login(people["lead_a"])
    assert client.get(url).status_code in (302, 403)
