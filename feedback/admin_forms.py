"""Staff forms for the case view and the bulk actions.

Each form validates input and then calls exactly one service (`perform`); the
services write the event, the audit log entry and queue the e-mail. Refusals from
a service (a transition the table does not allow, an assignee outside the unit)
come back as form errors with the service's own message.
"""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from units.models import Unit

from . import reply_templates, selectors, services
from .choices import ReplyChannel, Status
from .permissions import is_feedback_editor
from .selectors import ALL, submissions_visible_to, unit_access, visible_unit_ids

TEXT_MAX = 10_000


def interim_reply_template(submission, expected: datetime.date) -> str:
    """The prefilled foreløpig svar, in the resident's language. Handlers edit it
    before sending; the msgid is English, the Norwegian text is in the .po file."""
    with translation.override(submission.language or "nb"):
        return gettext(
            "Thank you for your enquiry (%(reference)s). We have not been able to "
            "answer it yet, because [reason]. We expect to answer you by "
            "%(date)s. Contact us if you have questions in the meantime."
        ) % {"reference": submission.reference, "date": expected.strftime("%d.%m.%Y")}


def can_assign_others(user, submission) -> bool:
    """Leads of the unit (or a unit above), the triage unit and superusers assign to
    anyone in the unit; a handler may only take a case herself."""
    # Superusers and triage members are exactly those who see everything (ALL).
    return is_feedback_editor(user) or submission.unit_id in unit_access(user).led


