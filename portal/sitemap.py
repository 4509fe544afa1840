"""/sitemap.xml: every live, public page in both languages, with hreflang alternates.

Wagtail's sitemap walks only the default Site's root page, which is the bokmål home;
the English home page and its aliases (home/demo.py seed_english) sit beside it. So
the items are all live public pages below the tree root, and each URL lists the
same page in the other language (pages share a translation_key) as an alternate.
Locations are absolute public links (portal.public_url), never the Site hostname.
The view is not Wagtail's page view, so the page cache does not store it.
"""

from __future__ import annotations

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from . import public_url


class PortalSitemap(Sitemap):
    def items(self):
        pages = list(
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
        self._alternates: dict = defaultdict(list)
        self._locations: dict = {}
        for page in pages:
            parts = page.get_url_parts(self.request)
            if parts is None:
                continue
            location = public_url.absolute(parts[2])
            self._locations[page.pk] = location
            self._alternates[page.translation_key].append(
                {"lang_code": page.locale.language_code, "location": location}
            )
        return [page for page in pages if page.pk in self._locations]

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            alternates = self._alternates[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": self._locations[item.pk],
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls
