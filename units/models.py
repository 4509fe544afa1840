from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from .choices import Role


class Unit(ClusterableModel):
    """A unit (virksomhet/avdeling) of the municipality. Units form a tree."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    email = models.EmailField(
        _("functional e-mail"),
        blank=True,
        help_text=_("Shared mailbox that receives notices of new inputs."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_triage = models.BooleanField(
        _("triage unit"),
        default=False,
        help_text=_("Receives every input that no routing rule catches."),
    )
    first_answer_days = models.PositiveSmallIntegerField(
        _("days to first answer"),
        default=14,
        help_text=_("Internal deadline (SLA) for the first answer to a resident."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_en"),
                FieldPanel("slug"),
                FieldPanel("parent"),
            ],
            heading=_("Unit"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("is_triage"), FieldPanel("first_answer_days")],
            heading=_("Handling"),
        ),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            # Exactly one place for what no rule catches: at most one triage unit.
            models.UniqueConstraint(
                fields=["is_triage"],
                condition=Q(is_triage=True),
                name="units_unit_one_triage",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        from django.utils.translation import get_language

        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name

    def ancestor_ids(self) -> set[int]:
        """This unit and every unit above it: the one walk up the tree (units
        are few and shallow; a cycle, which `clean` refuses, stops the walk)."""
        ids: set[int] = set()
        unit: Unit | None = self
        while unit is not None and unit.pk not in ids:
            ids.add(unit.pk)
            unit = unit.parent
        return ids

    def clean(self):
        # A unit may not become its own ancestor.
        if self.pk is not None and self.parent is not None:
            if self.pk in self.parent.ancestor_ids():
                raise ValidationError({"parent": _("A unit cannot be inside itself.")})


class Membership(models.Model):
    """Who works in which unit, and as what."""

    unit = ParentalKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="unit_memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.HANDLER
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "user"], name="units_membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.unit} ({self.get_role_display()})"
