"""Active information: site-wide important notices, news and the press room.

A notice is a Wagtail snippet with drafts and revisions: the communication section
writes it, publishes it, and its history (who changed what, when) is Wagtail's.
What the public sees is the published row; a draft changes nothing on the site.

News are pages (NewsPage) under one news index; a press release is news of that
kind. The press contacts are a setting, shown on the media's audience page.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin
from wagtail.search import index

from home.models import Audience, ContentPage, content_panels_with_readability

from .choices import NewsKind, NoticeLevel

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


# Paths under the news index that are the feeds' (news.urls), not news pages.
RESERVED_NEWS_SLUGS = frozenset({"rss", "atom", "tema", "pressemeldinger"})


class NewsIndexPage(ContentPage):
    """All news, newest first, with a topic filter and the feeds."""

    direct_route = True  # found by url_path in one query (home.models._direct_route)

    content_panels = content_panels_with_readability(
        [*Page.content_panels, FieldPanel("summary")]
    )
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_index

        context = super().get_context(request, *args, **kwargs)
        context.update(news_index(self, request.GET, request))
        return context


class NewsPage(ContentPage):
    """One news item or press release: dated, with a topic, who it is for and
    the unit responsible, so it shows on its topic's and audiences' pages."""

    direct_route = True  # found by url_path in one query (home.models._direct_route)
    route_select_related = ("responsible_unit", "image", "topic")

    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("Shown on the news and used for the order of the lists."),
    )
    topic = models.ForeignKey(
        "home.TopicPage",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The news is also shown on this topic's page."),
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="news"
    )
    responsible_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for those who cannot see it. Required with an image."
        ),
    )
    body = RichTextField(
        _("body"), features=["bold", "italic", "link", "ol", "ul", "h2", "h3"]
    )

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            FieldPanel("kind"),
            FieldPanel("date"),
            FieldPanel("summary"),
            MultiFieldPanel(
                [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
            ),
            FieldPanel("body"),
            FieldPanel("topic"),
            FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            FieldPanel("responsible_unit"),
        ]
    )
    readability_fields = ("summary", "body")
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    og_type = "article"  # Open Graph (portal_tags.share_meta)

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _(
                "Describe the image for those who cannot see it, or remove the image."
            )
        if not self.summary.strip():
            errors["summary"] = _(
                "Write a summary: it is what the lists and the shared link show."
            )
        if self.slug in RESERVED_NEWS_SLUGS:
            errors["slug"] = _("This address is taken by the news feeds.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_press_release(self) -> bool:
        return self.kind == NewsKind.PRESS_RELEASE

    def share_image(self) -> tuple[str, str] | None:
        """(image URL relative to the site, alt text) for Open Graph and
        JSON-LD (portal_tags.share_meta), 1200×630 as the services ask."""
        if self.image is None:
            return None
        return self.image.get_rendition("fill-1200x630|format-jpeg").url, self.image_alt

    def structured_data(self, provider: str, url: str) -> dict:
        """schema.org NewsArticle (portal_tags.share_meta renders it)."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.search_description or self.summary,
            "datePublished": self.date.isoformat(),
            "url": url,
            "publisher": {"@type": "GovernmentOrganization", "name": provider},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return data

    def search_document(self) -> dict:
        return {
            "kind": "news",
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "audiences": list(self.audiences.values_list("slug", flat=True)),
        }

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_context(self, request))
        return context


@register_setting(icon="mail")
class PressContacts(ClusterableModel, BaseGenericSetting):
    """The communication section's press service: shown in the press room
    (the media's audience page) and nowhere else."""

    on_call_phone = models.CharField(
        _("on-call press phone"),
        max_length=40,
        blank=True,
        help_text=_("The number the media call, answered outside office hours too."),
    )
    on_call_hours = models.CharField(
        _("when the on-call phone is answered"),
        max_length=120,
        blank=True,
        help_text=_("For example «Hele døgnet» or «Hverdager 08–22»."),
    )
    email = models.EmailField(_("press e-mail"), blank=True)

    panels = [
        FieldPanel("on_call_phone"),
        FieldPanel("on_call_hours"),
        FieldPanel("email"),
        InlinePanel("contacts", heading=_("Press contacts"), label=_("Contact")),
    ]

    class Meta:
        verbose_name = _("press contacts")


class PressContact(Orderable):
    settings = ParentalKey(
        PressContacts, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    def __str__(self):
        return self.name
