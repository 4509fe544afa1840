"""Rights requests (GDPR art. 15 access, art. 17 erasure), tracked: registered
with the day they came in, answered within the month of art. 12(3) (extendable
by two months with a reason), every step logged with counts and the portal's
own references, never the person's details.

The search and the erasure cover every place in records.privacy; erasure leaves
what the archive does not have yet and says so (arkivlova comes first: the
archive keeps the original, art. 17(3)(b) and (d)).
"""

from __future__ import annotations

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from feedback import clocks
from proposals import idporten

from .choices import RightsKind, RightsStatus, RightsStep
from .models import ArchivePost, RightsRequest, RightsRequestStep
from .privacy import Person, erase, find


def due_on(request: RightsRequest) -> datetime.date:
    """The last day to answer: a month from receipt, or the extended day
    (the rule is feedback.clocks.rights_due_on)."""
    return clocks.rights_due_on(request.received_on, request.extended_until)


def is_overdue(request: RightsRequest, today: datetime.date | None = None) -> bool:
    return request.is_open and clocks.is_past(due_on(request), today)


def days_left(request: RightsRequest, today: datetime.date | None = None) -> int:
    return clocks.days_left(due_on(request), today)


def open_requests():
    return RightsRequest.objects.filter(status=RightsStatus.OPEN).order_by(
        "received_on", "pk"
    )


def due_soon(today: datetime.date | None = None, days: int = 7) -> list[RightsRequest]:
    today = today or timezone.localdate()
    return [r for r in open_requests() if days_left(r, today) <= days]


def can_handle(user) -> bool:
    return bool(
        getattr(user, "is_active", False)
        and (user.is_superuser or user.has_perm("records.handle_rightsrequest"))
    )


def handlers():
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    User = get_user_model()
    perm = Q(user_permissions__codename="handle_rightsrequest") | Q(
        groups__permissions__codename="handle_rightsrequest"
    )
    return User.objects.filter(perm, is_active=True).exclude(email="").distinct()


# --- steps ----------------------------------------------------------------------------


def _step(request: RightsRequest, kind: str, *, by=None, **data) -> RightsRequestStep:
    step = RightsRequestStep.objects.create(
        request=request, kind=kind, by=by, data=data
    )
    log(
        instance=request,
        action=f"records.rights.{kind}",
        user=by,
        data={"reference": request.reference, **data},
    )
    return step


def _person(request: RightsRequest) -> Person:
    return Person(
        email=request.email,
        name=request.name,
        phone=request.phone,
        identity_hash=request.identity_hash,
    )


