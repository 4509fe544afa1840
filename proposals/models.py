"""Citizen proposals (innbyggerforslag, kommuneloven § 12-1) and their
signatures. Workflows live in services.py, reads with rules in selectors.py, the
rules themselves (threshold, clocks) in rules.py.

A proposal is not a Wagtail page: residents write it, the political secretariat
moderates it, and its text is the initiator's, not an editor's. When it goes to
the council it becomes one `proposal` input of the feedback pipeline
(`submission`), so the council clock, the inbox, the archive and retention are
the pipeline's.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import attachment_path, attachment_storage

from . import rules
from .choices import EventKind, Method, RefusalReason, Status


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Proposal(models.Model):
    title = models.CharField(_("title"), max_length=150)
    # «Hva skal kommunestyret ta stilling til?»
    proposal = models.TextField(_("what the council should decide"))
    background = models.TextField(_("background"), blank=True, default="")

    # The initiator. Name and postcode are public; the e-mail address never.
    initiator_name = models.CharField(_("initiator"), max_length=200)
    initiator_email = models.EmailField(_("initiator's e-mail"))
    initiator_postcode = models.CharField(_("postcode"), max_length=4)
    language = models.CharField(_("language"), max_length=10, default="nb")
    # Signed into every link of the initiator's e-mails (tokens.py).
    key = models.CharField(max_length=24, default=new_key, editable=False)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.CharField(
        _("reason"),
        max_length=20,
        choices=RefusalReason.choices,
        blank=True,
        default="",
    )
    refusal_text = models.TextField(_("explanation"), blank=True, default="")

    # § 12-1: the council may refuse a proposal with the same content as one
    # handled in this election period. An editor's flag with a link, shown on
    # the page; never automatic, and never itself a refusal.
    same_content_as = models.ForeignKey(
        "self",
        verbose_name=_("same content as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    same_content_url = models.URLField(
        _("link to the earlier case"), blank=True, default=""
    )

    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closes_at = models.DateTimeField(_("campaign closes"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    council_due_at = models.DateTimeField(
        _("council decides by"), null=True, blank=True
    )
    below_threshold = models.BooleanField(
        _("submitted below the threshold"), default=False
    )
    threshold = models.PositiveIntegerField(_("signatures needed"), default=0)
    submission = models.OneToOneField(
        "feedback.Submission",
        verbose_name=_("input in the inbox"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citizen_proposal",
    )

    # The council's handling, public on the page.
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    case_url = models.URLField(_("link to the political case"), blank=True, default="")
    outcome_text = models.TextField(_("the decision"), blank=True, default="")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("citizen proposal")
        verbose_name_plural = _("citizen proposals")
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="proposals_list_idx"),
            models.Index(Lower("initiator_email"), name="proposals_initiator_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("proposals:detail", kwargs={"pk": self.pk})

    def get_admin_display_title(self):
        return self.title

    # The clocks end at a midnight; people are told the last whole day.
    @property
    def campaign_last_day(self):
        return rules.last_day(self.closes_at) if self.closes_at else None

    @property
    def council_last_day(self):
        return rules.last_day(self.council_due_at) if self.council_due_at else None


class PaperSheet(models.Model):
    """A signature sheet on paper, registered by staff; the scan is kept on the
    private attachments storage."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="sheets",
    )
    file = models.FileField(
        _("scanned sheet"),
        storage=attachment_storage,
        upload_to=attachment_path,
        max_length=200,
        blank=True,
    )
    original_name = models.CharField(max_length=255, blank=True, default="")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)

    class Meta:
        verbose_name = _("signature sheet")
        verbose_name_plural = _("signature sheets")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.proposal_id}/{self.pk}"


class Signature(models.Model):
    """One person's support. Only confirmed signatures count: online ones once
    the e-mail link's button was pressed, paper and ID-porten ones at once."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    name = models.CharField(_("name"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=4)
    address = models.CharField(_("address"), max_length=200, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    language = models.CharField(_("language"), max_length=10, default="nb")
    show_name = models.BooleanField(_("name may be shown"), default=False)
    resident = models.BooleanField(_("declared resident"), default=False)
    wants_news = models.BooleanField(_("wants news of the proposal"), default=False)
    method = models.CharField(
        _("signed"), max_length=10, choices=Method.choices, default=Method.EMAIL
    )
    verified = models.BooleanField(_("identity verified"), default=False)
    # ID-porten: a keyed hash of the national identity number (never the number)
    # so one person signs once.
    identity_hash = models.CharField(max_length=64, blank=True, default="")
    sheet = models.ForeignKey(
        PaperSheet,
        verbose_name=_("signature sheet"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    key = models.CharField(max_length=24, default=new_key, editable=False)
    created_at = models.DateTimeField(_("signed"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["created_at", "id"]
        constraints = [
            # One signature per e-mail address per proposal (paper ones have none).
            models.UniqueConstraint(
                "proposal",
                Lower("email"),
                condition=~Q(email=""),
                name="proposals_signature_once_per_email",
            ),
            models.UniqueConstraint(
                fields=["proposal", "identity_hash"],
                condition=~Q(identity_hash=""),
                name="proposals_signature_once_per_person",
            ),
        ]
        indexes = [
            # The count on every proposal page.
            models.Index(
                fields=["proposal"],
                condition=Q(confirmed_at__isnull=False),
                name="proposals_sig_counted_idx",
            ),
            # The newest public names on every proposal page: read from the
            # index in order, 50 rows, however many have signed.
            models.Index(
                F("proposal"),
                F("confirmed_at").desc(),
                F("id").desc(),
                condition=Q(
                    confirmed_at__isnull=False,
                    show_name=True,
                    anonymised_at__isnull=True,
                ),
                name="proposals_sig_names_idx",
            ),
            models.Index(Lower("email"), name="proposals_sig_email_idx"),
        ]

    def __str__(self):
        # Never the name or address: this shows in logs.
        return f"{self.proposal_id}/{self.pk}"


class ProposalEvent(models.Model):
    """The proposal's history; `public` events are shown on its page."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    public = models.BooleanField(_("public"), default=False)
    text = models.TextField(_("text"), blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.proposal_id} {self.kind}"
