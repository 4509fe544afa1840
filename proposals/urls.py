from django.urls import path

from . import views
from .feeds import ProposalsAtomFeed, ProposalsFeed

app_name = "proposals"

urlpatterns = [
    path("", views.index, name="index"),
    path("liste/<slug:slug>/", views.index, name="list"),
    path("nytt/", views.start, name="start"),
    path("sendt/<slug:what>/", views.sent, name="sent"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/signer/", views.sign, name="sign"),
    path("bekreft/<str:token>/", views.confirm, name="confirm"),
    path("forslagsstiller/<str:token>/", views.manage, name="manage"),
    path("underskrift/<str:token>/", views.sign_confirm, name="sign_confirm"),
    path("trekk/<str:token>/", views.withdraw, name="withdraw"),
    path("trukket/", views.withdrawn, name="withdrawn"),
    # Where ID-porten sends a signer back: registered there without a language
    # prefix (idporten.callback_url).
    path("id-porten/", views.idporten_callback, name="idporten_callback"),
    path("rss/", ProposalsFeed(), name="feed_rss"),
    path("atom/", ProposalsAtomFeed(), name="feed_atom"),
    path("<int:pk>/rss/", ProposalsFeed(), name="proposal_feed_rss"),
    path("<int:pk>/atom/", ProposalsAtomFeed(), name="proposal_feed_atom"),
]
