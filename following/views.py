"""The pages behind the links of following e-mails. Opening a link never changes
anything: mail systems' link scanners open links. Confirming and stopping take a
button (a POST); a mail client's one-click unsubscribe (RFC 8058) is that POST."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import channels
from .services import subscription_confirm, subscription_delete
from .tokens import subscription_for_confirm_token, subscription_for_unsubscribe_token


def _context(subscription) -> dict:
    channel = channels.get(subscription.channel)
    return {
        "subscription": subscription,
        "description": channel.describe(subscription),
        "back_url": channel.back_url(subscription),
    }


def token_invalid(request):
    return TemplateResponse(request, "following/token_invalid.html", status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token, *, lookup=subscription_for_confirm_token):
    """GET asks (or says it is done), POST confirms and redirects back here."""
    subscription = lookup(token)
    if subscription is None:
        return token_invalid(request)
    if request.method == "POST":
        subscription_confirm(subscription=subscription)
        return redirect(request.path)
    template = (
        "following/confirmed.html"
        if subscription.is_confirmed
        else "following/confirm.html"
    )
    return TemplateResponse(request, template, _context(subscription))


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without our CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token, *, lookup=subscription_for_unsubscribe_token):
    subscription = lookup(token)
    if subscription is None:
        return token_invalid(request)
    if request.method == "GET":
        return TemplateResponse(
            request, "following/unsubscribe.html", _context(subscription)
        )
    subscription_delete(subscription=subscription)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        # A mail client, not a person: a plain answer, no redirect to follow.
        return TemplateResponse(request, "following/unsubscribed.html")
    return redirect("following:unsubscribed")


def unsubscribed(request):
    return TemplateResponse(request, "following/unsubscribed.html")
