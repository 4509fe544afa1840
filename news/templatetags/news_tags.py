"""News on other apps' pages (home, topic and audience pages): the home app
sits below news in the layers, so it reaches news through these tags in its
templates and never imports it."""

from django import template
from django.utils.translation import gettext as _

from news import selectors

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, topic=None, audience=None, limit=3):
    """The newest news, of a topic page or for an audience when given."""
    request = context.get("request")
    index_url = selectors.news_index_url(request)
    if index_url and topic is not None:
        index_url += f"?tema={topic.slug}"
    return {
        "news": selectors.latest_news(
            limit=limit, topic=topic, audience=audience, request=request
        ),
        "heading": _("News"),
        "heading_id": "latest-news",
        "index_url": index_url,
        "more_label": _("All news"),
    }


@register.inclusion_tag("news/includes/press_room.html", takes_context=True)
def press_room(context, limit=6):
    """The press contacts and the newest press releases (the media's page)."""
    request = context.get("request")
    press = selectors.press_contacts()
    return {
        "press": press,
        "contacts": list(press.contacts.all()),
        "releases": selectors.latest_news(
            limit=limit, press_releases=True, request=request
        ),
        "index_url": selectors.news_index_url(request),
    }
