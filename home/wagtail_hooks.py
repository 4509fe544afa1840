from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Audience, LifeSituation
from .views import readability
from .viewsets import plain_word_viewset


@hooks.register("register_admin_urls")
def register_readability_url():
    # Admin URLs require a logged-in user with admin access.
    return [path("readability/", readability, name="home_readability")]


@hooks.register("register_admin_viewset")
def register_language_profile():
    return plain_word_viewset


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "name_en", "slug"]


class LifeSituationViewSet(SnippetViewSet):
    model = LifeSituation
    icon = "user"
    list_display = ["name", "name_en", "slug"]


register_snippet(AudienceViewSet)
register_snippet(LifeSituationViewSet)
