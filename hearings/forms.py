from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.forms import SpamFieldsMixin
from feedback.models import Topic
from feedback.privacy import find_fnr

from .choices import PublicationState, RespondentType, SubscriptionScope

TEXT_MAX = 20_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ResponseAttachmentsField(forms.FileField):
    """Up to PORTAL["ATTACHMENTS_MAX_COUNT"] files, judged by content with
    feedback.attachments (the same allowed types as every other input)."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Attachments"))
        kwargs.setdefault(
            "help_text",
            _("Up to 3 files (PDF, JPEG, PNG, HEIC, DOCX, ODT), at most 10 MB each."),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        from django.conf import settings

        from feedback.attachments import ALLOWED_TYPES, detect_type

        files = (
            [f for f in (data or []) if f]
            if isinstance(data, list | tuple)
            else ([data] if data else [])
        )
        limits = settings.PORTAL
        if len(files) > limits["ATTACHMENTS_MAX_COUNT"]:
            raise forms.ValidationError(
                _("You can attach at most %(n)d files.")
                % {"n": limits["ATTACHMENTS_MAX_COUNT"]}
            )
        total = 0
        for upload in files:
            total += upload.size
            if upload.size > limits["ATTACHMENT_MAX_BYTES"]:
                raise forms.ValidationError(
                    _("«%(name)s» is larger than 10 MB.") % {"name": upload.name}
                )
            if detect_type(upload) not in ALLOWED_TYPES:
                raise forms.ValidationError(
                    _("«%(name)s» is not a file type we accept.")
                    % {"name": upload.name}
                )
        if total > limits["ATTACHMENTS_TOTAL_MAX_BYTES"]:
            raise forms.ValidationError(
                _("The attachments are larger than 25 MB together.")
            )
        return files


class HearingResponseForm(SpamFieldsMixin):
    """A response to an open hearing. Attachments follow the same rules as every
    other input (feedback.forms)."""

    respondent_type = forms.ChoiceField(
        label=_("I respond"),
        choices=RespondentType.choices,
        initial=RespondentType.PERSON,
        widget=forms.RadioSelect,
        error_messages={
            "required": _(
                "Choose whether you respond as a private person or for an organisation."
            ),
            "invalid_choice": _(
                "Choose whether you respond as a private person or for an organisation."
            ),
        },
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Write your name."),
            "max_length": _(
                "The name can be at most %(limit_value)d characters (it has "
                "%(show_value)d)."
            ),
        },
    )
    organisation = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Only when you respond on behalf of an organisation. "
            "Organisations are published by name."
        ),
        error_messages={
            "max_length": _(
                "The name of the organisation can be at most %(limit_value)d "
                "characters (it has %(show_value)d)."
            ),
        },
    )
    text = forms.CharField(
        label=_("Your response"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Do not write national ID numbers or other sensitive "
            "information about yourself or others."
        ),
        error_messages={
            "required": _("Write your response."),
            "max_length": _(
                "The response can be at most %(limit_value)d characters (it has "
                "%(show_value)d)."
            ),
        },
    )
    publish_name = forms.BooleanField(
        label=_("My name may be published with my response"),
        required=False,
        help_text=_(
            "If you do not tick this, your response is published as «Private person»."
        ),
    )
    email = forms.EmailField(
        label=_("E-mail for the receipt"),
        required=False,
        help_text=_("We send a receipt and a link where you can follow your response."),
        error_messages={
            "invalid": _("Write a valid e-mail address, e.g. navn@example.no.")
        },
    )

    attachments = ResponseAttachmentsField(required=False)
    attachment_field_name = "attachments"

    def clean(self):
        data = super().clean()
        if (
            data.get("respondent_type") == RespondentType.ORGANISATION
            and not (data.get("organisation") or "").strip()
        ):
            self.add_error(
                "organisation",
                _("Write the name of the organisation you respond on behalf of."),
            )
        return data


class SubscribeForm(SpamFieldsMixin):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": _("Write a valid e-mail address, e.g. navn@example.no."),
        },
    )
    scope = forms.ChoiceField(
        choices=SubscriptionScope.choices, widget=forms.HiddenInput
    )
    hearing = forms.IntegerField(required=False, widget=forms.HiddenInput)
    topic = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        # Its own ids: it shares the hearing page with the response form.
        kwargs.setdefault("auto_id", "follow_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        from .models import HearingPage

        data = super().clean()
        scope = data.get("scope")
        if scope == SubscriptionScope.HEARING:
            data["hearing_obj"] = (
                HearingPage.objects.live().filter(pk=data.get("hearing")).first()
            )
            if data["hearing_obj"] is None:
                raise forms.ValidationError(_("The hearing could not be found."))
        elif scope == SubscriptionScope.TOPIC:
            data["topic_obj"] = Topic.objects.filter(
                slug=data.get("topic"), active=True
            ).first()
            if data["topic_obj"] is None:
                raise forms.ValidationError(_("The topic could not be found."))
        return data


class ModerationForm(forms.Form):
    """Approve, approve with redactions, or withhold with a reason."""

    ACTIONS = [
        (PublicationState.APPROVED, _("Approve and publish as written")),
        (PublicationState.APPROVED_REDACTED, _("Publish with redactions")),
        (PublicationState.WITHHELD, _("Withhold")),
    ]
    action = forms.ChoiceField(
        label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect
    )
    published_text = forms.CharField(
        label=_("Text to publish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "For redactions: edit the text here. The original stays in the case record."
        ),
    )
    publish_attachments = forms.BooleanField(
        label=_("Publish the attachments too"),
        required=False,
        help_text=_(
            "Only when you have checked that they hold no personal data "
            "that must not be published."
        ),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when redacting or withholding. Logged, not published."),
    )

    def __init__(self, *args, original_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.original_text = original_text

    def clean(self):
        data = super().clean()
        action = data.get("action")
        reason = (data.get("reason") or "").strip()
        if (
            action in (PublicationState.APPROVED_REDACTED, PublicationState.WITHHELD)
            and not reason
        ):
            self.add_error("reason", _("Write the reason for the decision."))
        if action == PublicationState.APPROVED_REDACTED:
            text = data.get("published_text") or ""
            if not text.strip():
                self.add_error("published_text", _("Write the text to publish."))
            elif text.strip() == self.original_text.strip():
                self.add_error(
                    "published_text",
                    _("The text is unchanged. Redact it, or approve it as written."),
                )
            data["text_to_publish"] = text
        elif action == PublicationState.APPROVED:
            data["text_to_publish"] = self.original_text
        if action in (PublicationState.APPROVED, PublicationState.APPROVED_REDACTED):
            # A national ID number is never published: block until redacted.
            if find_fnr(data.get("text_to_publish", "")):
                field = (
                    "published_text"
                    if action == PublicationState.APPROVED_REDACTED
                    else None
                )
                self.add_error(
                    field,
                    _(
                        "The text contains a national ID number (fødselsnummer). "
                        "Redact it before publishing."
                    ),
                )
        return data
