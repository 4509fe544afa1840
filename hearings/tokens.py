"""Links in e-mails sent before following moved to the portal's following app.

Those tokens were signed {"id", "e"} payloads; the subscriptions kept their ids
when they moved (hearings migration 0003), so an old confirmation or unsubscribe
link still finds its subscription, by id and e-mail address. New e-mails carry
following.tokens' links, which hold no address."""

from django.core import signing

from following.models import Subscription
from following.tokens import confirm_days

CONFIRM_SALT = "hearings.subscription.confirm"
UNSUBSCRIBE_SALT = "hearings.subscription.unsubscribe"


def _load(token: str, salt: str, max_age=None):
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    subscription = Subscription.objects.filter(pk=data["id"]).first()
    if subscription is None or subscription.email.casefold() != data.get("e"):
        return None
    return subscription


def subscription_for_legacy_confirm_token(token: str):
    return _load(token, CONFIRM_SALT, max_age=confirm_days() * 86400)


def subscription_for_legacy_unsubscribe_token(token: str):
    return _load(token, UNSUBSCRIBE_SALT)
