"""Reads with a rule in them. The public lists issue a fixed number of queries,
however many hearings or responses there are (tests/hearings pins them)."""

import dataclasses
import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from feedback.choices import DOWNLOADABLE_SCAN_STATES
from feedback.models import Attachment, Topic
from home.models import Audience
from portal.links import PageUrls
from portal.page_cache import fragment, page_fragment_key

from .choices import HearingStatus
from .models import HearingIndexPage, HearingPage, ResponsePublication

CARD_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "summary",
    "locale_id",
    "slug",
    "opens_on",
    "deadline",
    "kind",
    "outcome_decided",
    "live",
    "first_published_at",
    "last_published_at",
)
RESPONSES_PER_PAGE = 20


def _valid(values, known: set[str]) -> list[str]:
    # Unknown filter values are ignored, not errors: a stale bookmark still works.
    return [v for v in values if v in known][:10]


def live_hearings():
    return HearingPage.objects.live().public()


def original_hearings():
    """One row per hearing: the site language's page, not its translations or
    the English aliases (feeds, calendars, notices and admin lists)."""
    return HearingPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def live_original_hearings():
    """original_hearings() that the public may see (feeds, calendars, notices)."""
    return original_hearings().live().public()


def canonical_hearing(page: HearingPage) -> HearingPage:
    """The site-language page of a hearing. Responses given on a translation or
    an alias belong to it, so the owner unit sees one list per hearing."""
    if (
        page.alias_of_id is None
        and (get_language() or "")[:2] == settings.LANGUAGE_CODE
    ):
        # An original page served in the site language (no query needed).
        return page
    if page.alias_of_id is None and page.locale_id == _default_locale_id():
        return page
    return (
        HearingPage.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or page
    )


def _default_locale_id():
    from wagtail.models import Locale

    return Locale.get_default().pk


@dataclasses.dataclass(frozen=True, slots=True)
class HearingCard:
    """What a list shows of a hearing (hearings/includes/hearing_card.html): built
    once per page-cache generation and day, so it holds no Page object."""

    id: int
    title: str
    url: str | None
    summary: str
    opens_on: datetime.date
    deadline: datetime.date
    days_left: int


def _cards(hearings, request, today: datetime.date) -> tuple[HearingCard, ...]:
    urls = PageUrls(request)
    return tuple(
        HearingCard(
            id=h.pk,
            title=h.title,
            url=urls.url(h.url_path),
            summary=h.summary,
            opens_on=h.opens_on,
            deadline=h.deadline,
            days_left=(h.deadline - today).days,
        )
        for h in hearings
    )


def hearing_index(index: HearingIndexPage, params, request=None) -> dict:
    """Hearings under the index, grouped by derived status and filtered.

    The filter options, and the groups for each valid filter choice, are kept per
    page-cache generation (any publish drops them) and day, since a hearing opens
    and closes at midnight; never for a preview (portal.page_cache)."""
    key = page_fragment_key("hearing-index", index, request)
    if key is None:
        topics, audiences = _index_options(index)
    else:
        topics, audiences = fragment(key + ":options", lambda: _index_options(index))
    chosen_topics = _valid(params.getlist("tema"), {t.slug for t in topics})
    chosen_audiences = _valid(params.getlist("malgruppe"), {a.slug for a in audiences})
    today = timezone.localdate()
    build = lambda: _index_groups(  # noqa: E731
        index, chosen_topics, chosen_audiences, request, today
    )
    if key is None:
        groups = build()
    else:
        # Only known slugs reach the key, so a crawler cannot fill the cache.
        groups = fragment(
            ":".join(
                [
                    key,
                    today.isoformat(),
                    ",".join(sorted(set(chosen_topics))),
                    ",".join(sorted(set(chosen_audiences))),
                ]
            ),
            build,
        )
    return {
        "groups": groups,
        "topics": topics,
        "audiences": audiences,
        "chosen_topics": chosen_topics,
        "chosen_audiences": chosen_audiences,
        "filtered": bool(chosen_topics or chosen_audiences),
        "total": sum(len(g["hearings"]) for g in groups),
    }


