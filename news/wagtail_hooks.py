from wagtail.snippets.models import register_snippet

from .viewsets import NoticeViewSetGroup

register_snippet(NoticeViewSetGroup)
