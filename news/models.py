"""Site-wide important notices (crisis communication).

A notice is a Wagtail snippet with drafts and revisions: the communication section
writes it, publishes it, and its history (who changed what, when) is Wagtail's.
What the public sees is the published row; a draft changes nothing on the site.
"""

from __future__ import annotations

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin

from .choices import NoticeLevel

POSTCODE_RE = re.compile(r"^\d{4}$")


def parse_postcodes(value: str) -> list[str]:
    """«1383, 1384 1385» → ["1383", "1384", "1385"]; order kept, duplicates gone."""
    found: list[str] = []
    for part in re.split(r"[\s,;]+", value or ""):
        if part and part not in found:
            found.append(part)
    return found


class NoticeContent(models.Model):
    """What a notice says: shared by the notices and their templates."""

    level = models.CharField(
        _("level"),
        max_length=10,
        choices=NoticeLevel.choices,
        default=NoticeLevel.INFO,
        help_text=_(
            "Critical: danger to life, health or property (read out at once by "
            "screen readers). Warning: disruption people must act on. "
            "Information: everything else."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("What happened, in a few words: «Kokevarsel i Heggedal»."),
    )
    body = models.TextField(
        _("text"),
        max_length=600,
        help_text=_(
            "What it means for residents and what they should do. Plain language, "
            "at most 600 characters."
        ),
    )
    title_en = models.CharField(_("title in English"), max_length=120, blank=True)
    body_en = models.TextField(_("text in English"), max_length=600, blank=True)
    link_url = models.URLField(
        _("read more at"),
        blank=True,
        help_text=_("A page with more information, if there is one."),
    )

    class Meta:
        abstract = True

    def text_for(self, language: str) -> tuple[str, str, str]:
        """(title, body, language of the text): English where it is written,
        otherwise the Norwegian text, marked as such."""
        if language == "en" and self.title_en and self.body_en:
            return self.title_en, self.body_en, "en"
        return self.title, self.body, "nb"


class Notice(DraftStateMixin, RevisionMixin, NoticeContent):
    starts_at = models.DateTimeField(
        _("shown from"),
        default=timezone.now,
        help_text=_("The notice appears on every page from this time."),
    )
    ends_at = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_(
            "It disappears by itself at this time. Leave empty while the situation "
            "lasts, and set it when it is over."
        ),
    )
    postcodes = models.CharField(
        _("postcodes"),
        max_length=200,
        blank=True,
        help_text=_(
            "Only if it concerns some areas: their postcodes, separated by commas. "
            "The notice says which areas it concerns."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Wagtail's pattern for snippets with revisions: deleting a notice deletes its
    # revisions too, and the history can be queried from the notice.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="notice")

    class Meta:
        verbose_name = _("important notice")
        verbose_name_plural = _("important notices")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["live", "ends_at"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        bad = [p for p in parse_postcodes(self.postcodes) if not POSTCODE_RE.match(p)]
        if bad:
            raise ValidationError(
                {
                    "postcodes": _(
                        "A postcode has four digits; this is not one: %(value)s"
                    )
                    % {"value": ", ".join(bad)}
                }
            )
        self.postcodes = ", ".join(parse_postcodes(self.postcodes))

    @property
    def revisions(self):
        return self._revisions

    def is_shown_at(self, now) -> bool:
        return (
            self.live
            and self.starts_at <= now
            and (self.ends_at is None or now < self.ends_at)
        )


class NoticeTemplate(NoticeContent):
    """A starting point for the common cases (kokevarsel, vannavbrudd, stengt vei,
    ekstremvær): «Use template» makes a draft notice from it."""

    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("notice template")
        verbose_name_plural = _("notice templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