def _index_options(index: HearingIndexPage) -> tuple[tuple, tuple]:
    topics = tuple(
        Topic.objects.filter(
            hearings__in=HearingPage.objects.child_of(index).live()
        ).distinct()
    )
    audiences = tuple(Audience.objects.filter(hearings__isnull=False).distinct())
    return topics, audiences


def _index_groups(index, chosen_topics, chosen_audiences, request, today):
    qs = HearingPage.objects.child_of(index).live().public().only(*CARD_FIELDS)
    if chosen_topics:
        qs = qs.filter(topics__slug__in=chosen_topics)
    if chosen_audiences:
        qs = qs.filter(audiences__slug__in=chosen_audiences)
    return tuple(
        {**group, "hearings": _cards(group["hearings"], request, today)}
        for group in group_by_status(qs.distinct())
    )


def group_by_status(hearings, now=None) -> list[dict]:
    now = now or timezone.now()
    buckets: dict[str, list] = {status: [] for status in HearingStatus.values}
    for hearing in hearings:
        buckets[hearing.status_at(now)].append(hearing)
    # Open: closing soonest first. Upcoming: opening soonest first. Closed and
    # concluded: most recent deadline first.
    buckets[HearingStatus.OPEN].sort(key=lambda h: (h.deadline, h.title))
    buckets[HearingStatus.UPCOMING].sort(key=lambda h: (h.opens_on, h.title))
    for status in (HearingStatus.CLOSED, HearingStatus.CONCLUDED):
        buckets[status].sort(key=lambda h: (h.deadline, h.title), reverse=True)
    order = [
        HearingStatus.OPEN,
        HearingStatus.UPCOMING,
        HearingStatus.CLOSED,
        HearingStatus.CONCLUDED,
    ]
    headings = {
        HearingStatus.OPEN: _("Open for responses"),
        HearingStatus.UPCOMING: _("Upcoming"),
        HearingStatus.CLOSED: _("Closed, being processed"),
        HearingStatus.CONCLUDED: _("Concluded"),
    }
    return [
        {"status": s, "heading": headings[s], "hearings": buckets[s]} for s in order
    ]


