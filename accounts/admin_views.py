"""Admin views: the lockouts now in force, and the second factor's pages."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp import login as otp_login

from . import selectors, services
from .forms import TokenForm

# Axes' own model permission: superusers have it, and a group can be given it
# in Settings → Groups ("Other permissions").
UNLOCK_PERMISSION = "axes.delete_accessattempt"


class LockoutsView(TemplateView):
    template_name = "accounts/admin/lockouts.html"
    page_title = gettext_lazy("Login lockouts")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title,
            lockouts=selectors.lockouts(),
            minutes=int(selectors.cool_off().total_seconds() // 60),
            **kwargs,
        )

    def post(self, request):
        kind = request.POST.get("kind")
        value = request.POST.get("value", "")
        if kind in ("username", "client") and value:
            services.lockout_lift(kind=kind, value=value, by=request.user)
            messages.success(request, _("The lockout is lifted."))
        return redirect("accounts_lockouts")


def safe_next(request, default: str) -> str:
    """The `next` of a code page, when it points into this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


WRONG_CODE = gettext_lazy("The code is wrong or too old. Try the newest.")


def _may_try(device, form) -> bool:
    """django-otp doubles the wait after each wrong code (1 s, 2 s, 4 s …), so
    codes cannot be guessed; a code sent too soon is not even checked."""
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        form.add_error("token", _("Too many wrong codes. Wait a little and try again."))
    return allowed


def _second_factor_page(request, template, context):
    return render(request, f"accounts/admin/{template}.html", context)


def otp_enrol(request):
    """Set up the authenticator app: a QR code (drawn here, as SVG: nothing is
    fetched from elsewhere) and the key to type in, then one code to confirm."""
    done = safe_next(request, reverse("wagtailadmin_home"))
    if selectors.confirmed_totp_device(request.user) and not request.user.is_verified():
        # Someone who has a device proves it before setting up another.
        return redirect(f"{reverse('accounts_otp_verify')}?{urlencode({'next': done})}")
    device = services.totp_device_for_enrolment(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not _may_try(device, form):
            pass
        elif services.totp_enrol(device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is set up."))
            return redirect(done)
        else:
            form.add_error("token", WRONG_CODE)
    key = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    return _second_factor_page(
        request,
        "otp_enrol",
        {
            "form": form,
            "next": done,
            "qr_svg": mark_safe(  # noqa: S308 - segno's own SVG of our URL
                qr.svg_inline(scale=5, title=_("QR code for the authenticator app"))
            ),
            "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
        },
    )


def otp_verify(request):
    """The code at each password sign-in."""
    done = safe_next(request, reverse("wagtailadmin_home"))
    device = selectors.confirmed_totp_device(request.user)
    if device is None:
        return redirect(f"{reverse('accounts_otp_enrol')}?{urlencode({'next': done})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not _may_try(device, form):
            pass
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(done)
        else:
            form.add_error("token", WRONG_CODE)
    return _second_factor_page(request, "otp_verify", {"form": form, "next": done})
