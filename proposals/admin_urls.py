from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.ProposalListView.as_view(), name="list"),
    path("<int:pk>/", admin_views.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/underskrifter.xlsx", admin_views.signature_export, name="export"),
    path("<int:pk>/underskrifter/", admin_views.signature_print, name="print"),
]
