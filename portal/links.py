"""Links to many pages at once, without a Page object per link.

`{% pageurl %}` on a list of pages builds a Wagtail Page instance per row and
works out its site, language and URL one by one; on the A–Å index that was most of
the page's time. `page_links()` reads only the columns a list needs (`.values()`),
and makes each URL the way Wagtail's `Page.get_url_parts()` does — the site root
path cut off the page's url_path, the `wagtail_serve` route reversed in the page's
language — but once per site root and language instead of once per page.
tests/portal/test_links.py checks it gives what `page.get_url(request)` gives.
"""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site


@dataclasses.dataclass(frozen=True, slots=True)
class PageLink:
    id: int
    title: str
    url: str | None
    summary: str = ""

    @property
    def pk(self) -> int:
        return self.id


class PageUrls:
    """URLs of pages for one request: root paths and route prefixes memoised.
    `PageUrls(request).url(page.url_path)` is what `page.get_url(request)` gives."""

    def __init__(self, request):
        self.request = request
        self.roots = Page._get_site_root_paths(request)
        self.site = Site.find_for_request(request) if request is not None else None
        self.num_sites = len({root.site_id for root in self.roots})
        self._prefixes: dict[str, str] = {}

    def _prefix(self, language_code: str) -> str:
        if language_code not in self._prefixes:
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                with translation.override(language_code):
                    prefix = reverse("wagtail_serve", args=("",))
            else:
                prefix = reverse("wagtail_serve", args=("",))
            self._prefixes[language_code] = prefix
        return self._prefixes[language_code]

    def url(self, url_path: str) -> str | None:
        possible = [r for r in self.roots if url_path.startswith(r.root_path)]
        if not possible:
            return None
        root = possible[0]
        if self.site is not None:
            root = next((r for r in possible if r.site_id == self.site.id), root)
        language = root.language_code
        active = translation.get_language()
        if active and active.split("-")[0] == (language or "").split("-")[0]:
            language = active
        path = self._prefix(language) + url_path[len(root.root_path) :]
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        if (self.site is not None and root.site_id == self.site.id) or (
            self.num_sites == 1
        ):
            return path
        return root.root_url + path


def page_links(queryset, request, *, summary: bool = False) -> list[PageLink]:
    """PageLinks (id, title, url[, summary]) for the pages of `queryset`.

    For page types that have a `summary` field, pass summary=True.
    """
    fields = ["id", "title", "url_path"] + (["summary"] if summary else [])
    urls = PageUrls(request)
    return [
        PageLink(
            id=row["id"],
            title=row["title"],
            url=urls.url(row["url_path"]),
            summary=row.get("summary", "") if summary else "",
        )
        for row in queryset.values(*fields)
    ]


def in_language(page: Page | None, language: str | None = None) -> Page | None:
    """The live translation or alias of `page` in `language` (default: the active
    one), else the page itself: a link made inside /en/ stays inside /en/ wherever
    an English version exists (issue 10, defect 5). One query."""
    if page is None:
        return None
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    found = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    return found or page


def content_language(page) -> str | None:
    """The language of a page's own text when it differs from the interface's,
    else None. Under /en/ an untranslated page is either an alias of the
    Norwegian one (Wagtail copies its text) or, without an English tree, the
    Norwegian page itself. Free in the default language; one query per page
    object otherwise (kept on the object: templates ask several times)."""
    active = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    default = settings.LANGUAGE_CODE[:2]
    if active == default or page is None:
        return None
    if not hasattr(page, "_portal_content_language"):
        if getattr(page, "alias_of_id", None):
            language = default
        else:
            language = (
                Locale.objects.filter(pk=getattr(page, "locale_id", None))
                .values_list("language_code", flat=True)
                .first()
                or active
            )[:2]
        page._portal_content_language = language if language != active else None
    return page._portal_content_language
