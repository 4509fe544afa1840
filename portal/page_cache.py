"""A small cache of public Wagtail pages for anonymous visitors.

Only what Wagtail's page view (``wagtail_serve``) answered with 200 HTML to an
anonymous GET is stored, whole, keyed on host, full path with query string and
language. Nothing is served from or written to the cache when the visitor has a
session or queued messages, sends credentials, or when the view set a cookie,
changed the session, added a message or marked the response private/no-store.

CSRF. Content pages carry forms with a CSRF token (the page-feedback widget). A
stored page must never hand one visitor's token to another, and a page must not
lose its token either. We therefore cut every ``csrfmiddlewaretoken`` value out
before storing (a page where that cannot be done reliably is not stored), and on
every hit put in a fresh token from ``get_token(request)`` for *this* visitor.
``get_token`` works from the visitor's own CSRF cookie (or makes one), and
CsrfViewMiddleware, which sits outside this middleware, sets that cookie on the
way out. So a cached page behaves exactly like a rendered one: the form posts with
a token that matches the poster's cookie. The cached HTML itself holds no token.

Invalidation. Publishing, unpublishing, moving or deleting any page, and saving the
footer, the municipality (name, logo, contact details), audiences, life situations
or units changes lists, menus and links on *other* pages too, so any such change
drops every cached page at once: each entry is stored with the current
"generation", and a change sets a new random one (checked in the same round trip
as the page). Other apps whose data shows on
pages call ``invalidate()``. Entries also expire after PORTAL_PAGE_CACHE_SECONDS.

The cache alias (CACHES["pages"]) must be shared by all worker processes for the
invalidation to reach them: Redis when REDIS_URL is set, else a file-based cache
under var/ (one machine). Time-dependent content (a hearing closing at its
deadline) may show the old state for at most PORTAL_PAGE_CACHE_SECONDS.
"""

from __future__ import annotations

import contextvars
import hashlib
import pickle
import re
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.utils import translation

CACHE_ALIAS = "pages"
# What the code renders with, from the files it is made of (below); see
# code_version().
RENDERING_SUFFIXES = (".py", ".html", ".txt", ".css", ".js", ".svg", ".mo")
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"\x00portal-csrf\x00"
# A query string longer than this is not worth a cache entry (nor a way to fill it).
MAX_QUERY_BYTES = 512
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")
# Probes answer without touching any cache or database.
UNCACHED_PATHS = frozenset({"/livez", "/healthz"})


def _cache():
    return caches[CACHE_ALIAS]


def code_version() -> str:
    """A hash of every file of the project's own apps that shapes a page: its
    Python, templates, translations and static files (whose hashed names are in
    the HTML). Part of the generation's key, so a deploy that changes any of
    them starts a new generation on its own: pages and fragments the old code
    built are never served by the new one (before, a template change showed
    only after the next publish or an hour). The same files give the same
    value on every server. PORTAL_RELEASE, when set, is used instead."""
    release = getattr(settings, "PORTAL_RELEASE", "")
    if release:
        return release
    from django.apps import apps

    base = Path(settings.BASE_DIR).resolve()
    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda c: c.path):
        root = Path(config.path).resolve()
        if base not in root.parents or "site-packages" in root.parts:
            continue  # Django's and Wagtail's own: versioned by the installed package
        for path in sorted(root.rglob("*")):
            if path.suffix in RENDERING_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


GENERATION_KEY = f"portal:pages:generation:{code_version()}"


def invalidate(**_kwargs) -> None:
    """Drop every cached page (a signal receiver, or call it directly)."""
    generation = uuid.uuid4().hex
    _cache().set(GENERATION_KEY, generation, timeout=None)
    if _request_generation.get() is not None:
        _request_generation.set(generation)


def _current_generation(cache, found: dict) -> str:
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # add(): a concurrent invalidate() wins over this first write.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


# The generation read once at the start of the request (PageCacheMiddleware), and
# fragments of the current generation kept in this process: a fragment costs no
# shared-cache read when the generation has not changed.
_request_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "portal_page_generation", default=None
)
_local_fragments: dict[str, tuple[str, object]] = {}
MAX_LOCAL_FRAGMENTS = 1000


