"""Routing is a pure function: table tests with unsaved objects, no database."""

import pytest
from wagtail.models import Page

from feedback.choices import InputKind
from feedback.models import RoutingRule
from feedback.routing import Facts, RoutingDecision, facts_for, resolve
from units.models import Unit

TRIAGE = Unit(pk=1, name="Servicetorget", slug="servicetorget", is_triage=True)
VEI = Unit(pk=2, name="Vei og trafikk", slug="vei-og-trafikk")
RENOVASJON = Unit(pk=3, name="Renovasjon", slug="renovasjon")
BARNEHAGE = Unit(pk=4, name="Barnehage", slug="barnehage")
KULTUR = Unit(pk=5, name="Kultur", slug="kultur")
UNITS = {u.slug: u for u in (TRIAGE, VEI, RENOVASJON, BARNEHAGE, KULTUR)}

SECTION = Page(id=50, path="00010001000A", depth=3, title="Vei og trafikk")
CHILD = Page(id=51, path="00010001000A0001", depth=4, title="Brøyting")
OTHER = Page(id=60, path="00010001000B", depth=3, title="Kultur")


def rule(
    pk,
    unit,
    *,
    priority=100,
    active=True,
    kind="",
    topic_id=None,
    page=None,
    include_subtree=True,
    keywords="",
    postcodes="",
):
    r = RoutingRule(
        pk=pk,
        name=f"regel {pk}",
        priority=priority,
        active=active,
        kind=kind,
        topic_id=topic_id,
        include_subtree=include_subtree,
        keywords=keywords,
        postcodes=postcodes,
    )
    r.unit = UNITS[unit]
    if page is not None:
        r.page = page
    return r


RULES = [
    rule(10, "vei-og-trafikk", keywords="brøyting, hull i veien, gatelys"),
    rule(11, "renovasjon", keywords="søppel, henting"),
    rule(12, "barnehage", priority=50, kind=InputKind.QUESTION, topic_id=7),
    rule(13, "kultur", page=SECTION, keywords="konsert"),
    rule(14, "kultur", priority=1, active=False, keywords="brøyting"),
    rule(15, "renovasjon", postcodes="1384, 14*", keywords="container"),
    rule(16, "vei-og-trafikk", page=OTHER, include_subtree=False),
]


def facts(**kw):
    kw.setdefault("kind", InputKind.FEEDBACK)
    return Facts(**kw)


