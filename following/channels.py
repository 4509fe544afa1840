"""What each app that uses following tells it: how to name what is followed,
where to send the reader back to, and how to write a notice.

An app registers one `Channel` per kind of following from its AppConfig.ready():

    from following.channels import Channel, register

    class HearingsChannel(Channel):
        name = "hearings"
        ...

    register(HearingsChannel())

The generic pages and e-mails (confirm, unsubscribe) then speak of «the hearing
«…»» or «new citizen proposals» without following knowing either app.
"""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _

_channels: dict[str, Channel] = {}


class Channel:
    #: The value stored in Subscription.channel; stable, never translated.
    name: str = ""
    #: Models whose objects can be followed or noticed about (targets and
    #: subjects). A deleted one takes its subscriptions and notices with it.
    target_models: tuple[type, ...] = ()
    #: Notice kinds after which nothing more comes to a subscription of one
    #: target (a hearing's outcome): the following has ended, and retention
    #: (records.retention) removes it some days later.
    final_notice_kinds: tuple[str, ...] = ()

    def describe(self, subscription) -> str:
        """What the subscription follows, as a phrase for «e-mails about …»,
        in the active language (e.g. «the hearing «Nesbru»», «all new
        hearings»)."""
        return str(_("news from the municipality"))

    def back_url(self, subscription) -> str | None:
        """A path back to what is followed, shown after confirming."""
        return None

    def notice_email(self, notice) -> tuple[str, dict]:
        """(template, context) for the e-mail of one notice. The template's
        first line is the subject; it includes following/email/footer.txt."""
        raise NotImplementedError


def register(channel: Channel) -> Channel:
    if not channel.name:
        raise ValueError("A channel needs a name.")
    _channels[channel.name] = channel
    for model in channel.target_models:
        post_delete.connect(
            _target_deleted,
            sender=model,
            dispatch_uid=f"following.target-deleted.{model._meta.label_lower}",
        )
    return channel


def get(name: str) -> Channel:
    """The registered channel, or a plain one for a channel no longer installed
    (its subscribers can still confirm and unsubscribe)."""
    return _channels.get(name) or Channel()


def _target_deleted(sender, instance, **_kwargs):
    from django.contrib.contenttypes.models import ContentType

    from .models import Notice, Subscription

    content_type = ContentType.objects.get_for_model(sender)
    Subscription.objects.filter(
        target_type=content_type, target_id=instance.pk
    ).delete()
    Notice.objects.filter(subject_type=content_type, subject_id=instance.pk).delete()
