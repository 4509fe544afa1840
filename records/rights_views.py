"""Rights requests in the admin: the list with each request's month (GDPR art.
12(3)), registering one, and one request's page with its search, exports,
erasure, extension and completion. Everything that carries the person's
details is a POST: addresses never end up in URLs or access logs.

Only superusers and users given «Can handle rights requests» (the privacy
officer, Servicetorget) see any of it: a rights request covers the whole
portal, not one unit.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from feedback.privacy import is_valid_fnr

from . import rights
from .choices import RightsKind
from .models import RightsRequest


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Request"), choices=RightsKind.choices)
    received_on = forms.DateField(
        label=_("Received"),
        help_text=_("The day the request came in (the month runs from then)."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    national_id = forms.CharField(
        label=_("National identity number"),
        max_length=20,
        required=False,
        help_text=_(
            "Only if the person signed a citizen proposal with ID-porten and gave "
            "no e-mail address. The portal keeps only a code computed from it, "
            "never the number."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_national_id(self):
        value = "".join(self.cleaned_data["national_id"].split())
        if value and not is_valid_fnr(value):
            raise ValidationError(
                _("That is not a valid national identity number (11 digits).")
            )
        return value.replace(".", "").replace("-", "")

    def clean(self):
        data = super().clean()
        if not (
            data.get("email")
            or data.get("name")
            or data.get("phone")
            or data.get("national_id")
        ):
            raise ValidationError(
                _("Give the e-mail address, name or phone to search for.")
            )
        return data


class ExtendForm(forms.Form):
    until = forms.DateField(
        label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )


class _Base(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not rights.can_handle(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RightsListView(_Base):
    template_name = "records/admin/rights_list.html"
    page_title = _("Rights requests")

    def post(self, request):
        form = RequestForm(request.POST)
        if form.is_valid():
            try:
                created = rights.request_create(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    gettext("Registered as %(reference)s.")
                    % {"reference": created.reference},
                )
                return redirect("records:rights_detail", pk=created.pk)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = [
            {
                "request": r,
                "due": rights.due_on(r),
                "days_left": rights.days_left(r, today),
                "overdue": rights.is_overdue(r, today),
            }
            for r in RightsRequest.objects.order_by("status", "received_on", "pk")[:200]
        ]
        context.update(
            {"rows": rows, "form": form or RequestForm(initial={"received_on": today})}
        )
        return context


class RightsDetailView(_Base):
    template_name = "records/admin/rights_detail.html"
    page_title = _("Rights request")

    def get_object(self):
        try:
            return RightsRequest.objects.get(pk=self.kwargs["pk"])
        except RightsRequest.DoesNotExist as exc:
            raise Http404 from exc

    def get_page_subtitle(self):
        return self.get_object().reference

    def post(self, request, pk):
        obj = self.get_object()
        action = request.POST.get("handling", "")
        extend_form = None
        try:
            if action == "sok":
                found = rights.request_search(request=obj, by=request.user)
                return self.render_to_response(self.get_context_data(found=found))
            if action in ("json", "dokument"):
                filename, content_type, content = rights.request_export(
                    request=obj,
                    by=request.user,
                    export_format="json" if action == "json" else "document",
                )
                response = HttpResponse(content, content_type=content_type)
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
                response["Cache-Control"] = "private, no-store"
                return response
            if action == "anonymiser":
                if request.POST.get("bekreft") != "ja":
                    messages.error(
                        request, gettext("Tick the box to confirm anonymisation.")
                    )
                else:
                    result = rights.request_erase(request=obj, by=request.user)
                    messages.success(
                        request,
                        gettext(
                            "%(done)s inputs were anonymised; %(waiting)s wait for "
                            "the archive and must be anonymised again once archived."
                        )
                        % {
                            "done": len(result.anonymised),
                            "waiting": len(result.waiting),
                        },
                    )
            elif action == "forleng":
                extend_form = ExtendForm(request.POST)
                if extend_form.is_valid():
                    rights.request_extend(
                        request=obj, by=request.user, **extend_form.cleaned_data
                    )
                    messages.success(request, gettext("The deadline was extended."))
                    extend_form = None
                else:
                    return self.render_to_response(
                        self.get_context_data(extend_form=extend_form)
                    )
            elif action in ("fullfor", "avvis"):
                rights.request_complete(
                    request=obj, by=request.user, rejected=action == "avvis"
                )
                messages.success(request, gettext("The request was closed."))
            else:
                return HttpResponse(status=400)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render_to_response(
                self.get_context_data(extend_form=extend_form)
            )
        return redirect("records:rights_detail", pk=obj.pk)

    def get_context_data(self, found=None, extend_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.get_object()
        context.update(
            {
                "obj": obj,
                "due": rights.due_on(obj),
                "days_left": rights.days_left(obj),
                "overdue": rights.is_overdue(obj),
                "found": found,
                "summary": found.summary() if found else None,
                "steps": obj.steps.select_related("by"),
                "extend_form": extend_form or ExtendForm(),
                "list_url": reverse("records:rights"),
            }
        )
        return context
