"""Staff forms: moderation, paper signature sheets, the council's outcome."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.attachments import detect_type

from .choices import PUBLISHED, EventKind, RefusalReason
from .forms import POSTCODE_FORMAT
from .models import Proposal
from .services import PaperRow


class RefuseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RefusalReason.choices)
    text = forms.CharField(
        label=_("Explanation to the initiator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SameContentForm(forms.Form):
    same_as = forms.ModelChoiceField(
        label=_("Same content as"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=_("A proposal handled in this election period."),
    )
    url = forms.URLField(
        label=_("Or a link to the earlier case"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["same_as"].queryset = Proposal.objects.filter(
            status__in=PUBLISHED
        ).exclude(pk=proposal.pk)


class PaperForm(forms.Form):
    rows = forms.CharField(
        label=_("Signatures"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line: name; postcode (address optional as a third part)."),
    )
    sheet = forms.FileField(
        label=_("Scanned sheet"),
        required=False,
        help_text=_("PDF, JPEG or PNG."),
    )

    def clean_rows(self):
        parsed, errors = [], []
        for number, line in enumerate(self.cleaned_data["rows"].splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) < 2 or not parts[0]:
                errors.append(_("Line %(n)s: write «name; postcode».") % {"n": number})
                continue
            try:
                POSTCODE_FORMAT(parts[1])
            except forms.ValidationError:
                errors.append(
                    _("Line %(n)s: a postcode has four digits.") % {"n": number}
                )
                continue
            parsed.append(
                PaperRow(parts[0], parts[1], parts[2] if len(parts) > 2 else "")
            )
        if errors:
            raise forms.ValidationError(errors)
        if not parsed:
            raise forms.ValidationError(_("Write at least one name and postcode."))
        return parsed

    def clean_sheet(self):
        upload = self.cleaned_data.get("sheet")
        if upload and detect_type(upload) not in (
            "application/pdf",
            "image/jpeg",
            "image/png",
        ):
            raise forms.ValidationError(_("The sheet must be a PDF, JPEG or PNG file."))
        return upload


OUTCOME_KINDS = [
    (EventKind.ON_AGENDA.value, EventKind.ON_AGENDA.label),
    (EventKind.DECIDED.value, EventKind.DECIDED.label),
    (EventKind.REFUSED_SAME.value, EventKind.REFUSED_SAME.label),
    (EventKind.REFERRED.value, EventKind.REFERRED.label),
]


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=OUTCOME_KINDS)
    meeting_date = forms.DateField(
        label=_("Meeting date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    case_url = forms.URLField(
        label=_("Link to the political case"), required=False, assume_scheme="https"
    )
    text = forms.CharField(
        label=_("The decision in plain words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
