from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HANDLER = "handler", _("Handler")
    LEAD = "lead", _("Lead")
