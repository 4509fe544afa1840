"""Reads with a rule in them. The public lists issue a fixed number of queries,
however many hearings or responses there are (tests/hearings pins them)."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from feedback.models import Attachment, Topic
from home.models import Audience

from .choices import HearingStatus
from .models import HearingIndexPage, HearingPage, ResponsePublication

CARD_FIELDS = ("id", "title", "url_path", "path", "depth", "summary", "locale_id",
               "slug", "opens_on", "deadline", "kind", "outcome_decided",
               "live", "first_published_at", "last_published_at")
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


def canonical_hearing(page: HearingPage) -> HearingPage:
    """The site-language page of a hearing. Responses given on a translation or
    an alias belong to it, so the owner unit sees one list per hearing."""
    if page.alias_of_id is None and (get_language() or "")[:2] == \
            settings.LANGUAGE_CODE:
        # An original page served in the site language (no query needed).
        return page
    if page.alias_of_id is None and page.locale_id == _default_locale_id():
        return page
    return (HearingPage.objects.filter(translation_key=page.translation_key,
                                       locale__language_code=settings.LANGUAGE_CODE)
            .first() or page)


def _default_locale_id():
    from wagtail.models import Locale

    return Locale.get_default().pk


def hearing_index(index: HearingIndexPage, params) -> dict:
    """Hearings under the index, grouped by derived status and filtered."""
    topics = list(
        Topic.objects.filter(hearings__in=HearingPage.objects.child_of(index).live())
        .distinct()
    )
    audiences = list(Audience.objects.filter(hearings__isnull=False).distinct())
    chosen_topics = _valid(params.getlist("tema"), {t.slug for t in topics})
    chosen_audiences = _valid(params.getlist("malgruppe"),
                              {a.slug for a in audiences})
    qs = HearingPage.objects.child_of(index).live().public().only(*CARD_FIELDS)
    if chosen_topics:
        qs = qs.filter(topics__slug__in=chosen_topics)
    if chosen_audiences:
        qs = qs.filter(audiences__slug__in=chosen_audiences)
    groups = group_by_status(qs.distinct())
    return {
        "groups": groups,
        "topics": topics,
        "audiences": audiences,
        "chosen_topics": chosen_topics,
        "chosen_audiences": chosen_audiences,
        "filtered": bool(chosen_topics or chosen_audiences),
        "total": sum(len(g["hearings"]) for g in groups),
    }


def group_by_status(hearings, now=None) -> list[dict]:
    now = now or timezone.now()
    buckets = {status: [] for status in HearingStatus.values}
    for hearing in hearings:
        buckets[hearing.status_at(now)].append(hearing)
    # Open: closing soonest first. Upcoming: opening soonest first. Closed and
    # concluded: most recent deadline first.
    buckets[HearingStatus.OPEN].sort(key=lambda h: (h.deadline, h.title))
    buckets[HearingStatus.UPCOMING].sort(key=lambda h: (h.opens_on, h.title))
    for status in (HearingStatus.CLOSED, HearingStatus.CONCLUDED):
        buckets[status].sort(key=lambda h: (h.deadline, h.title), reverse=True)
    order = [HearingStatus.OPEN, HearingStatus.UPCOMING, HearingStatus.CLOSED,
             HearingStatus.CONCLUDED]
    headings = {
        HearingStatus.OPEN: _("Open for responses"),
        HearingStatus.UPCOMING: _("Upcoming"),
        HearingStatus.CLOSED: _("Closed, being processed"),
        HearingStatus.CONCLUDED: _("Concluded"),
    }
    return [{"status": s, "heading": headings[s], "hearings": buckets[s]}
            for s in order]


def open_hearings(*, limit: int = 3, now=None) -> list[HearingPage]:
    """Open hearings in the active language (else the default), closing soonest."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    qs = (live_hearings().filter(opens_on__lte=today, deadline__gte=today)
          .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
          .select_related("locale").only(*CARD_FIELDS, "locale__language_code")
          .order_by("deadline", "title"))
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
    return result[:limit]


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
        warnings.append(ngettext(
            "The hearing period includes %(days)d day in July, when many are on "
            "holiday. Consider extending the deadline.",
            "The hearing period includes %(days)d days in July, when many are on "
            "holiday. Consider extending the deadline.", days) % {"days": days})
    if page.pk or page.consultees.all():
        chosen = list(page.consultees.all())
        if not any(c.statutory for c in chosen):
            warnings.append(_(
                "None of the statutory councils (eldreråd, råd for personer med "
                "funksjonsnedsettelse, ungdomsråd) is among the consultees. Add "
                "them if the matter concerns them."))
    period = page.period_days
    if 0 < period < settings.PORTAL["HEARING_DEFAULT_MIN_DAYS"] and \
            page.short_period_reason.strip():
        warnings.append(_("The period is shorter than 6 weeks (%(days)d days). The "
                          "reason is shown on the hearing page.") % {"days": period})
    return warnings


def hearing_context(page: HearingPage, request, *, form=None,
                    subscribe_form=None) -> dict:
    from .forms import HearingResponseForm, SubscribeForm

    status = page.status
    context = {
        "status": status,
        "status_label": page.status_label,
        "documents": list(page.documents.select_related("document").all()),
        "consultees": list(page.consultees.all()),
        "page_topics": list(page.topics.all()),
        "responsible_unit": page.responsible_unit,
        "days_left": page.days_left(),
        "subscribe_form": subscribe_form or SubscribeForm(
            initial={"scope": "hearing", "hearing": page.pk}),
    }
    if status == HearingStatus.OPEN:
        context["form"] = form or HearingResponseForm()
    context.update(published_responses(page, request.GET.get("svar")))
    return context


def published_responses(page: HearingPage, page_number) -> dict:
    """Moderated, published responses on a hearing, paginated: the page shows
    RESPONSES_PER_PAGE of them whatever the total."""
    if page.status not in (HearingStatus.CLOSED, HearingStatus.CONCLUDED):
        return {"responses": None, "responses_total": 0}
    qs = (ResponsePublication.objects.published_for(canonical_hearing(page))
          .select_related("submission")
          # Only what the list shows: the original text and contact data stay
          # in the database.
          .only("id", "submission_id", "respondent_type", "organisation",
                "publish_name", "state", "published_text", "publish_attachments",
                "submission__id", "submission__created_at",
                "submission__contact_name")
          .prefetch_related(Prefetch(
              "submission__attachments",
              queryset=Attachment.objects.only("id", "submission_id",
                                               "original_name", "size"))))
    paginator = Paginator(qs, RESPONSES_PER_PAGE)
    responses = paginator.get_page(page_number)
    return {"responses": responses, "responses_total": paginator.count}
