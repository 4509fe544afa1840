"""RSS 2.0 and Atom feeds of important notices (for news desks, radio and apps
that pass them on; ended notices stay in the feed, with their end in the text),
and of the news: all, per topic, and the press releases."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal import public_url
from portal.identity import identity

from .choices import NewsKind, NoticeLevel
from .selectors import feed_news, live_notices, news_index_url, topic_by_slug

FEED_SIZE = 50


class NoticesFeed(Feed):
    def title(self):
        return _("Important notices")

    def description(self):
        return _("Notices about water, roads, weather and other events.")

    def link(self):
        return reverse("news:notices")

    def items(self):
        # A notice scheduled for later is not news yet.
        return list(
            live_notices()
            .filter(starts_at__lte=timezone.now())
            .order_by("-starts_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        label = NoticeLevel(item.level).label
        return f"{label}: {item.title}"

    def item_description(self, item):
        text = item.body
        if item.postcodes:
            text += "\n\n" + _("Applies to postcodes") + " " + item.postcodes
        if item.ends_at:
            ended = timezone.localtime(item.ends_at).strftime("%d.%m.%Y %H:%M")
            text += "\n\n" + _("Shown until %(time)s.") % {"time": ended}
        return text

    def item_link(self, item):
        return item.link_url or f"{reverse('news:notices')}#notice-{item.pk}"

    def item_guid(self, item):
        return f"varsel-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.starts_at

    def item_updateddate(self, item):
        return item.updated_at


class NoticesAtomFeed(NoticesFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class NewsFeed(Feed):
    """All news, one topic's news, or the press releases: RSS 2.0. Every link is
    absolute from the configured public URL (portal.public_url)."""

    kind = "rss"  # the URL names: newsroom:<prefix><kind>

    def __init__(self, *, press_releases: bool = False):
        super().__init__()
        self.press_releases = press_releases

    def get_object(self, request, topic_slug=None):
        if topic_slug is None:
            return None
        topic = topic_by_slug(topic_slug)
        if topic is None:
            raise Http404
        return topic

    def _name(self, obj) -> str:
        if obj is not None:
            return f"newsroom:topic_{self.kind}"
        if self.press_releases:
            return f"newsroom:press_{self.kind}"
        return f"newsroom:{self.kind}"

    def title(self, obj):
        municipality = identity().name
        if obj is not None:
            return _("News on %(topic)s – %(municipality)s") % {
                "topic": obj.title,
                "municipality": municipality,
            }
        if self.press_releases:
            return _("Press releases – %(municipality)s") % {
                "municipality": municipality
            }
        return _("News – %(municipality)s") % {"municipality": municipality}

    def description(self, obj):
        return _("News from %(municipality)s.") % {"municipality": identity().name}

    def link(self, obj):
        url = news_index_url()
        return public_url.absolute(url or "/")

    def feed_url(self, obj):
        args = [obj.slug] if obj is not None else []
        return public_url.absolute(reverse(self._name(obj), args=args))

    def items(self, obj):
        return feed_news(topic=obj, press_releases=self.press_releases)

    def item_title(self, item):
        if item.kind == NewsKind.PRESS_RELEASE:
            return f"{_('Press release')}: {item.title}"
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return public_url.absolute(item.url or "/")

    def item_guid(self, item):
        return f"nyhet-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # The news's own date at the time it was first published (a date alone
        # would say midnight, before the news existed).
        published = item.first_published_at or timezone.now()
        if timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time(12))
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = NewsFeed.description
