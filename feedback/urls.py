from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("sak/<str:reference>/", views.track, name="track"),
]
