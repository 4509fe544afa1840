"""Staff sessions: signed out after an idle time, and the second factor before
the admin opens."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import selectors

# When the staff user last asked the admin for something (seconds since 1970).
LAST_SEEN_SESSION_KEY = "accounts_last_seen"
# The session is written again only when the stored time is older than this,
# not on every request.
LAST_SEEN_RESOLUTION_SECONDS = 30
# Requests the admin's pages send by themselves (the editing-session ping every
# few seconds while an edit page is open): they are not someone at work.
NOT_ACTIVITY_NAMESPACES = frozenset({"wagtailadmin_editing_sessions"})

# Admin pages a signed-in user reaches before the second factor: signing out,
# and the pages that ask for it.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "accounts_otp_verify",
        "accounts_otp_enrol",
    }
)


class StaffSessionMiddleware:
    """After django_otp's OTPMiddleware. An admin request more than
    PORTAL_STAFF_IDLE_MINUTES after the user's last one signs the user out and
    goes to the login; residents have no login and are never touched. An admin
    request of a user who signed in with a password but has not given a code
    goes to the code page (or to setting up the app, the first time)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if request.user.is_authenticated and self._idle_too_long(request):
            logout(request)
            minutes = settings.PORTAL_STAFF_IDLE_MINUTES
            messages.info(
                request,
                _(
                    "You were signed out after %(minutes)s minutes without "
                    "activity. Sign in again to go on."
                )
                % {"minutes": minutes},
            )
            login = reverse("wagtailadmin_login")
            if request.resolver_match.url_name == "wagtailadmin_login":
                return None
            return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        if request.resolver_match.url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if not selectors.second_factor_required(request.user, request.session):
            return None
        has_device = selectors.confirmed_totp_device(request.user) is not None
        target = reverse("accounts_otp_verify" if has_device else "accounts_otp_enrol")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _idle_too_long(request) -> bool:
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        limit = settings.PORTAL_STAFF_IDLE_MINUTES * 60
        if last_seen is not None and limit and now - last_seen > limit:
            return True
        if request.resolver_match.namespace in NOT_ACTIVITY_NAMESPACES:
            return False
        if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            request.session[LAST_SEEN_SESSION_KEY] = now
        return False
