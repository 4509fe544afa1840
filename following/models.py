"""Following by e-mail, without an account: one machinery for hearings, citizen
proposals, news and notices.

A `Subscription` is one address following one thing of one channel: a target
object (a hearing, a topic, a proposal) or, with no target, everything new in
the channel («all new hearings»). It is confirmed by a signed link and a button
(double opt-in); every e-mail carries a signed one-click unsubscribe link.

A `Notice` is one e-mail to one subscriber about one subject (a hearing that
opened, a proposal's outcome), recorded before it is queued: the record is what
makes a daily run, a second run or two runs at once send nothing twice.

What is followed is referred to by content type and id, so this app imports none
of the apps that use it (hearings, proposals, news sit above it).
"""

import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Subscription(models.Model):
    channel = models.CharField(_("channel"), max_length=30)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of target"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(_("target"), null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, default="nb")
    # Signed into every token: a token for a deleted subscription never reaches a
    # new one that happens to get the same id.
    key = models.CharField(max_length=24, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The last confirmation e-mail: asking again within the hour sends no other.
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "channel",
                "target_type",
                "target_id",
                nulls_distinct=False,
                name="following_subscription_once",
            ),
            models.CheckConstraint(
                condition=Q(target_type__isnull=True, target_id__isnull=True)
                | Q(target_type__isnull=False, target_id__isnull=False),
                name="following_subscription_target_whole",
            ),
        ]
        indexes = [
            models.Index(
                fields=["channel", "target_type", "target_id"],
                condition=Q(confirmed_at__isnull=False),
                name="following_sub_confirmed_idx",
            ),
            models.Index(Lower("email"), name="following_sub_email_idx"),
        ]

    def __str__(self):
        # Never the address: this shows in logs and the audit trail.
        return f"{self.channel} #{self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Notice(models.Model):
    """One notice (`kind`) about one subject to one subscriber, queued once."""

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.CharField(_("kind"), max_length=30)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "subject_type", "subject_id", "kind"],
                name="following_notice_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["subject_type", "subject_id", "kind"],
                name="following_notice_subject_idx",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.subject_type_id}:{self.subject_id}"
