"""RSS 2.0 and Atom feeds of important notices: for news desks, radio and apps
that pass them on. Ended notices stay in the feed (with their end in the text)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .choices import NoticeLevel
from .selectors import live_notices

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
