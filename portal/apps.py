from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import admin_sidebar
        from .page_cache import connect_signals

        connect_signals()
        admin_sidebar.install()
