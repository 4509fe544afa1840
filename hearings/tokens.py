"""Signed tokens for following hearings without an account.

A confirmation token expires; an unsubscribe token does not (an old e-mail's link
must still work). Both are bound to the subscription's id and e-mail, so a token
for a deleted and re-created subscription, or a tampered one, is refused.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "hearings.subscription.confirm"
UNSUBSCRIBE_SALT = "hearings.subscription.unsubscribe"


def _payload(subscription) -> dict:
    return {"id": subscription.pk, "e": subscription.email.casefold()}


def make_confirm_token(subscription) -> str:
    return signing.dumps(_payload(subscription), salt=CONFIRM_SALT, compress=True)


def make_unsubscribe_token(subscription) -> str:
    return signing.dumps(_payload(subscription), salt=UNSUBSCRIBE_SALT, compress=True)


def _load(token: str, salt: str, max_age=None):
    from .models import Subscription

    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict):
        return None
    subscription = Subscription.objects.filter(pk=data.get("id")).first()
    if subscription is None or subscription.email.casefold() != data.get("e"):
        return None
    return subscription


def subscription_for_confirm_token(token: str):
    days = settings.PORTAL.get("HEARING_CONFIRM_DAYS", 7)
    return _load(token, CONFIRM_SALT, max_age=days * 86400)


def subscription_for_unsubscribe_token(token: str):
    return _load(token, UNSUBSCRIBE_SALT)
