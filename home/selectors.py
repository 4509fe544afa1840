"""Reads for the public pages. Each one issues a fixed number of queries, however
many services there are (tests/home/test_query_counts.py pins them)."""

import dataclasses
from collections import OrderedDict
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from wagtail.models import Site

from portal.links import page_links
from portal.page_cache import fragment, page_fragment_key
from portal.restrictions import public

from .collation import ALPHABET, index_letter, sort_key
from .models import Audience, LifeSituation, PlainWord, ServicePage, TopicPage

# Lists hold PageLinks (id, title, url, summary), not Page objects: see
# portal/links.py for why.


def home_context(home, request=None) -> dict:
    top_tasks = list(home.top_tasks.select_related("link_page").all())
    topics = page_links(
        public(TopicPage.objects.child_of(home).live()), request, summary=True
    )
    from portal.templatetags.portal_tags import participate_entries

    from .models import AudiencePage

    def audience_links():
        return page_links(
            public(AudiencePage.objects.child_of(home).live()).order_by("path"),
            request,
        )

    # The same until the next publish: kept like the menu (portal.page_cache).
    key = page_fragment_key("home-audiences", home, request)
    audience_pages = audience_links() if key is None else fragment(key, audience_links)
    return {
        "top_tasks": top_tasks,
        "topics": topics,
        "audience_pages": audience_pages,
        "participate_entries": participate_entries(),
    }


def services_in_topic(topic, request=None):
    services = page_links(
        public(ServicePage.objects.child_of(topic).live()), request, summary=True
    )
    services.sort(key=lambda s: sort_key(s.title))
    return services


def service_context(service, request=None) -> dict:
    """Kept until the next publish or unit change (portal.page_cache.fragment):
    the unit, audiences, life situations and related services only change when an
    editor publishes, and they are most of the service page's database work."""
    key = page_fragment_key("service", service, request)
    if key is None:
        return _service_context(service, request)
    return fragment(key, lambda: _service_context(service, request))


def _service_context(service, request) -> dict:
    # In a preview the relation is modelcluster's in-memory list of what the
    # editor chose (no queryset to nest, and its values() knows no "pk"): take
    # the ids from it. A saved page keeps the subquery (no extra round trip).
    chosen = service.related_services.all()
    related_ids = (
        chosen.values("pk")
        if isinstance(chosen, QuerySet)
        else [page.pk for page in chosen]
    )
    related = page_links(
        public(ServicePage.objects.live()).filter(pk__in=related_ids),
        request,
    )
    related.sort(key=lambda s: sort_key(s.title))
    return {
        "responsible_unit": service.responsible_unit,
        "audiences": tuple(service.audiences.all()),
        "life_situations": tuple(service.life_situations.all()),
        "related": tuple(related),
    }


def _valid_slugs(values, known: set[str]) -> list[str]:
    # Unknown filter values are ignored, not errors: a stale bookmark still works.
    return [v for v in values if v in known][:10]


def service_index(params, *, locale, request=None) -> dict:
    """The A–Å index: services grouped by Norwegian first letter, filtered.

    The filter options and the grouped list for each valid filter choice are kept
    until the next publish (portal.page_cache.fragment): they are the same for
    every visitor, and the list is most of this page's work."""
    audiences, life_situations = fragment(
        "index-options",
        lambda: (tuple(Audience.objects.all()), tuple(LifeSituation.objects.all())),
    )
    chosen_audiences = _valid_slugs(
        params.getlist("malgruppe"), {a.slug for a in audiences}
    )
    chosen_situations = _valid_slugs(
        params.getlist("livssituasjon"), {s.slug for s in life_situations}
    )
    site = Site.find_for_request(request) if request is not None else None
    key = ":".join(
        [
            "index",
            str(site.pk if site else 0),
            get_language() or "",
            str(locale.pk),
            ",".join(sorted(set(chosen_audiences))),
            ",".join(sorted(set(chosen_situations))),
        ]
    )
    groups, count = fragment(
        key, lambda: _index_groups(locale, chosen_audiences, chosen_situations, request)
    )
    return {
        "audiences": audiences,
        "life_situations": life_situations,
        "chosen_audiences": chosen_audiences,
        "chosen_situations": chosen_situations,
        "groups": groups,
        "letters": [ch.upper() for ch in ALPHABET],
        "service_count": count,
        "filtered": bool(chosen_audiences or chosen_situations),
    }


