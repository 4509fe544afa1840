"""One-time form tokens: one filled-in form creates at most one input.

Every public form carries a token made for that one rendering. The service that
stores what the form sent records the token's hash beside it (a unique column);
posting the same token again — a double click, a reload, Back and Send, a retry
after an outage page — finds the existing input and shows its receipt instead of
creating a second one.

Two details make this work in a real browser and with the page cache:

* After Back, Chromium fetches a no-store page again (with a fresh token) and
  then restores what the person had typed. It restores only text controls, and
  only a value that differs from the one the page served; a ``type=hidden``
  input always keeps the fresh value, even one a script set (tried in Chromium
  156, see tests/browser/test_journeys.py). The token is therefore a text
  control with the ``hidden`` attribute (not shown, not focusable, not in the
  accessibility tree), and a three-line script
  (portal/static/portal/js/form-token.js) marks its value as the person's own;
  Back then brings the old token back and the second Send shows the first
  receipt. Without JavaScript the token still stops reloads, double clicks and
  re-posts; Back and Send then makes a second input.
* Templates emit a placeholder (``{% form_token %}``); FormTokenMiddleware, which
  sits outside the page cache, puts a fresh token in its place in every HTML
  response. Cached pages and cached form fragments therefore never hand one
  visitor's token to another.
"""

from __future__ import annotations

import hashlib
import re
import secrets

FIELD = "form_token"
# Dots are not in the token alphabet, so the placeholder is never a valid token.
PLACEHOLDER = "..form-token.."
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()
_VALID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def clean(data) -> str:
    """The token a form posted (a QueryDict or dict), or "" when it is missing or
    not one we could have made."""
    value = (data.get(FIELD) or "").strip() if data is not None else ""
    return value if _VALID.match(value) else ""


def token_hash(token: str) -> str:
    """What is stored: a hash, as the token lets its holder see the receipt."""
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def input_html() -> str:
    """The control every public form carries (see the module docstring)."""
    return (
        f'<input type="text" name="{FIELD}" value="{PLACEHOLDER}" hidden '
        "data-form-token>"
    )


def fill(content: bytes) -> bytes:
    """Each placeholder in an HTML body replaced by its own fresh token."""
    if _PLACEHOLDER_BYTES not in content:
        return content
    parts = content.split(_PLACEHOLDER_BYTES)
    out = [parts[0]]
    for part in parts[1:]:
        out.append(new_token().encode())
        out.append(part)
    return b"".join(out)
