"""Page view restrictions (password, login, groups) without a query per list.

Wagtail asks the database for restrictions twice on every page view (the page's
own, in `before_serve_page`, and again for every `.public()` list). Most sites have
none, or a handful. We keep the restricted pages' tree paths with the page-cache
generation (dropped when a restriction or the tree changes) and:

- `public(queryset)`: the same rows as `queryset.public()` (exclude every page at
  or under a restricted page), with no extra query;
- `ContentPage.get_view_restrictions()` answers "none" without a query when the
  site has no restriction at all, and asks Wagtail otherwise.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .page_cache import fragment


def restricted_paths() -> tuple[str, ...]:
    return fragment(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public(queryset):
    """queryset.public(), from the kept paths."""
    paths = restricted_paths()
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)
