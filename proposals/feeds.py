"""RSS 2.0 and Atom feeds of citizen proposals: what happened to them, all or
one. Each public event (published, submitted to the council, on its agenda, the
outcome) is an item, so a reader learns of the decision as a follower's e-mail
does. Links are absolute from the configured public URL, as the hearings' feeds."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal import public_url
from portal.identity import identity

from . import selectors
from .choices import EventKind

FEED_SIZE = 50


class ProposalsFeed(Feed):
    kind = "rss"  # the URL names: proposals:feed_<kind>, proposals:proposal_feed_<kind>

    def get_object(self, request, pk=None):
        return None if pk is None else selectors.public_proposal(pk)

    def title(self, obj):
        if obj is None:
            return _("Citizen proposals – %(municipality)s") % {
                "municipality": identity().name
            }
        return _("Citizen proposal: %(title)s") % {"title": obj.title}

    def description(self, obj):
        return _(
            "New citizen proposals in %(municipality)s and what the council did "
            "with them."
        ) % {"municipality": identity().name}

    def link(self, obj):
        if obj is None:
            return public_url.absolute(reverse("proposals:index"))
        return public_url.absolute(obj.get_absolute_url())

    def feed_url(self, obj):
        if obj is None:
            return public_url.absolute(reverse(f"proposals:feed_{self.kind}"))
        return public_url.absolute(
            reverse(f"proposals:proposal_feed_{self.kind}", args=[obj.pk])
        )

    def items(self, obj):
        return list(selectors.feed_events(obj)[:FEED_SIZE])

    def item_title(self, item):
        return f"{item.proposal.title}: {EventKind(item.kind).label}"

    def item_description(self, item):
        # The outcome's words are the council's, written to be public; the
        # proposal's own words open the feed when it is published.
        if item.kind == EventKind.PUBLISHED:
            return item.proposal.proposal
        return item.text or EventKind(item.kind).label

    def item_link(self, item):
        return public_url.absolute(item.proposal.get_absolute_url())

    def item_guid(self, item):
        return f"innbyggerforslag-{item.proposal_id}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at


class ProposalsAtomFeed(ProposalsFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = ProposalsFeed.description
