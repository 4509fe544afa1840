from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """The six digits from the authenticator app."""

    token = forms.CharField(
        label=_("Code from the authenticator app"),
        help_text=_("Six digits. The app shows a new code every 30 seconds."),
        max_length=8,
        error_messages={"required": _("Type the code from the authenticator app.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        # Apps show the code as "123 456"; people type it so.
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError(_("The code has six digits."))
        return token
