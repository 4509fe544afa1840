"""Password guessing at the admin login (django-axes, kept in the database).

Axes counts failed logins per username and per client (settings AXES_*: the
limit and cool-off come from PORTAL_LOGIN_FAILURE_LIMIT and
PORTAL_LOGIN_LOCKOUT_MINUTES). This module gives axes the portal's rules: the
client address as the rest of the portal reads it, log lines that name the
username and a keyed hash of the client instead of its address and browser,
and one log line for every lockout.
"""

import hashlib
import hmac
import ipaddress
import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver

from feedback.spam import client_address

logger = logging.getLogger("portal.login")


def client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the same address the rate limit uses (behind a
    proxy, PORTAL["CLIENT_IP_HEADER"]); None when it is not an address, which
    axes stores as an unknown client."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_hash(ip_address: str | None) -> str:
    """A keyed hash of the address: the same client gives the same hash in every
    line, so lines can be followed, and the log holds no address."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"login:{ip_address or ''}".encode(),
        hashlib.sha256,
    )
    return digest.hexdigest()[:12]


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """AXES_CLIENT_STR_CALLABLE: what axes writes in its own log lines."""
    return f"username={username!r} client={client_hash(ip_address)}"


@receiver(user_locked_out)
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    logger.warning(
        "Login locked out: username=%r client=%s",
        username,
        client_hash(ip_address),
    )
