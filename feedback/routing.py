"""Routing: which unit owns an input. Pure functions over rules kept as data.

`resolve()` reads facts and rules and returns a decision; it writes nothing and
runs no queries of its own (pass rules with `select_related("page", "unit")`).
The order is:

1. hearing responses go to the hearing page's responsible unit, always; a
   citizen proposal to the unit its caller names (the political secretariat,
   which prepares it for the council: kommuneloven § 12-1);
2. the active routing rules, by (priority, id): the first rule whose every set
   condition holds;
3. the responsible unit of the page the input is about;
4. the topic's default unit;
5. the triage unit (Servicetorget), which sees what nobody else caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .choices import InputKind


@dataclass(frozen=True)
class Facts:
    """What routing may look at. Built by `facts_for()` or by hand in tests."""

    kind: str
    subject: str = ""
    text: str = ""
    postcode: str = ""
    topic_id: int | None = None
    topic_name: str = ""
    topic_default_unit: Any = None
    page_id: int | None = None
    page_path: str = ""
    page_title: str = ""
    page_unit: Any = None
    # A unit the caller's law decides (a citizen proposal: the political
    # secretariat); only the proposal kind reads it.
    required_unit: Any = None


@dataclass(frozen=True)
class RoutingDecision:
    unit: Any
    rule: Any = None
    reason: str = ""
    # "hearing", "proposal", "rule", "page", "topic", "triage" or "none": for
    # statistics and for the "try the rules" view.
    source: str = "triage"
    matched: dict = field(default_factory=dict)


def page_responsible_unit(page) -> Any:
    """The page's responsible unit, read duck-typed from the specific page.

    feedback never imports home or hearings: any page type that has a
    `responsible_unit` attribute takes part in routing.
    """
    if page is None:
        return None
    specific = getattr(page, "specific", page)
    return getattr(specific, "responsible_unit", None)


def facts_for(
    *,
    kind: str,
    subject: str = "",
    text: str = "",
    postcode: str = "",
    topic=None,
    page=None,
    required_unit=None,
) -> Facts:
    """Collect the facts for an input. Reads the page's specific instance (one
    query) when a page is given."""
    return Facts(
        kind=kind,
        subject=subject or "",
        text=text or "",
        postcode=normalise_postcode(postcode),
        topic_id=getattr(topic, "pk", None),
        topic_name=getattr(topic, "name", ""),
        topic_default_unit=getattr(topic, "default_unit", None),
        page_id=getattr(page, "pk", None),
        page_path=getattr(page, "path", "") or "",
        page_title=getattr(page, "title", "") or "",
        page_unit=page_responsible_unit(page),
        required_unit=required_unit,
    )


def normalise_postcode(value: str) -> str:
    return re.sub(r"\D", "", value or "")[:4]


def _keyword_hit(rule, haystack: str) -> str | None:
    # Substring match on purpose: Norwegian compounds («snøbrøyting»,
    # «søppelkasse») must match the keywords «brøyting» and «søppel».
    for keyword in rule.keyword_list:
        if keyword in haystack:
            return keyword
    return None


def _postcode_hit(rule, postcode: str) -> str | None:
    if not postcode:
        return None
    for entry in rule.postcode_list:
        if entry.endswith("*"):
            if postcode.startswith(entry[:-1]):
                return entry
        elif postcode == entry:
            return entry
    return None


def _page_hit(rule, facts: Facts) -> bool:
    if facts.page_id is None:
        return False
    if rule.page_id == facts.page_id:
        return True
    if not rule.include_subtree:
        return False
    rule_path = getattr(rule.page, "path", "")
    return bool(rule_path) and facts.page_path.startswith(rule_path)


def match_rule(rule, facts: Facts) -> list[str] | None:
    """The reasons a rule matches (one per set condition), or None if it does not.

    A rule with no conditions at all matches everything: a deliberate catch-all.
    """
    reasons: list[str] = []
    if rule.kind:
        if rule.kind != facts.kind:
            return None
        reasons.append(_("kind «%(kind)s»") % {"kind": InputKind(rule.kind).label})
    if rule.topic_id:
        if rule.topic_id != facts.topic_id:
            return None
        reasons.append(_("topic «%(topic)s»") % {"topic": facts.topic_name})
    if rule.page_id:
        if not _page_hit(rule, facts):
            return None
        reasons.append(
            _("page «%(page)s»") % {"page": getattr(rule.page, "title", rule.page_id)}
        )
    if rule.keyword_list:
        haystack = f"{facts.subject}\n{facts.text}".casefold()
        keyword = _keyword_hit(rule, haystack)
        if keyword is None:
            return None
        reasons.append(_("keyword «%(keyword)s»") % {"keyword": keyword})
    if rule.postcode_list:
        entry = _postcode_hit(rule, facts.postcode)
        if entry is None:
            return None
        reasons.append(_("postcode %(postcode)s") % {"postcode": facts.postcode})
    return reasons


def resolve(facts: Facts, rules: Iterable, *, triage_unit) -> RoutingDecision:
    """Decide which unit gets an input. Pure: no queries, no writes.

    `rules` may contain inactive rules; they are skipped. The returned reason is a
    sentence for handlers, in the active language (services resolve in the site
    language, Norwegian).
    """
    if facts.kind == InputKind.HEARING_RESPONSE and facts.page_unit is not None:
        return RoutingDecision(
            unit=facts.page_unit,
            reason=_("Hearing response: the hearing's responsible unit"),
            source="hearing",
        )
    if facts.kind == InputKind.PROPOSAL and facts.required_unit is not None:
        return RoutingDecision(
            unit=facts.required_unit,
            reason=_("Citizen proposal: the political secretariat"),
            source="proposal",
        )

    for rule in sorted(
        (r for r in rules if r.active), key=lambda r: (r.priority, r.pk or 0)
    ):
        reasons = match_rule(rule, facts)
        if reasons is None:
            continue
        detail = ", ".join(reasons) if reasons else _("matches everything")
        if rule.pk is None:  # a rule tried before it is saved («Prøv reglene»)
            reason = _("New rule «%(name)s»: %(detail)s") % {
                "name": rule.name,
                "detail": detail,
            }
        else:
            reason = _("Rule #%(id)s «%(name)s»: %(detail)s") % {
                "id": rule.pk,
                "name": rule.name,
                "detail": detail,
            }
        return RoutingDecision(unit=rule.unit, rule=rule, reason=reason, source="rule")

    if facts.page_unit is not None:
        return RoutingDecision(
            unit=facts.page_unit,
            reason=_("Responsible unit of the page «%(page)s»")
            % {"page": facts.page_title},
            source="page",
        )
    if facts.topic_default_unit is not None:
        return RoutingDecision(
            unit=facts.topic_default_unit,
            reason=_("Default unit of the topic «%(topic)s»")
            % {"topic": facts.topic_name},
            source="topic",
        )
    if triage_unit is not None:
        return RoutingDecision(
            unit=triage_unit,
            reason=_("No rule matched: sent to the triage unit"),
            source="triage",
        )
    return RoutingDecision(
        unit=None,
        reason=_("No rule matched and there is no triage unit"),
        source="none",
    )