@pytest.mark.parametrize(
    ("case", "f", "unit", "rule_pk", "source"),
    [
        (
            "keyword in text",
            facts(text="Når kommer brøytebilen? Ingen brøyting."),
            "vei-og-trafikk",
            10,
            "rule",
        ),
        (
            "keyword in subject, case-insensitive",
            facts(subject="BRØYTING i gata"),
            "vei-og-trafikk",
            10,
            "rule",
        ),
        (
            "keyword inside a compound",
            facts(text="Snøbrøytingen er dårlig"),
            "vei-og-trafikk",
            10,
            "rule",
        ),
        (
            "multi-word keyword",
            facts(text="Det er et stort hull i veien her"),
            "vei-og-trafikk",
            10,
            "rule",
        ),
        (
            "second rule",
            facts(text="Søppelet ble ikke hentet"),
            "renovasjon",
            11,
            "rule",
        ),
        ("inactive rule skipped", facts(text="brøyting"), "vei-og-trafikk", 10, "rule"),
        (
            "priority before id",
            facts(kind=InputKind.QUESTION, topic_id=7, text="gatelys ved barnehagen"),
            "barnehage",
            12,
            "rule",
        ),
        (
            "all conditions needed: kind differs",
            facts(kind=InputKind.FEEDBACK, topic_id=7, text="hei"),
            "servicetorget",
            None,
            "triage",
        ),
        (
            "page subtree + keyword",
            facts(page_id=51, page_path=CHILD.path, text="konsert i parken"),
            "kultur",
            13,
            "rule",
        ),
        (
            "page subtree without keyword",
            facts(page_id=51, page_path=CHILD.path, text="noe annet"),
            "servicetorget",
            None,
            "triage",
        ),
        (
            "exact page only",
            facts(page_id=60, page_path=OTHER.path),
            "vei-og-trafikk",
            16,
            "rule",
        ),
        (
            "exact page: child does not match",
            facts(page_id=61, page_path=OTHER.path + "0001"),
            "servicetorget",
            None,
            "triage",
        ),
        (
            "postcode exact",
            facts(postcode="1384", text="container"),
            "renovasjon",
            15,
            "rule",
        ),
        (
            "postcode prefix",
            facts(postcode="1410", text="container"),
            "renovasjon",
            15,
            "rule",
        ),
        (
            "postcode miss",
            facts(postcode="1390", text="container"),
            "servicetorget",
            None,
            "triage",
        ),
        ("no postcode given", facts(text="container"), "servicetorget", None, "triage"),
        (
            "page owner when no rule",
            facts(
                page_id=99,
                page_path="0001000100ZZ",
                page_unit=KULTUR,
                page_title="Bibliotek",
            ),
            "kultur",
            None,
            "page",
        ),
        (
            "topic default unit",
            facts(topic_id=3, topic_name="Vann", topic_default_unit=BARNEHAGE),
            "barnehage",
            None,
            "topic",
        ),
        (
            "page before topic",
            facts(
                page_id=99, page_unit=KULTUR, topic_id=3, topic_default_unit=BARNEHAGE
            ),
            "kultur",
            None,
            "page",
        ),
        (
            "rules before page",
            facts(page_id=99, page_unit=KULTUR, text="søppel"),
            "renovasjon",
            11,
            "rule",
        ),
        ("nothing: triage", facts(text="Hei!"), "servicetorget", None, "triage"),
        (
            "hearing response always to the hearing's unit",
            facts(
                kind=InputKind.HEARING_RESPONSE,
                page_id=99,
                page_unit=KULTUR,
                text="brøyting søppel",
            ),
            "kultur",
            None,
            "hearing",
        ),
    ],
)
def test_routing_table(case, f, unit, rule_pk, source):
    decision = resolve(f, RULES, triage_unit=TRIAGE)
    assert isinstance(decision, RoutingDecision)
    assert decision.unit.slug == unit, case
    assert getattr(decision.rule, "pk", None) == rule_pk, case
    assert decision.source == source
    assert decision.reason


def test_reason_names_rule_and_keyword_in_norwegian(settings):
    from django.utils import translation

    with translation.override("nb"):
        decision = resolve(facts(text="brøyting"), RULES, triage_unit=TRIAGE)
    assert decision.reason == "Regel #10 «regel 10»: nøkkelord «brøyting»"


def test_reason_in_english():
    from django.utils import translation

    with translation.override("en"):
        decision = resolve(facts(text="søppel"), RULES, triage_unit=TRIAGE)
    assert decision.reason == "Rule #11 «regel 11»: keyword «søppel»"


def test_no_triage_unit_gives_no_unit():
    decision = resolve(facts(text="hei"), [], triage_unit=None)
    assert decision.unit is None and decision.source == "none"


def test_catch_all_rule_matches_everything():
    catch_all = rule(20, "kultur")
    decision = resolve(facts(text="hva som helst"), [catch_all], triage_unit=TRIAGE)
    assert decision.rule is catch_all


def test_facts_for_reads_responsible_unit_duck_typed():
    class FakePage:
        pk = 7
        path = "0001"
        title = "Side"

        class specific:  # noqa: N801 - mimics Page.specific
            responsible_unit = KULTUR

    f = facts_for(kind=InputKind.PAGE_FEEDBACK, page=FakePage(), postcode="1384 Asker")
    assert f.page_unit is KULTUR and f.postcode == "1384" and f.page_id == 7