def _next_reference(day: datetime.date) -> str:
    prefix = f"PV-{day.year}-"
    last = (
        RightsRequest.objects.select_for_update()
        .filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def request_create(
    *,
    kind: str,
    received_on: datetime.date,
    email: str,
    name: str = "",
    phone: str = "",
    national_id: str = "",
    by,
) -> RightsRequest:
    if received_on > timezone.localdate():
        raise ValidationError(_("The day it was received cannot be in the future."))
    if not (email or name or phone or national_id):
        raise ValidationError(
            _("Give the e-mail address, name or phone to search for.")
        )
    request = RightsRequest.objects.create(
        reference=_next_reference(received_on),
        kind=RightsKind(kind),
        received_on=received_on,
        email=email.strip(),
        name=" ".join(name.split()),
        phone=phone.strip(),
        identity_hash=idporten.identity_hash(national_id) if national_id else "",
        created_by=by,
    )
    _step(request, RightsStep.RECEIVED, by=by, received_on=received_on.isoformat())
    return request


def request_search(*, request: RightsRequest, by):
    found = find(_person(request))
    _step(request, RightsStep.SEARCHED, by=by, **found.summary())
    return found


def _require_open(request: RightsRequest) -> None:
    if not request.is_open:
        raise ValidationError(_("The request is completed."))


# --- the export ---------------------------------------------------------------


def export_data(found) -> dict:
    """Everything the portal holds about the person, as data (JSON)."""
    posts = {
        p.submission_id: p
        for p in ArchivePost.objects.filter(
            submission_id__in=[s.pk for s in found.submissions], event__isnull=True
        ).select_related("case")
    }
    submissions = []
    for s in found.submissions:
        post = posts.get(s.pk)
        submissions.append(
            {
                "reference": s.reference,
                "kind": s.get_kind_display(),
                "status": s.get_status_display(),
                "received": timezone.localtime(s.created_at).isoformat(),
                "topic": s.topic.name if s.topic else "",
                "page": s.page.title if s.page else "",
                "unit": s.unit.name if s.unit else "",
                "subject": s.subject,
                "text": s.text,
                "location": s.location,
                "postcode": s.postcode,
                "name": s.contact_name,
                "email": s.contact_email,
                "phone": s.contact_phone,
                "organisation": s.organisation,
                "language": s.language,
                "anonymised": bool(s.anonymised_at),
                "attachments": [a.original_name for a in s.attachments.all()],
                "timeline": [
                    {
                        "time": timezone.localtime(e.created_at).isoformat(),
                        "kind": e.get_kind_display(),
                        "text": e.text,
                    }
                    for e in s.events.all()
                    if e.public
                ],
                "archive": {
                    "state": post.get_state_display() if post else "",
                    "case": post.case.case_number if post else "",
                    "reference": post.archive_reference if post else "",
                },
            }
        )
    from following import channels

    subscriptions = []
    for sub in found.subscriptions:
        with translation.override(sub.language or "nb"):
            what = channels.get(sub.channel).describe(sub)
        subscriptions.append(
            {
                "follows": str(what),
                "email": sub.email,
                "created": timezone.localtime(sub.created_at).isoformat(),
                "confirmed": bool(sub.confirmed_at),
            }
        )
    return {
        "submissions": submissions,
        "subscriptions": subscriptions,
        "citizen_proposals_started": [
            {
                "title": p.title,
                "status": p.get_status_display(),
                "name": p.initiator_name,
                "email": p.initiator_email,
                "postcode": p.initiator_postcode,
                "started": timezone.localtime(p.created_at).isoformat(),
            }
            for p in found.proposals
        ],
        "citizen_proposal_signatures": [
            {
                "proposal": s.proposal.title,
                "name": s.name,
                "email": s.email,
                "postcode": s.postcode,
                "address": s.address,
                "name_public": s.show_name,
                "signed": timezone.localtime(s.created_at).isoformat(),
                "confirmed": bool(s.confirmed_at),
            }
            for s in found.signatures
        ],
        "mentioned_in_other_cases": sorted(
            {e.submission.reference for e in found.mentions}
        ),
        "search_statistics_rows": len(found.search_terms),
        "queued_tasks": len(found.tasks),
    }


@transaction.atomic
def request_export(
    *, request: RightsRequest, by, export_format: str
) -> tuple[str, str, str]:
    """(filename, content type, content) of the export as JSON or as a readable
    document (HTML, printable, in Norwegian)."""
    found = find(_person(request))
    data = export_data(found)
    summary = {"submissions": [s["reference"] for s in data["submissions"]]}
    for submission in found.submissions:
        log(
            instance=submission,
            action="feedback.rights_export",
            user=by,
            data={
                "reference": submission.reference,
                "format": export_format,
                "request": request.reference,
            },
        )
    if export_format == "json":
        _step(request, RightsStep.EXPORTED_JSON, by=by, **summary)
        content = json.dumps(
            {
                "request": request.reference,
                "made": timezone.localtime().isoformat(),
                **data,
            },
            ensure_ascii=False,
            indent=2,
        )
        return (
            f"innsyn-{request.reference}.json",
            "application/json; charset=utf-8",
            content,
        )
    _step(request, RightsStep.EXPORTED_DOCUMENT, by=by, **summary)
    from django.conf import settings

    with translation.override(settings.LANGUAGE_CODE):
        content = render_to_string(
            "records/rights_document.html",
            {
                "request": request,
                "data": data,
                "made": timezone.localtime(),
                "due": due_on(request),
            },
        )
    return f"innsyn-{request.reference}.html", "text/html; charset=utf-8", content


# --- erasure, extension, completion ---------------------------------------------------


@transaction.atomic
def request_erase(*, request: RightsRequest, by):
    _require_open(request)
    result = erase(
        _person(request),
        by=by,
        reason=_("Rights request %(reference)s (erasure)")
        % {"reference": request.reference},
    )
    _step(request, RightsStep.ANONYMISED, by=by, **result.summary())
    return result


@transaction.atomic
def request_extend(*, request: RightsRequest, by, until: datetime.date, reason: str):
    _require_open(request)
    latest = clocks.rights_latest_extension(request.received_on)
    if until <= clocks.rights_due_on(request.received_on) or until > latest:
        raise ValidationError(
            _(
                "The deadline can be extended to a day after the first month, "
                "at most to %(day)s."
            )
            % {"day": latest.strftime("%d.%m.%Y")}
        )
    if not reason.strip():
        raise ValidationError(
            _("Give the reason for the extension (the person is told it).")
        )
    request.extended_until, request.extension_reason = until, reason.strip()
    request.save(update_fields=["extended_until", "extension_reason"])
    _step(request, RightsStep.EXTENDED, by=by, until=until.isoformat())
    return request


@transaction.atomic
def request_complete(*, request: RightsRequest, by, rejected: bool = False):
    """Close the request and forget who asked: what remains documents that it
    was handled (dates, steps, counts, references)."""
    _require_open(request)
    request.status = RightsStatus.REJECTED if rejected else RightsStatus.COMPLETED
    request.completed_at = timezone.now()
    request.email = request.name = request.phone = request.identity_hash = ""
    request.save(
        update_fields=[
            "status",
            "completed_at",
            "email",
            "name",
            "phone",
            "identity_hash",
        ]
    )
    late = timezone.localdate() > due_on(request)
    _step(
        request,
        RightsStep.REJECTED if rejected else RightsStep.COMPLETED,
        by=by,
        late=late,
    )
    return request
