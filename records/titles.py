"""The titles a post carries in the archive. Pure functions.

`tittel` is the full title and may name the sender. `offentligTittel` is the
title the public journal (eInnsyn) shows: the same words with personal names,
e-mail addresses, phone numbers and national ID numbers replaced by «*****», as
archives mask words in a public title. A screened post also hides its subject:
what a person asks about under a health topic is itself what is screened. The
handler may rewrite the public title before the post is archived.
"""

from __future__ import annotations

import re

from feedback.privacy import mask_fnr

MASK = "*****"
TITLE_MAX = 500

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Eight digits or more, with spaces, dots or dashes between (Norwegian phone
# numbers, also with +47).
_PHONE = re.compile(r"(?<![\w])(\+?\d[\d .\-]{6,}\d)(?![\w])")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


def mask_personal(text: str, *, names: tuple[str, ...] = ()) -> str:
    """`text` with the given personal names (each word of them, two letters or
    more, whole words or their genitive, any case), e-mail addresses, phone
    numbers and national ID numbers replaced by MASK."""
    text = mask_fnr(text or "", mask=MASK)
    text = _EMAIL.sub(MASK, text)
    text = _PHONE.sub(
        lambda m: MASK if sum(c.isdigit() for c in m[0]) >= 8 else m[0], text
    )
    words = {w for name in names for w in re.split(r"[\s,]+", name or "") if len(w) > 1}
    for word in sorted(words, key=len, reverse=True):
        # Also the genitive («Nordmanns»).
        text = re.sub(
            rf"(?<!\w){re.escape(word)}(?:'?s)?(?!\w)", MASK, text, flags=re.I
        )
    # «***** *****» for a full name reads as one masked name.
    return re.sub(rf"{re.escape(MASK)}(\s+{re.escape(MASK)})+", MASK, text)


def titles(
    *,
    what: str,
    subject: str,
    sender: str = "",
    person: str = "",
    screened: bool = False,
) -> tuple[str, str]:
    """(tittel, offentligTittel) for a post about `subject`.

    `what` says what the post is («Tilbakemelding», «Svar på spørsmål»);
    `sender` is who sent or receives it as shown in the full title (a person's
    or an organisation's name); `person` is the private person's name, masked
    in the public title wherever it appears. An organisation's name is not
    personal data and stays.
    """
    subject = " ".join((subject or "").split())
    head = f"{what} – {sender}" if sender else what
    full = _clip(f"{head}: {subject}" if subject else head)
    names = (person,) if person else ()
    public_head = mask_personal(head, names=names)
    if screened:
        public = f"{public_head}: {MASK}" if subject else public_head
    else:
        public_subject = mask_personal(subject, names=names)
        public = f"{public_head}: {public_subject}" if public_subject else public_head
    return full, _clip(public)
