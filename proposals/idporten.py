"""Signing a citizen proposal with ID-porten (issue 14), an option the
municipality turns on with PORTAL_IDPORTEN_ISSUER, _CLIENT_ID and _CLIENT_SECRET.

The authorization code flow of OpenID Connect with PKCE (S256), a state and a
nonce, as ID-porten requires of a confidential client; the provider's endpoints
and keys come from its discovery document, so one setting names the provider.
ID-porten proves who the person is; it says nothing the signature needs but
that: the name and postcode are what the signer writes, as on the e-mail form.
The ID token's `pid` (the national identity number) is used for one thing, a
keyed hash (`identity_hash`) that stops one person signing twice. The number
itself is never stored, logged or put in the session.

The resident's form is kept in the session from the press of the button until
the signature is stored, so a cancelled or failed login gives it back.

Not mozilla-django-oidc (the staff login's library): that one signs a user in to
Django, and a signer must never become a user.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import jwt
import requests
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

from portal.public_url import absolute

logger = logging.getLogger("portal.proposals")

SESSION_KEY = "proposals_idporten"
# Levels of assurance that prove a person (ID-porten's names); «low» does not.
ACCEPTED_ACR = ("idporten-loa-substantial", "idporten-loa-high")
TIMEOUT = 10
DISCOVERY_SECONDS = 3600


class Failed(Exception):
    """The login did not prove a person. `code`: cancelled (the resident
    stopped it), expired (no pending form: another tab, or too late), or
    invalid (anything the provider sent that does not verify)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code = code


def enabled() -> bool:
    return bool(
        settings.PORTAL_IDPORTEN_ISSUER
        and settings.PORTAL_IDPORTEN_CLIENT_ID
        and settings.PORTAL_IDPORTEN_CLIENT_SECRET
    )


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


def provider() -> Provider:
    """The provider's endpoints from its discovery document, kept an hour."""
    issuer = settings.PORTAL_IDPORTEN_ISSUER.rstrip("/")
    key = "proposals.idporten.discovery:" + hashlib.sha256(issuer.encode()).hexdigest()
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(
                issuer + "/.well-known/openid-configuration", timeout=TIMEOUT
            )
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise Failed("unavailable", f"discovery failed: {error}") from error
        # A discovery document must name the issuer it was fetched from
        # (OpenID Connect Discovery § 4.3), or tokens could come from another.
        if str(document.get("issuer", "")).rstrip("/") != issuer:
            raise Failed("invalid", "discovery names another issuer")
        cache.set(key, document, DISCOVERY_SECONDS)
    return Provider(
        issuer=str(document["issuer"]),
        authorization_endpoint=str(document["authorization_endpoint"]),
        token_endpoint=str(document["token_endpoint"]),
        jwks_uri=str(document["jwks_uri"]),
    )


def allow_login_form(response):
    """Let the page's signing form lead to ID-porten's login: the site's
    Content-Security-Policy allows forms to post only to the site itself
    (form-action 'self'), and browsers hold the redirect after the post to it
    as well. The login's origin comes from the discovery document (ID-porten's
    is login.idporten.no, not the issuer's host); unreadable, the page keeps
    the strict policy and the button says ID-porten does not answer."""
    try:
        endpoint = provider().authorization_endpoint
    except Failed:
        return response
    parts = urlsplit(endpoint)
    response._csp_update = {"form-action": [f"{parts.scheme}://{parts.netloc}"]}
    return response


