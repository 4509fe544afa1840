"""Staff sign-in through the municipality's identity provider (OpenID Connect,
mozilla-django-oidc): the backend that turns the provider's claims into an
account, and the two views of the flow. Off unless PORTAL_OIDC_CLIENT_ID and the
provider's endpoints are set."""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from . import services
from .selectors import SSO_SESSION_KEY
from .sso import access_for_groups, groups_from_claims, parse_group_map

logger = logging.getLogger("portal.login")


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


class OidcBackend(OIDCAuthenticationBackend):
    """Listed in AUTHENTICATION_BACKENDS always; it answers only the provider's
    callback (a code and a state), never a username and password."""

    def authenticate(self, request, **kwargs):
        if not enabled():
            return None
        return super().authenticate(request, **kwargs)

    def get_or_create_user(self, access_token, id_token, payload):
        # Entra ID sends the groups in the ID token, not from the userinfo
        # endpoint: the verified ID token's claims, completed by userinfo.
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        issuer, subject = str(payload.get("iss", "")), str(payload.get("sub", ""))
        if not subject or claims.get("sub", subject) != subject:
            logger.warning("SSO sign-in refused: no subject, or userinfo disagrees")
            return None
        groups = groups_from_claims(claims, settings.PORTAL_OIDC_GROUPS_CLAIM)
        access = access_for_groups(
            groups, parse_group_map(settings.PORTAL_OIDC_GROUP_MAP)
        )
        user = services.sso_user_sync(
            issuer=issuer, subject=subject, claims=claims, access=access
        )
        if user is None:
            messages.error(
                self.request,
                _(
                    "Your municipal account gives no access to the portal's admin: "
                    "it is in none of the groups the portal knows. Ask whoever "
                    "manages access in the municipality to give you one."
                ),
            )
        return user


class SignInView(OIDCAuthenticationRequestView):
    """«Sign in with the municipality's account»: off gives 404."""

    def __init__(self, *args, **kwargs):
        if not enabled():
            raise Http404
        super().__init__(*args, **kwargs)


class CallbackView(OIDCAuthenticationCallbackView):
    def dispatch(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def login_success(self):
        response = super().login_success()
        # The provider asked for the second factor: the portal does not ask for
        # its own (selectors.second_factor_required).
        self.request.session[SSO_SESSION_KEY] = True
        return response
