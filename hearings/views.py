"""Public views: thin, they call forms then services."""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from feedback import selectors as feedback_selectors
from feedback import spam
from feedback.choices import DOWNLOADABLE_SCAN_STATES
from feedback.services import DuplicateSubmission, tracking_token
from following import views as following_views
from portal import form_tokens

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
    gets a polite refusal with their text shown back, never a silent drop.

    POST/redirect/GET: the receipt has its own URL, so a reload sends nothing
    again; the form's one-time token makes a second post of the same filled-in
    form show the first one's receipt (portal.form_tokens)."""
    token = form_tokens.clean(request.POST)
    existing = feedback_selectors.submission_for_form_token(token)
    if existing is not None:
        return _receipt_redirect(existing, tracking_token(existing))
    form = HearingResponseForm(request.POST, request.FILES)
    status = hearing.status
    if status != "open":
        return _refused(request, hearing, status, request.POST.get("text", ""))
    if not form.is_valid():
        return _render_hearing(request, hearing, form=form, status=400)
    refused = spam.refusal(request, form, "hearing-response")
    if refused is not None:
        return _render_hearing(request, hearing, form=form, status=refused)
    files = form.cleaned_data.get(form.attachment_field_name or "", None) or []
    try:
        submission, tracking = hearing_response_create(
            hearing=hearing,
            data=form.cleaned_data,
            files=files,
            language=_language(),
            form_token=token,
        )
    except HearingClosed as closed:  # the deadline passed while they wrote
        return _refused(request, hearing, closed.status, form.cleaned_data["text"])
    except DuplicateSubmission as duplicate:  # a parallel post of the same form
        return _receipt_redirect(duplicate.submission, duplicate.token)
    except ValidationError as error:
        form.add_error(form.attachment_field_name, error)
        return _render_hearing(request, hearing, form=form, status=400)
    spam.rate_limit_hit(request, scope="hearing-response")
    return _receipt_redirect(submission, tracking)


def _receipt_redirect(submission, tracking: str):
    url = reverse(
        "hearings:response_receipt", kwargs={"reference": submission.reference}
    )
    return redirect(f"{url}?{urlencode({'t': tracking})}")


@never_cache
@require_GET
def response_receipt(request, reference):
    """The receipt of a hearing response, behind the same private token as the
    tracking page (a wrong token or reference is a 404)."""
    submission = feedback_selectors.submission_for_tracking(
        reference, request.GET.get("t", "")
    )
    hearing = submission.page.specific if submission.page_id else None
    if not isinstance(hearing, HearingPage):
        raise Http404
    response = TemplateResponse(
        request,
        "hearings/response_received.html",
        {
            "page": hearing,
            "submission": submission,
            "tracking_url": _tracking_url(submission, request.GET["t"]),
        },
    )
    # A private page: never leak the link to other sites, never index it.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _tracking_url(submission, token) -> str | None:
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
    refused = spam.refusal(request, form, "follow") if form.is_valid() else 400
    if refused is not None:
        return TemplateResponse(
            request, "hearings/subscribe.html", _subscribe_context(form), status=refused
        )
    spam.rate_limit_hit(request, scope="follow")
    data = form.cleaned_data
    subscription_request(
        email=data["email"],
        scope=data["scope"],
        hearing=data.get("hearing_obj"),
        topic=data.get("topic_obj"),
        language=_language(),
    )
    # POST/redirect/GET. Asking twice creates no second subscription and sends
    # at most one confirmation an hour (following.services), so a re-post of the
    # same form needs no token lookup. The same answer whether or not the address
    # already follows: the page does not reveal who follows what, and its URL
    # carries no address.
    hearing = data.get("hearing_obj")
    url = reverse("hearings:subscribe_sent")
    return redirect(f"{url}?{urlencode({'hoering': hearing.pk})}" if hearing else url)


@never_cache
@require_GET
def subscribe_sent(request):
    hearing = (
        HearingPage.objects.live().filter(pk=request.GET.get("hoering")).first()
        if (request.GET.get("hoering") or "").isdigit()
        else None
    )
    return TemplateResponse(
        request,
        "following/sent.html",
        {"back_url": hearing.get_url(request) if hearing else None},
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
        {**_subscribe_context(SubscribeForm(initial=initial)), "topic": topic},
    )


def _subscribe_context(form) -> dict:
    return {
        "form": form,
        "started": spam.form_timestamp(),
        "honeypot_field": spam.HONEYPOT_FIELD,
    }


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
        # Only a file the scanner passed (or no scanner is run): never one
        # waiting for it or quarantined (feedback.scanning).
        scan_state__in=DOWNLOADABLE_SCAN_STATES,
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
