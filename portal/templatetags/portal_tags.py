import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portal import form_tokens
from portal.identity import identity
from portal.links import PageLink, PageUrls, content_language, in_language, page_links
from portal.page_cache import fragment, page_fragment_key
from portal.public_url import absolute

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    # The site root (depth 2) is the first crumb; the tree root (depth 1) is not a
    # page anyone visits.
    ancestors = []
    request = context.get("request")
    if isinstance(page, Page) and page.depth > 2:

        def build():
            return tuple(
                page_links(
                    Page.objects.ancestor_of(page)
                    .filter(depth__gte=2)
                    .order_by("path"),
                    request,
                )
            )

        # Ancestors change only by publishing or moving: kept per generation.
        key = page_fragment_key("crumbs", page, request)
        ancestors = build() if key is None else fragment(key, build)
    return {"ancestors": ancestors, "page": page, "request": request}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, the same on every page of a site and language: rendered once
    and kept until the next publish or footer change (portal.page_cache)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    language = _content_language()
    key = f"footer:{site.pk if site else 0}:{language}"
    return mark_safe(  # noqa: S308 - our own template's output
        fragment(
            key,
            lambda: render_to_string(
                "components/footer.html", _footer_context(request), request=request
            ),
        )
    )


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The header menu (topics, «Si din mening», hearings), the same on every page
    of a site and language: kept until the next publish (portal.page_cache)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    language = _content_language()
    key = f"menu:{site.pk if site else 0}:{language}"
    return mark_safe(  # noqa: S308 - our own template's output
        fragment(
            key,
            lambda: render_to_string(
                "components/site_menu.html",
                _menu_context(request, site, language),
                request=request,
            ),
        )
    )


def _menu_context(request, site, language) -> dict:
    from home.models import TopicPage

    topics, more = [], []
    root = site.root_page if site is not None else None
    if root is not None:
        # The home page in the active language (a translation or an alias), else
        # the site's own: its topics, in the editors' order.
        home = (
            Page.objects.filter(
                translation_key=root.translation_key,
                locale__language_code=language,
            ).first()
            or root
        )
        # The topics, and the news, the audiences' pages and whatever else an
        # editor marks «Show in menus» (Wagtail's own field) under the home page:
        # one query for both lists.
        topic_type = ContentType.objects.get_for_model(TopicPage).pk
        rows = (
            Page.objects.live()
            .public()
            .child_of(home)
            .filter(Q(content_type_id=topic_type) | Q(show_in_menus=True))
            .order_by("path")
            .values("id", "title", "url_path", "content_type_id")
        )
        urls = PageUrls(request)
        for row in rows:
            link = PageLink(
                id=row["id"], title=row["title"], url=urls.url(row["url_path"])
            )
            (topics if row["content_type_id"] == topic_type else more).append(link)
    return {
        "topics": topics,
        "more": more,
        "participate": participate_entries(),
        "service_index_url": _footer_context(request)["service_index_url"],
    }


def _footer_context(request) -> dict:
    from home.models import ServiceIndexPage, SiteFooter

    footer = SiteFooter.for_request(request) if request is not None else None
    # The index in the active language if it has been translated, else the
    # default language's: at most two rows.
    language = _content_language()
    indexes = sorted(
        ServiceIndexPage.objects.live()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .only("id", "url_path", "path", "depth", "locale__language_code"),
        key=lambda p: p.locale.language_code != language,
    )
    index = indexes[0] if indexes else None
    # The statement pages in the active language where a translation or alias
    # exists: English links stay inside /en/ (kept per generation, so the
    # lookups cost nothing per request).
    links = {}
    for name in ("privacy_page", "accessibility_page", "about_page"):
        page = getattr(footer, name, None) if footer is not None else None
        translated = in_language(page, language)
        links[name] = translated.get_url(request) if translated is not None else None
    return {
        "footer": footer,
        "municipality": identity(),
        "links": links,
        "service_index_url": index.get_url(request) if index else None,
    }


def _content_language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


# The "Have your say" entry points. The forms live in the feedback app; the slugs
# are part of its URL contract (feedback/urls.py).
PARTICIPATE_KINDS = [
    ("tilbakemelding", _("Give feedback"), _("Tell us what works and what does not.")),
    (
        "forslag",
        _("Send a suggestion"),
        _("Have an idea that would make %(place)s better?"),
    ),
    ("sporsmal", _("Ask a question"), _("We answer within 14 days.")),
]


