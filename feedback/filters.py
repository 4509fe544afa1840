"""Filters for the admin inbox (django-filter, through Wagtail's filter sidebar).

Every filter narrows a queryset that already went through
`submissions_visible_to(user)`; the unit choices are the user's own visible units,
so the filter form never lists a unit the user cannot see.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from units.models import Unit

from . import clocks
from .admin_forms import CheckboxSelectMultiple, ListedModelChoiceIterator, Select
from .choices import EventKind, InputKind, Status
from .models import Submission, SubmissionEvent, Topic


def _units_for_filter(request):
    from .selectors import ALL, visible_unit_ids

    if request is None:
        return Unit.objects.none()
    ids = visible_unit_ids(request.user)
    units = Unit.objects.all()
    return units if ids == ALL else units.filter(pk__in=ids)


class _ListedChoiceIterator(
    django_filters.fields.ModelChoiceIterator, ListedModelChoiceIterator
):
    """django-filter's null choice on top of one ordinary query (no server-side
    cursor for a short list)."""


class _ModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _ListedChoiceIterator
    widget = Select

    def to_python(self, value):
        # The chosen unit or topic is found among the choices the drawer shows
        # anyway: one query for both instead of one each.
        if self.null_label is not None and value == self.null_value:
            return value
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        for obj in self.queryset:
            if str(getattr(obj, key)) == str(value):
                return obj
        raise ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _ModelChoiceField


# Each choice is one rule of feedback.clocks, the same the dashboard counts.
DEADLINE_CHOICES = [
    ("overdue", _("Overdue (past the first-answer date or the promised date)")),
    ("promise_passed", _("Promised date passed (after an interim reply)")),
    ("interim_owed", _("Interim reply owed (over a month, no answer)")),
    ("due_soon", _("Due within 3 days")),
]
DEADLINE_RULES = {
    "overdue": clocks.overdue_q,
    "promise_passed": clocks.promise_passed_q,
    "interim_owed": clocks.interim_reply_owed_q,
    "due_soon": clocks.due_soon_q,
}
CASE_CHOICES = [
    ("open", _("Open cases (page feedback left out)")),
    ("new_today", _("Received today (page feedback left out)")),
]
CASE_RULES = {
    "open": lambda now: clocks.open_case_q(),
    "new_today": clocks.received_today_q,
}

ASSIGNED_CHOICES = [
    ("me", _("Assigned to me")),
    ("nobody", _("Not assigned")),
]


class SubmissionFilterSet(WagtailFilterSet):
    # distinct=False: a filter on the row's own column cannot repeat a row, and
    # django-filter's default DISTINCT over whole rows made the count and the page
    # of an "open only" inbox several times slower.
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        widget=CheckboxSelectMultiple,
        distinct=False,
    )
    unit = ModelChoiceFilter(
        label=_("Unit"),
        queryset=_units_for_filter,
        empty_label=_("All units"),
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        choices=InputKind.choices,
        widget=CheckboxSelectMultiple,
        distinct=False,
    )
    topic = ModelChoiceFilter(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
    )
    deadline = django_filters.ChoiceFilter(
        label=_("Deadline"),
        choices=DEADLINE_CHOICES,
        method="filter_deadline",
        empty_label=_("Any"),
    )
    case = django_filters.ChoiceFilter(
        label=_("Cases"),
        choices=CASE_CHOICES,
        method="filter_case",
        empty_label=_("Any"),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"),
        widget=DateRangePickerWidget,
    )
    has_email = django_filters.BooleanFilter(
        label=_("Has e-mail address"),
        method="filter_has_email",
        widget=BooleanRadioSelect,
    )
    email_failed = django_filters.BooleanFilter(
        label=_("E-mail failed"),
        method="filter_email_failed",
        widget=BooleanRadioSelect,
    )
    assigned = django_filters.ChoiceFilter(
        label=_("Assigned"),
        choices=ASSIGNED_CHOICES,
        method="filter_assigned",
        empty_label=_("Anyone"),
    )

    class Meta:
        model = Submission
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filters of apps above feedback (records: «not archived»), from the
        # Wagtail hook «feedback_inbox_filters» () -> {name: Filter}.
        for extra in hooks.get_hooks("feedback_inbox_filters"):
            for name, filter_ in extra().items():
                filter_.parent, filter_.model = self, self._meta.model
                self.filters[name] = filter_

    def filter_deadline(self, queryset, name, value):
        rule = DEADLINE_RULES.get(value)
        return queryset.filter(rule(timezone.now())) if rule else queryset

    def filter_case(self, queryset, name, value):
        rule = CASE_RULES.get(value)
        return queryset.filter(rule(timezone.now())) if rule else queryset

    def filter_has_email(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.exclude(contact_email="")
            if value
            else queryset.filter(contact_email="")
        )

    def filter_email_failed(self, queryset, name, value):
        if value is None:
            return queryset
        failed = Exists(
            SubmissionEvent.objects.filter(
                submission=OuterRef("pk"), kind=EventKind.EMAIL_FAILED
            )
        )
        return queryset.filter(failed) if value else queryset.filter(~failed)

    def filter_assigned(self, queryset, name, value):
        if value == "me" and self.request is not None:
            return queryset.filter(assigned_to=self.request.user)
        if value == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset
