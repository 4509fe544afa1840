"""Turning what a resident typed into something safe to search for.

Nothing a resident types reaches a query parser as syntax: the text is reduced to
words (letters and digits), and every backend builds its query from those words.
Operators (`& | ! : * ( )`), quotes, SQL and markup are just separators here.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
MAX_WORD_CHARS = 40
# A word is a run of letters and digits; "_" counts as a separator too.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Long digit runs (phone numbers, national ID numbers) and e-mail addresses are
# never kept in statistics.
PERSONAL_RE = re.compile(r"\S+@\S+|\d[\d ]{5,}\d")


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # cleaned, for display and for the box
    words: tuple[str, ...]  # lowercased search words

    def __bool__(self):
        return bool(self.words)

    @property
    def normalised(self) -> str:
        return " ".join(self.words)


def clean(raw) -> str:
    """Printable, NFC-normalised, single-spaced, at most MAX_QUERY_CHARS."""
    if not isinstance(raw, str):
        return ""
    raw = raw[: MAX_QUERY_CHARS * 4]
    # U+FFFD comes from undecodable bytes (non-UTF-8 query strings).
    chars = [
        " " if (unicodedata.category(ch)[0] in "CZ" or ch == "\ufffd") else ch
        for ch in unicodedata.normalize("NFC", raw)
    ]
    return re.sub(r"\s+", " ", "".join(chars)).strip()[:MAX_QUERY_CHARS]


def parse(raw) -> ParsedQuery:
    text = clean(raw)
    words = []
    for word in WORD_RE.findall(text.lower()):
        word = word[:MAX_WORD_CHARS]
        if word not in words:
            words.append(word)
        if len(words) == MAX_WORDS:
            break
    return ParsedQuery(text=text, words=tuple(words))


def statistics_key(query: ParsedQuery) -> str:
    """The query as counted in the statistics: lowercased words, personal-looking
    parts (e-mail addresses, long numbers) replaced by "#"."""
    scrubbed = PERSONAL_RE.sub(" # ", query.text.lower())
    return " ".join(re.findall(r"[^\W_]+|#", scrubbed))[:100]
