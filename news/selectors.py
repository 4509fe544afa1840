"""What the public sees of the notices, and of the news.

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

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Site

from home.models import TopicPage
from portal import page_cache
from portal.links import PageUrls, in_language

from .choices import ALERT_COLOR, NewsKind
from .models import NewsIndexPage, NewsPage, Notice, PressContacts

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


# --- News -------------------------------------------------------------------------

NEWS_PER_PAGE = 12
# ?type=pressemeldinger: the press releases only (the press room links there).
PRESS_RELEASE_FILTER = "pressemeldinger"
CARD_FIELDS = (
    "id",
    "title",
    "url_path",
    "summary",
    "date",
    "kind",
    "translation_key",
    "first_published_at",
    "last_published_at",
)


@dataclass(frozen=True)
class NewsCard:
    """What a list shows of a news item (news/includes/news_card.html): kept in
    the fragment cache, so plain values and no Page object."""

    id: int
    title: str
    url: str | None
    summary: str
    date: datetime.date
    is_press_release: bool


def _language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def published_news():
    """Every live, public news page in the active language, newest first; a news
    item that has no copy in that language is shown from the default one."""
    language = _language()
    return (
        NewsPage.objects.live()
        .public()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE[:2]})
        .order_by("-date", "-first_published_at", "-pk")
    )


def _one_per_item(pages) -> list:
    """The active language's copy of each news item, in the order given."""
    language = _language()
    pages = list(pages)
    preferred = {
        p.translation_key: p for p in pages if p.locale.language_code == language
    }
    seen, result = set(), []
    for page in pages:
        key = page.translation_key
        if key in seen:
            continue
        seen.add(key)
        result.append(preferred.get(key, page))
    return result


def _cards(pages, request) -> tuple[NewsCard, ...]:
    urls = PageUrls(request)
    return tuple(
        NewsCard(
            id=p.pk,
            title=p.title,
            url=urls.url(p.url_path),
            summary=p.summary,
            date=p.date,
            is_press_release=p.kind == NewsKind.PRESS_RELEASE,
        )
        for p in pages
    )


def news_filtered(*, topic=None, audience=None, press_releases: bool = False):
    """The news of a topic page (in any language: matched by its translation
    key), for an audience and/or of the press-release kind."""
    qs = published_news().select_related("locale").only(*CARD_FIELDS, "locale")
    if topic is not None:
        qs = qs.filter(topic__translation_key=topic.translation_key)
    if audience is not None:
        qs = qs.filter(audiences=audience)
    if press_releases:
        qs = qs.filter(kind=NewsKind.PRESS_RELEASE)
    return qs


def feed_news(*, topic=None, press_releases=False, limit: int = 50) -> list:
    """The newest news for a feed, one copy per item in the active language."""
    qs = news_filtered(topic=topic, press_releases=press_releases)
    return _one_per_item(qs[: limit * 2])[:limit]


def topic_by_slug(slug: str):
    """A live topic page with news, by its slug (the topic feeds' URLs), in the
    active language where it has one."""
    pages = TopicPage.objects.live().filter(slug=slug).select_related("locale")
    found = pages.filter(locale__language_code=_language()).first()
    return found or pages.first()


def latest_news(
    *, limit: int = 3, topic=None, audience=None, press_releases=False, request=None
) -> tuple[NewsCard, ...]:
    """The newest news for the home, topic and audience pages; kept per
    page-cache generation (a publish drops it), site and language."""
    site = Site.find_for_request(request) if request is not None else None
    site_id = site.pk if site is not None else 0
    key = ":".join(
        str(part)
        for part in (
            "latest-news",
            site_id,
            _language(),
            limit,
            topic.translation_key if topic is not None else "",
            audience.pk if audience is not None else "",
            int(press_releases),
        )
    )

    def build():
        qs = news_filtered(
            topic=topic, audience=audience, press_releases=press_releases
        )
        # Twice the limit: a news item may come in both languages.
        return _cards(_one_per_item(qs[: limit * 2])[:limit], request)

    return page_cache.fragment(key, build)


def news_index_page(language: str | None = None) -> NewsIndexPage | None:
    """The news index in the language (for links from feeds and lists)."""
    language = (language or _language())[:2]
    pages = NewsIndexPage.objects.live().public().select_related("locale")
    found = pages.filter(locale__language_code=language).first()
    return found or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def news_index_url(request=None) -> str | None:
    """The news index's URL in the active language, kept per page-cache
    generation, site and language (the lists on other pages link to it)."""
    site = Site.find_for_request(request) if request is not None else None
    key = f"news-index-url:{site.pk if site else 0}:{_language()}"

    def build():
        index = news_index_page()
        return index.get_url(request) if index is not None else None

    return page_cache.fragment(key, build)


def _topic_options(index) -> list[tuple[str, str]]:
    """(slug, title) of the topics that have news, in the active language."""
    keys = set(
        published_news()
        .exclude(topic__isnull=True)
        .values_list("topic__translation_key", flat=True)
    )
    topics = (
        TopicPage.objects.live()
        .filter(translation_key__in=keys, locale=index.locale)
        .order_by("title")
    )
    return [(t.slug, t.title) for t in topics]


def news_index(index: NewsIndexPage, params, request=None) -> dict:
    """The news index: newest first, NEWS_PER_PAGE to a page, filtered by topic
    (?tema=<slug>) and kind (?type=pressemeldinger)."""
    topics = _topic_options(index)
    slugs = {slug for slug, _title in topics}
    chosen_topic = params.get("tema", "")
    if chosen_topic not in slugs:
        chosen_topic = ""
    press_releases = params.get("type") == PRESS_RELEASE_FILTER
    topic = None
    if chosen_topic:
        topic = (
            TopicPage.objects.live()
            .filter(slug=chosen_topic, locale=index.locale)
            .only("id", "translation_key")
            .first()
        )
    items = _one_per_item(news_filtered(topic=topic, press_releases=press_releases))
    paged = Paginator(items, NEWS_PER_PAGE).get_page(params.get("side"))
    query = {}
    if chosen_topic:
        query["tema"] = chosen_topic
    if press_releases:
        query["type"] = PRESS_RELEASE_FILTER
    return {
        "news": _cards(paged.object_list, request),
        "news_page": paged,
        "topics": topics,
        "chosen_topic": chosen_topic,
        "press_releases": press_releases,
        "filter_query": "&".join(f"{k}={v}" for k, v in query.items()),
        "filtered": bool(query),
    }


def news_context(page: NewsPage, request=None) -> dict:
    """The news page: its topic's page in the visitor's language, and up to three
    other news items on the same topic."""
    topic = None
    related: tuple[NewsCard, ...] = ()
    if page.topic_id is not None:
        topic = in_language(page.topic)
        related = tuple(
            card
            for card in latest_news(limit=4, topic=page.topic, request=request)
            if card.id != page.pk
        )[:3]
    return {
        "news_topic": topic,
        "related_news": related,
        "audience_labels": [a.label for a in page.audiences.all()],
    }


def press_contacts() -> PressContacts:
    return PressContacts.load()