def fragment(key: str, build, *, timeout: int = 3600, generation: str | None = None):
    """A piece of every page (footer, site lookup, restrictions) built once per
    generation. Values must be immutable: they are shared between requests.

    Independent of PORTAL_PAGE_CACHE_SECONDS: the same invalidation drops it, so it
    is never older than the last publish or footer change. A middleware outside
    PageCacheMiddleware passes the generation it left on the request
    (``request.portal_generation``), so it costs no second read either.
    """
    cache = _cache()
    key = "portal:fragment:" + key
    generation = generation or _request_generation.get()
    if generation is None:  # outside a request
        found = cache.get_many([key, GENERATION_KEY])
        generation = _current_generation(cache, found)
        entry = found.get(key)
    else:
        entry = _local_fragments.get(key)
        if entry is None or entry[0] != generation:
            entry = cache.get(key)
    if entry is None or entry[0] != generation:
        entry = (generation, build())
        cache.set(key, entry, timeout=timeout)
    if len(_local_fragments) >= MAX_LOCAL_FRAGMENTS:
        _local_fragments.clear()
    _local_fragments[key] = entry
    return entry[1]


def page_fragment_key(prefix: str, page, request) -> str | None:
    """A fragment key for what one live page shows the same to every visitor of a
    site and language (links carry the site's and language's URL prefix).

    None for previews and unsaved pages: a draft must never be kept and then
    shown to the public."""
    if page.pk is None or request is None or getattr(request, "is_preview", False):
        return None
    from wagtail.models import Site

    site = Site.find_for_request(request)
    language = translation.get_language() or ""
    return f"{prefix}:{page.pk}:{site.pk if site else 0}:{language}"


def _cache_key(request) -> str:
    raw = "\n".join(
        [
            request.get_host(),
            request.get_full_path(),
            getattr(request, "LANGUAGE_CODE", ""),
        ]
    )
    return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _may_use_cache(request) -> bool:
    if request.method != "GET":
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_BYTES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _may_store(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "added_new", False))


def _strip_csrf(content: bytes) -> bytes | None:
    """The page with every CSRF token cut out, or None if one would remain."""
    stripped, count = CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
    if content.count(b"csrfmiddlewaretoken") != count:
        return None  # a token in a shape we do not recognise: do not store
    return stripped


def _prime_site(request) -> None:
    """Wagtail looks the site up in the database on every request
    (Site.find_for_request, then kept on request._wagtail_site). The answer only
    depends on host and port and changes when a Site or page is saved: keep it,
    with its root page, for the generation, as bytes (each request unpickles its
    own copy; model instances are not shared between requests)."""
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find() -> bytes:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - loaded now, kept with the site
        return pickle.dumps(site)

    request._wagtail_site = pickle.loads(  # noqa: S301 - bytes we pickled
        fragment(f"site:{hostname}:{port}", find)
    )


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from CACHES["pages"].

    Sits inside CsrfViewMiddleware, AuthenticationMiddleware and the header
    middlewares (security, CSP, X-Frame-Options), so those still act on every
    cached response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in UNCACHED_PATHS:
            return self.get_response(request)
        seconds = getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0)
        use_cache = seconds > 0 and _may_use_cache(request)
        cache = _cache()
        key = _cache_key(request) if use_cache else None
        # One shared-cache read: the current generation (and the page, if any).
        found = cache.get_many([key, GENERATION_KEY] if key else [GENERATION_KEY])
        generation = _current_generation(cache, found)
        request.portal_generation = generation
        entry = found.get(key) if key else None
        if entry is not None and entry[0] == generation:
            return self._from_cache(request, entry)

        context_token = _request_generation.set(generation)
        try:
            _prime_site(request)
            response = self.get_response(request)
        finally:
            _request_generation.reset(context_token)
        if use_cache and _may_store(request, response):
            content = _strip_csrf(response.content)
            if content is not None:
                headers = [
                    (k, v) for k, v in response.items() if k.lower() != "content-length"
                ]
                cache.set(
                    key,
                    (generation, response.status_code, headers, content),
                    timeout=seconds,
                )
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _from_cache(request, entry) -> HttpResponse:
        _generation, status, headers, content = entry
        if CSRF_PLACEHOLDER in content:
            token = get_token(request).encode()
            content = content.replace(CSRF_PLACEHOLDER, token)
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def connect_signals() -> None:
    """Invalidate on every change that can show up on a public page."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from home.models import Audience, LifeSituation, SiteFooter
    from units.models import Unit

    from .models import Municipality

    uid = "portal.page_cache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid=f"{uid}.deleted")
    for model in (
        Site,
        PageViewRestriction,
        SiteFooter,
        Municipality,
        Audience,
        LifeSituation,
        Unit,
    ):
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}.saved.{model.__name__}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}.deleted.{model.__name__}"
        )
