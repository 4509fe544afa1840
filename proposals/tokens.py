"""Signed tokens in the links of proposal e-mails, the same shape as
following's: «<id>:<signature>» (plus a timestamp where the link expires). The
signature covers the object's random key, so a token of one kind, of a deleted
object or a tampered one is refused. Nothing readable about the person is in it.

- confirm: the initiator confirms the e-mail address (expires);
- manage: the initiator's own page, where they submit to the council (does not
  expire: it is their only way in);
- sign: a signer confirms the signature (expires: an unconfirmed signature
  never counts after PROPOSAL_CONFIRM_DAYS);
- withdraw: in the signature's confirmation e-mail (does not expire).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

MAX_TOKEN_LENGTH = 200
EXPIRING = {"confirm", "sign"}


def confirm_days() -> int:
    return int(settings.PORTAL.get("PROPOSAL_CONFIRM_DAYS", 7))


def _signer(purpose: str, obj):
    salt = f"proposals.{purpose}:{obj.key}"
    cls = signing.TimestampSigner if purpose in EXPIRING else signing.Signer
    return cls(salt=salt)


def make_token(obj, purpose: str) -> str:
    return _signer(purpose, obj).sign(str(obj.pk))


def load(token: str, purpose: str, queryset):
    """The object of `queryset` the token was made for, or None."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    pk = token.split(":", 1)[0]
    if not pk.isdigit():
        return None
    obj = queryset.filter(pk=int(pk)).first()
    if obj is None:
        return None
    signer = _signer(purpose, obj)
    try:
        if purpose in EXPIRING:
            value = signer.unsign(token, max_age=confirm_days() * 86400)
        else:
            value = signer.unsign(token)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return obj if value == str(obj.pk) else None
