"""Forms of the archive's admin: a post's public title and screening."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def screening_choices():
    return [("", _("Not screened"))] + [
        (code, f"{code} – {label}")
        for code, label, _basis in settings.PORTAL_ARCHIVE["SCREENING_CODES"]
    ]


def default_basis(code: str) -> str:
    for value, _label, basis in settings.PORTAL_ARCHIVE["SCREENING_CODES"]:
        if value == code:
            return basis
    return ""


class PostMetadataForm(forms.Form):
    public_title = forms.CharField(
        label=_("Public title (offentlig tittel)"),
        max_length=500,
        help_text=_(
            "Shown in the public journal. Leave out names of private persons and "
            "anything the screening protects."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    screening_code = forms.ChoiceField(
        label=_("Screening (tilgangsrestriksjon)"), required=False, choices=()
    )
    screening_authority = forms.CharField(
        label=_("Legal basis (skjermingshjemmel)"),
        max_length=200,
        required=False,
        help_text=_("For example «Offl. § 13 jf. fvl. § 13 første ledd nr. 1»."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["screening_code"].choices = screening_choices()

    def clean(self):
        data = super().clean()
        code = data.get("screening_code", "")
        if code and not data.get("screening_authority", "").strip():
            # The code's usual basis, so a handler who only picks a code still
            # sends a complete skjerming.
            data["screening_authority"] = default_basis(code)
            if not data["screening_authority"]:
                self.add_error(
                    "screening_authority",
                    _("Give the legal basis for the screening."),
                )
        return data
