"""PostgreSQL full-text search over search.models.SearchEntry.

One search costs two round trips: a vocabulary lookup (stems of the query words,
compound parts, spelling suggestions) and one statement returning the page of
hits with ts_headline snippets, the total and all facet counts. A probable typo
counts with its likely spelling, and editors' synonyms count too, from the first
statement. Zero-hit queries take up to two more (a looser OR query, then trigram
similarity on titles).

The query is never parsed by PostgreSQL from resident text: it is assembled here
as a tsquery literal from lexemes that are letters and digits only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import IndexedLexeme, SearchEntry, SuggestionTerm
from ..query import WORD_RE, ParsedQuery
from ..results import FacetValue, Filters, Hit, Results

# Text search configuration per content language; the index row and the query
# always use the same one.
CONFIGS = {"nb": "norwegian", "en": "english"}
DEFAULT_CONFIG = "norwegian"
# Compound parts and stems shorter than this are too ambiguous to search for.
MIN_PART = 3
# Linking letters between compound parts: barnehage|plass, sykehjem|s|plass.
LINKS = ("", "e", "s")
SUGGESTION_SIMILARITY = 0.45
TITLE_SIMILARITY = 0.3
HEADLINE_CHARS = 1500
# How many of the best text-rank matches are re-ranked by title similarity.
RERANK_CANDIDATES = 100
START, STOP = "\x02", "\x03"  # snippet markers, replaced after escaping


def config_for(language: str) -> str:
    return CONFIGS.get((language or "")[:2], DEFAULT_CONFIG)


def _lit(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "").replace("'", "") + "'"


@dataclass
class WordInfo:
    word: str
    stems: list[str] = field(default_factory=list)
    known: bool = False
    suggestion: str = ""
    alternatives: list[str] = field(default_factory=list)  # tsquery fragments

    def fragment(self) -> str | None:
        """This word as a tsquery fragment, or None for a stop word."""
        options = []
        for stem in self.stems:
            options.append(f"{_lit(stem)}:*" if len(stem) >= MIN_PART else _lit(stem))
        if not options:
            return None
        options += self.alternatives
        return "(" + " | ".join(dict.fromkeys(options)) + ")"


class PostgresBackend:
    name = "postgres"

    # --- querying ------------------------------------------------------------------

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
        config = config_for(language)
        words = self._lookup(query.words, config, correct=correct)
        results.suggestion = self._suggestion(words)

        tsquery = self._tsquery(words, "&")
        if tsquery:
            self._run(results, tsquery, query, filters, config, exclude)
        if results.total or filters:
            return results
        # Nothing for all the words (probable typos already counted with their
        # likely spelling): any of the words, then titles that look alike.
        if len(words) > 1:
            tsquery = self._tsquery(words, "|")
            if tsquery:
                self._run(results, tsquery, query, filters, config, exclude)
                if results.total:
                    return results
        self._similar_titles(results, query, language, exclude)
        return results

    def _lookup(
        self, words: tuple[str, ...], config: str, *, correct: bool = True
    ) -> list[WordInfo]:
        """Stems, known-ness, compound parts and spelling suggestions, one query."""
        candidates = set()
        for word in words:
            for i in range(MIN_PART, len(word)):
                candidates.add(word[:i])
                candidates.add(word[i:])
        sql = """
            WITH orig AS (SELECT t FROM unnest(%(words)s::text[]) t),
            syn AS (
                SELECT DISTINCT orig.t AS src, w
                  FROM orig
                  JOIN portal_search_synonym s ON s.words @> ARRAY[orig.t]::varchar[]
                 CROSS JOIN LATERAL unnest(s.words) w
                 WHERE w <> orig.t
            ),
            tok AS (SELECT t FROM orig UNION SELECT w FROM syn)
            SELECT 'stem', tok.t, array_to_string(
                       tsvector_to_array(to_tsvector(%(config)s::regconfig, tok.t)),
                       ' '),
                   EXISTS (SELECT 1 FROM portal_search_indexedlexeme l WHERE l.word
                           = ANY(tsvector_to_array(to_tsvector(%(config)s::regconfig,
                                                               tok.t))))
                   OR EXISTS (SELECT 1 FROM portal_search_suggestionterm s
                              WHERE s.word = tok.t)
                   OR EXISTS (SELECT 1 FROM syn WHERE syn.src = tok.t),
                   NULL
              FROM tok
            UNION ALL
            SELECT 'syn', src, w, NULL, NULL FROM syn
            UNION ALL
            SELECT 'lex', word, NULL, NULL, NULL FROM portal_search_indexedlexeme
             WHERE word = ANY(%(candidates)s::text[])
            UNION ALL
            SELECT 'sugg', orig.t, best.word, NULL, array_to_string(
                       tsvector_to_array(to_tsvector(%(config)s::regconfig,
                                                     best.word)), ' ')
              FROM orig CROSS JOIN LATERAL (
                SELECT s.word FROM portal_search_suggestionterm s
                 WHERE s.word %% orig.t
                   AND similarity(s.word, orig.t) >= %(similarity)s
                 ORDER BY similarity(s.word, orig.t) DESC, s.documents DESC, s.word
                 LIMIT 1) best
        """
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                {
                    "words": list(words),
                    "config": config,
                    "candidates": sorted(candidates),
                    "similarity": SUGGESTION_SIMILARITY,
                },
            )
            rows = cursor.fetchall()
        infos = {w: WordInfo(word=w) for w in words}
        stems: dict[str, list[str]] = {}
        synonyms: dict[str, list[str]] = {}
        vocabulary = set()
        suggested_stems: dict[str, list[str]] = {}
        for kind, key, value, known, extra in rows:
            if kind == "stem":
                stems[key] = [s for s in (value or "").split() if s]
                if key in infos:
                    infos[key].stems = stems[key]
                    infos[key].known = bool(known)
            elif kind == "syn":
                synonyms.setdefault(key, []).append(value)
            elif kind == "lex":
                vocabulary.add(key)
            elif value:
                infos[key].suggestion = value
                suggested_stems[key] = (extra or "").split()
        for info in infos.values():
            probable_typo = not info.known and bool(info.suggestion)
            info.alternatives = self._parts(
                info.word, vocabulary, info.stems, stem_prefix=not probable_typo
            )
            if probable_typo and correct:
                # A probable typo: its likely spelling counts as well.
                info.alternatives += [
                    f"{_lit(s)}:*"
                    for s in suggested_stems.get(info.word, ())
                    if len(s) >= MIN_PART
                ]
            # Editors' synonyms: every word of a multi-word synonym must match.
            for synonym in sorted(synonyms.get(info.word, ())):
                parts = [
                    f"{_lit(s)}:*" if len(s) >= MIN_PART else _lit(s)
                    for s in stems.get(synonym, ())
                ]
                if parts:
                    info.alternatives.append("(" + " & ".join(parts) + ")")
        return [infos[w] for w in words]

    @staticmethod
    def _parts(
        word: str, vocabulary: set[str], stems: list[str], *, stem_prefix: bool = True
    ) -> list[str]:
        """Alternatives from the index vocabulary for a word the index may spell
        differently: a compound split into two known words ("barnehageplass" →
        barnehag & plass), or a known stem at the start of a derived word
        ("søknad" → søk)."""
        alternatives = []
        for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head = word[:i]
            if head not in vocabulary:
                continue
            for link in LINKS:
                tail = word[i + len(link) :] if word[i:].startswith(link) else None
                if tail and len(tail) >= MIN_PART and tail in vocabulary:
                    alternatives.append(f"({_lit(head)} & {_lit(tail)}:*)")
                    break
            if alternatives:
                break
        if not alternatives and stem_prefix:
            # The longest known prefix covering at least half the word (not for
            # a probable typo: its prefix is noise; its suggestion is used).
            for i in range(len(word) - 1, MIN_PART - 1, -1):
                head = word[:i]
                if head in vocabulary and i * 2 >= len(word) and head not in stems:
                    alternatives.append(_lit(head))
                    break
        return alternatives

    @staticmethod
    def _suggestion(words: list[WordInfo]) -> str:
        changed = False
        out = []
        for info in words:
            if not info.known and info.suggestion and info.suggestion != info.word:
                out.append(info.suggestion)
                changed = True
            else:
                out.append(info.word)
        return " ".join(out) if changed else ""

    @staticmethod
    def _tsquery(words: list[WordInfo], operator: str) -> str:
        fragments = [f for f in (w.fragment() for w in words) if f]
        return f" {operator} ".join(fragments)

    def _run(
        self,
        results: Results,
        tsquery: str,
        query: ParsedQuery,
        filters: Filters,
        config: str,
        exclude: tuple[str, ...],
    ) -> None:
        # Facet counts are disjunctive: each facet is counted with the *other*
        # facets' filters applied, so a chosen value's siblings keep their counts.
        f_type = "(cardinality(%(types)s::text[]) = 0 OR kind = ANY(%(types)s))"
        f_topic = "(cardinality(%(topics)s::int[]) = 0 OR topic_id = ANY(%(topics)s))"
        f_aud = (
            "(cardinality(%(audiences)s::text[]) = 0 "
            "OR audiences && %(audiences)s::varchar[])"
        )
        # Only the constant filter snippets above are formatted in; every value
        # is a query parameter.
        sql = f"""
            WITH base AS (
                SELECT id, page_id, key, kind, topic_id, topic_title, audiences,
                       title,
                       ts_rank('{{0.1, 0.2, 0.5, 1.0}}', search_vector, q.q)
                       + CASE kind WHEN 'service' THEN 0.05 WHEN 'topic' THEN 0.04
                                   ELSE 0 END AS rank0
                  FROM portal_search_searchentry, (SELECT %(tsquery)s::tsquery) q(q)
                 WHERE language = %(language)s AND search_vector @@ q.q
                   AND NOT (key = ANY(%(exclude)s::text[]))
            ),
            hits AS (SELECT * FROM base WHERE {f_type} AND {f_topic} AND {f_aud}),
            -- Title similarity is the costly part of the ranking: it re-orders
            -- only the best candidates by text rank, not every match.
            -- Ties go to the page with the lower id (as before other sources
            -- were indexed), then by key.
            top AS (SELECT id, page_id, key,
                           rank0 + 0.6 * similarity(lower(title), %(text)s) AS rank
                      FROM (SELECT * FROM hits ORDER BY rank0 DESC, page_id, key
                            LIMIT %(candidates)s) c),
            page AS (SELECT id, rank FROM top ORDER BY rank DESC, page_id, key
                     LIMIT %(limit)s OFFSET %(offset)s)
            SELECT 'hit', e.key, e.title, e.url, e.kind, e.topic_title,
                   ts_headline(%(config)s::regconfig,
                               left(e.summary || ' ' || e.body, %(headline_chars)s),
                               %(tsquery)s::tsquery, %(headline)s),
                   p.rank
              FROM page p JOIN portal_search_searchentry e USING (id)
            UNION ALL
            SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM hits
            UNION ALL
            SELECT 'type', kind, NULL, NULL, NULL, NULL, NULL, count(*) FROM base
             WHERE {f_topic} AND {f_aud} GROUP BY kind
            UNION ALL
            SELECT 'topic', topic_id::text, topic_title, NULL, NULL, NULL, NULL,
                   count(*) FROM base
             WHERE topic_id IS NOT NULL AND {f_type} AND {f_aud}
             GROUP BY topic_id, topic_title
            UNION ALL
            SELECT 'audience', a, NULL, NULL, NULL, NULL, NULL, count(*)
              FROM base, unnest(audiences) a WHERE {f_type} AND {f_topic}
             GROUP BY a
        """  # noqa: S608
        params = {
            "tsquery": tsquery,
            "text": query.normalised,
            "language": results.language[:2] or "nb",
            "config": config,
            "exclude": list(exclude),
            "types": list(filters.type),
            "topics": list(filters.topic),
            "audiences": list(filters.audience),
            "limit": results.per_page,
            "offset": (results.page - 1) * results.per_page,
            "candidates": max(RERANK_CANDIDATES, results.page * results.per_page),
            # ts_headline is the dearest part of a results page: it parses the
            # text again. The beginning of a page says what it is about.
            "headline_chars": HEADLINE_CHARS,
            "headline": (
                f"StartSel={START}, StopSel={STOP}, MaxWords=35, "
                'MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
            ),
        }
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        hits, facets = [], {"type": [], "topic": [], "audience": []}
        for row, key, title, url, kind, topic, snippet, value in rows:
            if row == "hit":
                hits.append(
                    Hit(
                        key=key,
                        title=title,
                        url=url,
                        kind=kind,
                        topic=topic,
                        snippet=_snippet(snippet),
                        score=float(value),
                    )
                )
            elif row == "total":
                results.total = int(value)
            else:
                facets[row].append(
                    FacetValue(value=key, label=title or key, count=int(value))
                )
        hits.sort(key=_order)
        results.hits = hits
        results.facets = facets

    def _similar_titles(
        self,
        results: Results,
        query: ParsedQuery,
        language: str,
        exclude: tuple[str, ...],
    ) -> None:
        """Last resort for zero hits: titles that look like the query."""
        text = query.normalised
        entries = list(
            SearchEntry.objects.raw(
                # `%%` is pg_trgm's similarity operator (threshold 0.3, the
                # default): it can use the trigram index on lower(title).
                """SELECT id, key, title, url, kind, topic_title, summary,
                          similarity(lower(title), %s) AS score
                     FROM portal_search_searchentry
                    WHERE language = %s AND lower(title) %% %s
                      AND similarity(lower(title), %s) >= %s
                      AND NOT (key = ANY(%s::text[]))
                    ORDER BY score DESC, page_id, key LIMIT %s""",
                [
                    text,
                    (language or "nb")[:2],
                    text,
                    text,
                    TITLE_SIMILARITY,
                    list(exclude),
                    results.per_page,
                ],
            )
        )
        results.hits = [
            Hit(
                key=e.key,
                title=e.title,
                url=e.url,
                kind=e.kind,
                topic=e.topic_title,
                snippet=e.summary[:240],
                score=e.score,
            )
            for e in entries
        ]
        results.total = len(results.hits)
        results.facets = {}

    def autocomplete(self, text: str, *, language: str, limit: int = 6) -> list[Hit]:
        """Titles matching what has been typed so far, the last word as a prefix."""
        words = WORD_RE.findall(text.lower())[:6]
        if not words or len(words[-1]) < 2 and len(words) == 1:
            return []
        config = config_for(language)
        # Every word is a prefix here (the resident has not finished typing),
        # matched in titles and keywords only (weights A and B).
        fragments = [f"{_lit(w)}:*AB" for w in words]
        sql = """
            SELECT key, title, url, kind
              FROM portal_search_searchentry,
                   to_tsquery(%(config)s::regconfig, %(q)s) q
             WHERE language = %(language)s AND search_vector @@ q
             ORDER BY ts_rank(search_vector, q) DESC,
                      CASE kind WHEN 'service' THEN 0 WHEN 'topic' THEN 1 ELSE 2 END,
                      length(title), page_id, key
             LIMIT %(limit)s
        """
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                {
                    "q": " & ".join(fragments),
                    "config": config,
                    "language": (language or "nb")[:2],
                    "limit": limit,
                },
            )
            return [
                Hit(key=r[0], title=r[1], url=r[2], kind=r[3])
                for r in cursor.fetchall()
            ]

    def languages(self) -> set[str]:
        """The content languages: those of the pages. A proposal is indexed
        under every language, and must not make English a content language
        (English searches would then miss the Norwegian pages)."""
        return set(
            SearchEntry.objects.filter(page__isnull=False)
            .values_list("language", flat=True)
            .distinct()
        )

    # --- indexing --------------------------------------------------------------------

    def index(self, items) -> None:
        """Insert or update entries (search.indexing.IndexItem), then their
        vectors and the vocabulary, in a few statements whatever the batch size."""
        if not items:
            return
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                [
                    SearchEntry(
                        key=i.key,
                        page_id=_page_id(i.key),
                        language=i.language,
                        url=i.url,
                        kind=i.doc.kind,
                        title=i.doc.title,
                        summary=i.doc.summary,
                        keywords=i.doc.keywords,
                        body=i.doc.body,
                        topic_id=i.doc.topic_id,
                        topic_title=i.doc.topic_title,
                        audiences=i.doc.audiences,
                    )
                    for i in items
                ],
                update_conflicts=True,
                unique_fields=["key", "language"],
                update_fields=[
                    "page",
                    "url",
                    "kind",
                    "title",
                    "summary",
                    "keywords",
                    "body",
                    "topic_id",
                    "topic_title",
                    "audiences",
                    "updated_at",
                ],
            )
            keys = sorted({i.key for i in items})
            case = " ".join(
                f"WHEN '{lang}' THEN '{cfg}'::regconfig"
                for lang, cfg in CONFIGS.items()
            )
            cfg = f"(CASE language {case} ELSE '{DEFAULT_CONFIG}'::regconfig END)"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""UPDATE portal_search_searchentry SET search_vector =
                          setweight(to_tsvector({cfg}, title), 'A')
                          || setweight(to_tsvector({cfg}, summary || ' ' || keywords),
                                       'B')
                          || setweight(to_tsvector({cfg}, body), 'C')
                        WHERE key = ANY(%s)""",  # noqa: S608 - constants only
                    [keys],
                )
                cursor.execute(
                    """INSERT INTO portal_search_indexedlexeme (word)
                       SELECT DISTINCT w FROM portal_search_searchentry,
                              unnest(tsvector_to_array(search_vector)) w
                        WHERE key = ANY(%s) AND length(w) <= 100
                       ON CONFLICT DO NOTHING""",
                    [keys],
                )
            SuggestionTerm.objects.bulk_create(
                [SuggestionTerm(word=w) for w in sorted(_terms(items))],
                ignore_conflicts=True,
                batch_size=2000,
            )

    def delete(self, keys) -> None:
        """Every language's entry of these keys."""
        SearchEntry.objects.filter(key__in=list(keys)).delete()

    def rebuild(self, batches, progress=None) -> int:
        """Replace the whole index (one transaction: searches keep seeing the old
        index until it commits)."""
        count = 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            IndexedLexeme.objects.all().delete()
            SuggestionTerm.objects.all().delete()
            for batch in batches:
                self.index(batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
            # Document frequencies make suggestions prefer common words.
            counts: dict[str, int] = {}
            for title, summary, keywords in SearchEntry.objects.values_list(
                "title", "summary", "keywords"
            ).iterator(chunk_size=2000):
                for word in set(_words(f"{title} {summary} {keywords}")):
                    counts[word] = counts.get(word, 0) + 1
            SuggestionTerm.objects.all().delete()
            SuggestionTerm.objects.bulk_create(
                [SuggestionTerm(word=w, documents=n) for w, n in counts.items()],
                batch_size=2000,
            )
        # A full rebuild changes the tables' make-up: fresh planner statistics.
        with connection.cursor() as cursor:
            for model in (SearchEntry, IndexedLexeme, SuggestionTerm):
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        return count


def _page_id(key: str) -> int | None:
    source, _, pk = key.partition(":")
    return int(pk) if source == "page" else None


def _order(hit: Hit):
    # As the statement orders: rank, then pages by id, then other keys.
    page_id = hit.page_id
    return (-hit.score, page_id is None, page_id or 0, hit.key)


def _words(value: str) -> list[str]:
    return [
        w
        for w in WORD_RE.findall(value.lower())
        if len(w) >= MIN_PART and not w.isdigit() and len(w) <= 100
    ]


def _terms(items) -> set[str]:
    terms: set[str] = set()
    for item in items:
        terms.update(_words(f"{item.doc.title} {item.doc.summary} {item.doc.keywords}"))
    return terms


def _snippet(value: str | None):
    if not value:
        return ""
    html = escape(value).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(re.sub(r"\s+", " ", html).strip())  # noqa: S308 - escaped above
