from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import admin_views
from .models import Notice, NoticeTemplate

CONTENT_PANELS = [
    FieldPanel("level"),
    FieldPanel("title"),
    FieldPanel("body"),
    MultiFieldPanel(
        [FieldPanel("title_en"), FieldPanel("body_en")],
        heading=_("In English (optional)"),
    ),
    FieldPanel("link_url"),
]


class NoticeViewSet(SnippetViewSet):
    model = Notice
    icon = "warning"
    menu_label = _("Important notices")
    list_display = [
        "title",
        "level",
        "starts_at",
        "ends_at",
        BooleanColumn("live", label=_("Published")),
    ]
    list_filter = ["level", "live"]
    search_fields = ["title", "body"]
    panels = [
        *CONTENT_PANELS,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("When"),
        ),
        FieldPanel("postcodes"),
    ]


class NoticeTemplateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("news.add_notice"):
            buttons.insert(
                0,
                MenuItem(
                    _("Use template"),
                    url=reverse(
                        "wagtailsnippets_news_noticetemplate:use", args=[instance.pk]
                    ),
                    icon_name="plus",
                    priority=5,
                ),
            )
        return buttons


class NoticeTemplateViewSet(SnippetViewSet):
    model = NoticeTemplate
    index_view_class = NoticeTemplateIndexView
    icon = "doc-empty"
    menu_label = _("Notice templates")
    list_display = ["name", "level", "title"]
    panels = [FieldPanel("name"), *CONTENT_PANELS]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "use/<int:pk>/",
                admin_views.notice_from_template,
                name="use",
            ),
        ]


class NoticeViewSetGroup(SnippetViewSetGroup):
    items = (NoticeViewSet, NoticeTemplateViewSet)
    menu_icon = "warning"
    menu_label = _("Notices")
    menu_name = "notices"
    menu_order = 250
