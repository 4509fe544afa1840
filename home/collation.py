"""Norwegian alphabetical order for the A–Å index.

The embedded PostgreSQL sorts with C.UTF-8, which puts Å before Æ and Ø, and has no
ICU collation to fix that (VERIFIED.md). The index is small, so we sort in Python.
"""

import unicodedata

ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
_POSITION = {ch: i for i, ch in enumerate(ALPHABET)}
# Letters Norwegian dictionaries file under another letter.
_EQUIVALENTS = {"ä": "æ", "ö": "ø", "ü": "y", "ð": "d", "þ": "t"}


def _base_letter(ch: str) -> str:
    ch = _EQUIVALENTS.get(ch, ch)
    if ch in _POSITION:
        return ch
    # Strip accents (é → e) but keep æ, ø, å, handled above.
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if decomposed else ch


def sort_key(text: str) -> tuple:
    key = []
    for ch in (text or "").casefold():
        base = _base_letter(ch)
        if base in _POSITION:
            key.append((1, _POSITION[base]))
        elif base.isdigit():
            key.append((0, int(base)))
        elif base.isspace():
            key.append((-1, 0))
        # Punctuation does not affect order.
    return tuple(key)


def index_letter(text: str) -> str:
    """The letter a title is filed under: A–Z, Æ, Ø, Å, or # for anything else."""
    for ch in (text or "").casefold():
        base = _base_letter(ch)
        if base in _POSITION:
            return base.upper()
        if base.isalnum():
            return "#"
    return "#"
