"""The news feeds, under the news index's path (/nyheter/): RSS and Atom of all
news, of one topic, and of the press releases. The news pages themselves are
Wagtail's; NewsPage refuses these paths as slugs (RESERVED_NEWS_SLUGS)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed

app_name = "newsroom"

urlpatterns = [
    path("rss/", NewsFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
    path("tema/<slug:topic_slug>/rss/", NewsFeed(), name="topic_rss"),
    path("tema/<slug:topic_slug>/atom/", NewsAtomFeed(), name="topic_atom"),
    path("pressemeldinger/rss/", NewsFeed(press_releases=True), name="press_rss"),
    path("pressemeldinger/atom/", NewsAtomFeed(press_releases=True), name="press_atom"),
]
