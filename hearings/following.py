"""How hearings use the portal's following machinery (following/): one hearing,
new hearings on a topic, or all new hearings, each a Subscription of the
«hearings» channel with the hearing, the topic or nothing as its target."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from feedback.models import Topic
from following.channels import Channel
from following.emails import absolute_url

from .choices import NoticeKind, SubscriptionScope
from .models import HearingPage

CHANNEL = "hearings"

NOTICE_TEMPLATES = {
    NoticeKind.OPENED: "hearings/email/notice_opened.txt",
    NoticeKind.DEADLINE_SOON: "hearings/email/notice_deadline.txt",
    NoticeKind.OUTCOME: "hearings/email/notice_outcome.txt",
}


def target_for(scope: str, *, hearing=None, topic=None):
    """The followed object for a scope of the follow form (None: all hearings)."""
    if scope == SubscriptionScope.HEARING:
        return hearing
    if scope == SubscriptionScope.TOPIC:
        return topic
    return None


class HearingsChannel(Channel):
    name = CHANNEL
    target_models = (HearingPage, Topic)
    final_notice_kinds = (NoticeKind.OUTCOME,)

    def describe(self, subscription) -> str:
        target = subscription.target
        if isinstance(target, HearingPage):
            return _("the hearing «%(title)s»") % {"title": target.title}
        if isinstance(target, Topic):
            return _("new hearings on «%(topic)s»") % {"topic": target.display_name}
        return _("new hearings")

    def back_url(self, subscription) -> str | None:
        target = subscription.target
        if isinstance(target, HearingPage):
            return target.url
        return reverse("hearings:index_redirect")

    def notice_email(self, notice) -> tuple[str, dict]:
        hearing = notice.subject
        with translation.override(notice.subscription.language):
            url = absolute_url(hearing.url or "/")
        return NOTICE_TEMPLATES[notice.kind], {"hearing": hearing, "hearing_url": url}
