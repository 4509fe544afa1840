from __future__ import annotations

from .models import Notice, NoticeTemplate


def notice_from_template(*, template: NoticeTemplate, by) -> Notice:
    """A draft notice with the template's text: nothing shows until it is
    published, and the draft's first revision names who started it."""
    notice = Notice(
        level=template.level,
        title=template.title,
        body=template.body,
        title_en=template.title_en,
        body_en=template.body_en,
        link_url=template.link_url,
        live=False,
    )
    notice.save()
    notice.save_revision(user=by, log_action=True)
    return notice
