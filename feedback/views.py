"""Public views: thin. Forms validate, services write, selectors read."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal import form_tokens
from portal.identity import identity

from . import selectors, services, spam
from .choices import KIND_BY_SLUG, InputKind
from .forms import INTROS, TITLES, PageFeedbackForm, SubmissionForm, live_page


def _private(response):
    # Pages behind a private link: never leak the link to other sites, never
    # index, never cache.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def receipt_redirect(submission, token: str) -> HttpResponseRedirect:
    """POST/redirect/GET: after sending, the browser shows the receipt by GET, so
    a reload asks for nothing to be sent again."""
    url = reverse("feedback:receipt", kwargs={"reference": submission.reference})
    return HttpResponseRedirect(f"{url}?t={token}")


def _used_form_token(request):
    """The input this POST's one-time token already created, if any: posting a
    filled-in form again shows its receipt (portal.form_tokens). Checked before
    the spam checks, so a late re-post is neither «expired» nor rate-limited."""
    return selectors.submission_for_form_token(form_tokens.clean(request.POST))


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request, kind: str):
    """The public form for feedback, suggestions and questions."""
    kind_value = KIND_BY_SLUG.get(kind)
    if kind_value is None:
        raise Http404
    status = 200
    if request.method == "POST":
        existing = _used_form_token(request)
        if existing is not None:
            return receipt_redirect(existing, services.tracking_token(existing))
        form = SubmissionForm(request.POST, request.FILES, kind=kind_value)
        # The shared guard (rate limit, fill time) only when nothing else is
        # wrong: a resident correcting field errors sends again anyway, and gets
        # a fresh start time with the form.
        refused = spam.refusal(request, form, "submit") if form.is_valid() else None
        status = refused or 200
        if form.is_valid() and refused is None:
            verdict = spam.check_recaptcha(request.POST.get(spam.RECAPTCHA_FIELD, ""))
            data = form.cleaned_data
            try:
                submission, token = services.submission_create(
                    submitted=services.SubmissionInput(
                        kind=kind_value,
                        topic=data["topic"],
                        page=form.service,
                        subject=data["subject"],
                        text=data["text"],
                        location=data["location"],
                        postcode=data["postcode"],
                        contact_name=data["contact_name"],
                        contact_email=data["contact_email"],
                        contact_phone=data["contact_phone"],
                        organisation=data["organisation"],
                        language=data["language"],
                        attachments=data["attachments"],
                        flagged_for_moderation=verdict.flag,
                        moderation_reason=verdict.reason,
                        form_token=form_tokens.clean(request.POST),
                    )
                )
            except services.DuplicateSubmission as duplicate:  # a parallel post
                return receipt_redirect(duplicate.submission, duplicate.token)
            except ValidationError as error:  # a picture that cannot be decoded
                form.add_error("attachments", error)
            else:
                spam.rate_limit_hit(request)
                return receipt_redirect(submission, token)
    else:
        form = SubmissionForm(
            kind=kind_value, initial={"tjeneste": request.GET.get("tjeneste")}
        )
        form.service = live_page(request.GET.get("tjeneste"))
        if form.service is None:
            form.initial["tjeneste"] = None

    files_dropped = request.method == "POST" and bool(request.FILES)
    return render(
        request,
        "feedback/submission_form.html",
        {
            "form": form,
            "kind": kind_value,
            "kind_slug": kind,
            "title": TITLES[kind_value],
            "intro": INTROS[kind_value] % {"place": identity().place},
            "service": form.service,
            "started": spam.form_timestamp(),
            "files_dropped": files_dropped and bool(form.errors),
            "honeypot_field": spam.HONEYPOT_FIELD,
            "recaptcha": _recaptcha_context(),
        },
        status=status,
    )


def _recaptcha_context():
    from django.conf import settings

    if not spam.recaptcha_enabled():
        return None
    return {"site_key": settings.RECAPTCHA_PUBLIC_KEY, "field": spam.RECAPTCHA_FIELD}


@never_cache
@require_GET
def receipt(request, reference):
    """Shown right after sending: the reference and the private tracking link."""
    submission = selectors.submission_for_tracking(reference, request.GET.get("t", ""))
    # On the host the resident is on (the e-mail's link uses portal.public_url).
    track_url = request.build_absolute_uri(
        reverse("feedback:track", kwargs={"reference": reference})
        + "?t="
        + request.GET["t"]
    )
    return _private(
        render(
            request,
            "feedback/receipt.html",
            {
                "submission": submission,
                "track_url": track_url,
            },
        )
    )


@never_cache
@require_GET
def track(request, reference):
    """The resident's private view of their case: status and public timeline."""
    submission = selectors.submission_for_tracking(reference, request.GET.get("t", ""))
    return _private(render(request, "feedback/track.html", {"submission": submission}))


@never_cache
@require_POST
def page_feedback(request):
    """«Fant du det du lette etter?»: works without JavaScript. On success, back to
    the page with a thank-you; on error, a small page with the form and the
    comment kept."""
    existing = _used_form_token(request)
    if existing is not None and existing.page is not None:
        return _page_feedback_thanks(existing.page, request)
    form = PageFeedbackForm(request.POST)
    valid = form.is_valid()
    status = 200
    if spam.rate_limited(request, scope="page"):
        form.add_error(None, spam.rate_limit_message())
        status = 429
    elif valid:
        page = form.target
        try:
            services.submission_create(
                submitted=services.SubmissionInput(
                    kind=InputKind.PAGE_FEEDBACK,
                    page=page,
                    helpful=form.cleaned_data["helpful"],
                    text=form.cleaned_data["text"],
                    language=(get_language() or "nb")[:2],
                    form_token=form_tokens.clean(request.POST),
                )
            )
        except services.DuplicateSubmission:
            pass  # a parallel post of the same form: thank them once
        else:
            spam.rate_limit_hit(request, scope="page")
        return _page_feedback_thanks(page, request)
    return render(
        request,
        "feedback/page_feedback.html",
        {
            "form": form,
            "target": form.target,
            "honeypot_field": spam.HONEYPOT_FIELD,
        },
        status=status,
    )


def _page_feedback_thanks(page, request) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{page.get_url(request) or '/'}?takk=1#page-feedback")
