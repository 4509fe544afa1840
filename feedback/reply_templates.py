"""Filling a standard reply's placeholders from the case (pure: facts in, text
out). Both the English and the Norwegian names work, since the editors who
write the replies read the admin in Norwegian."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{(\w+)\}")
ALIASES = {
    "reference": "reference",
    "referanse": "reference",
    "name": "name",
    "navn": "name",
    "unit": "unit",
    "enhet": "unit",
    "date": "date",
    "dato": "date",
}


def fill(text: str, *, reference: str, name: str, unit: str, date: str) -> str:
    """`text` with each known placeholder replaced; unknown ones (a typo, or a
    brace the writer meant) are left as written so the handler sees them."""
    values = {"reference": reference, "name": name, "unit": unit, "date": date}

    def replace(match: re.Match) -> str:
        key = ALIASES.get(match.group(1).lower())
        return values[key] if key else match.group(0)

    return PLACEHOLDER.sub(replace, text)
