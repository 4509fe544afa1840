"""LIX readability (läsbarhetsindex), as REQUIREMENTS.md defines it.

LIX = words / sentences + 100 × long words / words, where a long word has more than
six letters. A pure function: no Django, no database, so it is cheap to test and to
call on every keystroke from the editor.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Letters of any script, plus digits inside words ("12-åring", "E18").
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A sentence ends at . ! ? or : (as in the original LIX definition), and at a line
# break: headings and list items carry no full stop but are sentences to a reader.
SENTENCE_END_RE = re.compile(r"[.!?:]+(?=\s|$)|\n+")
LONG_WORD_LETTERS = 6
# The ends of blocks in rich text: each is a line to a reader (and so to LIX),
# as the editor's innerText gives them while typing.
BLOCK_END_RE = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)\s*>|<br\s*/?>", re.I)
TAG_RE = re.compile(r"<[^>]*>")
# The hardest sentences the panel names: a sentence's own LIX (its words plus
# its share of long words), only for sentences long enough to rewrite.
HARDEST_MIN_WORDS = 8
HARDEST_COUNT = 3
HARDEST_MAX_CHARS = 240

BANDS = [
    # (upper bound, exclusive), key, label
    (30, "very_easy", _("Very easy")),
    (40, "easy", _("Easy")),
    (50, "medium", _("Medium")),
    (60, "hard", _("Hard")),
    (float("inf"), "very_hard", _("Very hard")),
]


@dataclass(frozen=True)
class Lix:
    score: float
    words: int
    sentences: int
    long_words: int
    band: str
    label: str | Promise  # lazy: rendered in the language of the request
    warn: bool
    # The sentences to rewrite first, hardest first (see HARDEST_*).
    hardest: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        return {
            "hardest": list(self.hardest),
            "score": self.score,
            "words": self.words,
            "sentences": self.sentences,
            "long_words": self.long_words,
            "band": self.band,
            "label": str(self.label),
            "warn": self.warn,
        }


def band_for(score: float) -> tuple[str, str | Promise]:
    for upper, key, label in BANDS:
        if score < upper:
            return key, label
    raise AssertionError("unreachable: the last band is unbounded")


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def reading_text(*parts: str) -> str:
    """The text a reader reads, from the page's fields (plain text or rich-text
    HTML), one block a line: what the panel scores when the editor opens the
    page and what the editor's script sends while they type (the fields'
    values and the rich-text editors' innerText), so both give one score."""
    lines = []
    for part in parts:
        plain = unescape(TAG_RE.sub("", BLOCK_END_RE.sub("\n", str(part or ""))))
        plain = plain.replace("\xa0", " ").strip()
        if plain:
            lines.append(plain)
    return "\n".join(lines)


def lix(text: str, *, warn_above: float = 50) -> Lix:
    """Compute LIX for a text. An empty text scores 0 (nothing to read is easy)."""
    sentences = 0
    words = 0
    long_words = 0
    scored: list[tuple[float, str]] = []
    for segment in SENTENCE_END_RE.split(text or ""):
        segment_words = [w for w in WORD_RE.findall(segment) if _letters(w)]
        if not segment_words:
            continue
        sentences += 1
        words += len(segment_words)
        long_here = sum(1 for w in segment_words if _letters(w) > LONG_WORD_LETTERS)
        long_words += long_here
        if len(segment_words) >= HARDEST_MIN_WORDS:
            own = len(segment_words) + 100 * long_here / len(segment_words)
            if own > warn_above:
                scored.append((own, " ".join(segment.split())))
    if words == 0:
        score = 0.0
    else:
        score = round(words / sentences + 100 * long_words / words, 1)
    key, label = band_for(score)
    return Lix(
        score=score,
        words=words,
        sentences=sentences,
        long_words=long_words,
        band=key,
        label=label,
        warn=score > warn_above,
        hardest=tuple(
            _shortened(sentence)
            for _own, sentence in sorted(scored, key=lambda s: -s[0])[:HARDEST_COUNT]
        ),
    )


def _shortened(sentence: str) -> str:
    if len(sentence) <= HARDEST_MAX_CHARS:
        return sentence
    return sentence[: HARDEST_MAX_CHARS - 1].rsplit(" ", 1)[0] + " …"


def plain_word_hits(
    text: str, profile: list[tuple[str, str]], *, limit: int = 10
) -> list[dict]:
    """The words of the language profile found in the text, in the order they
    first appear: {"found": as written, "instead": what to write}. A profile
    word matches words that start with it («ansøkning» finds «Ansøkningen»);
    each is named once."""
    hits: list[tuple[int, dict]] = []
    for avoid, instead in profile:
        if not avoid:
            continue
        pattern = re.compile(r"(?<![^\W_])" + re.escape(avoid) + r"[^\W_]*", re.I)
        match = pattern.search(text or "")
        if match:
            hits.append((match.start(), {"found": match.group(0), "instead": instead}))
    return [hit for _start, hit in sorted(hits, key=lambda h: h[0])[:limit]]
