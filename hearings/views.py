"""Public views: thin, they call forms then services."""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from following import views as following_views

from .choices import PUBLISHED_STATES, SubscriptionScope
from .forms import HearingResponseForm, SubscribeForm
from .models import HearingIndexPage, HearingPage
from .services import (
    HearingClosed,
    hearing_response_create,
    subscription_request,
)
from .tokens import (
    subscription_for_legacy_confirm_token,
    subscription_for_legacy_unsubscribe_token,
)


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def index_redirect(request):
    """The live hearing index in the active language, else the default one."""
    language = _language()
    indexes = sorted(
        HearingIndexPage.objects.live()
        .public()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale"),
        key=lambda p: p.locale.language_code != language,
    )
    if not indexes:
        raise Http404
    return redirect(indexes[0].get_url(request))


def hearing_response_post(request, hearing: HearingPage):
    """A response posted to the hearing page. Outside the period the resident
    gets a polite refusal with their text shown back, never a silent drop."""
    form = HearingResponseForm(request.POST, request.FILES)
    status = hearing.status
    if status != "open":
        return _refused(request, hearing, status, request.POST.get("text", ""))
    if not form.is_valid():
        return _render_hearing(request, hearing, form=form, status=400)
    files = form.cleaned_data.get(form.attachment_field_name or "", None) or []
    try:
        submission, token = hearing_response_create(
            hearing=hearing,
            data=form.cleaned_data,
            files=files,
            language=_language(),
        )
    except HearingClosed as closed:  # the deadline passed while they wrote
        return _refused(request, hearing, closed.status, form.cleaned_data["text"])
    except ValidationError as error:
        form.add_error(form.attachment_field_name, error)
        return _render_hearing(request, hearing, form=form, status=400)
    return TemplateResponse(
        request,
        "hearings/response_received.html",
        {
            "page": hearing,
            "submission": submission,
            "tracking_url": _tracking_url(submission, token),
        },
    )


def _tracking_url(submission, token) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("feedback:track", kwargs={"reference": submission.reference})
    except NoReverseMatch:
        return None
    return f"{url}?t={token}"


def _render_hearing(request, hearing, *, form=None, status=200):
    context = hearing.get_context(request, form=form)
    return TemplateResponse(
        request, hearing.get_template(request), context, status=status
    )


def _refused(request, hearing, status, text):
    return TemplateResponse(
        request,
        "hearings/response_refused.html",
        {
            "page": hearing,
            "hearing_status": status,
            "text": text,
        },
        status=409 if status != "upcoming" else 403,
    )


# --- Following ------------------------------------------------------------------


@require_POST
def subscribe(request):
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "hearings/subscribe.html", {"form": form}, status=400
        )
    data = form.cleaned_data
    subscription_request(
        email=data["email"],
        scope=data["scope"],
        hearing=data.get("hearing_obj"),
        topic=data.get("topic_obj"),
        language=_language(),
    )
    # The same answer whether or not the address already follows: the page does
    # not reveal who follows what.
    hearing = data.get("hearing_obj")
    return TemplateResponse(
        request,
        "following/sent.html",
        {"email": data["email"], "back_url": hearing.url if hearing else None},
    )


def subscribe_form(request):
    """Follow all new hearings, or those on one topic (?tema=slug)."""
    from feedback.models import Topic

    topic = Topic.objects.filter(slug=request.GET.get("tema", ""), active=True).first()
    initial = (
        {"scope": SubscriptionScope.TOPIC, "topic": topic.slug}
        if topic
        else {"scope": SubscriptionScope.ALL}
    )
    return TemplateResponse(
        request,
        "hearings/subscribe.html",
        {"form": SubscribeForm(initial=initial), "topic": topic},
    )


# Links in e-mails sent before following was generalised (hearings.tokens): the
# same pages as following's, found by the old token.
legacy_confirm = functools.partial(
    following_views.confirm, lookup=subscription_for_legacy_confirm_token
)
legacy_unsubscribe = functools.partial(
    following_views.unsubscribe, lookup=subscription_for_legacy_unsubscribe_token
)


# --- Published attachments --------------------------------------------------------


def published_attachment(request, pk: int):
    """An attachment of a published response, when the moderator published it."""
    from feedback.models import Attachment

    attachment = get_object_or_404(
        Attachment.objects.select_related("submission__publication"),
        pk=pk,
        submission__publication__state__in=PUBLISHED_STATES,
        submission__publication__publish_attachments=True,
    )
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name or "vedlegg",
    )
    return response


def ical(request, topic_slug=None):
    from .ical import deadlines_calendar

    body = deadlines_calendar(request, topic_slug=topic_slug)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="horingsfrister.ics"'
    return response
