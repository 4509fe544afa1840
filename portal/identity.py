"""Who the portal speaks for: the municipality's name, logo and contact details
(portal.models.Municipality), read once per page-cache generation.

Every page shows them and every e-mail signs with them, so they must cost no
query per request: the setting is kept as an immutable value with the footer and
menu fragments (portal.page_cache), and saving it starts a new generation. The
worker (e-mails, feeds) reads it the same way, outside a request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.db import DatabaseError
from django.templatetags.static import static
from django.utils import translation

from .page_cache import fragment

logger = logging.getLogger(__name__)

FRAGMENT_KEY = "identity"
# The neutral marks shipped with the code, used until an editor uploads others.
DEFAULT_LOGO = "portal/img/logo.svg"
DEFAULT_FAVICON = "portal/img/favicon.svg"
DEFAULT_FAVICON_PNG = "portal/img/favicon.png"


@dataclass(frozen=True)
class Identity:
    name_nb: str
    name_en: str
    place_name: str
    organisation_number: str
    logo_url: str | None
    logo_shows_name: bool
    logo_alt_text: str
    favicon_url: str | None
    favicon_png_url: str | None
    address: str
    phone: str
    email: str
    opening_hours: str

    @property
    def name(self) -> str:
        """The name in the active language (an e-mail renders in the recipient's)."""
        if (translation.get_language() or "")[:2] == "en" and self.name_en:
            return self.name_en
        return self.name_nb

    @property
    def place(self) -> str:
        return self.place_name or self.name

    @property
    def logo(self) -> str:
        return self.logo_url or static(DEFAULT_LOGO)

    @property
    def logo_alt(self) -> str:
        """The logo's text alternative: empty when the name is written beside it
        (a screen reader would read the name twice)."""
        return (self.logo_alt_text or self.name) if self.logo_shows_name else ""

    @property
    def favicon(self) -> str:
        return self.favicon_url or static(DEFAULT_FAVICON)

    @property
    def favicon_png(self) -> str:
        return self.favicon_png_url or static(DEFAULT_FAVICON_PNG)

    @property
    def phone_link(self) -> str:
        return "".join(c for c in self.phone if c.isdigit() or c == "+")

    def sender(self) -> str:
        """The From of every e-mail: the municipality's name at the configured
        sending address (DEFAULT_FROM_EMAIL, which SPF/DKIM must allow)."""
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        return formataddr((self.name_nb, address))

    def __str__(self) -> str:
        return self.name


# Until the setting is read (and when the database is away: the outage page).
NEUTRAL = Identity(
    name_nb="Kommunen",
    name_en="",
    place_name="",
    organisation_number="",
    logo_url=None,
    logo_shows_name=False,
    logo_alt_text="",
    favicon_url=None,
    favicon_png_url=None,
    address="",
    phone="",
    email="",
    opening_hours="",
)


def _url(image) -> str | None:
    # The original file: an SVG has no renditions worth making, and the PNG
    # favicon is uploaded at its size.
    return image.file.url if image is not None else None


def _build() -> Identity:
    from .models import Municipality

    row = Municipality.base_queryset().first() or Municipality()
    return Identity(
        name_nb=row.name,
        name_en=row.name_en,
        place_name=row.place_name,
        organisation_number=row.organisation_number,
        logo_url=_url(row.logo),
        logo_shows_name=row.logo_shows_name,
        logo_alt_text=row.logo_alt,
        favicon_url=_url(row.favicon),
        favicon_png_url=_url(row.favicon_png),
        address=row.address,
        phone=row.phone,
        email=row.email,
        opening_hours=row.opening_hours,
    )


def identity() -> Identity:
    """The municipality, as configured in the admin (Settings › Municipality)."""
    return fragment(FRAGMENT_KEY, _build)


def identity_or_neutral() -> Identity:
    """For the error and outage pages, which must render with the database away:
    the kept value if there is one, else the neutral one."""
    try:
        return identity()
    except DatabaseError:
        logger.warning("Identity unavailable; the neutral one is shown.")
        return NEUTRAL
