"""Real e-mail backends that fail, for the SMTP-failure tests (not mocks of our
code: they stand in for a mail server that is down)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class DownBackend(BaseEmailBackend):
    """A mail server that is always down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FlakyBackend(LocmemBackend):
    """Refuses the first `failures` messages the way a busy server does (a
    temporary 450 naming the recipient), then delivers to mail.outbox."""

    failures = 1

    def send_messages(self, email_messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            refused = {
                to: (450, b"4.2.1 Mailbox busy, try later")
                for message in email_messages
                for to in message.to
            }
            raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(email_messages)
