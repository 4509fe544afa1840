from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Staff sign-in")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every lockout is logged, by username and a keyed hash of the client
        # (never the address itself): the receiver is in `lockout`.
        from . import checks, lockout  # noqa: F401
