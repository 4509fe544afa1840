"""What the public sees of the notices.

Every page shows the notices in force at the moment it is served, cached pages
included: the page carries a placeholder that NoticeMiddleware fills on the way
out. The notices that are or will be in force are read and rendered once per
page-cache generation and language (publishing a notice sets a new generation);
which of them show is decided per request from their start and end, so a notice
appears and disappears at its times without anyone publishing anything.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from portal import page_cache

from .choices import ALERT_COLOR
from .models import Notice

HISTORY_SIZE = 20


@dataclass(frozen=True)
class ShownNotice:
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    html: str

    def shown_at(self, now: datetime.datetime) -> bool:
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)


def live_notices():
    return Notice.objects.filter(live=True)


def notices_in_force(now: datetime.datetime):
    return (
        live_notices()
        .filter(starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    )


def ended_notices(now: datetime.datetime):
    return live_notices().filter(ends_at__lte=now).order_by("-ends_at", "-pk")


RANK = {"critical": 0, "warning": 1, "info": 2}


def sorted_by_rank(notices) -> list[Notice]:
    """Most serious first; among equals the newest."""
    return sorted(notices, key=lambda n: (RANK[n.level], -n.starts_at.timestamp()))


def _current_and_coming(language: str) -> tuple[ShownNotice, ...]:
    """Rendered once per generation: plain strings and datetimes, no models."""
    notices = live_notices().filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now())
    )
    ordered = sorted_by_rank(notices)
    with translation.override(language):
        return tuple(
            ShownNotice(
                starts_at=notice.starts_at,
                ends_at=notice.ends_at,
                html=render_to_string(
                    "news/notice.html", {**notice_context(notice), "compact": True}
                ),
            )
            for notice in ordered
        )


def notice_context(notice: Notice) -> dict:
    page_language = translation.get_language() or "nb"
    title, body, text_language = notice.text_for(page_language)
    return {
        "page_language": page_language,
        "notice": notice,
        "title": title,
        "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
        "text_language": text_language,
        "alert_color": ALERT_COLOR[notice.level],
        "postcodes": notice.postcodes,
    }


def banner_html(*, language: str, now: datetime.datetime, generation=None) -> str:
    shown = page_cache.fragment(
        f"news:notices:{language}",
        lambda: _current_and_coming(language),
        generation=generation,
    )
    current = [notice.html for notice in shown if notice.shown_at(now)]
    if not current:
        return ""
    with translation.override(language):
        label = escape(gettext("Important notices"))
    # A landmark of its own, so screen-reader users find it in the page's regions.
    return (
        f'<div class="portal-container portal-notices" role="region" '
        f'aria-label="{label}">' + "".join(current) + "</div>"
    )
