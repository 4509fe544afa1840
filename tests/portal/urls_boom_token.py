"""The portal's URLconf plus one view that fails, for the server-error logging
test."""

from django.urls import path

from portal.urls import handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def boom(request, token):
    raise RuntimeError("something failed")


urlpatterns = [path("boom/<str:token>/", boom), *portal_urlpatterns]
