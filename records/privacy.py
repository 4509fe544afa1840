"""Every place the portal keeps personal data about a resident, found and
anonymised in one place.

The places: the inputs (texts, name, e-mail, phone, organisation, location,
attachments on disk, the tracking link) and their timelines (replies, notes,
and the free-text reasons of re-routes and status changes), a hearing
response's publication (the name, the published text's mentions of it, the
moderator's reason), the archive posts' titles, queued e-mail tasks, following
subscriptions, search statistics, the audit log's free text, and the timeline
reasons of other people's cases that mention the person.

Nothing is anonymised before the archive has it (selectors.anonymisable):
what waits is reported, not touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry

from feedback.models import Submission, SubmissionEvent
from feedback.services import ANONYMISED_TEXT, submissions_anonymise
from following.models import Subscription
from proposals import selectors as proposal_selectors
from proposals import services as proposal_services

from .models import ArchivePost
from .selectors import anonymisable
from .titles import MASK, mask_personal

# E-mail tasks of feedback whose arguments name a submission or an event.
EMAIL_TASKS = {
    "feedback.tasks.send_receipt": "submission_id",
    "feedback.tasks.notify_unit": "submission_id",
    "feedback.tasks.notify_reroute": "submission_id",
    "feedback.tasks.send_reply": "event_id",
}
UNFINISHED = ("READY", "FAILED", "SUCCESSFUL")  # never a RUNNING task's row


@dataclass
class Person:
    """Who a rights request is about. The e-mail address is the key; a name
    and a phone number widen the search (an input without an address, a
    mention in someone else's case)."""

    email: str = ""
    name: str = ""
    phone: str = ""
    # Of the national identity number, for ID-porten signatures (never the
    # number: proposals.idporten.identity_hash).
    identity_hash: str = ""

    @property
    def needles(self) -> list[str]:
        values = [self.email.strip(), " ".join(self.name.split()), self.phone.strip()]
        return [v for v in values if len(v) >= 4]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v for v in (self.name,) if v)


def _mentions(field_name: str, person: Person) -> Q:
    condition = Q(pk__in=[])
    for needle in person.needles:
        condition |= Q(**{f"{field_name}__icontains": needle})
    return condition


def _signatures_of(person: Person):
    return proposal_selectors.signatures_of(
        email=person.email, identity_hash=person.identity_hash
    )


def submissions_of(person: Person):
    """The person's own inputs: by e-mail address, phone or exact name."""
    condition = Q(pk__in=[])
    if person.email:
        condition |= Q(contact_email__iexact=person.email.strip())
    if person.phone:
        condition |= Q(contact_phone=person.phone.strip())
    if person.name:
        condition |= Q(contact_name__iexact=" ".join(person.name.split()))
    return Submission.objects.filter(condition)


def mentions_elsewhere(person: Person, exclude_ids):
    """Timeline texts of other inputs that mention the person (a re-route
    reason, a note)."""
    return (
        SubmissionEvent.objects.filter(_mentions("text", person))
        .exclude(submission_id__in=list(exclude_ids))
        .select_related("submission")
    )


def subscriptions_of(person: Person):
    from following.selectors import subscriptions_for_email

    return subscriptions_for_email(person.email)


def search_terms_of(person: Person):
    # search sits beside records (neither imports the other): its statistics
    # are read through the app registry.
    from django.apps import apps

    terms = apps.get_model("portal_search", "SearchTermDaily")
    return terms.objects.filter(_mentions("query", person))


def _task_rows():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status__in=UNFINISHED)


def tasks_of(person: Person, submission_ids, event_ids):
    """Queued or finished task rows about the person: by the ids of their
    inputs and replies (feedback's e-mail tasks), or naming them in the
    arguments (any task)."""
    rows = _task_rows()
    condition = Q(pk__in=[])
    for path, key in EMAIL_TASKS.items():
        ids = submission_ids if key == "submission_id" else event_ids
        if ids:
            condition |= Q(
                task_path=path, **{f"args_kwargs__kwargs__{key}__in": list(ids)}
            )
    text = rows.annotate(payload=Cast("args_kwargs", TextField()))
    for needle in person.needles:
        condition |= Q(payload__icontains=needle)
    return text.filter(condition)


