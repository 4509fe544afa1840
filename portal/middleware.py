"""Refuse oversized and unreadable requests politely, before any view parses them."""

import email
import email.policy
import logging
import tempfile
from email.utils import parseaddr
from urllib.parse import parse_qsl, unquote_to_bytes

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import translation

from . import form_tokens
from .identity import identity_or_neutral

logger = logging.getLogger(__name__)

# Longer query strings than this are never produced by our own forms or links.
MAX_QUERY_STRING_BYTES = 4096
# No slug, reference or token of ours comes near this: a longer path segment
# names nothing, and would only reach the database or the page tree as a query.
# (Shorter nonsense reaches the views, which answer it themselves: a bad
# following token gets its own «the link does not work».)
MAX_PATH_SEGMENT_CHARS = 1024


def without_nul(query_string: str) -> str:
    """The query string without the parameters that carry a NUL byte: such a
    filter is ignored like any other malformed one (PostgreSQL cannot compare
    text with a NUL, so it would otherwise fail the page)."""
    if "%00" not in query_string and "\x00" not in query_string:
        return query_string
    kept = [
        pair
        for pair in query_string.split("&")
        if b"\x00" not in unquote_to_bytes(pair.replace("+", " "))
    ]
    return "&".join(kept)


class BadRequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > MAX_QUERY_STRING_BYTES:
            return self._refuse(request, 414)
        # Django has decoded the path (%00 is a NUL in it; bytes that are not
        # UTF-8 stay percent-encoded, which no URL of ours matches).
        path = request.path_info
        if "\x00" in path:
            return self._refuse(request, 400)
        cleaned = without_nul(query_string)
        if cleaned != query_string:
            request.META["QUERY_STRING"] = cleaned
            request.GET = QueryDict(cleaned)
        if any(len(part) > MAX_PATH_SEGMENT_CHARS for part in path.split("/")):
            return self._refuse(request, 404)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PORTAL_MAX_REQUEST_BYTES:
            return self._refuse(request, 413)
        if request.method == "POST" and not path.startswith("/admin/"):
            refused = self._parse_within_limits(request, length)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _parse_within_limits(self, request, length: int):
        """Parse a public form's body here, where a body over Django's limits
        (DATA_UPLOAD_MAX_MEMORY_SIZE of text, DATA_UPLOAD_MAX_NUMBER_FIELDS)
        can be answered with the limits and the resident's text, instead of a
        bare 400 later. The body is spooled first (in memory up to
        FILE_UPLOAD_MAX_MEMORY_SIZE, then on disk; at most
        PORTAL_MAX_REQUEST_BYTES, checked above), so the text can be read
        again when Django refuses it."""
        spool = tempfile.SpooledTemporaryFile(
            max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE
        )
        remaining = length
        while remaining > 0:
            chunk = request._stream.read(min(remaining, 64 * 1024))
            if not chunk:
                break
            spool.write(chunk)
            remaining -= len(chunk)
        spool.seek(0)
        request._stream = LimitedStream(spool, length - remaining)
        try:
            request.POST  # noqa: B018 - parsed now, inside this guard
        except (RequestDataTooBig, TooManyFieldsSent) as exc:
            spool.seek(0)
            kept = kept_from_body(spool.read(), request.META.get("CONTENT_TYPE", ""))
            reason = "fields" if isinstance(exc, TooManyFieldsSent) else "text"
            return self._refuse(request, 413, reason=reason, kept=kept)
        return None

    def _refuse(self, request, status, *, reason: str = "", kept=()):
        # The error template extends base.html; render it without the (possibly
        # unparseable) query string to be safe.
        request.META["QUERY_STRING"] = ""
        # This runs before LocaleMiddleware: take the language from the path, so
        # that /en/… is refused in English.
        language = (
            translation.get_language_from_path(request.path_info)
            or settings.LANGUAGE_CODE
        )
        with translation.override(language):
            template = {400: "400.html", 404: "404.html"}.get(status, "refused.html")
            context = {
                "status": status,
                "reason": reason,
                "kept": kept,
                "limits": limits(),
            }
            response = TemplateResponse(request, template, context, status=status)
            response.render()
        response["Content-Language"] = language
        response["Cache-Control"] = "no-store"
        return response


