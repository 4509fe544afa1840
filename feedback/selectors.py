"""Reads with a rule in them. Every admin list, case view, export, bulk action and
dashboard starts from `submissions_visible_to(user)`: access is scoped in the
queryset, never only in the menu."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import ModelLogEntry

from portal import form_tokens
from units.choices import Role
from units.models import Membership
from units.selectors import unit_with_descendants

from . import clocks
from .choices import FINISHED_STATUSES, InputKind
from .models import (
    KindDeadline,
    ResponseTemplate,
    RoutingRule,
    Submission,
    SubmissionEvent,
    Topic,
)

ALL = "all"


def _portal(name: str, default=None):
    return settings.PORTAL.get(name, default)


# --- visibility ---------------------------------------------------------------------


class UnitAccess:
    """What one user's unit memberships allow, read once: one query for the
    memberships (with the triage flag) and one for the unit tree when the scope
    or the led units are asked for. Every access check of a request — the
    selector, the permission policy, the menu, the filters, the case forms —
    reads the same object, so none of them costs a query of its own."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def _memberships(self) -> list[tuple[int, str, bool]]:
        if not getattr(self.user, "is_authenticated", False):
            return []
        return list(
            Membership.objects.filter(user=self.user).values_list(
                "unit_id", "role", "unit__is_triage"
            )
        )

    @property
    def _active(self) -> bool:
        return bool(
            getattr(self.user, "is_authenticated", False) and self.user.is_active
        )

    @cached_property
    def is_member(self) -> bool:
        """Superusers and members of any unit: who may use the inbox at all."""
        return self._active and (self.user.is_superuser or bool(self._memberships))

    @cached_property
    def is_triage(self) -> bool:
        return any(triage for _unit, _role, triage in self._memberships)

    @cached_property
    def sees_all(self) -> bool:
        """Superusers and members of the triage unit (Servicetorget)."""
        return self._active and (self.user.is_superuser or self.is_triage)

    @cached_property
    def _direct(self) -> set[int]:
        return {unit for unit, _role, _triage in self._memberships}

    @cached_property
    def _below_direct(self) -> set[int]:
        return unit_with_descendants(self._direct) if self._direct else set()

    @cached_property
    def scope(self) -> set[int] | str:
        if not self._active:
            return set()
        return ALL if self.sees_all else self._below_direct

    @cached_property
    def led(self) -> set[int]:
        """The units the user leads and the units below them."""
        lead = {unit for unit, role, _triage in self._memberships if role == Role.LEAD}
        if not lead:
            return set()
        # A lead of all her units (the usual case) leads exactly what she sees:
        # one walk of the unit tree serves both.
        return (
            self._below_direct
            if lead == self._direct
            else (unit_with_descendants(lead))
        )


def unit_access(user) -> UnitAccess:
    """The user's `UnitAccess`, kept on the user object for the request (Wagtail
    caches permissions on the user the same way). A new request loads a new user
    object, so a membership change counts from the next request on."""
    cached = getattr(user, "_feedback_access", None)
    if cached is None:
        cached = UnitAccess(user)
        if getattr(user, "is_authenticated", False):
            user._feedback_access = cached
    return cached


def visible_unit_ids(user) -> set[int] | str:
    """`ALL` for superusers and members of the triage unit, else the ids of the
    user's units and their sub-units (empty for anonymous users)."""
    return unit_access(user).scope


def submissions_visible_to(user, *, queryset: QuerySet | None = None) -> QuerySet:
    """The submissions `user` may see and act on.

    Superusers and the triage unit's members see everything; handlers and leads see
    their units' submissions and those of units below them; everyone else nothing.
    """
    qs = Submission.objects.all() if queryset is None else queryset
    scope = visible_unit_ids(user)
    if scope == ALL:
        return qs
    if not scope:
        return qs.none()
    return qs.filter(unit_id__in=scope)


def unit_deadline_days(unit, kind: str | None = None) -> int | None:
    """Days to the first answer in `unit` for `kind`: its own deadline for the
    kind, else the unit's; None leaves it to the portal's default."""
    if unit is None:
        return None
    if kind:
        days = (
            KindDeadline.objects.filter(unit=unit, kind=kind)
            .values_list("days", flat=True)
            .first()
        )
        if days:
            return days
    return unit.first_answer_days or None