def log_entries_of(person: Person):
    """Audit log entries whose free text names the person (a moderator's
    reason): the log otherwise holds identifiers only."""
    entries = ModelLogEntry.objects.annotate(payload=Cast("data", TextField()))
    return entries.filter(_mentions("payload", person))


@dataclass
class Findings:
    """What a search found, place by place: counts and the portal's own
    references, fit for the rights request's log."""

    submissions: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    subscriptions: list = field(default_factory=list)
    search_terms: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    log_entries: list = field(default_factory=list)
    # Citizen proposals: signatures given, proposals started.
    signatures: list = field(default_factory=list)
    proposals: list = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "signatures": len(self.signatures),
            "proposals": [p.pk for p in self.proposals],
            "submissions": [s.reference for s in self.submissions],
            "mentions": sorted({e.submission.reference for e in self.mentions}),
            "subscriptions": len(self.subscriptions),
            "search_terms": len(self.search_terms),
            "tasks": len(self.tasks),
            "log_entries": len(self.log_entries),
        }


def find(person: Person) -> Findings:
    submissions = list(
        submissions_of(person)
        .select_related("unit", "topic", "page")
        .prefetch_related("attachments", "events", "archive_posts")
        .order_by("created_at")
    )
    ids = [s.pk for s in submissions]
    event_ids = [e.pk for s in submissions for e in s.events.all()]
    return Findings(
        submissions=submissions,
        mentions=list(mentions_elsewhere(person, ids)),
        subscriptions=list(subscriptions_of(person)) if person.email else [],
        search_terms=list(search_terms_of(person)),
        tasks=list(tasks_of(person, ids, event_ids)),
        log_entries=list(log_entries_of(person)),
        signatures=list(_signatures_of(person)),
        proposals=list(proposal_selectors.proposals_for_email(person.email)),
    )


# --- anonymising ---------------------------------------------------------------------


def _after_submissions(submissions, person: Person | None) -> None:
    """The places beside an anonymised input: its hearing publication, its
    archive posts' titles, its queued e-mails, its audit log's free text."""
    from hearings.models import ResponsePublication
    from portal.page_cache import invalidate

    ids = [s.pk for s in submissions]
    if not ids:
        return
    names = {s.pk: s for s in submissions}
    published = False
    for publication in ResponsePublication.objects.filter(submission_id__in=ids):
        submission = names[publication.submission_id]
        known = tuple(n for n in (getattr(submission, "_former_name", ""),) if n)
        if person is not None:
            known += person.names
        publication.publish_name = False
        if publication.respondent_type != "organisation":
            publication.organisation = ""
        # Published under offentleglova, so the text stays public; the name is
        # replaced wherever it appears in it.
        publication.published_text = mask_personal(
            publication.published_text, names=known
        )
        if publication.reason:
            publication.reason = ANONYMISED_TEXT
        publication.save(
            update_fields=["publish_name", "organisation", "published_text", "reason"]
        )
        published = published or publication.is_published
    if published:
        transaction.on_commit(invalidate)
    # The archive holds the real titles; the portal keeps the kind and reference.
    for post in ArchivePost.objects.filter(submission_id__in=ids).select_related(
        "submission", "case"
    ):
        label = f"{post.get_kind_display()} {post.submission.reference}"
        post.title = post.public_title = label
        post.save(update_fields=["title", "public_title"])
        case = post.case
        if case.submission_id == post.submission_id:
            case.title = case.public_title = label
            case.save(update_fields=["title", "public_title"])
    event_ids = list(
        SubmissionEvent.objects.filter(submission_id__in=ids).values_list(
            "pk", flat=True
        )
    )
    tasks_of(Person(), ids, event_ids).delete()
    for entry in ModelLogEntry.objects.filter(
        content_type__app_label="hearings",
        data__submission__in=[s.reference for s in submissions],
    ):
        if entry.data.get("reason"):
            entry.data["reason"] = ANONYMISED_TEXT
            entry.save(update_fields=["data"])


