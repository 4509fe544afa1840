"""Registrations only."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .health import worker_checks
from .models import Email
from .viewsets import EmailViewSet, ReadOnlyPolicy

# Before the viewset, which would otherwise make a ModelPermissionPolicy.
register_permission_policy(Email, ReadOnlyPolicy(Email))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return EmailViewSet("outbox_email")


hooks.register("portal_health_checks", worker_checks)
