from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "hearings"
    verbose_name = _("Hearings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from following.channels import register

        from . import signals  # registers the deadline recorder
        from .following import HearingsChannel

        signals.connect()
        register(HearingsChannel())
