from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Archive and privacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Feedback's own signals (sent inside its writes) and Wagtail's publish
        # signal for hearings: every input, reply and hearing gets its archive
        # post in the same transaction as the write that made it.
        from . import receivers

        receivers.connect()