def limits() -> dict:
    """What the refusal page states: the limits and another way to send."""
    return {
        "text_chars": settings.PORTAL["TEXT_MAX_CHARS"],
        "fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        "email": identity_or_neutral().email
        or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


# At most this much of a refused text is shown back (it is only echoed to the
# browser that sent it, escaped, never stored or logged).
KEPT_MAX_CHARS = 5_000_000


def kept_from_body(raw: bytes, content_type: str) -> list[dict]:
    """The resident's text fields from a body Django refused to parse."""
    values: dict[str, str] = {}
    if content_type.startswith("application/x-www-form-urlencoded"):
        for name, value in parse_qsl(
            raw.decode("utf-8", "replace"), keep_blank_values=True
        ):
            if name in KEPT_TEXT_FIELDS and name not in values:
                values[name] = value
    elif content_type.startswith("multipart/form-data"):
        message = email.message_from_bytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw,
            policy=email.policy.HTTP,
        )
        if message.is_multipart():
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if name in KEPT_TEXT_FIELDS and not part.get_filename():
                    payload = part.get_payload(decode=True) or b""
                    values.setdefault(name, payload.decode("utf-8", "replace"))
    return [
        {"name": name, "value": values[name][:KEPT_MAX_CHARS]}
        for name in KEPT_TEXT_FIELDS
        if values.get(name, "").strip()
    ]


# Fields whose text a resident may have spent time on: shown in text boxes on
# the pages below (the rest of the form goes back as hidden fields).
KEPT_TEXT_FIELDS = ("subject", "text", "location", "name", "organisation")
# Never sent back: the CSRF token is issued fresh, files cannot be.
NOT_RETURNED = ("csrfmiddlewaretoken",)


def kept_fields(post) -> tuple[list[dict], list[tuple[str, str]]]:
    """(text fields shown again, other fields as (name, value) to re-post)."""
    texts, hidden = [], []
    for name in post:
        if name in NOT_RETURNED:
            continue
        values = post.getlist(name)
        if name in KEPT_TEXT_FIELDS and len(values) == 1:
            texts.append({"name": name, "value": values[0]})
        else:
            hidden += [(name, value) for value in values]
    return texts, hidden


class OutageMiddleware:
    """A form sent while the database is down, or while the attachments cannot
    be written, gets a 503 page in plain language with everything the resident
    typed, in a form that sends it again («Send på nytt») with the same fields,
    the one-time form token included, so the retry cannot create a duplicate.
    Nothing was stored: the service's transaction did not commit.

    Rendered without a request context and without base.html, which could need
    the database that just failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DatabaseError

        if request.method != "POST" or request.path.startswith("/admin/"):
            return None
        if isinstance(exception, DatabaseError):
            cause = "database"
        elif isinstance(exception, OSError):
            cause = "storage"
        else:
            return None
        # The view's name, not the path: paths can carry private tokens.
        match = getattr(request, "resolver_match", None)
        logger.warning(
            "Form given back (%s unavailable) in %s: %s",
            cause,
            match.view_name if match else "?",
            type(exception).__name__,
            exc_info=exception,
        )
        return outage_response(request, cause=cause)


def outage_response(request, *, cause: str):
    from django.middleware.csrf import get_token
    from django.template import loader

    try:
        post = request.POST
    except Exception:  # noqa: BLE001 - an unreadable body: nothing to give back
        post = {}
    texts, hidden = kept_fields(post) if post else ([], [])
    html = loader.get_template("outage.html").render(
        {
            "cause": cause,
            "texts": texts,
            "hidden": hidden,
            "had_files": bool(getattr(request, "_files", None)),
            "action": request.get_full_path(),
            "csrf_token": get_token(request),
            "LANGUAGE_CODE": translation.get_language(),
            "municipality": identity_or_neutral(),
        }
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class FormTokenMiddleware:
    """Fresh one-time form tokens in every HTML response (portal.form_tokens).

    Outside the page cache, so a cached page keeps the placeholder and each visitor
    gets tokens of their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and hasattr(response, "content")
        ):
            filled = form_tokens.fill(response.content)
            if filled is not response.content:
                response.content = filled
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(filled))
        return response
