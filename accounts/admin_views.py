"""Admin view: the lockouts now in force, each with a button that lifts it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from . import selectors, services

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
