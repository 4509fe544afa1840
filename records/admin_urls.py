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