def open_hearings(*, limit: int = 3, now=None, request=None) -> list[HearingCard]:
    """Open hearings in the active language (else the default), closing soonest."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    qs = (
        live_hearings()
        .filter(opens_on__lte=today, deadline__gte=today)
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .only(*CARD_FIELDS, "locale__language_code")
        .order_by("deadline", "title")
    )
    hearings = list(qs)
    # Prefer the active language's copy of a hearing when both exist.
    seen, result = set(), []
    hearings.sort(key=lambda h: h.locale.language_code != language)
    for hearing in hearings:
        key = hearing.translation_key
        if key in seen:
            continue
        seen.add(key)
        result.append(hearing)
    result.sort(key=lambda h: (h.deadline, h.title))
    return list(_cards(result[:limit], request, today))


def july_days(start: datetime.date, end: datetime.date) -> int:
    """How many days of [start, end] fall in July."""
    total = 0
    for year in range(start.year, end.year + 1):
        first, last = datetime.date(year, 7, 1), datetime.date(year, 7, 31)
        lo, hi = max(start, first), min(end, last)
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def hearing_editor_warnings(page: HearingPage) -> list[str]:
    warnings = []
    days = july_days(page.opens_on, page.deadline)
    if days:
        warnings.append(
            ngettext(
                "The hearing period includes %(days)d day in July, when many are on "
                "holiday. Consider extending the deadline.",
                "The hearing period includes %(days)d days in July, when many are on "
                "holiday. Consider extending the deadline.",
                days,
            )
            % {"days": days}
        )
    if page.pk or page.consultees.all():
        chosen = list(page.consultees.all())
        if not any(c.statutory for c in chosen):
            warnings.append(
                _(
                    "None of the statutory councils (eldreråd, råd for personer med "
                    "funksjonsnedsettelse, ungdomsråd) is among the consultees. Add "
                    "them if the matter concerns them."
                )
            )
    period = page.period_days
    if (
        0 < period < settings.PORTAL["HEARING_DEFAULT_MIN_DAYS"]
        and page.short_period_reason.strip()
    ):
        warnings.append(
            _(
                "The period is shorter than 6 weeks (%(days)d days). The "
                "reason is shown on the hearing page."
            )
            % {"days": period}
        )
    return warnings


@dataclasses.dataclass(frozen=True, slots=True)
class DocumentLink:
    url: str
    title: str
    file_type: str
    file_size: int | None


def hearing_context(
    page: HearingPage, request, *, form=None, subscribe_form=None
) -> dict:
    """The hearing page's context. What it shows the same to every visitor — the
    status, documents, consultees, topics and published responses — is kept per
    page-cache generation (publishing, moderating and unit changes drop it) and
    day, as a hearing opens and closes at midnight; never for a preview."""
    from .forms import HearingResponseForm, SubscribeForm

    key = page_fragment_key("hearing", page, request)
    if key is None:
        context = _hearing_facts(page)
    else:
        key = f"{key}:{timezone.localdate().isoformat()}"
        context = dict(fragment(key, lambda: _hearing_facts(page)))
    context["subscribe_form"] = subscribe_form or SubscribeForm(
        initial={"scope": "hearing", "hearing": page.pk}
    )
    if context["status"] == HearingStatus.OPEN:
        context["form"] = form or HearingResponseForm()
        if form is None and key is not None:
            # An unbound form is the same for everyone; the CSRF token and a
            # bound form's values and errors are rendered per request.
            context["form_fields_html"] = mark_safe(  # noqa: S308
                fragment(
                    f"{key}:form",
                    lambda: render_to_string(
                        "hearings/includes/response_fields.html",
                        {"form": context["form"]},
                    ),
                )
            )
    if context["status"] in (HearingStatus.CLOSED, HearingStatus.CONCLUDED):
        context.update(
            published_responses(page, request.GET.get("svar"), cache_key=key)
        )
    return context


def _hearing_facts(page: HearingPage) -> dict:
    unit = page.responsible_unit
    return {
        "status": page.status,
        "status_label": str(page.status_label),
        "days_left": page.days_left(),
        "documents": tuple(
            DocumentLink(
                url=item.document.url,
                title=item.display_title,
                file_type=item.file_type,
                file_size=item.file_size,
            )
            for item in page.documents.select_related("document").all()
        ),
        "consultees": tuple(c.label for c in page.consultees.all()),
        "page_topics": tuple(t.display_name for t in page.topics.all()),
        "responsible_unit": unit.display_name if unit else "",
        "responses_total": 0,
    }


def published_responses(
    page: HearingPage, page_number, *, cache_key: str | None = None
) -> dict:
    """Moderated, published responses on a hearing, RESPONSES_PER_PAGE to a page
    whatever the total, rendered. With a cache_key, the count and each page's
    HTML are kept under it (only real page numbers reach a key)."""

    def count():
        return ResponsePublication.objects.published_for(
            canonical_hearing(page)
        ).count()

    total = count() if cache_key is None else fragment(cache_key + ":total", count)
    number = Paginator(range(total), RESPONSES_PER_PAGE).get_page(page_number).number

    def render():
        return render_to_string(
            "hearings/includes/published_responses.html",
            {
                "responses": _responses_page(canonical_hearing(page), number),
                "responses_total": total,
            },
        )

    html = (
        render()
        if cache_key is None
        else fragment(f"{cache_key}:responses:{number}", render)
    )
    return {"responses_total": total, "responses_html": mark_safe(html)}  # noqa: S308


def _responses_page(hearing: HearingPage, number: int):
    qs = (
        ResponsePublication.objects.published_for(hearing)
        .select_related("submission")
        # Only what the list shows: the original text and contact data stay
        # in the database.
        .only(
            "id",
            "submission_id",
            "respondent_type",
            "organisation",
            "publish_name",
            "state",
            "published_text",
            "publish_attachments",
            "submission__id",
            "submission__created_at",
            "submission__contact_name",
        )
        .prefetch_related(
            Prefetch(
                "submission__attachments",
                # Published only when the virus scan let them through.
                queryset=Attachment.objects.filter(
                    scan_state__in=DOWNLOADABLE_SCAN_STATES
                ).only("id", "submission_id", "original_name", "size"),
            )
        )
    )
    return Paginator(qs, RESPONSES_PER_PAGE).get_page(number)
