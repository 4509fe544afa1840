from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Citizen proposals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from following.channels import register

        from .following import ProposalsChannel

        register(ProposalsChannel())
