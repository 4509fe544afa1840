"""The one builder of absolute links to the public site.

E-mails, feeds, iCal UIDs and the receipt's copyable link are read away from the
request that made them (a task worker has none; a mail client, feed reader or
calendar keeps them for years), so they are never built from the request's host
or from a Wagtail Site's hostname (which is «localhost» on a fresh install) but
from one configured value: PORTAL["PUBLIC_BASE_URL"] (environment variable
PORTAL_PUBLIC_BASE_URL, falling back to WAGTAILADMIN_BASE_URL).

Links for staff into the admin use Wagtail's own WAGTAILADMIN_BASE_URL
(`admin_absolute`): an admin may live on another host than the public site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """The public site's scheme and host (and path prefix, if any), no slash."""
    configured = (
        settings.PORTAL.get("PUBLIC_BASE_URL") or settings.WAGTAILADMIN_BASE_URL
    )
    return configured.rstrip("/")


def absolute(path: str) -> str:
    """An absolute public link for a site path ("/sak/…"); absolute URLs are
    returned as they are."""
    if urlsplit(path).scheme:
        return path
    return base_url() + "/" + path.lstrip("/")


def host() -> str:
    """The public host name, e.g. for globally unique iCal UIDs."""
    return urlsplit(base_url()).hostname or "localhost"


def admin_absolute(path: str) -> str:
    """An absolute link into the admin, for e-mails to staff."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
