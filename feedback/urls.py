from django.urls import path, re_path

from . import views

app_name = "feedback"

urlpatterns = [
    # The kind slugs are part of the URL contract (portal_tags.PARTICIPATE_KINDS).
    re_path(
        r"^si-din-mening/(?P<kind>tilbakemelding|forslag|sporsmal)/$",
        views.submit,
        name="submit",
    ),
    path("si-din-mening/side/", views.page_feedback, name="page_feedback"),
    path("sak/<str:reference>/", views.track, name="track"),
    path("sak/<str:reference>/kvittering/", views.receipt, name="receipt"),
]
