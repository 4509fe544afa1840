from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.ArchiveOverviewView.as_view(), name="overview"),
    path(
        "sak/<int:pk>/post/<int:post_pk>/",
        admin_views.post_metadata,
        name="post_metadata",
    ),
    path(
        "sak/<int:pk>/post/<int:post_pk>/send/",
        admin_views.post_retry,
        name="post_retry",
    ),
]

from . import rights_views  # noqa: E402 - the rights requests' own views

urlpatterns += [
    path("innsyn/", rights_views.RightsListView.as_view(), name="rights"),
    path(
        "innsyn/<int:pk>/",
        rights_views.RightsDetailView.as_view(),
        name="rights_detail",
    ),
]
