"""Registrations only."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_views, selectors
from .filters import inbox_filters


@hooks.register("feedback_anonymisable")
def hold_back_what_the_archive_lacks(queryset):
    return selectors.anonymisable(queryset)


@hooks.register("feedback_case_panels")
def archive_case_panel(request, submission):
    return admin_views.case_panels(request, submission)


@hooks.register("feedback_inbox_filters")
def archive_inbox_filters():
    return inbox_filters()


@hooks.register("register_admin_urls")
def register_archive_urls():
    return [
        path("arkiv/", include(("records.admin_urls", "records"), namespace="records"))
    ]


@hooks.register("register_log_actions")
def register_archive_log_actions(actions):
    actions.register_action(
        "records.archived", _("Archived"), _("Archived in the archive")
    )
    actions.register_action(
        "records.metadata", _("Archive details"), _("Public title or screening changed")
    )
    from .choices import RightsStep

    for value, label in RightsStep.choices:
        actions.register_action(
            f"records.rights.{value}",
            label,
            _("Rights request: %(step)s") % {"step": label},
        )


@hooks.register("feedback_digest_sections")
def archive_digest_sections(user, unit_ids, now):
    from .digest import late_archive_section

    return [late_archive_section(unit_ids, now)] if unit_ids else []


@hooks.register("feedback_digest_recipients")
def rights_digest_recipients(now):
    from . import rights

    return rights.handlers() if rights.due_soon() else []


@hooks.register("feedback_digest_sections")
def rights_digest_sections(user, unit_ids, now):
    from . import rights
    from .digest import rights_section

    return [rights_section(now)] if rights.can_handle(user) else []


@hooks.register("register_permissions")
def register_rights_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="records", codename="handle_rightsrequest"
    )


@hooks.register("register_admin_viewset")
def register_records_menu():
    from .viewsets import RecordsViewSetGroup

    return RecordsViewSetGroup()


@hooks.register("feedback_inbox_panels")
def rights_inbox_panel(request):
    from .admin_views import RightsInboxPanel

    return [RightsInboxPanel(request)]
