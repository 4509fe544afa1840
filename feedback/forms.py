"""Resident forms. Validation with clear Norwegian messages (English msgids); the
resident's text is always re-shown when something is wrong."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import spam
from .attachments import ALLOWED_TYPES, detect_type
from .choices import InputKind, Language
from .models import Topic
from .privacy import contains_fnr

MB = 1024 * 1024


def _portal(name, default):
    return settings.PORTAL.get(name, default)


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Up to N files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


# Labels that change with the kind of input.
TEXT_LABELS = {
    InputKind.FEEDBACK: _("What do you want to tell us?"),
    InputKind.SUGGESTION: _("Your suggestion"),
    InputKind.QUESTION: _("Your question"),
}
TITLES = {
    InputKind.FEEDBACK: _("Give feedback"),
    InputKind.SUGGESTION: _("Send a suggestion"),
    InputKind.QUESTION: _("Ask a question"),
}
# Formatted with the place name (portal.identity) when shown.
INTROS = {
    InputKind.FEEDBACK: _(
        "Tell us what works and what does not. Your feedback goes "
        "straight to the people responsible."
    ),
    InputKind.SUGGESTION: _(
        "Have an idea that would make %(place)s better? We read every suggestion."
    ),
    InputKind.QUESTION: _(
        "Ask us anything about the municipality's services. We aim to "
        "answer within 14 days."
    ),
}


class SpamFieldsMixin(forms.Form):
    # Never shown to people (hidden with CSS and from assistive technology);
    # bots fill it in.
    website = forms.CharField(
        required=False, label=_("Leave this field empty"), max_length=200
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _(
                    "The form could not be sent. Leave the field «Leave this field "
                    "empty» empty."
                ),
                code="honeypot",
            )
        return ""

    def check_text_links(self, *values: str) -> None:
        limit = _portal("MAX_LINKS_IN_TEXT", 3)
        if sum(spam.count_links(v) for v in values) > limit:
            self.add_error(
                "text",
                forms.ValidationError(
                    _(
                        "The text has too many web links (at most %(limit)s). Remove "
                        "some and send again."
                    ),
                    code="links",
                    params={"limit": limit},
                ),
            )


FNR_CONFIRM_FIELD = "fnr_ok"


class SubmissionForm(SpamFieldsMixin):
    """Feedback, suggestion or question from a resident. No login."""

    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        label=_("What is it about?"),
        empty_label=_("I don't know / something else"),
        help_text=_(
            "Choose what fits best. If you are unsure, leave it: we will "
            "find the right people."
        ),
    )
    tjeneste = forms.IntegerField(required=False, widget=forms.HiddenInput)
    fnr_ok = forms.BooleanField(
        required=False,
        label=_("Send it anyway, with the national identity number"),
        help_text=_(
            "Only the people who handle your case can read it, but we advise "
            "you not to send it."
        ),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_("A few words, for example «Hole in the road in Kirkeveien»."),
        error_messages={
            "required": _("Write a subject."),
            "max_length": _(
                "The subject can be at most %(limit_value)d "
                "characters (it has %(show_value)d)."
            ),
        },
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Do not write national identity numbers or health information."),
        error_messages={
            "required": _("Write your message."),
            "max_length": _(
                "The text can be at most %(limit_value)d "
                "characters (it has %(show_value)d)."
            ),
        },
    )
    location = forms.CharField(
        label=_("Place or address"),
        required=False,
        max_length=200,
        help_text=_("If it is about a place, for example a road or a playground."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        validators=[
            RegexValidator(
                r"^\s*\d{4}\s*$", _("A postcode has four digits, e.g. 1384.")
            )
        ],
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to 3 files: PDF, JPEG, PNG, HEIC, DOCX or ODT, at most 10 MB "
            "each and 25 MB in all."
        ),
    )
    contact_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    contact_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_(
            "We need it to send you an answer and a receipt. Without it you "
            "can follow the case with the link on the receipt page."
        ),
        error_messages={
            "invalid": _("Write a valid e-mail address, e.g. navn@example.no.")
        },
    )
    contact_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                r"^[\d +()\-.]{5,40}$",
                _("Write the phone number with digits only, e.g. 66 90 90 00."),
            )
        ],
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_(
            "Only if you write on behalf of an association, a business or "
            "another organisation."
        ),
    )
    language = forms.ChoiceField(
        label=_("Which language should we answer in?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = InputKind(kind)
        self.fields["topic"].queryset = Topic.objects.filter(active=True).order_by(
            "sort_order", "name"
        )
        self.fields["topic"].label_from_instance = lambda t: t.display_name
        text_max = _portal("TEXT_MAX_CHARS", 10_000)
        self.fields["text"].label = TEXT_LABELS.get(self.kind, _("Text"))
        self.fields["text"].max_length = text_max
        self.fields["text"].validators.append(MaxLengthValidator(text_max))
        # The limit is shown while typing: the browser stops at maxlength, the
        # line under the box says it (portal/js/counter.js counts down).
        self.fields["text"].widget.attrs.update(
            {"maxlength": text_max, "data-counter": text_max}
        )
        self.fields["text"].counter_label = number_format(text_max, force_grouping=True)
        language = (get_language() or "nb")[:2]
        self.fields["language"].initial = (
            language if language in Language.values else Language.NB
        )
        self.service: Page | None = None

    def clean_tjeneste(self):
        value = self.cleaned_data.get("tjeneste")
        self.service = live_page(value)
        return value if self.service else None

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        max_count = _portal("ATTACHMENTS_MAX_COUNT", 3)
        max_each = _portal("ATTACHMENT_MAX_BYTES", 10 * MB)
        max_total = _portal("ATTACHMENTS_TOTAL_MAX_BYTES", 25 * MB)
        errors = []
        if len(files) > max_count:
            errors.append(
                forms.ValidationError(
                    _("You can attach at most %(count)s files."),
                    code="count",
                    params={"count": max_count},
                )
            )
        for upload in files:
            if upload.size > max_each:
                errors.append(
                    forms.ValidationError(
                        _(
                            "«%(name)s» is too large (%(size)s MB). The limit is "
                            "%(limit)s MB per file."
                        ),
                        code="size",
                        params={
                            "name": upload.name,
                            "size": _mb(upload.size),
                            "limit": max_each // MB,
                        },
                    )
                )
            elif detect_type(upload) is None:
                errors.append(
                    forms.ValidationError(
                        _(
                            "«%(name)s» is not a file type we accept. Allowed: "
                            "%(types)s."
                        ),
                        code="type",
                        params={
                            "name": upload.name,
                            "types": ", ".join(ALLOWED_TYPES.values()),
                        },
                    )
                )
        total = sum(f.size for f in files)
        if total > max_total:
            errors.append(
                forms.ValidationError(
                    _(
                        "The attachments are %(size)s MB in all. The limit is "
                        "%(limit)s MB."
                    ),
                    code="total",
                    params={"size": _mb(total), "limit": max_total // MB},
                )
            )
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        self.check_text_links(cleaned.get("subject", ""), cleaned.get("text", ""))
        self.check_fnr(cleaned)
        return cleaned

    def check_fnr(self, cleaned) -> None:
        """Warn, once, before a text with a valid fødselsnummer is sent: the
        resident may remove it, or send it anyway (it is then accepted, and
        the handler is warned as before)."""
        text = f"{cleaned.get('subject', '')}\n{cleaned.get('text', '')}"
        if contains_fnr(text) and not cleaned.get(FNR_CONFIRM_FIELD):
            self.fnr_warning = True
            self.add_error(
                "text",
                _(
                    "The text seems to contain a national identity number "
                    "(fødselsnummer). Remove it, or tick «Send it anyway» below."
                ),
            )


class PageFeedbackForm(SpamFieldsMixin):
    """«Fant du det du lette etter?» on every content page."""

    page = forms.IntegerField(widget=forms.HiddenInput)
    helpful = forms.TypedChoiceField(
        label=_("Did you find what you were looking for?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose «Yes» or «No».")},
    )
    text = forms.CharField(
        label=_("What were you looking for?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Do not write personal information. We do not answer here: "
            "ask a question if you want an answer."
        ),
        error_messages={
            "max_length": _(
                "The comment can be at most %(limit_value)d "
                "characters (it has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.target: Page | None = None

    def clean_page(self):
        self.target = live_page(self.cleaned_data.get("page"))
        if self.target is None:
            raise forms.ValidationError(_("We could not find the page."), code="page")
        return self.target.pk

    def clean(self):
        cleaned = super().clean()
        self.check_text_links(cleaned.get("text", ""))
        return cleaned


def live_page(pk) -> Page | None:
    """A live page by id, or None for anything else (missing, draft, junk)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if pk <= 0 or pk > 2**31:
        return None
    return Page.objects.live().filter(pk=pk, depth__gt=1).first()
