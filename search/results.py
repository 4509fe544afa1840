"""What every backend returns: plain data the templates and the JSON view use."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

FACETS = ("type", "topic", "audience")


@dataclass
class Hit:
    # The entry's key ("page:12", "proposal:3"); empty for an editor's external
    # link among the best bets.
    key: str
    title: str
    url: str
    kind: str
    topic: str = ""
    snippet: SafeString | str = ""
    score: float = 0.0

    @property
    def page_id(self) -> int | None:
        source, _, pk = self.key.partition(":")
        return int(pk) if source == "page" and pk.isdigit() else None

    @property
    def click_url(self) -> str:
        """The counted click-through for this hit ("" when there is none): a
        page's stays /sok/klikk/<id>/, as it always was."""
        from django.urls import reverse

        source, _, pk = self.key.partition(":")
        if not pk.isdigit():
            return ""
        if source == "page":
            return reverse("search:click", args=[int(pk)])
        return reverse("search:click_source", args=[source, int(pk)])

    @property
    def kind_label(self) -> str:
        from .models import ResultKind

        return (
            str(ResultKind(self.kind).label) if self.kind in ResultKind.values else ""
        )


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Filters:
    """Chosen facet values: several values in one facet are OR-ed, facets AND-ed."""

    type: tuple[str, ...] = ()
    topic: tuple[int, ...] = ()
    audience: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.type or self.topic or self.audience)

    @classmethod
    def from_dict(cls, data) -> "Filters":
        if isinstance(data, Filters):
            return data
        data = data or {}

        def values(name):
            raw = data.get(name) or ()
            if isinstance(raw, str):
                raw = (raw,)
            return [str(v)[:100] for v in list(raw)[:10]]

        from .models import ResultKind

        return cls(
            type=tuple(v for v in values("type") if v in ResultKind.values),
            topic=tuple(int(v) for v in values("topic") if v.isdigit() and len(v) < 12),
            audience=tuple(
                v for v in values("audience") if v.replace("-", "").isalnum()
            ),
        )


@dataclass
class Results:
    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    total: int = 0
    page: int = 1
    per_page: int = 10
    # "Did you mean …?": a better spelling, when one exists.
    suggestion: str = ""
    # Set when nothing matched the query as typed and these are the results for
    # the suggestion instead ("Showing results for …").
    corrected: bool = False
    # Pages editors pinned for this query (Wagtail search promotions).
    best_bets: list[Hit] = field(default_factory=list)
    language: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
