from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portal import form_tokens
from portal.links import page_links
from portal.page_cache import fragment, page_fragment_key

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
    return {
        "footer": footer,
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
        _("Have an idea that would make Asker better?"),
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
