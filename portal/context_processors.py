from django.conf import settings
from django.utils.translation import get_language

from .identity import identity_or_neutral


def site_chrome(request):
    """What base.html needs on every public page: the municipality (name, logo,
    favicon; kept per generation, no query) and the language switch targets."""
    language = get_language() or settings.LANGUAGE_CODE
    path = request.path
    # Strip a language prefix so the switch can add the other one.
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            path = "/" + path[len(prefix) :]
            break
    # Keep the query string: a search, a filter or a private tracking link
    # (/sak/<ref>/?t=…) must survive the switch.
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    switch = []
    for code, name in settings.LANGUAGES:
        if code == language:
            continue
        url = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
        switch.append({"code": code, "name": name, "url": url + suffix})
    return {
        "MUNICIPALITY": identity_or_neutral(),
        "LANGUAGE_SWITCH": switch,
        "RECAPTCHA_ENABLED": settings.RECAPTCHA_ENABLED,
    }
