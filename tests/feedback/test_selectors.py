"""One selector for visibility; deadlines; dashboard counts; tracking lookup."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from feedback.admin_views import unit_counts
from feedback.choices import InputKind, Status
from feedback.models import Submission
from feedback.selectors import (
    can_act_on,
    interim_reply_owed,
    overdue,
    page_feedback_stats,
    submission_for_tracking,
    submission_for_user,
    submissions_visible_to,
)
from tests.factories import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(units):
    """One submission in each of vei, gatelys (under vei), renovasjon, triage."""
    out = {}
    for key in ("vei", "gatelys", "renovasjon", "triage"):
        s, _ = submit(kind=InputKind.FEEDBACK, text=key)
        s.unit = units[key]
        s.save()
        out[key] = s
    return out


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("handler_a", {"vei", "gatelys"}),
        ("lead", {"vei", "gatelys"}),
        ("gatelys", {"gatelys"}),
        ("handler_b", {"renovasjon"}),
        ("triage", {"vei", "gatelys", "renovasjon", "triage"}),
        ("superuser", {"vei", "gatelys", "renovasjon", "triage"}),
        ("nobody", set()),
    ],
)
def test_visibility_matrix(who, sees, spread, people):
    user = people[who]
    visible = set(submissions_visible_to(user).values_list("text", flat=True))
    assert visible == sees
    for key, submission in spread.items():
        assert can_act_on(user, submission) == (key in sees)
        if key in sees:
            assert submission_for_user(user, submission.pk) == submission
        else:
            with pytest.raises(Http404):
                submission_for_user(user, submission.pk)


def test_anonymous_sees_nothing(spread):
    from django.contrib.auth.models import AnonymousUser

    assert not submissions_visible_to(AnonymousUser()).exists()
    assert not can_act_on(AnonymousUser(), spread["vei"])


def test_inactive_user_sees_nothing(spread, people):
    user = people["superuser"]
    user.is_active = False
    assert not submissions_visible_to(user).exists()


def test_tracking_lookup(units):
    s, token = submit(kind=InputKind.QUESTION, text="Hei")
    assert submission_for_tracking(s.reference, token) == s
    for reference, t in [
        (s.reference, token[:-1] + "x"),
        (s.reference, ""),
        ("2026-999999", token),
        ("", token),
        (s.reference, "x" * 500),
    ]:
        with pytest.raises(Http404):
            submission_for_tracking(reference, t)


def test_tracking_lookup_query_count(units, django_assert_num_queries):
    s, token = submit(kind=InputKind.QUESTION, text="Hei")
    with django_assert_num_queries(2):
        found = submission_for_tracking(s.reference, token)
        assert [e.kind for e in found.public_events] == ["received", "routed"]
        assert found.public_events[1].to_unit.name == "Servicetorget"


def test_deadlines_overdue_and_interim(units, people):
    now = timezone.now()
    fresh, _ = submit(kind=InputKind.QUESTION, text="ny")
    late, _ = submit(
        kind=InputKind.QUESTION, text="sen", now=now - datetime.timedelta(days=20)
    )
    old, _ = submit(
        kind=InputKind.QUESTION, text="gammel", now=now - datetime.timedelta(days=31)
    )
    interim, _ = submit(
        kind=InputKind.QUESTION, text="foreløpig", now=now - datetime.timedelta(days=40)
    )
    Submission.objects.filter(pk=interim.pk).update(interim_reply_at=now)
    answered, _ = submit(
        kind=InputKind.QUESTION, text="besvart", now=now - datetime.timedelta(days=40)
    )
    Submission.objects.filter(pk=answered.pk).update(
        status=Status.ANSWERED, first_answered_at=now
    )
    submit(
        kind=InputKind.PAGE_FEEDBACK, text="side", now=now - datetime.timedelta(days=40)
    )

    assert set(overdue().values_list("text", flat=True)) == {
        "sen",
        "gammel",
        "foreløpig",
    }
    assert set(interim_reply_owed().values_list("text", flat=True)) == {"gammel"}
    late.refresh_from_db()
    old.refresh_from_db()
    assert late.is_overdue and not late.interim_reply_owed
    assert old.interim_reply_owed
    rows = unit_counts(people["triage"])
    counts = {
        key: sum(row[key] for row in rows)
        for key in ("open", "overdue", "interim_owed", "new_today")
    }
    assert counts == {"open": 4, "overdue": 3, "interim_owed": 1, "new_today": 1}
    assert sum(row["open"] for row in unit_counts(people["handler_a"])) == 0


def test_page_feedback_stats(units, service, site):
    for helpful, text in [(True, ""), (False, "Fant ikke prisen"), (False, "")]:
        submit(kind=InputKind.PAGE_FEEDBACK, page=service, helpful=helpful, text=text)
    submit(kind=InputKind.PAGE_FEEDBACK, page=site["index"], helpful=True)
    rows = list(page_feedback_stats())
    assert rows[0]["page_id"] == service.pk
    assert (rows[0]["yes"], rows[0]["no"], rows[0]["comments"], rows[0]["total"]) == (
        1,
        2,
        1,
        3,
    )
    assert [r["page_id"] for r in page_feedback_stats(page_ids=[site["index"].pk])] == [
        site["index"].pk
    ]


# --- one access read per request (selectors.unit_access) ----------------------------


@pytest.mark.parametrize(
    ("who", "queries"),
    [
        ("handler_a", 2),  # memberships with the triage flag, the unit tree
        ("lead", 2),  # leads all her units: the same walk serves scope and led
        ("triage", 1),  # sees everything: no tree
        ("superuser", 1),  # sees everything; only "which units does she lead" asks
    ],
)
def test_unit_access_read_once(who, queries, people, units, django_assert_num_queries):
    from feedback.permissions import is_feedback_editor, is_unit_member
    from feedback.selectors import unit_access, visible_unit_ids

    user = people[who]
    with django_assert_num_queries(queries):
        access = unit_access(user)
        scope, led = access.scope, access.led
        member, editor = access.is_member, access.sees_all
    # Every other check of the request reads the same answers, with no query.
    with django_assert_num_queries(0):
        assert visible_unit_ids(user) == scope
        assert is_unit_member(user) == member
        assert is_feedback_editor(user) == editor
        assert unit_access(user).led == led
        submissions_visible_to(user)


def test_unit_access_led_units(people, units):
    from feedback.selectors import ALL, unit_access
    from tests.factories import member
    from units.choices import Role

    vei, gatelys = units["vei"].pk, units["gatelys"].pk
    assert unit_access(people["lead"]).led == {vei, gatelys}
    assert unit_access(people["handler_a"]).led == set()
    # Handler in one unit, lead in another: she leads only the second.
    mixed = member(people["handler_b"], units["gatelys"], Role.LEAD)
    access = unit_access(mixed)
    assert access.led == {gatelys}
    assert access.scope == {units["renovasjon"].pk, gatelys}
    assert unit_access(people["triage"]).scope == ALL
    assert not unit_access(people["nobody"]).is_member
