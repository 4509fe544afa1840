import io

import pytest

from feedback import demo
from feedback.choices import Status
from feedback.models import RoutingRule, Submission, Topic
from tests.factories import UnitFactory, UserFactory, member

pytestmark = pytest.mark.django_db

SLUGS = [
    "barnehage",
    "skole",
    "helse-og-omsorg",
    "byggesak",
    "vei-og-trafikk",
    "vann-og-avlop",
    "renovasjon",
    "kultur",
    "naering",
    "plan",
    "kommunikasjon",
]


def test_seed_is_idempotent_and_varied(settings, monkeypatch):
    # The units home.demo would create (its pages are not needed here).
    triage = UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)
    member(UserFactory(username="redaktor"), triage)
    for slug in SLUGS:
        member(UserFactory(username=f"h-{slug}"), UnitFactory(slug=slug, name=slug))
    monkeypatch.setattr(demo, "DEMO_COUNT", 60)  # quicker; the same code path
    demo.seed(io.StringIO())
    assert Topic.objects.count() >= 10
    assert RoutingRule.objects.filter(unit__slug="vei-og-trafikk").exists()
    assert Submission.objects.count() == 60
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert {Status.RECEIVED, Status.ANSWERED} <= statuses
    assert Submission.objects.values("unit").distinct().count() >= 4
    out = io.StringIO()
    demo.seed(out)
    assert Submission.objects.count() == 60
    assert "already there" in out.getvalue()
