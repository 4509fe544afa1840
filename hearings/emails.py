"""E-mails to people who follow hearings. Every one carries a one-click
unsubscribe link in the body and in the List-Unsubscribe headers (RFC 2369,
RFC 8058), rendered in the subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from .tokens import make_confirm_token, make_unsubscribe_token


def absolute_url(path: str) -> str:
    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def unsubscribe_url(subscription) -> str:
    with translation.override(subscription.language):
        path = reverse(
            "hearings:unsubscribe",
            kwargs={"token": make_unsubscribe_token(subscription)},
        )
    return absolute_url(path)


def confirm_url(subscription) -> str:
    with translation.override(subscription.language):
        path = reverse(
            "hearings:confirm", kwargs={"token": make_confirm_token(subscription)}
        )
    return absolute_url(path)


def build_message(subscription, template: str, context: dict) -> EmailMessage:
    """Subject is the template's first line, body the rest."""
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "unsubscribe_url": unsubscribe_url(subscription),
        }
        rendered = render_to_string(template, context).strip()
    subject, _, body = rendered.partition("\n")
    return EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