def assignable_users(submission):
    """Members of the submission's unit or of a unit above it."""
    User = get_user_model()
    ancestors = submission.unit.ancestor_ids() if submission.unit else set()
    return (
        User.objects.filter(is_active=True, unit_memberships__unit_id__in=ancestors)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ListedModelChoiceIterator(forms.models.ModelChoiceIterator):
    """Choices from one ordinary query. Django's own iterator uses
    `QuerySet.iterator()`, which on PostgreSQL opens a server-side cursor
    (DECLARE, FETCH, CLOSE: three round trips) for a list of a dozen units or
    people. The rows stay in the field's queryset, so rendering twice or counting
    the choices costs no second query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class Select(forms.Select):
    """Options written in the select's own template (no include per option)."""

    template_name = "feedback/admin/widgets/select.html"


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Each checkbox written in the widget's own template (the inbox filters)."""

    template_name = "feedback/admin/widgets/checkbox_select.html"


class _ModelChoiceField(forms.ModelChoiceField):
    iterator = ListedModelChoiceIterator
    widget = Select


class _UserChoiceField(_ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class CaseActionForm(forms.Form):
    """Base: knows the submission and the acting user."""

    action = ""
    success_message = ""
    # After a handover the case is usually no longer the handler's: back to the
    # inbox, not to a case view that would now be a 404.
    lands_on_inbox = False

    def __init__(self, *args, submission, user, **kwargs):
        self.submission, self.user = submission, user
        kwargs.setdefault("prefix", self.action)
        super().__init__(*args, **kwargs)

    def get_success_message(self) -> str:
        return str(self.success_message)

    def perform(self):  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def run(self) -> bool:
        """Call the service; turn its refusal into a form error. True on success."""
        try:
            self.perform()
        except ValidationError as error:
            self.add_error(None, error)
            return False
        return True


class _ChannelMixin:
    """Without an e-mail address nothing is e-mailed: the form says so and asks
    how the reply was given instead (letter or phone), never claiming an
    e-mail."""

    def _add_channel(self):
        self.by_email = bool(self.submission.contact_email)
        if not self.by_email:
            self.fields["channel"] = forms.ChoiceField(
                label=_("How the resident gets the reply"),
                choices=[
                    (ReplyChannel.LETTER, ReplyChannel.LETTER.label),
                    (ReplyChannel.PHONE, ReplyChannel.PHONE.label),
                ],
                widget=forms.RadioSelect,
                help_text=_(
                    "The resident gave no e-mail address, so the portal sends "
                    "nothing. Send the reply by letter or give it by phone, and "
                    "record it here; it is shown on the resident's tracking page."
                ),
            )

    @property
    def channel(self) -> str:
        if self.by_email:
            return ReplyChannel.EMAIL
        return getattr(self, "cleaned_data", {}).get("channel", "")


class ReplyForm(_ChannelMixin, CaseActionForm):
    action = "reply"
    text = forms.CharField(
        label=_("Reply to the resident"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_channel()
        self.templates = {
            str(t.pk): t for t in selectors.response_templates_for(self.submission)
        }
        if self.templates:
            self.fields["template"] = forms.ChoiceField(
                label=_("Start from a standard reply"),
                required=False,
                choices=[("", _("(none)"))]
                + [(pk, t.title) for pk, t in self.templates.items()],
                help_text=_(
                    "«Insert» puts its text in the reply below, with the case's "
                    "reference and the resident's name filled in. Read it and "
                    "adjust it before you send."
                ),
            )
            self.order_fields(["template", "text"])
            self.secondary_button = (
                self.add_prefix("use_template"),
                _("Insert the standard reply"),
            )

    def wants_template(self) -> bool:
        return bool(self.is_bound and self.data.get(self.add_prefix("use_template")))

    def with_template(self) -> "ReplyForm":
        """A fresh form with the chosen reply's text (placeholders filled)
        after what the handler had typed; nothing is sent."""
        typed = self.data.get(self.add_prefix("text"), "").strip()
        chosen = self.templates.get(self.data.get(self.add_prefix("template"), ""))
        text = typed
        if chosen is not None:
            unit = self.submission.unit
            filled = reply_templates.fill(
                chosen.text,
                reference=self.submission.reference,
                name=self.submission.contact_name,
                unit=unit.display_name if unit else "",
                date=date_format(timezone.localdate(), "DATE_FORMAT"),
            )
            text = f"{typed}\n\n{filled}" if typed else filled
        form = type(self)(
            submission=self.submission,
            user=self.user,
            initial={"text": text, "template": chosen.pk if chosen else ""},
        )
        form.keep_open = True
        return form

    def get_success_message(self) -> str:
        return {
            ReplyChannel.EMAIL: _("The reply was saved and will be e-mailed."),
            ReplyChannel.LETTER: _("The reply was recorded as sent by letter."),
            ReplyChannel.PHONE: _("The reply was recorded as given by phone."),
        }[self.channel]

    def perform(self):
        services.submission_reply(
            submission=self.submission,
            by=self.user,
            text=self.cleaned_data["text"],
            channel=self.channel,
        )


class InterimReplyForm(_ChannelMixin, CaseActionForm):
    action = "interim"
    reason = forms.CharField(
        label=_("Interim reply (reason for the delay)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    expected_date = forms.DateField(
        label=_("Expected answer by"), widget=AdminDateInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_channel()
        if not self.is_bound:
            expected = timezone.localdate() + datetime.timedelta(days=14)
            self.initial.setdefault("expected_date", expected)
            self.initial.setdefault(
                "reason", interim_reply_template(self.submission, expected)
            )

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        if "[" in reason and "]" in reason:
            # The template's placeholder was left in: the resident would read it.
            raise ValidationError(
                _("Replace the text in square brackets with the real reason.")
            )
        return reason

    def get_success_message(self) -> str:
        return {
            ReplyChannel.EMAIL: _("The interim reply was saved and will be e-mailed."),
            ReplyChannel.LETTER: _("The interim reply was recorded as sent by letter."),
            ReplyChannel.PHONE: _("The interim reply was recorded as given by phone."),
        }[self.channel]

    def perform(self):
        services.submission_interim_reply(
            submission=self.submission,
            by=self.user,
            reason=self.cleaned_data["reason"],
            expected_date=self.cleaned_data["expected_date"],
            channel=self.channel,
        )


class NoteForm(CaseActionForm):
    action = "note"
    success_message = _("The internal note was added.")
    text = forms.CharField(
        label=_("Internal note (never shown to the resident)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def perform(self):
        services.submission_add_note(
            submission=self.submission, by=self.user, text=self.cleaned_data["text"]
        )


class AssignForm(CaseActionForm):
    action = "assign"
    success_message = _("The assignment was changed.")
    assignee = _UserChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = assignable_users(self.submission)
        if not can_assign_others(self.user, self.submission):
            users = users.filter(pk=self.user.pk)
        self.fields["assignee"].queryset = users

    def perform(self):
        services.submission_assign(
            submission=self.submission,
            by=self.user,
            assignee=self.cleaned_data["assignee"],
        )


class RerouteForm(CaseActionForm):
    action = "reroute"
    lands_on_inbox = True
    unit = _ModelChoiceField(label=_("New unit"), queryset=Unit.objects.all())
    reason = forms.CharField(label=_("Reason (shown in the timeline)"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.exclude(
            pk=self.submission.unit_id
        ).order_by("name")

    def get_success_message(self) -> str:
        return _("%(reference)s was handed over to %(unit)s.") % {
            "reference": self.submission.reference,
            "unit": self.cleaned_data["unit"].display_name,
        }

    def perform(self):
        services.submission_reroute(
            submission=self.submission,
            by=self.user,
            unit=self.cleaned_data["unit"],
            reason=self.cleaned_data["reason"],
        )


class StatusForm(CaseActionForm):
    """Only the allowed transitions are offered; a stale page posting another one
    gets the service's refusal as a clear message."""

    action = "status"
    success_message = _("The status was changed.")
    to_status = forms.ChoiceField(
        label=_("New status"), choices=Status.choices, widget=Select
    )
    duplicate_of = forms.CharField(
        label=_("Duplicate of (reference)"),
        required=False,
        max_length=20,
        help_text=_("Only for «Duplicate», e.g. 2026-000123."),
    )
    reason = forms.CharField(label=_("Comment"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = set(services.allowed_transitions(self.submission.status))
        self.fields["to_status"].widget.choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]

    @property
    def has_choices(self) -> bool:
        return bool(self.fields["to_status"].widget.choices)

    def clean_duplicate_of(self):
        reference = self.cleaned_data["duplicate_of"].strip()
        if not reference:
            return None
        original = submissions_visible_to(self.user).filter(reference=reference).first()
        if original is None:
            raise ValidationError(_("No submission with this reference."))
        return original

    def perform(self):
        services.submission_transition(
            submission=self.submission,
            by=self.user,
            to_status=self.cleaned_data["to_status"],
            duplicate_of=self.cleaned_data["duplicate_of"],
            reason=self.cleaned_data["reason"],
        )


class ReopenForm(CaseActionForm):
    action = "reopen"
    success_message = _("The submission was reopened.")
    reason = forms.CharField(label=_("Why reopen?"), required=False, max_length=500)

    def perform(self):
        services.submission_reopen(
            submission=self.submission, by=self.user, reason=self.cleaned_data["reason"]
        )


CASE_FORMS = {
    form.action: form
    for form in (
        ReplyForm,
        InterimReplyForm,
        NoteForm,
        AssignForm,
        RerouteForm,
        StatusForm,
        ReopenForm,
    )
}


# --- bulk actions ------------------------------------------------------------------


class BulkAssignForm(forms.Form):
    assignee = _UserChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        User = get_user_model()
        scope = visible_unit_ids(user)
        users = User.objects.filter(is_active=True, unit_memberships__isnull=False)
        if scope != ALL:
            led = unit_access(user).led
            users = (
                users.filter(unit_memberships__unit_id__in=led)
                if led
                else (users.filter(pk=user.pk))
            )
        self.fields["assignee"].queryset = users.distinct().order_by(
            "first_name", "last_name", "username"
        )


class BulkRerouteForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("New unit"), queryset=Unit.objects.order_by("name")
    )
    reason = forms.CharField(label=_("Reason (shown in the timeline)"), max_length=500)


class BulkReasonForm(forms.Form):
    reason = forms.CharField(label=_("Comment"), required=False, max_length=500)


class ResponseTemplateForm(WagtailAdminModelForm):
    """A lead who is not a feedback editor writes replies for the units she
    leads only (a unit is then required)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not is_feedback_editor(for_user):
            field = self.fields["unit"]
            field.queryset = Unit.objects.filter(pk__in=unit_access(for_user).led)
            field.required = True
            field.empty_label = None
