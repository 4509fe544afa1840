"""Keeping the index in step with the page tree and the other sources.

Called by the signal handlers (search/signals.py) and by `search_reindex`. Only
live pages without view restrictions are indexed (not aliases: their original
is), and of the other sources (search.documents.Source) only what their own
public rule lets through; everything else that is asked for is removed. Topic,
URL and language are resolved here, once, for every backend.

Everything is addressed by key ("page:12", "proposal:3"); a bare page id stands
for its page's key (the callers of the page tree, and tasks queued before the
index had keys).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from .backends import get_backend
from .documents import (
    PAGE,
    IndexItem,
    _builders,
    document_for,
    page_key,
    source,
    sources,
    split_key,
)

logger = logging.getLogger(__name__)
LANGUAGES_CACHE_KEY = "portal_search:languages"


def keys_of(values: Iterable[int | str]) -> set[str]:
    """Keys for these keys or page ids."""
    return {page_key(v) if isinstance(v, int) else str(v) for v in values}


def indexable_models() -> list[type]:
    models = []
    for model in get_page_models():
        if model._meta.abstract:
            continue
        if any(cls in _builders for cls in model.__mro__) or callable(
            getattr(model, "search_document", None)
        ):
            models.append(model)
    return models


def _prefetch(model) -> list[str]:
    # Many-to-many fields the builders read (audiences on services).
    return [f.name for f in model._meta.many_to_many if f.name == "audiences"]


class _Context:
    """Everything shared by a batch: locales, view restrictions, topics."""

    def __init__(self, pages: list[Page]):
        from home.models import TopicPage

        self.languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.restricted = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
        prefixes = {p.path[:i] for p in pages for i in range(4, len(p.path) + 1, 4)}
        self.topics = {
            t.path: t
            for t in TopicPage.objects.filter(path__in=prefixes).only(
                "id", "title", "path"
            )
        }

    def is_public(self, page) -> bool:
        return not any(page.path.startswith(path) for path in self.restricted)

    def topic_of(self, page):
        for i in range(len(page.path), 3, -4):
            topic = self.topics.get(page.path[:i])
            if topic is not None:
                return topic
        return None


def _items(pages: list[Page]) -> tuple[list[IndexItem], list[str]]:
    """Index items for the pages that belong in the index; keys of the rest."""
    context = _Context(pages)
    items, gone = [], []
    for page in pages:
        doc = None
        language = context.languages.get(page.locale_id, "nb")
        # Aliases (the English tree before translation) repeat their original's
        # text: the original is indexed, not each copy.
        if (
            page.live
            and not page.expired
            and not page.alias_of_id
            and context.is_public(page)
        ):
            # Labels a builder puts in (a hearing's kind) in the page's language.
            with translation.override(language):
                doc = document_for(page)
        url = page.get_url() if doc else None
        if doc is None or not url:
            gone.append(page_key(page.pk))
            continue
        topic = context.topic_of(page)
        if topic is not None and topic.pk != page.pk:
            doc.topic_id, doc.topic_title = topic.pk, topic.title
        items.append(
            IndexItem(key=page_key(page.pk), url=url, doc=doc, language=language)
        )
    return items, gone


def _specific(page_ids: Iterable[int]) -> list[Page]:
    """Specific pages for these ids, with what the builders need prefetched."""
    by_type = defaultdict(list)
    for pk, ct in Page.objects.filter(pk__in=list(page_ids)).values_list(
        "pk", "content_type_id"
    ):
        by_type[ct].append(pk)
    pages = []
    for ct, ids in by_type.items():
        model = ContentType.objects.get_for_id(ct).model_class()
        if model is None or model not in indexable_models():
            pages += list(Page.objects.filter(pk__in=ids))
            continue
        pages += list(
            model.objects.filter(pk__in=ids).prefetch_related(*_prefetch(model))
        )
    return pages


def _by_source(keys: set[str]) -> dict[str, set[int]]:
    ids = defaultdict(set)
    for key in keys:
        parts = split_key(key)
        if parts is not None:
            ids[parts[0]].add(parts[1])
    return ids


def _source_items(name: str, pks: set[int]) -> list[IndexItem]:
    found = source(name)
    if found is None:  # an app that is no longer installed: its keys go
        return []
    return list(found.items(sorted(pks)))


def refresh(keys: Iterable[int | str]) -> None:
    """Bring these entries up to date (index, update or remove)."""
    keys = keys_of(keys)
    if not keys:
        return
    items = []
    for name, pks in _by_source(keys).items():
        if name == PAGE:
            pages = _specific(pks)
            items += _items(pages)[0]
        else:
            items += _source_items(name, pks)
    # Not indexable any more, deleted meanwhile, or not public (unpublished,
    # restricted, a proposal awaiting moderation or refused).
    gone = sorted(keys - {item.key for item in items})
    backend = get_backend()
    try:
        # A savepoint: a failed index write rolls back alone, not the publish.
        with transaction.atomic():
            if items:
                backend.index(items)
            if gone:
                backend.delete(gone)
    except Exception:
        # A search index that cannot be written must never stop an editor from
        # publishing: log it; `search_reindex` repairs.
        logger.exception("Search index update failed (%s)", backend.name)
    cache.delete(LANGUAGES_CACHE_KEY)


def refresh_subtree(page: Page) -> None:
    """The page and every page below it (a move or a new slug changes their URLs,
    a view restriction their visibility)."""
    refresh(
        Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def remove(keys: Iterable[int | str]) -> None:
    get_backend().delete(sorted(keys_of(keys)))
    cache.delete(LANGUAGES_CACHE_KEY)


def schedule(keys: Iterable[int | str], *, subtree_of: Page | None = None) -> None:
    """Refresh after the surrounding transaction commits (the page's or object's
    new state is then what every reader sees). PostgreSQL: right away, in the
    same transaction; Elasticsearch: as a background task, so publishing never
    waits for it."""
    keys = keys_of(keys)
    if subtree_of is not None:
        keys |= keys_of(
            Page.objects.descendant_of(subtree_of, inclusive=True).values_list(
                "pk", flat=True
            )
        )
    if not keys:
        return
    if get_backend().name == "postgres":
        # Inside the publishing transaction: both commit or neither does.
        refresh(keys)
    else:
        from .tasks import refresh_pages

        transaction.on_commit(lambda: refresh_pages.enqueue(sorted(keys)))


def schedule_removal(keys: Iterable[int | str]) -> None:
    keys = sorted(keys_of(keys))
    if get_backend().name == "postgres":
        remove(keys)  # same transaction as the deletion itself
    else:
        from .tasks import remove_pages

        transaction.on_commit(lambda: remove_pages.enqueue(keys))


def all_batches(batch_size: int = 500) -> tuple[int, Iterator[list[IndexItem]]]:
    """(number of candidate pages, generator of item batches) for a full rebuild:
    the pages, then every other source's public objects."""
    querysets = []
    for model in indexable_models():
        ct = ContentType.objects.get_for_model(model)
        querysets.append(
            model.objects.live()
            .filter(content_type=ct)
            .prefetch_related(*_prefetch(model))
            .order_by("path")
        )
    total = sum(qs.count() for qs in querysets)

    def batches():
        for qs in querysets:
            chunk = []
            for page in qs.iterator(chunk_size=batch_size):
                chunk.append(page)
                if len(chunk) == batch_size:
                    yield _items(chunk)[0]
                    chunk = []
            if chunk:
                yield _items(chunk)[0]
        for other in sources():
            chunk = []
            for item in other.items(None):
                chunk.append(item)
                if len(chunk) == batch_size:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

    return total, batches()


def rebuild(*, backend=None, progress=None, batch_size: int = 500) -> int:
    backend = backend or get_backend()
    total, batches = all_batches(batch_size)
    count = backend.rebuild(batches, progress=progress)
    cache.delete(LANGUAGES_CACHE_KEY)
    return count


def indexed_languages() -> set[str]:
    languages = cache.get(LANGUAGES_CACHE_KEY)
    if languages is None:
        languages = get_backend().languages()
        cache.set(LANGUAGES_CACHE_KEY, languages, 300)
    return languages
