"""Reads with a rule in them. Who may handle proposals is one function,
`can_handle(user)`, used by every staff view, export and the menu."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from feedback.selectors import ALL, unit_access
from units.models import Unit

from . import rules
from .choices import AT_COUNCIL, OUTCOMES, PUBLISHED, Stage, Status
from .models import Proposal, ProposalEvent, Signature


def _portal(name: str, default=None):
    return settings.PORTAL.get(name, default)


# --- settings read in one place ---------------------------------------------------


def population() -> int:
    return int(_portal("POPULATION", 100_000))


def population_date() -> datetime.date:
    return datetime.date.fromisoformat(str(_portal("POPULATION_DATE", "2026-01-01")))


def current_threshold() -> int:
    return rules.signature_threshold(population())


def campaign_months() -> int:
    return int(_portal("PROPOSAL_CAMPAIGN_MONTHS", 12))


def council_months() -> int:
    return int(_portal("PROPOSAL_COUNCIL_MONTHS", 6))


def municipality_postcodes() -> list[str]:
    return list(_portal("MUNICIPALITY_POSTCODES", []))


def secretariat() -> Unit | None:
    """The political secretariat: moderates proposals and receives them for the
    council (PORTAL["PROPOSAL_UNIT"], a unit's slug)."""
    return Unit.objects.filter(slug=_portal("PROPOSAL_UNIT", "")).first()


# --- access -----------------------------------------------------------------------


def can_handle(user) -> bool:
    """Members of the political secretariat (and of units above it), and those
    who see every input (superusers, the triage unit): the same scope as the
    secretariat's inbox (feedback.selectors.unit_access)."""
    access = unit_access(user)
    if not access.is_member:
        return False
    if access.scope == ALL:
        return True
    unit = secretariat()
    return unit is not None and unit.pk in access.scope


def proposals_for_staff(user) -> QuerySet:
    if not can_handle(user):
        return Proposal.objects.none()
    return Proposal.objects.all()


def proposal_for_staff(user, pk) -> Proposal:
    try:
        return proposals_for_staff(user).get(pk=pk)
    except (Proposal.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def proposal_of_submission(submission) -> Proposal | None:
    """The citizen proposal a `proposal` input came from (the case view)."""
    return Proposal.objects.filter(submission_id=submission.pk).first()


# --- counting ---------------------------------------------------------------------


def counted(queryset: QuerySet | None = None) -> QuerySet:
    """Signatures that count: confirmed (unconfirmed ones never do)."""
    qs = Signature.objects.all() if queryset is None else queryset
    return qs.filter(confirmed_at__isnull=False)


def signature_count(proposal: Proposal) -> int:
    return counted().filter(proposal=proposal).count()


def with_counts(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        signature_count=Count(
            "signatures", filter=Q(signatures__confirmed_at__isnull=False)
        )
    )


@dataclasses.dataclass(frozen=True)
class Progress:
    count: int
    threshold: int
    left: int
    percent: int
    reached: bool


def progress(proposal: Proposal, count: int | None = None) -> Progress:
    threshold = proposal.threshold or current_threshold()
    if count is None:
        count = getattr(proposal, "signature_count", None)
    if count is None:
        count = signature_count(proposal)
    return Progress(
        count=count,
        threshold=threshold,
        left=rules.signatures_left(count, threshold),
        percent=rules.progress_percent(count, threshold),
        reached=count >= threshold,
    )


def stage_of(proposal: Proposal, now: datetime.datetime | None = None) -> str | None:
    return rules.stage(proposal.status, proposal.closes_at, now or timezone.now())


def is_open_for_signing(proposal: Proposal, now=None) -> bool:
    return stage_of(proposal, now) == Stage.COLLECTING


# --- public lists -----------------------------------------------------------------


def published() -> QuerySet:
    return Proposal.objects.filter(status__in=PUBLISHED)


def public_list(stage: str, *, now: datetime.datetime | None = None) -> QuerySet:
    """One of the public lists, with the signature count, newest first. The
    campaign's end is applied here as in rules.stage()."""
    now = now or timezone.now()
    qs = published()
    if stage == Stage.COLLECTING:
        qs = qs.filter(status=Status.COLLECTING, closes_at__gt=now)
    elif stage == Stage.NOT_REACHED:
        qs = qs.filter(status=Status.COLLECTING, closes_at__lte=now)
    elif stage == Stage.SUBMITTED:
        qs = qs.filter(status__in=AT_COUNCIL)
    elif stage == Stage.DECIDED:
        qs = qs.filter(status__in=OUTCOMES)
    else:
        return Proposal.objects.none()
    return with_counts(qs).order_by("-published_at", "-pk")


def public_proposal(pk) -> Proposal:
    try:
        # No joins: the pipeline input behind it is the staff's (40 columns no
        # page shows), and an earlier proposal of the same content is rare (a
        # null foreign key costs no query; a set one, one small query).
        return published().get(pk=pk)
    except (Proposal.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def public_names(proposal: Proposal, *, limit: int = 50) -> list[str]:
    """Names of signers who agreed to be shown, newest first; the rest count."""
    return list(
        counted()
        .filter(proposal=proposal, show_name=True, anonymised_at__isnull=True)
        .order_by("-confirmed_at", "-pk")
        .values_list("name", flat=True)[:limit]
    )


def public_events(proposal: Proposal) -> QuerySet:
    return proposal.events.filter(public=True).order_by("created_at", "pk")


def feed_events(proposal: Proposal | None = None) -> QuerySet:
    """What a feed reader is told, newest first: the public events (published,
    submitted, on the agenda, the outcome) of published proposals, or of one."""
    qs = ProposalEvent.objects.filter(public=True, proposal__status__in=PUBLISHED)
    if proposal is not None:
        qs = qs.filter(proposal=proposal)
    return qs.select_related("proposal").order_by("-created_at", "-pk")


@dataclasses.dataclass(frozen=True)
class ListedSignature:
    confirmed_at: datetime.datetime
    name: str  # empty when the list is public and the signer did not agree
    postcode: str
    method: str
    verified: bool


def signature_list(proposal: Proposal, *, internal: bool) -> Iterator[ListedSignature]:
    """The counted signatures in the order they came, for the council's case.
    The public version (the default everywhere) names only those who agreed;
    the internal one, for the council's own copy, names everyone."""
    rows = (
        counted()
        .filter(proposal=proposal)
        .order_by("confirmed_at", "pk")
        .values_list(
            "confirmed_at", "name", "postcode", "method", "verified", "show_name"
        )
        .iterator(chunk_size=2000)
    )
    for confirmed, name, postcode, method, verified, show in rows:
        yield ListedSignature(
            confirmed, name if (internal or show) else "", postcode, method, verified
        )


def signatures_per_day(proposal: Proposal) -> list[tuple[datetime.date, int]]:
    return list(
        counted()
        .filter(proposal=proposal)
        .annotate(day=TruncDate("confirmed_at", tzinfo=rules.OSLO))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )


def similar(title: str, *, exclude_pk=None, limit: int = 5) -> QuerySet:
    """Published proposals whose title shares a word with `title` (the start
    form's «already there?» hint)."""
    words = [w for w in title.split() if len(w) > 3][:5]
    if not words:
        return Proposal.objects.none()
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word)
    qs = published().filter(condition)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("-published_at")[:limit]


# --- privacy ----------------------------------------------------------------------


def signatures_of(*, email: str = "", identity_hash: str = "") -> QuerySet:
    """A person's signatures, for a rights request: by e-mail address, and by
    the keyed hash of their national identity number (ID-porten signatures
    may have no address)."""
    email = (email or "").strip()
    condition = Q(pk__in=[])
    if email:
        condition |= Q(email__iexact=email)
    if identity_hash:
        condition |= Q(identity_hash=identity_hash)
    return Signature.objects.filter(condition).select_related("proposal")


def proposals_for_email(email: str) -> QuerySet:
    email = (email or "").strip()
    if not email:
        return Proposal.objects.none()
    return Proposal.objects.filter(initiator_email__iexact=email)


def council_due_soon(*, now=None, warn_days: int = 31) -> QuerySet:
    """Proposals at the council whose six months end within a month, or
    have ended (the digest names them)."""
    now = now or timezone.now()
    return Proposal.objects.filter(
        status__in=AT_COUNCIL,
        council_due_at__lte=now + datetime.timedelta(days=warn_days),
    ).order_by("council_due_at")
