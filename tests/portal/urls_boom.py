"""The portal's URLs plus one view that fails, to see the 500 page."""

from django.urls import path

from portal.urls import handler400, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("boom/", boom), *urlpatterns]