@transaction.atomic
def anonymise_submissions(
    *, submissions, by=None, reason: str = "", person=None
) -> int:
    """Anonymise inputs and every place beside them. What the archive does not
    have yet is left as it is (feedback's hook); returns how many were done."""
    candidates = list(submissions)
    before = {
        s.pk: s.contact_name
        for s in Submission.objects.filter(pk__in=[c.pk for c in candidates])
    }
    count = submissions_anonymise(submissions=candidates, by=by, reason=reason)
    done = list(
        Submission.objects.filter(pk__in=list(before), anonymised_at__isnull=False)
    )
    for submission in done:
        submission._former_name = before.get(submission.pk, "")
    _after_submissions(done, person)
    return count


@dataclass
class ErasureResult:
    anonymised: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    mentions: int = 0
    subscriptions: int = 0
    search_terms: int = 0
    tasks: int = 0
    log_entries: int = 0
    signatures: int = 0
    proposals: int = 0

    def summary(self) -> dict:
        return {
            "signatures": self.signatures,
            "proposals": self.proposals,
            "anonymised": self.anonymised,
            "waiting_for_archive": self.waiting,
            "mentions": self.mentions,
            "subscriptions": self.subscriptions,
            "search_terms": self.search_terms,
            "tasks": self.tasks,
            "log_entries": self.log_entries,
        }


@transaction.atomic
def erase(person: Person, *, by=None, reason: str = "") -> ErasureResult:
    """GDPR art. 17 for one person: everything found, except what the archive
    does not have yet (it is reported as waiting and erased on a later run)."""
    found = find(person)
    ids = [s.pk for s in found.submissions if s.anonymised_at is None]
    allowed = set(
        anonymisable(Submission.objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    result = ErasureResult()
    anonymise_submissions(
        submissions=[s for s in found.submissions if s.pk in allowed],
        by=by,
        reason=reason,
        person=person,
    )
    result.anonymised = [s.reference for s in found.submissions if s.pk in allowed]
    result.waiting = [
        s.reference for s in found.submissions if s.pk in ids and s.pk not in allowed
    ]
    for event in found.mentions:
        masked = mask_personal(event.text, names=person.names)
        for needle in person.needles:
            masked = _replace_ci(masked, needle, MASK)
        if masked != event.text:
            event.text = masked
            event.save(update_fields=["text"])
            result.mentions += 1
    result.subscriptions = Subscription.objects.filter(
        pk__in=[s.pk for s in found.subscriptions]
    ).delete()[0]
    result.search_terms = len(found.search_terms)
    for term in found.search_terms:
        term.delete()
    result.tasks = tasks_of(person, [], []).delete()[0]
    # A signature still counts after erasure; only the person is gone from it.
    result.signatures = proposal_services.signatures_anonymise(
        signatures=_signatures_of(person)
    )
    result.proposals = proposal_services.initiators_anonymise(
        proposals=proposal_selectors.proposals_for_email(person.email)
    )
    for entry in log_entries_of(person):
        entry.data = _scrub(entry.data, person)
        entry.save(update_fields=["data"])
        result.log_entries += 1
    return result


def _replace_ci(text: str, needle: str, by: str) -> str:
    import re

    return re.sub(re.escape(needle), by, text, flags=re.I)


def _scrub(value, person: Person):
    if isinstance(value, dict):
        return {k: _scrub(v, person) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, person) for v in value]
    if isinstance(value, str):
        for needle in person.needles:
            value = _replace_ci(value, needle, MASK)
        return mask_personal(value, names=person.names) if person.names else value
    return value


def tables_mentioning(needle: str, *, skip=()) -> dict[str, int]:
    """Every table whose rows contain `needle` anywhere (a whole-row text
    search): what the seeded-person test and IT's own checks look at."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in skip:
                continue
            cursor.execute(
                f'SELECT count(*) FROM "{table}" AS t WHERE t::text ILIKE %s',  # noqa: S608 - our own table names
                [f"%{needle}%"],
            )
            (count,) = cursor.fetchone()
            if count:
                found[table] = count
    return found