def participate_entries(service=None) -> list[dict]:
    entries = []
    for slug, title, text in PARTICIPATE_KINDS:
        try:
            url = reverse("feedback:submit", kwargs={"kind": slug})
        except NoReverseMatch:
            continue
        if service is not None:
            url += f"?tjeneste={service.pk}"
        text = text % {"place": identity().place}
        entries.append({"url": url, "title": title, "text": text, "kind": slug})
    try:
        entries.append(
            {
                "url": reverse("hearings:index_redirect"),
                "title": _("Public hearings"),
                "text": _("Read and answer what the municipality is consulting on."),
                "kind": "horinger",
            }
        )
    except NoReverseMatch:
        pass
    return entries


@register.inclusion_tag("components/participate_box.html", takes_context=True)
def participate_box(context, service=None):
    return {"entries": participate_entries(service), "service": service}


@register.simple_tag
def form_token():
    """The one-time token of a public form (portal.form_tokens): a placeholder
    that FormTokenMiddleware fills per response."""
    return mark_safe(form_tokens.input_html())  # noqa: S308 - constant markup


@register.simple_tag(takes_context=True)
def content_lang(context, page=None):
    """` lang="nb"` on an element holding a page's own text when that text is not
    in the interface's language (an untranslated page under /en/), else nothing
    (WCAG 3.1.2: screen readers then read it with a Norwegian voice)."""
    page = page if page is not None else context.get("page")
    language = content_language(page) if page is not None else None
    return mark_safe(f' lang="{language}"') if language else ""  # noqa: S308


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context, page=None):
    """A visible notice that the page exists only in Norwegian."""
    page = page if page is not None else context.get("page")
    return {"language": content_language(page) if page is not None else None}


@register.filter
def url_host(url: str) -> str:
    """The host of a link, shown beside it so the resident knows where it goes."""
    from urllib.parse import urlsplit

    return (urlsplit(url or "").hostname or "").removeprefix("www.")


# Open Graph locales of the portal's languages (og:locale wants language_TERRITORY).
OG_LOCALES = {"nb": "nb_NO", "en": "en_GB"}


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context, page=None):
    """Canonical link, Open Graph and Twitter Card tags of a public page.

    The URL is the absolute public one (portal.public_url), not the Site's
    hostname; the site name is the municipality's (already in the context, no
    query). Pages without a Wagtail page (forms, receipts) get nothing here."""
    if not isinstance(page, Page):
        return {"page": None}
    request = context.get("request")
    relative = page.get_url(request=request)
    municipality = context.get("MUNICIPALITY")
    site_name = getattr(municipality, "name", "")
    url = absolute(relative) if relative else ""
    structured = getattr(page, "structured_data", None)
    data = structured(site_name, url) if structured else None
    # A page with an image (news) shares it: 1200×630 with its alt text.
    share_image = getattr(page, "share_image", None)
    image = share_image() if share_image else None
    image_url, image_alt = (absolute(image[0]), image[1]) if image else ("", "")
    if data is not None and image_url:
        data["image"] = image_url
    return {
        "json_ld": _json_ld(data) if data else "",
        "og_type": getattr(page, "og_type", "website"),
        "image_url": image_url,
        "image_alt": image_alt,
        "page": page,
        "title": page.seo_title or page.title,
        "description": page.search_description or getattr(page, "summary", ""),
        "url": url,
        "locale": OG_LOCALES.get(get_language() or "", "nb_NO"),
        "site_name": site_name,
    }


def _json_ld(data: dict) -> str:
    """JSON for a <script> element: <, > and & escaped as in Django's
    json_script, so a title with «</script>» cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    """Plain share links (no third-party script or request until a visitor
    follows one): e-mail, Facebook and LinkedIn, to the page's public URL."""
    url = absolute(page.get_url(request=context.get("request")) or "/")
    quoted, title = quote(url, safe=""), quote(page.title, safe="")
    return {
        "mailto": f"mailto:?subject={title}&body={quoted}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={quoted}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={quoted}",
    }
