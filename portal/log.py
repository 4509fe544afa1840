"""Logging: a request id on every line, optional JSON lines, and paths without
private tokens. Server errors' tracebacks go here (with a timestamp), never to
the resident, whose 500 page only says that something went wrong.

LOG_FORMAT=json switches the console to one JSON object per line
(python-json-logger); the request id comes from the proxy's X-Request-ID when it
sends a plausible one, else it is made here, and is sent back in the response.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default="-"
)
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# A path segment this long is a token (following links, tracking references
# are shorter): it never goes to a log.
_TOKEN_SEGMENT = re.compile(r"(?<=/)[^/]{20,}(?=/|$)")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        reset = REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(reset)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


def redact_path(path: str) -> str:
    return _TOKEN_SEGMENT.sub("…", path.split("?", 1)[0])


class RedactPathFilter(logging.Filter):
    """django.request logs «Internal Server Error: <path>»: without the query
    string (it is not in the path) and without token-like segments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                redact_path(a) if isinstance(a, str) and a.startswith("/") else a
                for a in record.args
            )
        request = getattr(record, "request", None)
        if request is not None:
            # The handler's default formatters may print the request: drop it.
            record.request = None
        return True


def logging_config(*, fmt: str = "plain", level: str = "INFO") -> dict:
    """The LOGGING setting. `fmt`: "plain" or "json"."""
    formatters = {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"console": formatters[fmt]},
        "filters": {
            "request_id": {"()": "portal.log.RequestIdFilter"},
            "redact_path": {"()": "portal.log.RedactPathFilter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "console",
                "filters": ["request_id"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Server errors (5xx) with their traceback; 4xx are not logged (their
            # paths are what a scanner tried, and may carry an address).
            "django.request": {
                "handlers": ["console"],
                "level": "ERROR",
                "propagate": False,
                "filters": ["redact_path"],
            },
        },
    }