def _index_groups(locale, chosen_audiences, chosen_situations, request):
    services = public(ServicePage.objects.live()).filter(locale=locale)
    if chosen_audiences:
        services = services.filter(audiences__slug__in=chosen_audiences)
    if chosen_situations:
        services = services.filter(life_situations__slug__in=chosen_situations)
    services = services.distinct()
    links = page_links(services, request)
    # A service is listed under its title and under each of its other entries
    # («Barnehageplass, søke»): residents look for the subject, not the verb.
    others = dict(services.exclude(index_titles="").values_list("id", "index_titles"))
    entries = list(links)
    for link in links:
        for line in others.get(link.id, "").splitlines():
            if line.strip() and line.strip() != link.title:
                entries.append(dataclasses.replace(link, title=line.strip()))
    entries.sort(key=lambda s: sort_key(s.title))

    groups: OrderedDict[str, list] = OrderedDict()
    for entry in entries:
        groups.setdefault(index_letter(entry.title), []).append(entry)
    # Shared between requests from here on: nothing mutable inside.
    return (
        OrderedDict((letter, tuple(items)) for letter, items in groups.items()),
        len(links),
    )


def language_profile() -> list[tuple[str, str]]:
    """The language profile's words: (avoid, instead)."""
    return PlainWord.profile()


@dataclasses.dataclass(frozen=True)
class PageReadability:
    page: Any
    unit: Any
    lix: Any


def readability_report(*, language_code: str, unit_id: int | None = None) -> list:
    """Every live content page of a language with its LIX, hardest first: the
    site-wide report the communication section reads to decide what to
    rewrite. The same score as the editor's panel (Page.readability_text and
    readability.lix); pages of every app that has readability fields."""
    from django.conf import settings
    from wagtail.models import Page

    from units.models import Unit

    from .readability import lix

    pages = [
        page
        for page in Page.objects.live()
        .filter(locale__language_code=language_code)
        .specific()
        if hasattr(page, "readability_text")
    ]
    unit_ids = {getattr(p, "responsible_unit_id", None) for p in pages} - {None}
    units = Unit.objects.in_bulk(unit_ids)
    warn = settings.PORTAL["LIX_WARN"]
    rows = [
        PageReadability(
            page=page,
            unit=units.get(getattr(page, "responsible_unit_id", None)),
            lix=lix(page.readability_text(), warn_above=warn),
        )
        for page in pages
    ]
    if unit_id is not None:
        rows = [row for row in rows if row.unit is not None and row.unit.pk == unit_id]
    return sorted(rows, key=lambda row: (-row.lix.score, row.page.title))


AUDIENCE_SERVICES_SHOWN = 8


def audience_context(page, request=None) -> dict:
    """An audience's landing page: the editors' top tasks, else the first
    services for that audience; and the A–Å index filtered to it. Kept until the
    next publish (any publish drops it), like the service page."""
    key = page_fragment_key("audience", page, request)
    if key is None:
        return _audience_context(page, request)
    return fragment(key, lambda: _audience_context(page, request))


def _audience_context(page, request) -> dict:
    from wagtail.models import Page

    from .models import ServiceIndexPage

    chosen = list(page.top_tasks.select_related("link_page"))
    # An alias under /en/ links to the English pages where they exist.
    localized = {
        p.translation_key: p
        for p in Page.objects.live().filter(
            translation_key__in=[t.link_page.translation_key for t in chosen],
            locale_id=page.locale_id,
        )
    }
    tasks = []
    for task in chosen:
        target = localized.get(task.link_page.translation_key, task.link_page)
        tasks.append((task.label or target.title, target.get_url(request)))
    services = []
    if not tasks:
        services = page_links(
            public(
                ServicePage.objects.live().filter(
                    locale=page.locale, audiences=page.audience
                )
            ).order_by("title")[:AUDIENCE_SERVICES_SHOWN],
            request,
            summary=True,
        )
    index = (
        ServiceIndexPage.objects.live().filter(locale=page.locale).first()
        or ServiceIndexPage.objects.live().first()
    )
    index_url = index.get_url(request) if index else None
    return {
        "audience_tasks": tasks,
        "audience_services": services,
        "audience_index_url": (
            f"{index_url}?malgruppe={page.audience.slug}" if index_url else None
        ),
        "audience_label": page.audience.label,
    }
