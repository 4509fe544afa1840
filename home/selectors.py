"""Reads for the public pages. Each one issues a fixed number of queries, however
many services there are (tests/home/test_query_counts.py pins them)."""

from collections import OrderedDict

from portal.links import page_links
from portal.restrictions import public

from .collation import ALPHABET, index_letter, sort_key
from .models import Audience, LifeSituation, ServicePage, TopicPage

# Lists hold PageLinks (id, title, url, summary), not Page objects: see
# portal/links.py for why.


def home_context(home, request=None) -> dict:
    top_tasks = list(home.top_tasks.select_related("link_page").all())
    topics = page_links(public(TopicPage.objects.child_of(home).live()), request,
                        summary=True)
    from portal.templatetags.portal_tags import participate_entries

    return {
        "top_tasks": top_tasks,
        "topics": topics,
        "participate_entries": participate_entries(),
    }


def services_in_topic(topic, request=None):
    services = page_links(public(ServicePage.objects.child_of(topic).live()),
                          request, summary=True)
    services.sort(key=lambda s: sort_key(s.title))
    return services


def service_context(service, request=None) -> dict:
    related = page_links(
        public(ServicePage.objects.live())
        .filter(pk__in=service.related_services.values("pk")),
        request,
    )
    related.sort(key=lambda s: sort_key(s.title))
    return {
        "responsible_unit": service.responsible_unit,
        "audiences": list(service.audiences.all()),
        "life_situations": list(service.life_situations.all()),
        "related": related,
    }


def _valid_slugs(values, known: set[str]) -> list[str]:
    # Unknown filter values are ignored, not errors: a stale bookmark still works.
    return [v for v in values if v in known][:10]


def service_index(params, *, locale, request=None) -> dict:
    """The A–Å index: services grouped by Norwegian first letter, filtered."""
    audiences = list(Audience.objects.all())
    life_situations = list(LifeSituation.objects.all())
    chosen_audiences = _valid_slugs(params.getlist("malgruppe"),
                                    {a.slug for a in audiences})
    chosen_situations = _valid_slugs(params.getlist("livssituasjon"),
                                     {s.slug for s in life_situations})

    services = public(ServicePage.objects.live()).filter(locale=locale)
    if chosen_audiences:
        services = services.filter(audiences__slug__in=chosen_audiences)
    if chosen_situations:
        services = services.filter(life_situations__slug__in=chosen_situations)
    services = page_links(services.distinct(), request)
    services.sort(key=lambda s: sort_key(s.title))

    groups: OrderedDict[str, list] = OrderedDict()
    for service in services:
        groups.setdefault(index_letter(service.title), []).append(service)
    letters = [ch.upper() for ch in ALPHABET]
    return {
        "audiences": audiences,
        "life_situations": life_situations,
        "chosen_audiences": chosen_audiences,
        "chosen_situations": chosen_situations,
        "groups": groups,
        "letters": letters,
        "service_count": len(services),
        "filtered": bool(chosen_audiences or chosen_situations),
    }
