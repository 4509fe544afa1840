from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from portal.page_cache import fragment

register = template.Library()


@register.inclusion_tag("hearings/includes/open_hearings.html", takes_context=True)
def open_hearings(context, limit=3):
    """Open hearings for the home page, closing soonest first."""
    from hearings.selectors import open_hearings as select_open

    try:
        index_url = reverse("hearings:index_redirect")
    except NoReverseMatch:
        index_url = None
    # Built once per page-cache generation (any publish drops it) and per day,
    # since a hearing opens and closes at midnight: the home page's costliest part.
    # Only live hearings are listed, so a preview of the home page may use it too.
    # The links carry the site's and language's URL prefix, hence both in the key.
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    today = timezone.localdate().isoformat()
    hearings = fragment(
        f"open-hearings:{site.pk if site else 0}:{language}:{today}:{limit}",
        lambda: tuple(select_open(limit=limit, request=request)),
    )
    return {"hearings": hearings, "index_url": index_url, "request": request}


@register.simple_tag
def field_widget(field, css_class="ds-input"):
    """A form field's widget with Designsystemet's class and the ARIA that ties it
    to its help text and error message."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {"class": css_class}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
