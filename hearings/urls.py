from django.urls import path

from . import views
from .feeds import HearingsAtomFeed, HearingsFeed

app_name = "hearings"

urlpatterns = [
    path("", views.index_redirect, name="index_redirect"),
    path("folg/", views.subscribe_form, name="subscribe_form"),
    path("folg/send/", views.subscribe, name="subscribe"),
    path("folg/sendt/", views.subscribe_sent, name="subscribe_sent"),
    path("svar/<str:reference>/", views.response_receipt, name="response_receipt"),
    # Links in e-mails sent before following moved to /folg/ (following.urls).
    path("folg/bekreft/<str:token>/", views.legacy_confirm, name="legacy_confirm"),
    path(
        "folg/avslutt/<str:token>/",
        views.legacy_unsubscribe,
        name="legacy_unsubscribe",
    ),
    path("rss/", HearingsFeed(), name="feed_rss"),
    path("atom/", HearingsAtomFeed(), name="feed_atom"),
    path("tema/<slug:topic_slug>/rss/", HearingsFeed(), name="topic_feed_rss"),
    path("tema/<slug:topic_slug>/atom/", HearingsAtomFeed(), name="topic_feed_atom"),
    path("frister.ics", views.ical, name="ical"),
    path("tema/<slug:topic_slug>/frister.ics", views.ical, name="topic_ical"),
    path("vedlegg/<int:pk>/", views.published_attachment, name="attachment"),
]
