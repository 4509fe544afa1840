"""Start-up checks of the staff sign-in's configuration: a wrong
PORTAL_OIDC_GROUP_MAP stops `manage.py check` (and every command), not a
staff member's sign-in."""

from django.conf import settings
from django.core.checks import Error, register

from .sso import parse_group_map


@register()
def oidc_group_map(app_configs, **kwargs):
    try:
        parse_group_map(settings.PORTAL_OIDC_GROUP_MAP)
    except ValueError as error:
        return [Error(f"PORTAL_OIDC_GROUP_MAP: {error}", id="accounts.E001")]
    return []
