"""Who follows what. Only confirmed subscriptions ever get a notice."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from .models import Subscription


def target_filter(target) -> Q:
    """Subscriptions to `target` (a model instance), or channel-wide ones when
    `target` is None."""
    if target is None:
        return Q(target_type__isnull=True, target_id__isnull=True)
    return Q(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)


def confirmed() -> QuerySet:
    return Subscription.objects.filter(confirmed_at__isnull=False)


def followers(channel: str, target=None) -> QuerySet:
    """Confirmed subscriptions of `channel` to `target` (None: to everything new
    in the channel)."""
    return confirmed().filter(target_filter(target), channel=channel)


def followers_of_any(
    channel: str, targets: Iterable = (), *, channel_wide: bool = False
) -> QuerySet:
    """Confirmed subscriptions of `channel` to any of `targets`, and to the whole
    channel when `channel_wide` (e.g. «all new hearings» and «new hearings on a
    topic of this one»)."""
    condition = Q(pk__in=[])
    for target in targets:
        condition |= target_filter(target)
    if channel_wide:
        condition |= target_filter(None)
    return confirmed().filter(condition, channel=channel)


def subscriptions_for_email(email: str) -> QuerySet:
    """Every subscription of one address, confirmed or not (rights requests)."""
    email = (email or "").strip()
    if not email:
        return Subscription.objects.none()
    return Subscription.objects.filter(email__iexact=email).order_by("created_at")
