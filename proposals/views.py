"""Public views: thin. Forms validate, services write, selectors read.

Links in e-mails never change anything when opened (mail scanners open
links): confirming, withdrawing and submitting take a button (a POST), and
every POST answers with a redirect (POST/redirect/GET)."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from feedback import spam

from . import idporten, selectors, services, tokens
from .choices import SLUG_BY_STAGE, STAGE_BY_SLUG, Stage, Status
from .forms import SignForm, StartForm, SubmitForm
from .models import Proposal, Signature

logger = logging.getLogger("portal.proposals")


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


# What the proposal page says after a login at ID-porten that stored nothing
# (its ?id-porten= value): the form comes back filled in.
IDPORTEN_OUTCOMES = {
    "avbrutt": gettext_lazy("You stopped the login at ID-porten. Nothing is signed."),
    "feil": gettext_lazy(
        "The login at ID-porten could not be completed, and nothing is signed. "
        "Try again, or sign with e-mail."
    ),
    "utilgjengelig": gettext_lazy(
        "ID-porten does not answer just now. Try again later, or sign with e-mail."
    ),
    "stengt": gettext_lazy(
        "The proposal stopped collecting signatures while you logged in. Nothing "
        "is signed."
    ),
}


def _detail_context(request, proposal: Proposal, form=None) -> dict:
    now = timezone.now()
    stage = selectors.stage_of(proposal, now)
    offered = idporten.enabled()
    if form is None:
        waiting = idporten.pending(request.session, proposal.pk) if offered else None
        form = SignForm(
            initial=waiting["form"] if waiting else None, idporten_offered=offered
        )
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
        "idporten": offered,
        "idporten_outcome": IDPORTEN_OUTCOMES.get(request.GET.get("id-porten", "")),
        **_form_context(form),
    }


@never_cache
def detail(request, pk: int):
    proposal = selectors.public_proposal(pk)
    return _signing_page(
        TemplateResponse(
            request, "proposals/proposal.html", _detail_context(request, proposal)
        )
    )


def _signing_page(response):
    if idporten.enabled() and response.context_data.get("open"):
        return idporten.allow_login_form(response)
    return response


@never_cache
@require_POST
def sign(request, pk: int):
    """The signing form. Its two buttons: «Sign with ID-porten» (when the
    municipality offers it) sends the signer to log in there with the form kept
    in the session; «Sign with e-mail» stores the signature unconfirmed and
    sends the confirmation link."""
    proposal = selectors.public_proposal(pk)
    offered = idporten.enabled()
    by_idporten = offered and request.POST.get("method") == "idporten"
    form = SignForm(request.POST, idporten_offered=offered, by_idporten=by_idporten)
    status = 200
    if form.is_valid():
        status = _spam_check(request, form, "proposal-sign")
        if status is None and by_idporten:
            try:
                login = idporten.begin(
                    request.session,
                    proposal_id=proposal.pk,
                    form_data=form.signed_data(),
                    language=form.language,
                )
            except idporten.Failed:
                logger.warning("ID-porten's discovery document could not be read")
                form.add_error(None, IDPORTEN_OUTCOMES["utilgjengelig"])
                status = 503
            else:
                spam.rate_limit_hit(request, scope="proposal-sign")
                return redirect(login)
        elif status is None:
            data = form.cleaned_data
            try:
                services.signature_request(
                    proposal=proposal,
                    signed=_signature_input(data, form.language),
                )
            except services.NotAllowed as exc:
                form.add_error(None, exc)
                status = 200
            else:
                spam.rate_limit_hit(request, scope="proposal-sign")
                return redirect("proposals:sent", what="underskrift")
    return _signing_page(
        TemplateResponse(
            request,
            "proposals/proposal.html",
            _detail_context(request, proposal, form),
            status=status,
        )
    )


def _signature_input(data: dict, language: str) -> services.SignatureInput:
    return services.SignatureInput(
        name=data["name"],
        postcode=data["postcode"],
        address=data["address"],
        email=data["email"],
        show_name=data["show_name"],
        resident=data["resident"],
        wants_news=data["wants_news"],
        language=language,
    )


@never_cache
def idporten_callback(request):
    """ID-porten sends the signer back here (the one redirect URI registered
    there, without a language prefix). The signature is stored, or the
    proposal's page comes back with the form filled in and what happened."""
    if not idporten.enabled():
        raise Http404
    try:
        waiting, pid = idporten.finish(request.session, request.GET)
    except idporten.Failed as failure:
        # The code only: nothing of the person, the token or the query.
        logger.info("ID-porten signing not completed: %s", failure.code)
        waiting = idporten.pending(request.session)
        if waiting is None:
            return _private(
                TemplateResponse(request, "proposals/idporten_expired.html", status=400)
            )
        outcome = {"cancelled": "avbrutt", "unavailable": "utilgjengelig"}.get(
            failure.code, "feil"
        )
        return _back_to_proposal(waiting, outcome)
    identity_hash = idporten.identity_hash(pid)
    del pid
    proposal = selectors.published().filter(pk=waiting["proposal"]).first()
    if proposal is None:
        idporten.forget(request.session)
        raise Http404
    with translation.override(waiting["language"]):
        try:
            services.signature_idporten(
                proposal=proposal,
                signed=_signature_input(waiting["form"], waiting["language"]),
                identity_hash=identity_hash,
            )
        except services.AlreadySigned:
            idporten.forget(request.session)
            return redirect("proposals:sent", what="allerede")
        except services.NotAllowed:
            idporten.forget(request.session)
            return redirect(
                reverse("proposals:detail", args=[proposal.pk]) + "?id-porten=stengt"
            )
        idporten.forget(request.session)
        return redirect("proposals:sent", what="id-porten")


def _back_to_proposal(waiting: dict, outcome: str):
    with translation.override(waiting["language"]):
        url = reverse("proposals:detail", args=[waiting["proposal"]])
    return redirect(f"{url}?id-porten={outcome}#signer")


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
    if what not in ("forslag", "underskrift", "id-porten", "allerede"):
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
