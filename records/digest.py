"""What the leads' daily digest (feedback.tasks.overdue_digests) says about the
archive and rights requests."""

from django.utils.translation import gettext as _

from feedback.tasks import admin_case_url

from .selectors import late_posts


def late_archive_section(unit_ids, now) -> dict:
    items = []
    for post in late_posts(unit_ids=unit_ids, now=now)[:200]:
        items.append(
            {
                "label": _("%(reference)s: %(kind)s, %(state)s")
                % {
                    "reference": post.submission.reference,
                    "kind": post.get_kind_display(),
                    "state": post.get_state_display(),
                },
                "url": admin_case_url(post.submission) + "#arkiv",
            }
        )
    return {"title": _("Not archived a day after they came in"), "items": items}


def rights_section(now) -> dict:
    from django.urls import reverse

    from portal import public_url

    from . import rights

    items = []
    for request in rights.due_soon():
        due = rights.due_on(request)
        items.append(
            {
                "label": _("%(reference)s: answer by %(day)s (GDPR art. 12(3))%(late)s")
                % {
                    "reference": request.reference,
                    "day": due.strftime("%d.%m.%Y"),
                    "late": _(" – overdue") if rights.is_overdue(request) else "",
                },
                "url": public_url.admin_absolute(
                    reverse("records:rights_detail", args=[request.pk])
                ),
            }
        )
    return {"title": _("Rights requests to answer"), "items": items}
