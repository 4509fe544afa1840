"""Public views: thin. Forms validate, services write, selectors read.

Links in e-mails never change anything when opened (mail scanners open
links): confirming, withdrawing and submitting take a button (a POST), and
every POST answers with a redirect (POST/redirect/GET)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from feedback import spam

from . import selectors, services, tokens
from .choices import SLUG_BY_STAGE, STAGE_BY_SLUG, Stage, Status
from .forms import SignForm, StartForm, SubmitForm
from .models import Proposal, Signature


def _private(response):
    # Pages behind a private link: never leak the link to another site, never
    # index it. «same-origin», not «no-referrer»: with no-referrer the browser
    # sends «Origin: null» on the page's own button, and Django's CSRF check
    # refuses it (the browser journey found that).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _spam_check(request, form, scope: str) -> int | None:
    return spam.refusal(request, form, scope)


def _form_context(form) -> dict:
    return {
        "form": form,
        "started": spam.form_timestamp(),
        "honeypot_field": spam.HONEYPOT_FIELD,
    }


# --- lists and the page -----------------------------------------------------------


def index(request, slug: str = "samler"):
    stage = STAGE_BY_SLUG.get(slug)
    if stage is None:
        raise Http404
    proposals = list(selectors.public_list(stage)[:100])
    rows = [(p, selectors.progress(p)) for p in proposals]
    tabs = [
        (SLUG_BY_STAGE[s], Stage(s).label, s == stage)
        for s in (Stage.COLLECTING, Stage.SUBMITTED, Stage.DECIDED, Stage.NOT_REACHED)
    ]
    return TemplateResponse(
        request,
        "proposals/index.html",
        {"rows": rows, "stage": stage, "stage_label": Stage(stage).label, "tabs": tabs},
    )


def _detail_context(proposal: Proposal, form=None) -> dict:
    now = timezone.now()
    stage = selectors.stage_of(proposal, now)
    return {
        "proposal": proposal,
        "stage": stage,
        "stage_label": Stage(stage).label if stage else "",
        "progress": selectors.progress(proposal),
        "names": selectors.public_names(proposal),
        "events": selectors.public_events(proposal),
        "open": stage == Stage.COLLECTING,
        "population": selectors.population(),
        "population_date": selectors.population_date(),
        "days": tokens.confirm_days(),
        **_form_context(form or SignForm()),
    }


@never_cache
def detail(request, pk: int):
    proposal = selectors.public_proposal(pk)
    return TemplateResponse(
        request, "proposals/proposal.html", _detail_context(proposal)
    )


@never_cache
@require_POST
def sign(request, pk: int):
    proposal = selectors.public_proposal(pk)
    form = SignForm(request.POST)
    status = 200
    if form.is_valid():
        status = _spam_check(request, form, "proposal-sign")
        if status is None:
            data = form.cleaned_data
            try:
                services.signature_request(
                    proposal=proposal,
                    signed=services.SignatureInput(
                        name=data["name"],
                        postcode=data["postcode"],
                        address=data["address"],
                        email=data["email"],
                        show_name=data["show_name"],
                        resident=data["resident"],
                        wants_news=data["wants_news"],
                        language=form.language,
                    ),
                )
            except services.NotAllowed as exc:
                form.add_error(None, exc)
                status = 200
            else:
                spam.rate_limit_hit(request, scope="proposal-sign")
                return redirect("proposals:sent", what="underskrift")
    return TemplateResponse(
        request,
        "proposals/proposal.html",
        _detail_context(proposal, form),
        status=status,
    )


# --- starting a proposal ----------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    status = 200
    if request.method == "POST":
        form = StartForm(request.POST)
        if form.is_valid():
            status = _spam_check(request, form, "proposal-start")
            if status is None:
                data = form.cleaned_data
                try:
                    services.proposal_start(
                        submitted=services.ProposalInput(
                            title=data["title"],
                            proposal=data["proposal"],
                            background=data["background"],
                            name=data["name"],
                            email=data["email"],
                            postcode=data["postcode"],
                            language=form.language,
                        )
                    )
                except ValidationError as exc:
                    form.add_error(None, exc)
                    status = 200
                else:
                    spam.rate_limit_hit(request, scope="proposal-start")
                    return redirect("proposals:sent", what="forslag")
    else:
        form = StartForm()
    title = request.POST.get("title") or request.GET.get("tittel", "")
    return TemplateResponse(
        request,
        "proposals/start.html",
        {
            **_form_context(form),
            "similar": selectors.similar(title) if title else [],
            "threshold": selectors.current_threshold(),
        },
        status=status,
    )


def sent(request, what: str):
    if what not in ("forslag", "underskrift"):
        raise Http404
    return TemplateResponse(
        request, "proposals/sent.html", {"what": what, "days": tokens.confirm_days()}
    )


def _invalid(request):
    return _private(
        TemplateResponse(request, "proposals/token_invalid.html", status=400)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The initiator's link: GET asks, the button confirms."""
    proposal = tokens.load(token, "confirm", Proposal.objects.all())
    if proposal is None:
        return _invalid(request)
    if request.method == "POST":
        services.proposal_confirm(proposal=proposal)
        return redirect(request.path)
    return _private(
        TemplateResponse(request, "proposals/confirm.html", {"proposal": proposal})
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    """The initiator's own page: where the proposal stands, and the button that
    sends it to the council."""
    proposal = tokens.load(token, "manage", Proposal.objects.all())
    if proposal is None:
        return _invalid(request)
    progress = selectors.progress(proposal)
    form = SubmitForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        if not progress.reached and not form.cleaned_data["below_threshold"]:
            error = _(
                "The proposal has fewer signatures than the threshold. Tick the box "
                "if you want the council to see it anyway."
            )
        else:
            try:
                services.proposal_submit(proposal=proposal)
            except services.NotAllowed as exc:
                error = " ".join(exc.messages)
            else:
                return redirect(request.path)
    stage = selectors.stage_of(proposal)
    return _private(
        TemplateResponse(
            request,
            "proposals/manage.html",
            {
                "proposal": proposal,
                "progress": progress,
                "stage": stage,
                "can_submit": stage == Stage.COLLECTING,
                "error": error,
                "Status": Status,
            },
            status=200,
        )
    )


# --- a signature's links ----------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def sign_confirm(request, token: str):
    signature = tokens.load(token, "sign", Signature.objects.select_related("proposal"))
    if signature is None:
        return _invalid(request)
    error = ""
    if request.method == "POST":
        try:
            services.signature_confirm(signature=signature)
        except services.NotAllowed as exc:
            error = " ".join(exc.messages)
        else:
            return redirect(request.path)
    return _private(
        TemplateResponse(
            request,
            "proposals/sign_confirm.html",
            {"signature": signature, "proposal": signature.proposal, "error": error},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, token: str):
    signature = tokens.load(
        token, "withdraw", Signature.objects.select_related("proposal")
    )
    if signature is None:
        # Withdrawn already: the link's object is gone.
        return _invalid(request)
    error = ""
    if request.method == "POST":
        proposal = signature.proposal
        try:
            services.signature_withdraw(signature=signature)
        except services.NotAllowed as exc:
            error = " ".join(exc.messages)
        else:
            return redirect(reverse("proposals:withdrawn") + f"?forslag={proposal.pk}")
    return _private(
        TemplateResponse(
            request,
            "proposals/withdraw.html",
            {"proposal": signature.proposal, "error": error},
        )
    )


def withdrawn(request):
    pk = request.GET.get("forslag", "")
    proposal = selectors.published().filter(pk=pk).first() if pk.isdigit() else None
    return TemplateResponse(request, "proposals/withdrawn.html", {"proposal": proposal})
