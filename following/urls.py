from django.urls import path

from . import views

app_name = "following"

urlpatterns = [
    path("bekreft/<str:token>/", views.confirm, name="confirm"),
    path("avslutt/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("avsluttet/", views.unsubscribed, name="unsubscribed"),
]
