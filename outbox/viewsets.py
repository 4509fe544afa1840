"""The admin's view of the outbox: every e-mail the portal promised, filtered
to those stuck (queued longer than the lease) or failed (given up), without
personal data (rows hold ids; the key names the case).

Read-only for everyone: a stuck e-mail is sent by the worker once it runs
again; nobody edits what the portal promised to send."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Email, EmailStatus
from .worker import lease

STATE_CHOICES = [
    ("stuck", _("Stuck (queued longer than the lease)")),
    ("failed", _("Failed (given up)")),
    ("problem", _("Stuck or failed")),
]


def stuck_filter() -> Q:
    return Q(status=EmailStatus.QUEUED, created_at__lt=timezone.now() - lease())


class EmailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=STATE_CHOICES, method="filter_state"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EmailStatus.choices)

    class Meta:
        model = Email
        fields = ["state", "status"]

    def filter_state(self, queryset, name, value):
        if value == "stuck":
            return queryset.filter(stuck_filter())
        if value == "failed":
            return queryset.filter(status=EmailStatus.FAILED)
        if value == "problem":
            return queryset.filter(stuck_filter() | Q(status=EmailStatus.FAILED))
        return queryset


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Viewing needs outbox.view_email (superusers have it); no one adds,
    edits or deletes a row."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)


class EmailViewSet(ModelViewSet):
    model = Email
    icon = "mail"
    menu_label = _("E-mail outbox")
    menu_order = 900
    add_to_settings_menu = True
    url_prefix = "outbox"
    list_display = [
        "key",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "attempted_at",
        "sent_at",
    ]
    list_filter = None
    filterset_class = EmailFilterSet
    search_fields = ["key"]
    inspect_view_enabled = True
    form_fields = ["key"]  # no form is ever shown: the policy allows no edits

    def get_queryset(self, request):
        return Email.objects.all()
