from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.notices, name="notices"),
    path("rss/", feeds.NoticesFeed(), name="notices_rss"),
    path("atom/", feeds.NoticesAtomFeed(), name="notices_atom"),
]
