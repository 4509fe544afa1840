"""Dashboard panel, unit report, page feedback, try-the-rules, rights requests and
the set-up viewsets (topics, rules): each scoped by the same selector."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import services
from feedback.choices import InputKind
from feedback.models import RoutingRule, Submission
from tests.factories import submit

from .conftest import make_submission

pytestmark = pytest.mark.django_db


def test_dashboard_panel_counts_own_units(client, people, topics, subs):
    # One overdue in A: received 20 days ago (due after 14).
    old = make_submission(topics["a"], now=timezone.now() - datetime.timedelta(days=40))
    client.force_login(people["handler_a"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="innspill-oversikt' in html or "innspill-oversikt" in html
    assert "Vei og trafikk" in html
    assert "Renovasjon" not in html
    from feedback.admin_views import unit_counts

    (row,) = unit_counts(people["handler_a"])
    assert row["open"] == 2 and row["overdue"] == 1 and row["interim_owed"] == 1
    assert row["new_today"] == 1
    assert old.reference  # the old one is counted, not listed


def test_dashboard_panel_hidden_for_outsiders(client, people, subs):
    client.force_login(people["outsider"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "innspill-oversikt" not in html


def test_unit_report_chart_and_table(client, people, topics, subs):
    answered = make_submission(
        topics["a"], now=timezone.now() - datetime.timedelta(days=3)
    )
    services.submission_reply(submission=answered, by=None, text="Svar")
    client.force_login(people["lead_a"])
    response = client.get(reverse("feedback_tools:report"), {"weeks": 8})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") >= 2
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "<table" in html
    assert response.context["unit"] == subs["a"].unit
    rows = response.context["object_list"]
    assert len(rows) == 8
    assert sum(row["received"] for row in rows) == 2
    assert sum(row["answered"] for row in rows) == 1


def test_unit_report_cannot_show_another_unit(client, people, units, subs):
    client.force_login(people["handler_a"])
    response = client.get(reverse("feedback_tools:report"), {"unit": units["b"].pk})
    assert response.status_code == 200
    assert response.context["unit"] == units["a"]
    assert [u.pk for u in response.context["units"]] == [units["a"].pk]


def test_unit_report_export_csv(client, people, subs):
    client.force_login(people["lead_a"])
    response = client.get(reverse("feedback_tools:report"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[0].count(",") == 3


def test_page_feedback_report_for_editors(client, people, units, topics):
    from wagtail.models import Page

    page = Page.objects.filter(depth=1).first()
    for helpful, text in ((True, ""), (False, "Fant ikke åpningstider"), (False, "")):
        submit(
            kind=InputKind.PAGE_FEEDBACK,
            page=page,
            helpful=helpful,
            text=text,
            notify=False,
        )
    client.force_login(people["triage"])
    response = client.get(reverse("feedback_tools:page_feedback"), {"periode": "all"})
    assert response.status_code == 200
    (row,) = list(response.context["object_list"])
    assert (row["yes"], row["no"], row["comments"]) == (1, 2, 1)
    response = client.get(
        reverse("feedback_tools:page_feedback"), {"periode": "all", "side": page.pk}
    )
    assert "Fant ikke åpningstider" in response.content.decode()
    # Handlers are not editors.
    client.force_login(people["handler_a"])
    response = client.get(reverse("feedback_tools:page_feedback"))
    assert response.status_code == 302


def test_try_rules_shows_where_inputs_would_go(client, people, units, topics, subs):
    RoutingRule.objects.create(
        name="Alt om hull", keywords="hull", unit=units["b"], priority=1
    )
    client.force_login(people["triage"])
    response = client.get(reverse("feedback_tools:try_rules"), {"n": 25})
    assert response.status_code == 200
    rows = {row["submission"].pk: row for row in response.context["rows"]}
    assert rows[subs["a"].pk]["changed"] is True  # "Hull i veien" → B now
    assert rows[subs["a"].pk]["decision"].unit == units["b"]
    assert rows[subs["b"].pk]["changed"] is False
    assert response.context["changed"] == 1
    # Nothing was changed by trying.
    assert Submission.objects.get(pk=subs["a"].pk).unit == units["a"]


def test_try_an_unsaved_rule(client, people, units, subs):
    client.force_login(people["triage"])
    response = client.post(
        reverse("feedback_tools:try_rules"),
        {
            "name": "Søppel til A",
            "priority": 1,
            "active": "on",
            "kind": "",
            "keywords": "søppel",
            "postcodes": "",
            "unit": units["a"].pk,
            "include_subtree": "on",
        },
    )
    assert response.status_code == 200
    assert not RoutingRule.objects.filter(name="Søppel til A").exists()
    rows = {row["submission"].pk: row for row in response.context["rows"]}
    assert rows[subs["b"].pk]["changed"] and rows[subs["b"].pk]["by_candidate"]
    # An unsaved rule has no number (issue 11: «Regel #None»).
    reason = str(rows[subs["b"].pk]["decision"].reason)
    assert reason.startswith("Ny regel «Søppel til A»") and "None" not in reason
    assert "Regel #None" not in response.content.decode()


def test_try_rules_shows_cases_moved_by_hand_apart(client, people, units, topics, subs):
    """A case a handler moved is not a change the rules would make."""
    from feedback.services import submission_reroute

    submission_reroute(
        submission=subs["b"],
        by=people["triage"],
        unit=units["a"],
        reason="Feil enhet",
        notify=False,
    )
    client.force_login(people["triage"])
    response = client.get(reverse("feedback_tools:try_rules"), {"n": 25})
    rows = {row["submission"].pk: row for row in response.context["rows"]}
    assert rows[subs["b"].pk]["moved_by_hand"] is True
    assert rows[subs["b"].pk]["changed"] is False
    assert response.context["changed"] == 0
    assert response.context["moved_by_hand"] == 1
    assert "flyttet til en annen enhet for hånd" in response.content.decode()


def test_try_rules_is_for_editors_only(client, people, subs):
    client.force_login(people["lead_a"])
    assert client.get(reverse("feedback_tools:try_rules")).status_code == 302


@pytest.mark.parametrize(
    "role,allowed",
    [("triage", True), ("superuser", True), ("handler_a", False), ("lead_a", False)],
)
def test_rules_and_topics_admin_editors_only(client, people, role, allowed):
    client.force_login(people[role])
    for name in ("feedback_rule:index", "feedback_topic:index", "feedback_rule:add"):
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, name


def test_attachment_download_is_audited(client, people, subs):
    client.force_login(people["handler_a"])
    attachment = subs["a"].attachments.get()
    client.get(reverse("feedback_inbox:attachment", args=[subs["a"].pk, attachment.pk]))
    assert ModelLogEntry.objects.filter(
        action="feedback.attachment_download", user=people["handler_a"]
    ).exists()


def test_export_defuses_formulas(client, people, topics):
    make_submission(topics["a"], subject='=HYPERLINK("http://x")', text="+1")
    client.force_login(people["handler_a"])
    response = client.get(reverse("feedback_inbox:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and ",'+1," in body
    assert "kari@example.org" not in body  # no contact details in the inbox export


def test_dashboard_shows_last_digest_to_leads(client, people, subs):
    """Running the job as the README says (the command) is what the dashboard
    reports (issue 11: only the worker's runs counted), and a second run the
    same day sends nothing again."""
    from django.core import mail
    from django.core.management import call_command

    from feedback.models import Submission

    client.force_login(people["lead_a"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'class="feedback-digest" data-sent="no"' in html
    Submission.objects.filter(pk=subs["a"].pk).update(
        due_at=timezone.now() - datetime.timedelta(days=1)
    )
    mail.outbox.clear()
    call_command("send_overdue_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_overdue_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    digests = [m for m in mail.outbox if m.to == [people["lead_a"].email]]
    assert len(digests) == 1
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'class="feedback-digest" data-sent="yes"' in html
    # Handlers who lead nothing do not see the line.
    client.force_login(people["handler_a"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "feedback-digest" not in html


def test_rule_edit_page_offers_try(client, people, units):
    rule = RoutingRule.objects.create(
        name="Brøyting", keywords="brøyting", unit=units["a"]
    )
    client.force_login(people["triage"])
    html = client.get(reverse("feedback_rule:edit", args=[rule.pk])).content.decode()
    assert f'formaction="{reverse("feedback_tools:try_rules")}"' in html
    assert f'name="rule_id" value="{rule.pk}"' in html


ACCESS_PANEL = {
    "handler_a": False,
    "lead_a": True,
    "triage": False,  # sees every input, leads none of unit A
    "superuser": True,
}


@pytest.mark.parametrize("role", list(ACCESS_PANEL))
def test_reading_a_case_is_logged_and_shown_to_the_lead(client, people, subs, role):
    """Who read the case and downloaded its files (issue 11): every opening is
    an audit entry (a reload within ten minutes counts once), listed on the
    case for the unit's lead and superusers only."""
    from feedback.selectors import ACCESS_ACTIONS

    submission = subs["a"]
    url = reverse("feedback_inbox:inspect", args=[submission.pk])
    attachment = submission.attachments.get()
    handler = Client()
    handler.force_login(people["handler_a"])
    handler.get(url)
    handler.get(url)  # a reload
    handler.get(
        reverse("feedback_inbox:attachment", args=[submission.pk, attachment.pk])
    )
    entries = ModelLogEntry.objects.filter(
        object_id=str(submission.pk), action__in=ACCESS_ACTIONS
    )
    assert [(e.action, e.user) for e in entries.order_by("pk")] == [
        ("feedback.viewed", people["handler_a"]),
        ("feedback.attachment_download", people["handler_a"]),
    ]

    client.force_login(people[role])
    html = client.get(url).content.decode()
    assert ("Hvem har lest saken" in html) is ACCESS_PANEL[role]
    if ACCESS_PANEL[role]:
        assert "Handler_A" in html and "lastet ned en fil" in html
