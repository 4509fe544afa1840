"""The inbox's archive filter, added to feedback's filter set through the
«feedback_inbox_filters» hook."""

import django_filters
from django.utils.translation import gettext_lazy as _

from feedback.admin_forms import Select

from .selectors import not_archived_q

ARCHIVE_CHOICES = [
    ("not_archived", _("Not archived")),
    ("archived", _("Archived")),
]


def _filter(queryset, name, value):
    if value == "not_archived":
        return queryset.filter(not_archived_q())
    if value == "archived":
        return queryset.exclude(not_archived_q())
    return queryset


def inbox_filters() -> dict:
    return {
        "archive": django_filters.ChoiceFilter(
            label=_("Archive"),
            choices=ARCHIVE_CHOICES,
            method=_filter,
            empty_label=_("Any"),
            widget=Select,
        )
    }
