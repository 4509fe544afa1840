"""The municipality as data: who runs this portal, shown on every page and in
every e-mail. One deployment serves one municipality, so this is a generic
setting (one row), not a per-site one: e-mails and feeds built by the worker
have no request, and must still say the same name as the pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# The Brønnøysund register's check digit (modulus 11) over the first eight digits.
ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def validate_organisation_number(value: str) -> None:
    digits = value.replace(" ", "")
    if len(digits) != 9 or not digits.isdigit():
        raise ValidationError(_("An organisation number has nine digits."))
    weighted = zip(digits[:8], ORGANISATION_NUMBER_WEIGHTS, strict=True)
    remainder = sum(int(d) * w for d, w in weighted) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(digits[8]):
        raise ValidationError(_("This is not a valid organisation number."))


@register_setting(icon="home")
class Municipality(BaseGenericSetting):
    """Name, logo, favicon and contact details of the municipality."""

    name = models.CharField(
        _("name"),
        max_length=100,
        default="Kommunen",
        help_text=_("In Norwegian, as residents write it, e.g. «Nordby kommune»."),
    )
    name_en = models.CharField(
        _("name in English"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("E.g. «Nordby municipality». Empty: the Norwegian name."),
    )
    place_name = models.CharField(
        _("place name"),
        max_length=60,
        blank=True,
        default="",
        help_text=_(
            "The place on its own, as in «an idea that would make Nordby better». "
            "Empty: the name."
        ),
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        default="",
        validators=[validate_organisation_number],
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Preferably SVG. Empty: a neutral mark."),
    )
    logo_shows_name = models.BooleanField(
        _("the logo shows the name"),
        default=False,
        help_text=_(
            "Tick if the name is part of the logo: the name is then not written "
            "beside it."
        ),
    )
    logo_alt = models.CharField(
        _("text alternative of the logo"),
        max_length=150,
        blank=True,
        default="",
        help_text=_(
            "What the logo says, for those who cannot see it (when it shows the "
            "name). Empty: the name."
        ),
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon (SVG)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square. Empty: a neutral mark."),
    )
    favicon_png = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon (PNG)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "180 × 180 pixels, for browsers and phones that do not show SVG icons."
        ),
    )
    address = models.TextField(_("address"), blank=True, default="")
    phone = models.CharField(_("phone"), max_length=40, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        default="",
        help_text=_("E.g. «Monday–Friday 08.00–15.30»."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("place_name")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("logo_shows_name"),
                FieldPanel("logo_alt"),
                FieldPanel("favicon"),
                FieldPanel("favicon_png"),
            ],
            heading=_("Logo and icon"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldPanel("organisation_number"),
            ],
            heading=_("Contact details"),
        ),
    ]

    select_related = ["logo", "favicon", "favicon_png"]

    class Meta:
        verbose_name = _("municipality")
