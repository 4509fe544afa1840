"""How proposals use the portal's following machinery (following/): one
proposal is the target of a Subscription of the «proposals» channel. The
initiator follows their own proposal from confirmation on; a signer who asks
for news follows it once the signature is confirmed."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from following.channels import Channel
from following.emails import absolute_url

from .choices import OUTCOMES, EventKind
from .models import Proposal

CHANNEL = "proposals"


class ProposalsChannel(Channel):
    name = CHANNEL
    target_models = (Proposal,)
    # After the council's outcome nothing more comes: the following has ended.
    final_notice_kinds = tuple(str(k) for k in OUTCOMES)

    def describe(self, subscription) -> str:
        target = subscription.target
        if isinstance(target, Proposal):
            return _("the citizen proposal «%(title)s»") % {"title": target.title}
        return _("new citizen proposals")

    def back_url(self, subscription) -> str | None:
        target = subscription.target
        return target.get_absolute_url() if isinstance(target, Proposal) else None

    def notice_email(self, notice) -> tuple[str, dict]:
        proposal = notice.subject
        with translation.override(notice.subscription.language):
            url = absolute_url(proposal.get_absolute_url())
            kind = EventKind(notice.kind).label
        return "proposals/email/notice.txt", {
            "proposal": proposal,
            "proposal_url": url,
            "kind": notice.kind,
            "kind_label": kind,
        }