def response_templates_for(submission: Submission) -> list[ResponseTemplate]:
    """The standard replies offered on a case: those of its unit and the units
    above it, and those for everyone; the case's language first."""
    units = submission.unit.ancestor_ids() if submission.unit else set()
    templates = ResponseTemplate.objects.filter(
        Q(unit__isnull=True) | Q(unit_id__in=units)
    ).select_related("unit")
    return sorted(
        templates, key=lambda t: (t.language != submission.language, t.title, t.pk)
    )


# Wagtail audit-log actions that record who read a case's personal data.
ACCESS_ACTIONS = ("feedback.viewed", "feedback.attachment_download")
ACCESS_LOG_LIMIT = 50


def case_access_entries(submission: Submission) -> QuerySet:
    """Every opening of the case and download of its files, newest first."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Submission),
            object_id=str(submission.pk),
            action__in=ACCESS_ACTIONS,
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def case_access_log(user, submission: Submission) -> list | None:
    """Who read the case, for accountability (GDPR art. 5(2)): shown to the
    leads of its unit (and units above) and to superusers; None for everyone
    else, who sees no panel at all."""
    leads = submission.unit_id is not None and (
        submission.unit_id in unit_access(user).led
    )
    if not (getattr(user, "is_superuser", False) or leads):
        return None
    return list(case_access_entries(submission)[:ACCESS_LOG_LIMIT])


def submissions_matching_person(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow `queryset` (already scoped to the user) to inputs whose sender's
    name, e-mail address, organisation, subject or text contains `query`. The
    inbox keeps such a query in the session, never in the URL (issue 11)."""
    query = query.strip()
    if not query:
        return queryset
    return queryset.filter(
        Q(contact_name__icontains=query)
        | Q(contact_email__iexact=query)
        | Q(organisation__icontains=query)
        | Q(subject__icontains=query)
        | Q(text__icontains=query)
    )


def can_act_on(user, submission: Submission) -> bool:
    """Same rule as `submissions_visible_to`, for one object already loaded."""
    scope = visible_unit_ids(user)
    return scope == ALL or (
        submission.unit_id is not None and submission.unit_id in scope
    )


