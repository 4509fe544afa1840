"""The search app's own tables: the PostgreSQL index, its vocabulary and the
anonymous search-term statistics."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class ResultKind(models.TextChoices):
    """What a hit is, for the "type" facet."""

    SERVICE = "service", _("Service")
    TOPIC = "topic", _("Topic")
    HEARING = "hearing", _("Hearing")
    PROPOSAL = "proposal", _("Citizen proposal")
    NEWS = "news", _("News")
    PAGE = "page", _("Article")


class SearchEntry(models.Model):
    """One public page (or object of another source, search.documents) in one
    language, as the PostgreSQL backend sees it.

    A denormalised copy: everything a result needs (title, url, topic, facets) is
    here, so the results page never touches the page tree. Rows are written by
    search.indexing only, on publish / unpublish / move / delete.
    """

    # "page:12", "proposal:3": one per language (a page has one; a proposal has
    # one text, indexed under every site language).
    key = models.CharField(max_length=100)
    # Pages only: the row goes with its page even when no signal says so.
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    language = models.CharField(max_length=8, db_index=True)
    kind = models.CharField(max_length=16, choices=ResultKind.choices)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True, default="")
    keywords = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    url = models.CharField(max_length=500)
    topic_id = models.IntegerField(null=True, blank=True)
    topic_title = models.CharField(max_length=255, blank=True, default="")
    audiences = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    search_vector = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"], name="search_entry_key_language"
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="search_entry_vector"),
            GinIndex(
                OpClass(Lower("title"), name="gin_trgm_ops"),
                name="search_entry_title_trgm",
            ),
        ]

    def __str__(self):
        return self.title


class IndexedLexeme(models.Model):
    """Every lexeme of the index (stemmed, as in the tsvector).

    Used at query time to split compounds ("barnehageplass" → barnehag + plass) and
    to find stems hiding inside derived words ("søknad" → søk). Grows on every
    index write; `search_reindex` rebuilds it without stale words.
    """

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("indexed lexeme")
        verbose_name_plural = _("indexed lexemes")

    def __str__(self):
        return self.word


class SuggestionTerm(models.Model):
    """Words as residents would write them, from titles, keywords and summaries,
    with a trigram index: the dictionary for "Did you mean …?"."""

    word = models.CharField(max_length=100, primary_key=True)
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("suggestion term")
        verbose_name_plural = _("suggestion terms")
        indexes = [
            GinIndex(OpClass("word", name="gin_trgm_ops"), name="search_term_trgm"),
        ]

    def __str__(self):
        return self.word


class SearchTermDaily(models.Model):
    """How often a (normalised) query was searched, found nothing, or led to a
    click, per day. No user, IP, session or time of day: nothing personal."""

    date = models.DateField(_("date"))
    query = models.CharField(_("search term"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_hits = models.PositiveIntegerField(_("searches without results"), default=0)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)

    class Meta:
        verbose_name = _("search term statistic")
        verbose_name_plural = _("search term statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "query"], name="search_term_daily_unique"
            ),
        ]
        indexes = [models.Index(fields=["date"], name="search_term_daily_date")]

    def __str__(self):
        return f"{self.date} {self.query}"


class Synonym(models.Model):
    """Words residents use interchangeably ("søppel, avfall, renovasjon"): a search
    for any of them also finds the others. Kept by editors in the admin."""

    words = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("words"),
        help_text=_(
            "Comma-separated words that mean the same to a resident, for "
            "example «søppel, avfall, renovasjon»."
        ),
    )

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        indexes = [GinIndex(fields=["words"], name="search_synonym_words")]

    def __str__(self):
        return ", ".join(self.words)

    def clean(self):
        from django.core.exceptions import ValidationError

        from .query import parse

        words = []
        for value in self.words or []:
            # Cleaned as a resident's query is (NFC, word length), so it matches.
            word = parse(str(value)).normalised
            if word and word not in words:
                words.append(word)
        if len(words) < 2:
            raise ValidationError({"words": _("Give at least two different words.")})
        self.words = words
