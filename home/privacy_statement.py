"""The privacy statement's purposes, written from the settings.

A statement that says «12 måneder» in an editor's text is wrong the day IT sets
PORTAL_RETENTION_MONTHS to 24. So the part a resident most needs to trust (what
is kept, why, who sees it, for how long) is generated per purpose from the same
settings records/retention.py acts on; the editor writes the rest of the page.

Pure: takes the settings' dictionaries, returns plain values for the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Purpose:
    title: str
    data: str
    basis: str
    audience: str
    retention: list[str]


def _months(n: int) -> str:
    return ngettext("%(n)d month", "%(n)d months", n) % {"n": n}


def _days(n: int) -> str:
    return ngettext("%(n)d day", "%(n)d days", n) % {"n": n}


def processing_purposes(
    portal: dict[str, Any], archive: dict[str, Any], *, idporten_signing=False
) -> list[Purpose]:
    """One entry per purpose the portal processes personal data for."""
    archived = archive.get("PATH", "portal") == "portal"
    kinds = set(archive.get("KINDS", []))

    def archive_line(kind: str) -> list[str]:
        if archived and kind in kinds:
            return [
                _(
                    "It is a case document: it is journaled in the municipality's "
                    "archive, which keeps it as the Archives Act requires. The portal "
                    "anonymises its own copy only after the archive has it."
                )
            ]
        return []

    inputs = Purpose(
        title=_("Feedback, suggestions and questions"),
        data=_(
            "What you write, your name, e-mail address and phone number if you give "
            "them, the organisation you write for, and the files you attach (without "
            "the photo's hidden data; the place a photo was taken is kept only for "
            "the case handler)."
        ),
        basis=_(
            "To answer you and handle the matter, a task in the public interest "
            "(GDPR article 6(1)(e), the Local Government Act and the Public "
            "Administration Act)."
        ),
        audience=_("The unit that handles your input, and no one else."),
        retention=[
            _("Anonymised %(period)s after the case is finished.")
            % {"period": _months(int(portal.get("RETENTION_MONTHS", 12)))},
            *archive_line("feedback"),
        ],
    )
    hearings = Purpose(
        title=_("Hearing responses"),
        data=_(
            "Your response, your name and e-mail address, and the organisation you "
            "respond for."
        ),
        basis=_(
            "To let everyone take part in the hearing (GDPR article 6(1)(e)). "
            "Responses are public documents under the Freedom of Information Act: "
            "we publish them with personal details such as ID numbers removed, and "
            "your name only if you agree."
        ),
        audience=_(
            "The unit that holds the hearing; the published text is open to everyone."
        ),
        retention=[
            _("Anonymised %(period)s after the hearing is concluded.")
            % {
                "period": _months(
                    int(portal.get("HEARING_RESPONSE_RETENTION_MONTHS", 12))
                )
            },
            *archive_line("hearing_response"),
        ],
    )
    following = Purpose(
        title=_("Following a hearing or a proposal by e-mail"),
        data=_("Your e-mail address and what you follow."),
        basis=_(
            "Your consent (GDPR article 6(1)(a)); every e-mail has a link to stop."
        ),
        audience=_("No one: the portal sends the e-mails itself."),
        retention=[
            _("Deleted after %(period)s if you never confirm it.")
            % {"period": _days(int(portal.get("FOLLOW_CONFIRM_DAYS", 7)))},
            _("Deleted %(period)s after the last notice, or when you stop it.")
            % {"period": _days(int(portal.get("FOLLOW_ENDED_DAYS", 30)))},
        ],
    )
    proposal_data = _(
        "The name, postcode and e-mail address of the one who starts a proposal "
        "and of each one who signs it."
    )
    if idporten_signing:
        proposal_data += " " + _(
            "If you sign with ID-porten: a code computed from your national "
            "identity number that cannot be turned back into it, so that nobody "
            "signs twice. The number itself is not kept."
        )
    proposals = Purpose(
        title=_("Citizen proposals and signatures"),
        data=proposal_data,
        basis=_(
            "Your right to propose a matter to the council (the Local Government Act "
            "§ 12-1; GDPR article 6(1)(e)). Your name is shown publicly only if you "
            "agree; otherwise only the count."
        ),
        audience=_("The political secretariat, and the council when it decides."),
        retention=[
            _("A signature never confirmed is deleted after %(period)s.")
            % {"period": _days(int(portal.get("PROPOSAL_CONFIRM_DAYS", 7)))},
            _("Signatures are anonymised %(period)s after the council has decided.")
            % {"period": _months(int(portal.get("PROPOSAL_RETENTION_MONTHS", 12)))},
            *archive_line("proposal"),
        ],
    )
    page_feedback = Purpose(
        title=_("«Did you find what you were looking for?»"),
        data=_("Your answer and what you write about what was missing."),
        basis=_("To make the pages better (GDPR article 6(1)(e))."),
        audience=_("The editors of the page."),
        retention=[
            _("Anonymised %(period)s after it was given.")
            % {"period": _months(int(portal.get("PAGE_FEEDBACK_RETENTION_MONTHS", 12)))}
        ],
    )
    return [inputs, hearings, following, proposals, page_feedback]
