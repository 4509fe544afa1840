from django.urls import path

from . import admin_views

app_name = "hearings_admin"

urlpatterns = [
    path("", admin_views.hearings_overview, name="overview"),
    path(
        "<int:hearing_pk>/svar/",
        admin_views.HearingResponsesView.as_view(),
        name="responses",
    ),
    path(
        "<int:hearing_pk>/svar/results/",
        admin_views.HearingResponsesView.as_view(results_only=True),
        name="responses_results",
    ),
    path("<int:hearing_pk>/sammendrag/", admin_views.summary, name="summary"),
    path(
        "<int:hearing_pk>/sammendrag/intern/",
        admin_views.summary_internal,
        name="summary_internal",
    ),
    path("svar/<int:pk>/", admin_views.moderate, name="moderate"),
]
