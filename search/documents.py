"""What goes into the search index: one `SearchDocument` per public page.

Indexed today: ServicePage, TopicPage, StandardPage (home) and HearingPage,
HearingIndexPage (hearings), registered at the end of this module.

Extension point for other apps (later proposals): either give the page model a
method

    def search_document(self) -> dict:
        return {"kind": "hearing", "title": self.title, "summary": ...,
                "body": ..., "keywords": ..., "audiences": [...]}

(a plain dict, so the app need not import search), or register a builder from
the app's `AppConfig.ready()`:

    from search.documents import register
    register(HearingPage, build_hearing_document)

The page's own search_document() wins over a registered builder. Any live,
public page whose specific class has either is indexed on publish and
removed on unpublish / delete. Resident inputs (feedback.Submission) are not pages
and can never be registered: `register` refuses anything that is not a Page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import strip_tags
from wagtail.models import Page

from .models import ResultKind

MAX_BODY_CHARS = 20_000


@dataclass
class SearchDocument:
    kind: str
    title: str
    summary: str = ""
    keywords: str = ""
    body: str = ""
    audiences: list[str] = field(default_factory=list)
    # Filled in by the indexer from the page tree (the nearest TopicPage).
    topic_id: int | None = None
    topic_title: str = ""


Builder = Callable[[Page], "SearchDocument | dict | None"]
_builders: dict[type, Builder] = {}


def register(model: type, builder: Builder) -> None:
    """Index pages of `model` (and its subclasses) with `builder(page)`."""
    if not (isinstance(model, type) and issubclass(model, Page)):
        raise TypeError("Only Wagtail pages can be indexed for public search.")
    _builders[model] = builder


def text(value) -> str:
    """Plain text from a rich-text value or a string, whitespace collapsed."""
    if not value:
        return ""
    plain = unescape(strip_tags(str(value).replace("<", " <")))
    return re.sub(r"\s+", " ", plain).strip()


def _builder_for(page: Page) -> Builder | None:
    # The page's own search_document() wins: it is the most specific.
    method = getattr(page, "search_document", None)
    if callable(method):
        return lambda p: p.search_document()
    for cls in type(page).__mro__:
        if cls in _builders:
            return _builders[cls]
    return None


def is_indexable(page: Page) -> bool:
    return _builder_for(page) is not None


def document_for(page: Page) -> SearchDocument | None:
    """The document for a (specific) page, or None when its type is not indexed."""
    builder = _builder_for(page)
    if builder is None:
        return None
    doc = builder(page)
    if doc is None:
        return None
    if isinstance(doc, dict):
        doc = SearchDocument(**{"kind": ResultKind.PAGE, "title": page.title, **doc})
    doc.title = text(doc.title)[:255]
    doc.summary = text(doc.summary)
    doc.keywords = text(doc.keywords)
    doc.body = text(doc.body)[:MAX_BODY_CHARS]
    if doc.kind not in ResultKind.values:
        doc.kind = ResultKind.PAGE
    return doc


# --- The content pages of the home app -------------------------------------------


def _service(page) -> SearchDocument:
    body = " ".join(
        text(getattr(page, name, ""))
        for name in (
            "what_it_is",
            "who_can_get_it",
            "how_to_apply",
            "price",
            "processing_time",
        )
    )
    return SearchDocument(
        kind=ResultKind.SERVICE,
        title=page.title,
        summary=page.summary,
        # The A–Z entries («Barnehageplass, søke») are words residents use too.
        keywords=" ".join(
            filter(None, [page.search_keywords, getattr(page, "index_titles", "")])
        ),
        body=body,
        audiences=[a.slug for a in page.audiences.all()],
    )


def _topic(page) -> SearchDocument:
    return SearchDocument(
        kind=ResultKind.TOPIC,
        title=page.title,
        summary=page.summary,
        body=text(page.body),
    )


def _standard(page) -> SearchDocument:
    return SearchDocument(
        kind=ResultKind.PAGE,
        title=page.title,
        summary=page.summary,
        body=text(page.body),
    )


def _hearing(page) -> SearchDocument:
    body = " ".join(
        text(getattr(page, name, ""))
        for name in ("body", "outcome_heard", "outcome_decided")
    )
    keywords = ", ".join(
        filter(
            None,
            [
                "høring",
                str(page.get_kind_display()),
                page.area,
            ],
        )
    )
    return SearchDocument(
        kind=ResultKind.HEARING,
        title=page.title,
        summary=page.summary,
        keywords=keywords,
        body=body,
        audiences=[a.slug for a in page.audiences.all()],
    )


def _summary_only(page) -> SearchDocument:
    return SearchDocument(kind=ResultKind.PAGE, title=page.title, summary=page.summary)


def register_content_pages() -> None:
    """The page types of this project (search reads the other apps' models; they
    need not know about search)."""
    from django.apps import apps

    from home.models import ServicePage, StandardPage, TopicPage

    register(ServicePage, _service)
    register(TopicPage, _topic)
    register(StandardPage, _standard)
    if apps.is_installed("hearings"):
        from hearings.models import HearingIndexPage, HearingPage

        register(HearingPage, _hearing)
        register(HearingIndexPage, _summary_only)
