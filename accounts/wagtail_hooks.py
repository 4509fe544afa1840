"""Registrations only: the lockouts view, its permission, login-record pruning,
the second factor's pages."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import UNLOCK_PERMISSION, LockoutsView, otp_enrol, otp_verify
from .services import login_records_prune


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("innloggingssperrer/", LockoutsView.as_view(), name="accounts_lockouts"),
        path("tofaktor/", otp_verify, name="accounts_otp_verify"),
        path("tofaktor/oppsett/", otp_enrol, name="accounts_otp_enrol"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Login lockouts"),
        reverse("accounts_lockouts"),
        name="login-lockouts",
        icon_name="lock",
        order=900,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="axes", codename="delete_accessattempt"
    )


# The daily retention run (records.retention) prunes the login records too.
hooks.register("records_retention", login_records_prune)
