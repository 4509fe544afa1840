"""What the leads' daily digest (feedback.tasks.overdue_digests) says about
citizen proposals: those whose six months at the council end within a month,
or have ended (kommuneloven § 12-1), to the political secretariat's leads."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from units.selectors import unit_with_descendants

from . import rules, selectors


def council_section(unit_ids, now) -> dict:
    unit = selectors.secretariat()
    if unit is None or unit.pk not in unit_with_descendants(unit_ids or ()):
        return {"title": "", "items": []}
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    items = []
    for proposal in selectors.council_due_soon(now=now):
        overdue = rules.council_clock(proposal.council_due_at, now) == "overdue"
        items.append(
            {
                "label": _("«%(title)s»: the council decides by %(day)s%(late)s")
                % {
                    "title": proposal.title,
                    "day": proposal.council_last_day.strftime("%d.%m.%Y"),
                    "late": _(" – overdue") if overdue else "",
                },
                "url": base + reverse("proposals_admin:detail", args=[proposal.pk]),
            }
        )
    return {"title": _("Citizen proposals: the council's six months"), "items": items}