def submission_for_user(user, pk: int) -> Submission:
    """One submission for the case view; 404 if it does not exist *or* the user may
    not see it (the two are indistinguishable on purpose)."""
    # The page and the original of a duplicate are rarely set and load on their
    # own when they are: joining them on every case view tripled PostgreSQL's
    # planning time for the query (1.3 ms instead of 0.3).
    try:
        return (
            submissions_visible_to(user)
            .select_related("unit", "topic", "assigned_to", "routing_rule")
            .get(pk=pk)
        )
    except (Submission.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def timeline(submission: Submission, *, public_only: bool = False) -> QuerySet:
    events = submission.events.select_related("actor", "from_unit", "to_unit")
    if public_only:
        events = events.filter(public=True)
    return events.order_by("created_at", "id")


# --- residents' tracking link -------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def submission_for_form_token(token: str) -> Submission | None:
    """The input a one-time form token already created (portal.form_tokens)."""
    digest = form_tokens.token_hash(token)
    if not digest:
        return None
    return Submission.objects.filter(form_token_hash=digest).first()


def submission_for_tracking(reference: str, token: str) -> Submission:
    """The submission behind a resident's private link, with its public timeline
    prefetched as `public_events` (two queries in all).

    A wrong token, a missing one and an unknown reference all raise the same
    Http404; the comparison is constant-time.
    """
    if not reference or not token or len(token) > 200 or len(reference) > 20:
        raise Http404
    public_events = Prefetch(
        "events",
        queryset=SubmissionEvent.objects.filter(public=True)
        .select_related("to_unit")
        .order_by("created_at", "id"),
        to_attr="public_events",
    )
    submission = (
        Submission.objects.select_related("unit", "topic")
        .filter(reference=reference)
        .first()
    )
    expected = submission.tracking_token_hash if submission else ""
    # Compare even when the reference is unknown, so timing says nothing.
    ok = hmac.compare_digest(expected or "0" * 64, hash_token(token))
    if submission is None or not expected or not ok:
        raise Http404
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([submission], public_events)
    return submission


# --- deadlines (the rules are feedback.clocks) ----------------------------------------


def open_submissions(queryset: QuerySet | None = None) -> QuerySet:
    """Open cases. Page feedback is never a case, so it is left out."""
    qs = Submission.objects.all() if queryset is None else queryset
    return qs.filter(clocks.open_case_q())


def overdue(queryset: QuerySet | None = None, *, now=None) -> QuerySet:
    """Open cases past their first-answer deadline or their promised day, not yet
    answered."""
    qs = Submission.objects.all() if queryset is None else queryset
    return qs.filter(clocks.overdue_q(now))


def interim_reply_owed(queryset: QuerySet | None = None, *, now=None) -> QuerySet:
    """Open cases older than a month with neither an answer nor an interim
    reply."""
    qs = Submission.objects.all() if queryset is None else queryset
    return qs.filter(clocks.interim_reply_owed_q(now))


def overdue_by_unit(*, now=None) -> dict[int, list[Submission]]:
    """Overdue and interim-owed cases (with passed promises) grouped by unit id,
    for the leads' daily digest."""
    now = now or timezone.now()
    qs = (
        Submission.objects.filter(
            clocks.overdue_q(now) | clocks.interim_reply_owed_q(now)
        )
        .filter(unit__isnull=False)
        .select_related("topic")
        .only(
            "id",
            "reference",
            "kind",
            "status",
            "unit_id",
            "due_at",
            "promised_on",
            "created_at",
            "interim_reply_at",
            "first_answered_at",
            "topic__name",
            "topic__name_en",
        )
        .order_by("due_at")
    )
    grouped: dict[int, list[Submission]] = {}
    for submission in qs:
        if submission.unit_id is not None:  # filtered above; said for the types
            grouped.setdefault(submission.unit_id, []).append(submission)
    return grouped


# --- routing rules, page feedback ---------------------------------------------------


def active_rules() -> list[RoutingRule]:
    return list(
        RoutingRule.objects.filter(active=True)
        .select_related("page", "unit", "topic")
        .order_by("priority", "id")
    )


def page_feedback_stats(*, page_ids=None, since=None, user=None) -> QuerySet:
    """Per-page aggregates of «Fant du det du lette etter?»: one row per page with
    page_id, page__title, yes, no, comments, total; most «no» first.

    Pass `user` to limit to what that user may see.
    """
    qs = Submission.objects.filter(kind=InputKind.PAGE_FEEDBACK, page__isnull=False)
    if user is not None:
        qs = submissions_visible_to(user, queryset=qs)
    if page_ids is not None:
        qs = qs.filter(page_id__in=list(page_ids))
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    return (
        qs.values("page_id", "page__title")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(text="")),
            total=Count("pk"),
        )
        .order_by("-no", "-total", "page__title")
    )


def topics_for_residents() -> QuerySet:
    return Topic.objects.filter(active=True).order_by("sort_order", "name")


def retention_expired(cutoff: datetime.datetime) -> QuerySet:
    """Finished submissions, not yet anonymised, whose case ended before `cutoff`
    (closed, else first answered, else received)."""
    return (
        Submission.objects.filter(
            status__in=FINISHED_STATUSES, anonymised_at__isnull=True
        )
        .annotate(finished=Coalesce("closed_at", "first_answered_at", "created_at"))
        .filter(finished__lt=cutoff)
    )


# Outbox keys of the leads' digests: «feedback.digest:<user id>:<day>».
DIGEST_KEY = "feedback.digest"


def overdue_digest_last_run():
    """When a lead's overdue digest was last accepted by the mail server (None
    before the first): from the outbox, so the daily timer, the command and
    the worker all count."""
    from outbox.models import Email, EmailStatus

    return (
        Email.objects.filter(key__startswith=f"{DIGEST_KEY}:", status=EmailStatus.SENT)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
