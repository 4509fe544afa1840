from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import admin_sidebar, upload_cleaning
        from .page_cache import connect_signals

        connect_signals()
        admin_sidebar.install()
        upload_cleaning.connect()
        # Pillow opens HEIC photos through pi-heif (decode only; see pyproject.toml).
        from pi_heif import register_heif_opener

        register_heif_opener()
