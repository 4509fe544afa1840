"""The e-mails of proposals to one person (the initiator, a signer, the
secretariat), rendered in that person's language. The template's first line is
the subject. Links are absolute through following's one place for that."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from following.emails import absolute_url

from .tokens import confirm_days, make_token


def link(name: str, obj, purpose: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(
            reverse(f"proposals:{name}", kwargs={"token": make_token(obj, purpose)})
        )


def page_url(proposal, language: str) -> str:
    with translation.override(language):
        return absolute_url(proposal.get_absolute_url())


def build(template: str, context: dict, *, to: str, language: str) -> EmailMessage:
    with translation.override(language):
        context = {
            **context,
            "municipality": settings.WAGTAIL_SITE_NAME,
            "days": confirm_days(),
        }
        rendered = render_to_string(template, context).strip()
    subject, _sep, body = rendered.partition("\n")
    return EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        to=[to],
        headers={"Auto-Submitted": "auto-generated"},
    )
