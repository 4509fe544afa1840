"""Elasticsearch backend (the DSL of the official client, `elasticsearch.dsl`, 8.18+
and 9), used when ELASTICSEARCH_URL is set.

Index layout: versioned indices `<alias>-<timestamp>` behind the alias `<alias>`.
`search_reindex` builds a new index, fills it, and moves the alias in one
`update_aliases` call, so searches keep working during a rebuild; incremental
updates (publish / unpublish) write through the alias.

Documents: one per key and language ("page:12" in nb; a proposal in every site
language), `_id` = "<key>@<language>" (doc_id). An index built before keys
existed (`_id` = the page id) is replaced by the next `search_reindex`.

Norwegian analysis: lowercase → dictionary_decompounder (word list taken from the
content's own titles and keywords at rebuild time, since the hyphenation
decompounder needs files a cluster may not have) → Norwegian stop words →
Norwegian stemmer. Titles and keywords also get an edge n-gram sub-field for
prefix matching, and a lightly analysed field feeds the spelling suggester.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch.dsl import (
    A,
    Completion,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from ..query import WORD_RE, ParsedQuery
from ..results import FacetValue, Filters, Hit, Results

START, STOP = "\x02", "\x03"
ANALYZER = "portal_norwegian"
PREFIX_ANALYZER = "portal_prefix"
PLAIN_ANALYZER = "portal_plain"
MAX_DECOMPOUND_WORDS = 20_000


def alias_name() -> str:
    return getattr(settings, "ELASTICSEARCH_INDEX", "portal-pages")


def versioned_index_name() -> str:
    """A new index behind the alias: `<alias>-<timestamp>`."""
    return f"{alias_name()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


class PageDocument(Document):
    """One public page (or proposal) in one language. Field analyzers are
    referred to by name; the analyzers themselves are defined per index version
    (see build_index)."""

    key = Keyword()
    page_id = Integer()
    language = Keyword()
    kind = Keyword()
    title = Text(
        analyzer=ANALYZER,
        copy_to="spell",
        fields={
            "prefix": Text(analyzer=PREFIX_ANALYZER, search_analyzer=PLAIN_ANALYZER),
            "raw": Keyword(),
        },
    )
    summary = Text(analyzer=ANALYZER)
    keywords = Text(
        analyzer=ANALYZER,
        copy_to="spell",
        fields={
            "prefix": Text(analyzer=PREFIX_ANALYZER, search_analyzer=PLAIN_ANALYZER),
        },
    )
    body = Text(analyzer=ANALYZER)
    spell = Text(analyzer=PLAIN_ANALYZER)
    url = Keyword(index=False)
    topic_id = Keyword()
    topic_title = Keyword()
    audiences = Keyword(multi=True)
    suggest = Completion(
        analyzer=PLAIN_ANALYZER, contexts=[{"name": "language", "type": "category"}]
    )


def analysis(words: list[str]) -> dict:
    """The analyzers, given the decompounding word list."""
    decompound = token_filter(
        "portal_decompound",
        "dictionary_decompounder",
        word_list=sorted(set(words))[:MAX_DECOMPOUND_WORDS]
        or ["kommune"],  # the filter needs one word
        min_word_size=6,
        min_subword_size=3,
        max_subword_size=20,
        only_longest_match=True,
    )
    stop = token_filter("portal_stop", "stop", stopwords="_norwegian_")
    stem = token_filter("portal_stem", "stemmer", language="norwegian")
    edge = token_filter("portal_edge", "edge_ngram", min_gram=2, max_gram=20)
    delimiter = token_filter(
        "portal_delimiter", "word_delimiter_graph", preserve_original=True
    )
    return {
        "text": analyzer(
            ANALYZER,
            tokenizer=tokenizer("standard"),
            filter=["lowercase", decompound, stop, stem],
        ),
        "prefix": analyzer(
            PREFIX_ANALYZER,
            tokenizer="whitespace",
            filter=[delimiter, "lowercase", edge],
        ),
        "plain": analyzer(PLAIN_ANALYZER, tokenizer="standard", filter=["lowercase"]),
    }


def build_index(name: str, words: list[str]) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    for item in analysis(words).values():
        index.analyzer(item)
    index.document(PageDocument)
    return index


def decompound_words(items) -> list[str]:
    """Words of four letters or more from titles and keywords: the dictionary the
    decompounder splits compounds with."""
    words: set[str] = set()
    for item in items:
        for word in WORD_RE.findall(f"{item.doc.title} {item.doc.keywords}".lower()):
            if 4 <= len(word) <= 20 and not word.isdigit():
                words.add(word)
    return sorted(words)


def doc_id(key: str, language: str) -> str:
    return f"{key}@{language}"


def _page_id(key: str) -> int | None:
    source, _, pk = key.partition(":")
    return int(pk) if source == "page" else None


def to_source(item) -> dict:
    doc = item.doc
    inputs = [doc.title] + [k.strip() for k in doc.keywords.split(",") if k.strip()]
    return {
        "key": item.key,
        "page_id": _page_id(item.key),
        "language": item.language,
        "kind": doc.kind,
        "title": doc.title,
        "summary": doc.summary,
        "keywords": doc.keywords,
        "body": doc.body,
        "url": item.url,
        "topic_id": str(doc.topic_id) if doc.topic_id else None,
        "topic_title": doc.topic_title,
        "audiences": doc.audiences,
        "suggest": {
            "input": inputs[:20],
            "contexts": {"language": [item.language]},
            "weight": 10 if doc.kind == "service" else 5,
        },
    }


def _filter_clauses(filters: Filters) -> dict[str, Q]:
    clauses = {}
    if filters.type:
        clauses["type"] = Q("terms", kind=list(filters.type))
    if filters.topic:
        clauses["topic"] = Q("terms", topic_id=[str(t) for t in filters.topic])
    if filters.audience:
        clauses["audience"] = Q("terms", audiences=list(filters.audience))
    return clauses


FACET_FIELDS = {"type": "kind", "topic": "topic_id", "audience": "audiences"}


def build_search(
    query: ParsedQuery,
    *,
    filters: Filters,
    page: int,
    per_page: int,
    language: str,
    exclude: tuple[str, ...] = (),
    variants: list[str] | tuple[str, ...] = (),
    index: str | None = None,
    using=None,
) -> Search:
    """The request for one results page: hits, disjunctive facet aggregations,
    highlighting and a spelling suggestion. Pure: no server needed to build it."""
    text = query.normalised
    s = Search(using=using, index=index or alias_name())
    s = s.filter("term", language=language)
    if exclude:
        s = s.exclude("terms", key=list(exclude))
    # The query with a word swapped for an editor's synonym matches too.
    synonyms = [
        Q(
            "multi_match",
            query=variant,
            operator="and",
            type="cross_fields",
            fields=["title^4", "keywords^3", "summary^2", "body"],
        )
        for variant in variants
    ]
    s = s.query(
        Q(
            "bool",
            should=[
                *synonyms,
                Q(
                    "multi_match",
                    query=text,
                    operator="and",
                    type="cross_fields",
                    fields=["title^5", "keywords^3", "summary^2", "body"],
                ),
                Q(
                    "multi_match",
                    query=text,
                    operator="and",
                    fuzziness="AUTO",
                    prefix_length=1,
                    fields=["title^3", "keywords^2", "summary", "body^0.5"],
                ),
                Q(
                    "multi_match",
                    query=text,
                    operator="and",
                    type="cross_fields",
                    fields=["title.prefix^2", "keywords.prefix"],
                ),
            ],
            minimum_should_match=1,
        )
    )
    # Facets are disjunctive: the hits are filtered after aggregation
    # (post_filter), each facet's counts by the other facets' filters.
    clauses = _filter_clauses(filters)
    if clauses:
        s = s.post_filter(Q("bool", filter=list(clauses.values())))
    for name, field in FACET_FIELDS.items():
        others = [c for n, c in clauses.items() if n != name]
        bucket = A(
            "filter", filter=Q("bool", filter=others) if others else Q("match_all")
        )
        terms = A("terms", field=field, size=50)
        if name == "topic":
            terms.bucket("label", "terms", field="topic_title", size=1)
        bucket.bucket("values", terms)
        s.aggs.bucket(name, bucket)
    s = s.highlight(
        "summary",
        "body",
        fragment_size=160,
        number_of_fragments=2,
        pre_tags=[START],
        post_tags=[STOP],
    )
    s = s.highlight_options(encoder="default")
    s = s.suggest(
        "spelling",
        text,
        term={"field": "spell", "suggest_mode": "missing", "min_word_length": 3},
    )
    s = s.source(["key", "title", "url", "kind", "topic_title", "summary"])
    offset = (page - 1) * per_page
    return s[offset : offset + per_page]


def build_autocomplete(
    text: str, *, language: str, limit: int, index=None, using=None
) -> Search:
    s = Search(using=using, index=index or alias_name()).source(
        ["key", "title", "url", "kind"]
    )
    return s.suggest(
        "titles",
        text,
        completion={
            "field": "suggest",
            "size": limit,
            "skip_duplicates": True,
            "contexts": {"language": [language]},
            "fuzzy": {"fuzziness": 1},
        },
    )


def _snippet(fragments) -> str:
    text = " … ".join(fragments)
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(re.sub(r"\s+", " ", html))  # noqa: S308 - escaped above


def client_options() -> dict:
    """Authentication and TLS for a managed cluster: an API key (Elastic Cloud and
    most hosted offerings issue these) and a CA certificate for a cluster signed by
    the municipality's own CA. Empty settings add nothing."""
    options: dict = {}
    if api_key := getattr(settings, "ELASTICSEARCH_API_KEY", ""):
        options["api_key"] = api_key
    if ca_certs := getattr(settings, "ELASTICSEARCH_CA_CERTS", ""):
        options["ca_certs"] = ca_certs
    return options


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str):
        self.url = url
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(
                self.url, request_timeout=5, **client_options()
            )
        return self._client

    def search(
        self,
        query: ParsedQuery,
        *,
        filters: Filters,
        page: int,
        per_page: int,
        language: str,
        exclude: tuple[str, ...] = (),
        correct: bool = True,
    ) -> Results:
        results = Results(
            query=query.text, page=page, per_page=per_page, language=language
        )
        if not query:
            return results
        from ..synonyms import synonym_variants

        s = build_search(
            query,
            filters=filters,
            page=page,
            per_page=per_page,
            language=language,
            exclude=exclude,
            using=self.client,
            variants=synonym_variants(query.words),
        )
        response = s.execute()
        self._fill(results, response)
        if not results.total and results.suggestion and correct and not filters:
            corrected = ParsedQuery(
                text=results.suggestion, words=tuple(results.suggestion.split())
            )
            retry = build_search(
                corrected,
                filters=filters,
                page=page,
                per_page=per_page,
                language=language,
                exclude=exclude,
                using=self.client,
                variants=synonym_variants(corrected.words),
            ).execute()
            suggestion = results.suggestion
            self._fill(results, retry)
            if results.total:
                results.corrected = True
            results.suggestion = suggestion
        return results

    @staticmethod
    def _fill(results: Results, response) -> None:
        results.total = response.hits.total.value
        results.hits = []
        for hit in response.hits:
            fragments = []
            highlight = getattr(hit.meta, "highlight", None)
            if highlight is not None:
                for field in ("summary", "body"):
                    fragments += list(getattr(highlight, field, []))
            results.hits.append(
                Hit(
                    key=hit.key,
                    title=hit.title,
                    url=hit.url,
                    kind=hit.kind,
                    topic=getattr(hit, "topic_title", "") or "",
                    snippet=_snippet(fragments)
                    if fragments
                    else getattr(hit, "summary", ""),
                    score=hit.meta.score or 0.0,
                )
            )
        facets = {}
        for name in FACET_FIELDS:
            values = []
            for bucket in response.aggregations[name]["values"]["buckets"]:
                label = bucket.key
                if name == "topic" and bucket["label"]["buckets"]:
                    label = bucket["label"]["buckets"][0].key
                values.append(
                    FacetValue(
                        value=str(bucket.key), label=str(label), count=bucket.doc_count
                    )
                )
            facets[name] = values
        results.facets = facets
        words, changed = [], False
        suggest = getattr(response, "suggest", None)
        for entry in getattr(suggest, "spelling", None) or []:
            if entry.options:
                words.append(entry.options[0].text)
                changed = True
            else:
                words.append(entry.text)
        results.suggestion = " ".join(words) if changed else ""

    def autocomplete(self, text: str, *, language: str, limit: int = 6) -> list[Hit]:
        response = build_autocomplete(
            text, language=language, limit=limit, using=self.client
        ).execute()
        return self._suggestions(response)

    @staticmethod
    def _suggestions(response) -> list[Hit]:
        hits = []
        for option in response.suggest["titles"][0].options:
            source = option._source
            hits.append(
                Hit(
                    key=source.key,
                    title=source.title,
                    url=source.url,
                    kind=source.kind,
                )
            )
        return hits

    def languages(self) -> set[str]:
        """The content languages: those of the pages (a proposal is indexed
        under every language; see the PostgreSQL backend)."""
        s = Search(using=self.client, index=alias_name()).extra(size=0)
        s = s.filter("exists", field="page_id")
        s.aggs.bucket("languages", "terms", field="language")
        try:
            response = s.execute()
        except Exception:  # noqa: BLE001 - no index yet: nothing indexed
            return set()
        return {b.key for b in response.aggregations.languages.buckets}

    # --- indexing --------------------------------------------------------------------

    def ensure_index(self) -> None:
        """The alias must exist before anything is written through it: writing
        to a missing alias would create a plain index of that name, with a
        guessed mapping, that no alias could later replace."""
        if not self.client.indices.exists_alias(name=alias_name()):
            name = versioned_index_name()
            build_index(name, []).create(using=self.client)
            self.switch_alias(name)

    def index(self, items) -> None:
        from elasticsearch.helpers import bulk

        self.ensure_index()
        bulk(
            self.client,
            (
                {
                    "_op_type": "index",
                    "_index": alias_name(),
                    "_id": doc_id(item.key, item.language),
                    "_source": to_source(item),
                }
                for item in items
            ),
            refresh="wait_for",
        )

    def delete(self, keys) -> None:
        """Every language's document of these keys (a missing one is no error)."""
        from elasticsearch.helpers import bulk

        self.ensure_index()
        languages = [code for code, _name in settings.LANGUAGES]
        bulk(
            self.client,
            (
                {
                    "_op_type": "delete",
                    "_index": alias_name(),
                    "_id": doc_id(key, language),
                }
                for key in keys
                for language in languages
            ),
            raise_on_error=False,
            refresh="wait_for",
        )

    def rebuild(self, batches, progress=None) -> int:
        """A new versioned index, filled, then the alias moved in one request."""
        from elasticsearch.helpers import bulk

        items = [item for batch in batches for item in batch]
        name = versioned_index_name()
        build_index(name, decompound_words(items)).create(using=self.client)
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            bulk(
                self.client,
                (
                    {
                        "_index": name,
                        "_id": doc_id(i.key, i.language),
                        "_source": to_source(i),
                    }
                    for i in chunk
                ),
            )
            if progress:
                progress(len(chunk))
        self.client.indices.refresh(index=name)
        self.switch_alias(name)
        return len(items)

    def switch_alias(self, name: str) -> None:
        alias = alias_name()
        client = self.client
        old = []
        if client.indices.exists_alias(name=alias):
            old = list(client.indices.get_alias(name=alias).keys())
        actions = [{"remove": {"index": i, "alias": alias}} for i in old]
        actions.append({"add": {"index": name, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for index in old:
            if index != name:
                client.indices.delete(index=index)
