from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .panels import ReadabilityPanel
from .privacy_statement import processing_purposes
from .readability import reading_text


class LocalizedNameMixin:
    """Small reference data with a Norwegian name and an optional English one."""

    @property
    def label(self) -> str:
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class PlainWord(models.Model):
    """One word of the language profile («språkprofil»): a word the
    municipality does not write, and what to write instead. The readability
    panel flags it while the editor writes (readability.plain_word_hits)."""

    avoid = models.CharField(
        _("word to avoid"),
        max_length=100,
        unique=True,
        help_text=_(
            "Written as it starts, for example «ansøkning»: it also finds "
            "«ansøkningen» and «ansøkninger»."
        ),
    )
    instead = models.CharField(_("write instead"), max_length=200)

    class Meta:
        verbose_name = _("language profile word")
        verbose_name_plural = _("language profile")
        ordering = ["avoid"]

    def __str__(self):
        return f"{self.avoid} → {self.instead}"

    @classmethod
    def profile(cls) -> list[tuple[str, str]]:
        """The whole profile: (avoid, instead)."""
        return list(cls.objects.values_list("avoid", "instead"))

    def clean(self):
        self.avoid = " ".join(self.avoid.split()).lower()
        self.instead = " ".join(self.instead.split())


class Audience(LocalizedNameMixin, models.Model):
    """Who a service is for: residents, associations, business, media."""

    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class LifeSituation(LocalizedNameMixin, models.Model):
    """A life situation (livssituasjon) such as "Få barn" or "Flytte"."""

    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), unique=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContentPage(Page):
    """Fields and behaviour every public content page shares."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two plain sentences. Shown in lists and search results."),
    )

    # Readability is shown for these fields' text while editing.
    readability_fields: tuple[str, ...] = ("summary",)

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # No query on every page view when the site has no restrictions at all
        # (portal/restrictions.py); Wagtail's own answer otherwise.
        from portal.restrictions import restricted_paths

        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve_preview(self, request, mode_name):
        # The editor's preview is this page rendered inside an iframe of the admin.
        # Wagtail renders it through a fake request for the page's public URL, so
        # the public Content-Security-Policy applies, and its frame-ancestors
        # 'none' made the browser refuse the frame: allow the admin's own origin,
        # for previews only (public pages keep 'none').
        response = super().serve_preview(request, mode_name)
        response._csp_replace = {"frame-ancestors": ["'self'"]}
        return response

    def language_profile(self) -> list[tuple[str, str]]:
        """For the readability panel, which sits below the models."""
        return PlainWord.profile()

    def readability_text(self) -> str:
        """The page's reading text for the LIX panel: the title and the
        readability fields, one block a line (readability.reading_text)."""
        return reading_text(
            self.title, *(getattr(self, name, "") for name in self.readability_fields)
        )


# The readability panel sits right under the title, where the editor sees it
# while writing; it updates as the text below changes.
def content_panels_with_readability(panels):
    title, *rest = panels
    return [title, ReadabilityPanel(heading=_("Readability (LIX)")), *rest]


class HomePage(ContentPage):
    intro = models.CharField(_("introduction"), max_length=250, blank=True)
    participate_intro = models.TextField(_('"Have your say" introduction'), blank=True)

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            FieldPanel("intro"),
            FieldPanel("summary"),
            InlinePanel("top_tasks", heading=_("Top tasks"), label=_("Top task")),
            FieldPanel("participate_intro"),
        ]
    )
    readability_fields = ("intro", "summary", "participate_intro")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.TopicPage",
        "home.StandardPage",
        "home.ServiceIndexPage",
        "home.AudiencePage",
        "hearings.HearingIndexPage",
        "news.NewsIndexPage",
    ]
    # One home page; its translations are copies made by Wagtail's translation
    # tools, which do not consult max_count.
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if path_components:
            found = _direct_route(self, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class TaskLink(Orderable):
    """A link to a page a visitor comes to do (a top task), with its own label."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty to use the page title."),
    )

    panels = [PageChooserPanel("link_page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def text(self):
        return self.label or self.link_page.title


class TopTask(TaskLink):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_tasks")


class TopicPage(ContentPage):
    """A service area (tjenesteområde) with its services."""

    direct_route = True  # found by url_path in one query (_direct_route)

    body = RichTextField(
        _("body"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )

    content_panels = content_panels_with_readability(
        [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    )
    readability_fields = ("summary", "body")
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ServicePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("topic page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import services_in_topic

        context = super().get_context(request, *args, **kwargs)
        context["services"] = services_in_topic(self, request)
        return context


RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class ServicePage(ContentPage):
    """A service (tjeneste), always in the same plain-language structure."""

    direct_route = True  # found by url_path in one query (_direct_route)

    def structured_data(self, provider: str, url: str) -> dict:
        """schema.org JSON-LD of the service (portal_tags.share_meta renders it)."""
        return {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.search_description or self.summary,
            "url": url,
            "provider": {"@type": "GovernmentOrganization", "name": provider},
        }

    what_it_is = RichTextField(_("what it is"), features=RICH_FEATURES)
    who_can_get_it = RichTextField(
        _("who can get it"), blank=True, features=RICH_FEATURES
    )
    how_to_apply = RichTextField(_("how to apply"), blank=True, features=RICH_FEATURES)
    apply_url = models.URLField(
        _("link to the application form"),
        blank=True,
        help_text=_(
            "Where the resident applies, if it is done online. Shown as the "
            "page's main button."
        ),
    )
    apply_label = models.CharField(
        _("text of the button"),
        max_length=60,
        blank=True,
        help_text=_(
            "What the resident does, e.g. «Søk barnehageplass» or «Bestill "
            "henting». Empty: «Søk digitalt»."
        ),
    )
    price = models.TextField(_("price"), blank=True)
    processing_time = models.CharField(_("processing time"), max_length=200, blank=True)
    contact = models.TextField(
        _("contact"),
        blank=True,
        help_text=_("Leave empty to show the responsible unit's e-mail and phone."),
    )
    responsible_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="services"
    )
    life_situations = ParentalManyToManyField(
        LifeSituation,
        verbose_name=_("life situations"),
        blank=True,
        related_name="services",
    )
    related_services = ParentalManyToManyField(
        "self",
        verbose_name=_("related services"),
        blank=True,
        symmetrical=False,
    )
    search_keywords = models.CharField(
        _("search words"),
        max_length=300,
        blank=True,
        help_text=_(
            "Words residents use for this service, comma separated "
            "(for example «søppel» for waste collection)."
        ),
    )
    index_titles = models.TextField(
        _("other A–Z entries"),
        blank=True,
        help_text=_(
            "One per line, the way residents look for the service, subject first "
            "(for example «Barnehageplass, søke» for «Søke barnehageplass»). The A–Z "
            "list shows the service under its title and under each of these."
        ),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            FieldPanel("summary"),
            FieldPanel("what_it_is"),
            FieldPanel("who_can_get_it"),
            MultiFieldPanel(
                [
                    FieldPanel("how_to_apply"),
                    FieldPanel("apply_url"),
                    FieldPanel("apply_label"),
                ],
                heading=_("How to apply"),
            ),
            FieldPanel("price"),
            FieldPanel("processing_time"),
            MultiFieldPanel(
                [FieldPanel("responsible_unit"), FieldPanel("contact")],
                heading=_("Responsible and contact"),
            ),
            FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            FieldPanel("life_situations", widget=forms.CheckboxSelectMultiple),
            FieldPanel("related_services"),
            FieldPanel("search_keywords"),
            FieldPanel("index_titles"),
            FieldPanel("last_reviewed"),
        ]
    )
    readability_fields = (
        "summary",
        "what_it_is",
        "who_can_get_it",
        "how_to_apply",
        "price",
        "processing_time",
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_keywords"),
        index.SearchField("what_it_is"),
        index.SearchField("who_can_get_it"),
        index.SearchField("how_to_apply"),
        index.AutocompleteField("search_keywords"),
    ]

    parent_page_types = ["home.TopicPage"]
    subpage_types: list[str] = []
    # Loaded with the page when it is served (see _direct_route).
    route_select_related = ("responsible_unit",)

    class Meta:
        verbose_name = _("service page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import service_context

        context = super().get_context(request, *args, **kwargs)
        context.update(service_context(self, request))
        return context


class StandardPage(ContentPage):
    """About, privacy statement, accessibility statement and other plain pages."""

    direct_route = True  # found by url_path in one query (_direct_route)

    body = RichTextField(
        _("body"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )
    responsible_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("responsible unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    show_privacy_purposes = models.BooleanField(
        _("show what the portal keeps and for how long"),
        default=False,
        help_text=_(
            "For the privacy statement: after the body, a section per purpose "
            "(inputs, hearing responses, following, proposals, page feedback) with "
            "the retention periods read from the portal's settings, so the page "
            "never states a period the portal does not keep."
        ),
    )

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            FieldPanel("summary"),
            FieldPanel("body"),
            FieldPanel("show_privacy_purposes"),
            FieldPanel("responsible_unit"),
        ]
    )
    readability_fields = ("summary", "body")
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.TopicPage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_privacy_purposes:
            context["privacy_purposes"] = processing_purposes(
                settings.PORTAL,
                settings.PORTAL_ARCHIVE,
                idporten_signing=bool(settings.PORTAL_IDPORTEN_CLIENT_ID),
            )
        return context


class ServiceIndexPage(ContentPage):
    """The A–Å index of every service, with audience and life-situation filters."""

    direct_route = True  # found by url_path in one query (_direct_route)

    content_panels = content_panels_with_readability(
        [*Page.content_panels, FieldPanel("summary")]
    )
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("A–Z service index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import service_index

        context = super().get_context(request, *args, **kwargs)
        context.update(service_index(request.GET, locale=self.locale, request=request))
        return context


class AudiencePage(ContentPage):
    """The landing page of one audience of the communication platform
    (residents, associations, businesses, media, employees and elected
    representatives): its top tasks, news and open hearings. The media's page is
    the press room: it shows the press contacts and the press releases."""

    direct_route = True  # found by url_path in one query (_direct_route)
    route_select_related = ("audience",)

    audience = models.ForeignKey(
        Audience,
        verbose_name=_("audience"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )
    is_press_room = models.BooleanField(
        _("press room"),
        default=False,
        help_text=_(
            "Show the press contacts and on-call phone (Settings → Press "
            "contacts) and the press releases with their feed."
        ),
    )

    content_panels = content_panels_with_readability(
        [
            *Page.content_panels,
            FieldPanel("audience"),
            FieldPanel("summary"),
            InlinePanel("top_tasks", heading=_("Top tasks"), label=_("Top task")),
            FieldPanel("body"),
            FieldPanel("is_press_room"),
        ]
    )
    readability_fields = ("summary", "body")
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("audience page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import audience_context

        context = super().get_context(request, *args, **kwargs)
        context.update(audience_context(self, request))
        return context


class AudienceTask(TaskLink):
    page = ParentalKey(AudiencePage, on_delete=models.CASCADE, related_name="top_tasks")


def _direct_route(home, path_components) -> RouteResult | None:
    """Find a page under `home` by its url_path in one query, where Wagtail's
    Page.route() asks for each level's child and its specific page in turn (two
    queries a level). Only for page types that say `direct_route = True`: those
    whose possible ancestors (by the page-tree rules) are the home page and types
    that do not change Wagtail's routing. Anything else returns None and goes the
    usual way."""
    url_path = home.url_path + "/".join(path_components) + "/"
    row = Page.objects.filter(url_path=url_path).values("id", "content_type_id").first()
    if row is None:
        return None
    model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    if model is None or not getattr(model, "direct_route", False):
        return None
    page = model.objects.select_related(
        *getattr(model, "route_select_related", ())
    ).get(pk=row["id"])
    if not page.live:
        raise Http404
    return RouteResult(page)


@register_setting(icon="site")
class SiteFooter(BaseSiteSetting):
    """The statement pages every page links to. The contact details are the
    municipality's (portal.models.Municipality)."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
        PageChooserPanel("about_page"),
    ]

    select_related = ["privacy_page", "accessibility_page", "about_page"]

    class Meta:
        verbose_name = _("site footer")

    @cached_property
    def pages(self):
        return {
            "privacy": self.privacy_page,
            "accessibility": self.accessibility_page,
            "about": self.about_page,
        }
