"""RSS 2.0 and Atom feeds of hearings, all or per topic."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from feedback.models import Topic
from portal import public_url
from portal.identity import identity

from .selectors import live_original_hearings

FEED_SIZE = 50


class HearingsFeed(Feed):
    """Every link absolute from the configured public URL (portal.public_url), not
    from the host the reader happened to ask: feed readers keep them."""

    def description(self, obj):
        return _("New public hearings from %(municipality)s.") % {
            "municipality": identity().name
        }

    kind = "rss"  # the URL names: hearings:feed_<kind>, hearings:topic_feed_<kind>

    def get_object(self, request, topic_slug=None):
        if topic_slug is None:
            return None
        return get_object_or_404(Topic, slug=topic_slug, active=True)

    def link(self, obj):
        return public_url.absolute(reverse("hearings:index_redirect"))

    def feed_url(self, obj):
        if obj is None:
            return public_url.absolute(reverse(f"hearings:feed_{self.kind}"))
        return public_url.absolute(
            reverse(f"hearings:topic_feed_{self.kind}", args=[obj.slug])
        )

    def title(self, obj):
        if obj is None:
            return _("Public hearings – %(municipality)s") % {
                "municipality": identity().name
            }
        return _("Public hearings on %(topic)s – %(municipality)s") % {
            "topic": obj.display_name,
            "municipality": identity().name,
        }

    def items(self, obj):
        qs = live_original_hearings().order_by("-opens_on", "-pk")
        if obj is not None:
            qs = qs.filter(topics=obj)
        return list(qs[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return _("%(summary)s Deadline: %(deadline)s.") % {
            "summary": item.summary,
            "deadline": item.deadline.strftime("%d.%m.%Y"),
        }

    def item_link(self, item):
        return public_url.absolute(item.url or "/")

    def item_guid(self, item):
        return f"horing-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # A hearing announced before it opens is dated when it was published, not
        # on its future opening day: a feed dated in the future sorts wrongly in
        # readers and says «new» for weeks.
        now = timezone.now()
        if item.opens_at <= now:
            return item.opens_at
        return min(item.first_published_at or now, now)

    def item_updateddate(self, item):
        return min(item.last_published_at or item.opens_at, timezone.now())

    def item_categories(self, item):
        return [t.display_name for t in item.topics.all()]


class HearingsAtomFeed(HearingsFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = HearingsFeed.description
