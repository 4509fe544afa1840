"""Spam and abuse checks for every public form (feedback, page feedback, hearing
responses, following, citizen proposals), without storing raw IP addresses and
without loading anything third-party unless reCAPTCHA is configured. One guard:
`refusal(request, form, scope)` after a form is valid.

- honeypot: a field people never see (display: none) and bots fill in;
- minimum fill time: a signed timestamp rendered into the form;
- rate limit per client: a keyed hash (HMAC with SECRET_KEY) of the IP address
  as cache key, counting submissions in a time window, in CACHES["limits"]
  (Redis, else the database: shared by every worker process);
- a limit on links in the text;
- reCAPTCHA v3 only when keys are set; it can flag for moderation, never reject:
  if Google cannot be reached the submission is kept and flagged.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
TIMESTAMP_FIELD = "started"
RECAPTCHA_FIELD = "g-recaptcha-response"
_SIGNING_SALT = "feedback.form-started"
_LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def _portal(name, default):
    return settings.PORTAL.get(name, default)


# --- time to fill in ----------------------------------------------------------------


def form_timestamp(now: float | None = None) -> str:
    """A signed 'form shown at' value for the hidden timestamp field."""
    return signing.dumps(
        int(now if now is not None else time.time()), salt=_SIGNING_SALT
    )


def fill_time_problem(value: str, now: float | None = None) -> str | None:
    """None if the form took a plausible time to fill in, else a reason code:
    'missing', 'too_fast' or 'expired'."""
    now = now if now is not None else time.time()
    try:
        started = int(signing.loads(value or "", salt=_SIGNING_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return "missing"
    elapsed = now - started
    if elapsed < _portal("FORM_MIN_FILL_SECONDS", 3):
        return "too_fast"
    if elapsed > _portal("FORM_MAX_AGE_HOURS", 24) * 3600:
        return "expired"
    return None


# --- links --------------------------------------------------------------------------


def count_links(text: str) -> int:
    return len(_LINK.findall(text or ""))


# --- rate limit ---------------------------------------------------------------------


def client_address(request) -> str:
    """The client's address. Behind a reverse proxy set PORTAL["CLIENT_IP_HEADER"]
    (e.g. "HTTP_X_FORWARDED_FOR"); the last entry is the one our own proxy added,
    so a client cannot choose it."""
    header = _portal("CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(request) -> str:
    """A keyed hash of the client's address: stable for the rate limit, useless
    to anyone without SECRET_KEY, and never stored in the database."""
    address = client_address(request)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"ratelimit:{address}".encode(), hashlib.sha256
    )
    return digest.hexdigest()[:32]


def _bucket(request, scope: str) -> str:
    window = _portal("RATE_LIMIT_WINDOW_SECONDS", 600)
    slot = int(time.time() // window)
    return f"feedback:rl:{scope}:{client_key(request)}:{slot}"


def _limits():
    return caches["limits"]


def rate_limited(request, scope: str = "submit") -> bool:
    """True if this client has already sent the maximum in the current window.
    If the store cannot be read (the database away), the form goes on: the
    limit is there to stop floods, never to turn a resident away."""
    try:
        count = _limits().get(_bucket(request, scope), 0)
    except DatabaseError:
        logger.warning("Rate limit store unavailable; not limiting.")
        return False
    return count >= _portal("RATE_LIMIT_SUBMISSIONS", 10)


def rate_limit_hit(request, scope: str = "submit") -> None:
    """Count one accepted submission for this client."""
    key = _bucket(request, scope)
    window = _portal("RATE_LIMIT_WINDOW_SECONDS", 600)
    store = _limits()
    try:
        if not store.add(key, 1, timeout=window):
            try:
                store.incr(key)
            except ValueError:  # expired between add and incr
                store.add(key, 1, timeout=window)
    except DatabaseError:
        logger.warning("Rate limit store unavailable; not counted.")


def rate_limit_message() -> str:
    """What a refused resident reads: the limit, and that nothing is lost."""
    limit = _portal("RATE_LIMIT_SUBMISSIONS", 10)
    minutes = max(1, _portal("RATE_LIMIT_WINDOW_SECONDS", 600) // 60)
    return ngettext(
        "You have sent this form many times in a short time (at most %(limit)s in "
        "%(minutes)s minute). Wait a little and send again – what you wrote is kept.",
        "You have sent this form many times in a short time (at most %(limit)s in "
        "%(minutes)s minutes). Wait a little and send again – what you wrote is kept.",
        minutes,
    ) % {"limit": limit, "minutes": minutes}


RATE_LIMITED = 429


def refusal(request, form, scope: str) -> int | None:
    """The shared guard, on a bound and valid form (the honeypot is a field of
    SpamFieldsMixin): the rate limit per client, then the signed fill time.
    Returns the HTTP status to answer with, the reason added to the form's
    errors so the resident's text is shown back, or None when it may go on."""
    if rate_limited(request, scope=scope):
        form.add_error(None, rate_limit_message())
        return RATE_LIMITED
    problem = fill_time_problem(request.POST.get(TIMESTAMP_FIELD, ""))
    if problem == "too_fast":
        form.add_error(
            None,
            _(
                "The form was sent very quickly. Look over what you wrote and "
                "send it again."
            ),
        )
        return 400
    if problem:
        form.add_error(
            None, _("The form had expired. Look over what you wrote and send it again.")
        )
        return 400
    return None


# --- reCAPTCHA v3 -------------------------------------------------------------------


@dataclass(frozen=True)
class CaptchaVerdict:
    flag: bool
    reason: str = ""


def recaptcha_enabled() -> bool:
    return bool(getattr(settings, "RECAPTCHA_ENABLED", False))


def check_recaptcha(token: str) -> CaptchaVerdict:
    """Ask Google for a score. Never rejects: a missing token, a low score or an
    unreachable Google all lead to moderation instead. The client's IP address is
    not sent."""
    if not recaptcha_enabled():
        return CaptchaVerdict(flag=False)
    if not token:
        # Without JavaScript there is no token; a person may still be behind it.
        return CaptchaVerdict(flag=True, reason=str(_("reCAPTCHA: no token")))
    from django_recaptcha import client

    try:
        response = client.submit(token, settings.RECAPTCHA_PRIVATE_KEY, "")
    except Exception as exc:  # noqa: BLE001 - any failure to reach Google
        logger.warning("reCAPTCHA verification failed: %s", type(exc).__name__)
        return CaptchaVerdict(
            flag=True, reason=str(_("reCAPTCHA could not be reached"))
        )
    score = response.extra_data.get("score")
    required = getattr(settings, "RECAPTCHA_REQUIRED_SCORE", 0.5)
    if not response.is_valid or score is None or float(score) < required:
        return CaptchaVerdict(
            flag=True,
            reason=str(_("reCAPTCHA: low score (%(score)s)") % {"score": score}),
        )
    return CaptchaVerdict(flag=False)
