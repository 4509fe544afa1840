"""The residents' forms (start, sign) and their clear messages. The abuse
checks are feedback's (honeypot, fill time, rate limit), as on every public
form until the shared abuse guard lands."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from feedback import spam
from feedback.forms import SpamFieldsMixin
from feedback.privacy import contains_fnr
from portal.identity import identity

from . import rules, selectors

POSTCODE_FORMAT = RegexValidator(
    r"^\s*\d{4}\s*$", _("A postcode has four digits, e.g. 1384.")
)
EMAIL_INVALID = _("Write a valid e-mail address, e.g. navn@example.no.")


def _language() -> str:
    language = (get_language() or "nb")[:2]
    return language if language in dict(settings.LANGUAGES) else "nb"


class _ResidentMixin(forms.Form):
    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not rules.postcode_in_municipality(
            postcode, selectors.municipality_postcodes()
        ):
            raise forms.ValidationError(
                _(
                    "%(postcode)s is not a postcode in %(municipality)s. Only "
                    "residents of the municipality can propose and sign."
                ),
                code="outside",
                params={
                    "postcode": postcode,
                    "municipality": identity().name,
                },
            )
        return postcode


class StartForm(SpamFieldsMixin, _ResidentMixin):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("Short and clear, e.g. «Lys i lysløypa på Vettre hele vinteren»."),
        error_messages={"required": _("Write a title.")},
    )
    proposal = forms.CharField(
        label=_("What should the municipal council decide?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_(
            "One proposal the council can say yes or no to, about something the "
            "municipality decides."
        ),
        error_messages={"required": _("Write what the council should decide.")},
    )
    background = forms.CharField(
        label=_("Background"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=6000,
        required=False,
        help_text=_(
            "Why it matters. Do not write about other people's private matters."
        ),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        help_text=_("Shown on the proposal as the one who started it."),
        error_messages={"required": _("Write your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_(
            "Never shown. We send you a link to confirm, and later news of the "
            "proposal."
        ),
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": EMAIL_INVALID,
        },
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        validators=[POSTCODE_FORMAT],
        error_messages={"required": _("Write your postcode.")},
    )
    resident = forms.BooleanField(
        label=_("I live in the municipality."),
        error_messages={
            "required": _("Only residents can propose: tick that you live here.")
        },
    )

    def clean(self):
        cleaned = super().clean()
        text = "\n".join(
            cleaned.get(name, "") for name in ("title", "proposal", "background")
        )
        limit = settings.PORTAL.get("MAX_LINKS_IN_TEXT", 3)
        if spam.count_links(text) > limit:
            self.add_error(
                "background",
                forms.ValidationError(
                    _("The text has too many web links (at most %(limit)s)."),
                    code="links",
                    params={"limit": limit},
                ),
            )
        if contains_fnr(text):
            # The proposal will be public: a national identity number never is.
            self.add_error(
                "background",
                forms.ValidationError(
                    _(
                        "Remove the national identity number: the proposal will "
                        "be public."
                    ),
                    code="fnr",
                ),
            )
        return cleaned

    @property
    def language(self) -> str:
        return _language()


class SignForm(SpamFieldsMixin, _ResidentMixin):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Write your name.")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        validators=[POSTCODE_FORMAT],
        error_messages={"required": _("Write your postcode.")},
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send you a link: the signature counts when you confirm."),
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": EMAIL_INVALID,
        },
    )
    resident = forms.BooleanField(
        label=_("I live in the municipality."),
        error_messages={
            "required": _("Only residents can sign: tick that you live here.")
        },
    )
    show_name = forms.BooleanField(
        label=_("Show my name on the proposal's page."),
        required=False,
        help_text=_("Without this only the number of signatures is shown."),
    )
    wants_news = forms.BooleanField(
        label=_("Send me news of the proposal by e-mail."), required=False
    )

    def __init__(self, *args, idporten_offered: bool = False, by_idporten=False, **kw):
        """`idporten_offered`: the page has the «Sign with ID-porten» button
        too; `by_idporten`: that button was pressed, which needs no e-mail."""
        super().__init__(*args, **kw)
        email = self.fields["email"]
        if idporten_offered:
            email.help_text = _(
                "Signing with e-mail: we send you a link, and the signature "
                "counts when you confirm. With ID-porten the e-mail is optional: "
                "it gets the receipt and the news you ask for."
            )
        if by_idporten:
            email.required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_news") and not cleaned.get("email"):
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Write your e-mail address to get news of the proposal."),
                    code="news_without_email",
                ),
            )
        return cleaned

    def signed_data(self) -> dict:
        """What the signer wrote, as plain values (kept in the session while
        ID-porten asks who they are)."""
        return {
            name: self.cleaned_data[name]
            for name in (
                "name",
                "postcode",
                "address",
                "email",
                "show_name",
                "resident",
                "wants_news",
            )
        }

    @property
    def language(self) -> str:
        return _language()


class SubmitForm(forms.Form):
    """The initiator's button; below the threshold they say they know."""

    below_threshold = forms.BooleanField(required=False)
