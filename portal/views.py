from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .health import run_checks
from .identity import identity_or_neutral
from .public_url import absolute


@never_cache
def livez(request):
    """The process answers. Touches nothing else: the floor for benchmarks."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def healthz(request):
    """For monitoring: every check of portal.health, as JSON; 503 when one fails.
    Names no person and no path on disk."""
    checks = run_checks()
    healthy = all(check.ok for check in checks.values())
    body = {
        "status": "ok" if healthy else "error",
        "checks": {name: check.as_json() for name, check in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context that could fail again; 500.html only
    # extends the plain base.
    return render(
        request, "500.html", {"municipality": identity_or_neutral()}, status=500
    )


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


# Fields whose text a resident may have spent time on. Shown back, read-only, when
# a form is refused before any view could keep it.
KEPT_FIELDS = ("subject", "text", "location")
KEPT_FIELD_MAX_CHARS = 20_000


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (an expired or blocked cookie, a page left
    open for long): say what to do, in plain language, and give the resident their
    text back so nothing is lost. The text is only echoed to the browser that sent
    it, escaped by the template, never stored or logged."""
    kept = []
    if request.method == "POST":
        for name in KEPT_FIELDS:
            value = request.POST.get(name, "")
            if value.strip():
                kept.append({"name": name, "value": value[:KEPT_FIELD_MAX_CHARS]})
    response = render(
        request,
        "csrf_failure.html",
        {"kept": kept, "back": _safe_back(request)},
        status=403,
    )
    response["Cache-Control"] = "no-store"
    return response


def _safe_back(request) -> str:
    """The page the form was on, when it is on this site; else the front page."""
    from django.utils.http import url_has_allowed_host_and_scheme

    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return request.path if request.method == "POST" else "/"


# Private by design: token links, receipts and case tracking carry a secret or a
# reference in the path, and the admin is for staff. Search engines must not
# follow them (they are also marked noindex where rendered).
ROBOTS_DISALLOW = (
    "/admin/",
    "/sak/",
    "/hoering/svar/",
    "/folg/",
    "/hoering/folg/bekreft/",
    "/hoering/folg/avslutt/",
    "/innbyggerforslag/bekreft/",
    "/innbyggerforslag/forslagsstiller/",
    "/innbyggerforslag/underskrift/",
    "/innbyggerforslag/trekk/",
    "/innbyggerforslag/sendt/",
    "/sok/klikk/",
)


def robots_txt(request):
    paths = list(ROBOTS_DISALLOW)
    # The same private paths under the English prefix.
    paths += ["/en" + path for path in ROBOTS_DISALLOW if path != "/admin/"]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in paths]
    lines += ["", f"Sitemap: {absolute('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
