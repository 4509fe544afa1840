"""Staff sessions: the second factor before the admin opens."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import selectors

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
    """After django_otp's OTPMiddleware: an admin request of a user who signed
    in with a password but has not given a code goes to the code page (or to
    setting up the app, the first time)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if request.resolver_match.url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if not selectors.second_factor_required(request.user, request.session):
            return None
        has_device = selectors.confirmed_totp_device(request.user) is not None
        target = reverse("accounts_otp_verify" if has_device else "accounts_otp_enrol")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
