from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search_view, name="search"),
    path("forslag/", views.suggest_view, name="suggest"),
    path("klikk/<int:page_id>/", views.click_view, name="click"),
    path("klikk/<slug:source>/<int:pk>/", views.click_source_view, name="click_source"),
]