def callback_url() -> str:
    """Registered with ID-porten as the client's redirect URI: one fixed public
    address, outside the language prefixes."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("proposals:idporten_callback"))


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def begin(session, *, proposal_id: int, form_data: dict, language: str) -> str:
    """Remember the signer's form and the flow's secrets; the address of
    ID-porten's login to send the browser to."""
    endpoint = provider().authorization_endpoint
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    verifier = secrets.token_urlsafe(48)
    session[SESSION_KEY] = {
        "proposal": proposal_id,
        "form": form_data,
        "language": language,
        "state": state,
        "nonce": nonce,
        "verifier": verifier,
    }
    params = {
        "response_type": "code",
        "client_id": settings.PORTAL_IDPORTEN_CLIENT_ID,
        "redirect_uri": callback_url(),
        "scope": "openid",
        "state": state,
        "nonce": nonce,
        "code_challenge": _challenge(verifier),
        "code_challenge_method": "S256",
        "acr_values": settings.PORTAL_IDPORTEN_ACR_VALUES,
        # A shared computer: every signature is its own login.
        "prompt": "login",
        "ui_locales": "en" if language == "en" else "nb",
    }
    return f"{endpoint}?{urlencode(params)}"


def pending(session, proposal_id: int | None = None) -> dict | None:
    """The form waiting for a login (for that proposal, if given)."""
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    if proposal_id is not None and data.get("proposal") != proposal_id:
        return None
    return data


def forget(session) -> None:
    session.pop(SESSION_KEY, None)


def finish(session, query) -> tuple[dict, str]:
    """The provider sent the browser back: (the pending form, the person's
    pid). The pid must go straight into identity_hash and nowhere else."""
    data = pending(session)
    if data is None:
        raise Failed("expired")
    state = str(query.get("state", ""))
    if not state or not constant_time_compare(state, data["state"]):
        raise Failed("invalid", "state does not match")
    if query.get("error"):
        # access_denied: the resident pressed «Avbryt» at ID-porten.
        raise Failed("cancelled", str(query.get("error"))[:100])
    code = str(query.get("code", ""))
    if not code:
        raise Failed("invalid", "no code")
    where = provider()
    try:
        response = requests.post(
            where.token_endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": callback_url(),
                "code_verifier": data["verifier"],
            },
            auth=(
                settings.PORTAL_IDPORTEN_CLIENT_ID,
                settings.PORTAL_IDPORTEN_CLIENT_SECRET,
            ),
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        id_token = str(response.json()["id_token"])
    except (requests.RequestException, ValueError, KeyError) as error:
        raise Failed("invalid", f"token exchange failed: {error}") from error
    claims = verify(id_token, where, nonce=data["nonce"])
    pid = str(claims.get("pid", ""))
    if not pid.isdigit() or len(pid) != 11:
        raise Failed("invalid", "no pid claim")
    return data, pid


def verify(id_token: str, where: Provider, *, nonce: str) -> dict:
    """The ID token's claims, once its signature (the provider's published
    keys), issuer, audience, expiry, nonce and level of assurance hold."""
    try:
        key = jwt.PyJWKClient(where.jwks_uri, timeout=TIMEOUT).get_signing_key_from_jwt(
            id_token
        )
        claims = jwt.decode(
            id_token,
            key.key,
            algorithms=["RS256"],
            audience=settings.PORTAL_IDPORTEN_CLIENT_ID,
            issuer=where.issuer,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            leeway=30,
        )
    except jwt.PyJWTError as error:
        raise Failed("invalid", f"ID token refused: {error}") from error
    if not constant_time_compare(str(claims.get("nonce", "")), nonce):
        raise Failed("invalid", "nonce does not match")
    if claims.get("acr") not in ACCEPTED_ACR:
        raise Failed("invalid", "level of assurance too low")
    return claims


def identity_hash(pid: str) -> str:
    """A keyed hash of the national identity number: the same person gives the
    same value, and without the key nobody can tell whose it is (a plain hash of
    an 11-digit number is reversed by trying them all). The key is its own
    setting, so rotating SECRET_KEY does not let everyone sign again."""
    secret = settings.PORTAL_IDPORTEN_PID_KEY or settings.SECRET_KEY
    return salted_hmac(
        "proposals.idporten.pid", pid, secret=secret, algorithm="sha256"
    ).hexdigest()
