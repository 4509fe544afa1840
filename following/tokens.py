"""Signed tokens in the links of following e-mails.

A token is «<id>:<signature>» (the confirmation token adds a timestamp): it
carries no e-mail address or anything else readable about the subscriber. The
signature covers the subscription's random key, so a token for a deleted and
re-created subscription, a tampered one or one of the other kind is refused.
Django's signing honours SECRET_KEY_FALLBACKS, so links survive a key rotation.

A confirmation token expires (PORTAL["FOLLOW_CONFIRM_DAYS"]); an unsubscribe
token does not: an old e-mail's link must always work.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "following.confirm"
UNSUBSCRIBE_SALT = "following.unsubscribe"
MAX_TOKEN_LENGTH = 200


def _signer(salt: str, subscription, *, timestamped: bool):
    salt = f"{salt}:{subscription.key}"
    cls = signing.TimestampSigner if timestamped else signing.Signer
    return cls(salt=salt)


def make_confirm_token(subscription) -> str:
    return _signer(CONFIRM_SALT, subscription, timestamped=True).sign(
        str(subscription.pk)
    )


def make_unsubscribe_token(subscription) -> str:
    return _signer(UNSUBSCRIBE_SALT, subscription, timestamped=False).sign(
        str(subscription.pk)
    )


def _load(token: str, salt: str, *, max_age=None):
    from .models import Subscription

    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    pk = token.split(":", 1)[0]
    if not pk.isdigit():
        return None
    subscription = Subscription.objects.filter(pk=int(pk)).first()
    if subscription is None:
        return None
    signer = _signer(salt, subscription, timestamped=max_age is not None)
    try:
        if max_age is not None:
            value = signer.unsign(token, max_age=max_age)
        else:
            value = signer.unsign(token)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return subscription if value == str(subscription.pk) else None


def confirm_days() -> int:
    return int(settings.PORTAL.get("FOLLOW_CONFIRM_DAYS", 7))


def subscription_for_confirm_token(token: str):
    return _load(token, CONFIRM_SALT, max_age=confirm_days() * 86400)


def subscription_for_unsubscribe_token(token: str):
    return _load(token, UNSUBSCRIBE_SALT)
