"""What goes into the search index: one `SearchDocument` per public page, and
per public object of a registered source.

Indexed today: ServicePage, TopicPage, StandardPage (home) and HearingPage,
HearingIndexPage (hearings), and published citizen proposals (proposals),
registered at the end of this module.

Every entry has a key: "page:<id>" for a page, "<source>:<id>" for an object of
a source ("proposal:12"). The backends, the hits and the click-through know
only keys.

Pages. Either give the page model a
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

Other sources (objects that are not pages). Register a `Source` with
`register_source()`: its `items(pks)` yields an `IndexItem` (key, language,
url, document) per public object among `pks` (every public one for None), and
its `target(pk)` gives the public object a result click leads to (one with
get_absolute_url()), or None. The public rule is the owning app's selector,
never written again here. search calls the app, never the other way round (the
import-linter layers): search keeps the index current itself (search/signals.py
for proposals), and `search_reindex` includes every source. An object with one
text for every language (a proposal) is indexed once per site language, so a
search in either language finds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.urls import reverse
from django.utils import translation
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


@dataclass
class IndexItem:
    """One row of the index: a document under its key, in one language."""

    key: str
    language: str
    url: str
    doc: SearchDocument


PAGE = "page"


def page_key(pk: int) -> str:
    return f"{PAGE}:{pk}"


def split_key(key: str) -> tuple[str, int] | None:
    """("page", 12) for "page:12"; None for anything that is not a key."""
    source, _, pk = str(key).partition(":")
    if not source or not pk.isdigit() or len(pk) > 18:
        return None
    return source, int(pk)


Builder = Callable[[Page], "SearchDocument | dict | None"]
_builders: dict[type, Builder] = {}


@dataclass(frozen=True)
class Source:
    """Public objects that are not pages (see the module docstring)."""

    name: str
    items: Callable[[list[int] | None], Iterable[IndexItem]]
    target: Callable[[int], object | None]


_sources: dict[str, Source] = {}


def register_source(source: Source) -> None:
    if source.name == PAGE or not source.name.isalpha():
        raise ValueError(f"Not a source name: {source.name!r}")
    _sources[source.name] = source


def sources() -> list[Source]:
    return list(_sources.values())


def source(name: str) -> Source | None:
    return _sources.get(name)


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
    return cleaned(doc)


def cleaned(doc: SearchDocument) -> SearchDocument:
    """Plain text within the index's limits, and a kind the facet knows."""
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


# --- Citizen proposals (not pages: a source) ------------------------------------


def _proposal_items(pks: list[int] | None) -> Iterable[IndexItem]:
    # The one public rule is the proposals app's: published() (every status from
    # the campaign on, including «not reached» and the council's outcomes).
    from proposals import selectors

    proposals = selectors.published().only(
        "id", "title", "proposal", "background", "outcome_text"
    )
    if pks is not None:
        proposals = proposals.filter(pk__in=pks)
    for proposal in proposals.order_by("pk").iterator(chunk_size=500):
        # One text, written by the initiator: indexed under every site language
        # (the results are filtered by language). The initiator's name is not
        # indexed: a resident is not found by name through the site search.
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                doc = SearchDocument(
                    kind=ResultKind.PROPOSAL,
                    title=proposal.title,
                    summary=proposal.proposal,
                    keywords=str(ResultKind.PROPOSAL.label),
                    body=f"{proposal.background} {proposal.outcome_text}",
                )
                url = reverse("proposals:detail", kwargs={"pk": proposal.pk})
            yield IndexItem(
                key=f"proposal:{proposal.pk}",
                language=language,
                url=url,
                doc=cleaned(doc),
            )


def _proposal_target(pk: int):
    from proposals import selectors

    return selectors.published().filter(pk=pk).first()


def register_proposals() -> None:
    """Published citizen proposals, when the proposals app is installed."""
    from django.apps import apps

    if apps.is_installed("proposals"):
        register_source(
            Source(name="proposal", items=_proposal_items, target=_proposal_target)
        )
