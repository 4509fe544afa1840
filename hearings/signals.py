"""Wagtail's page_published fires for every publish, scheduled ones included, so it
is where a moved deadline is noticed for the iCal feed. Connected in apps.ready();
it only touches this app's own table."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import HearingPage
from .services import hearing_record_deadline


@receiver(page_published, sender=HearingPage)
def record_deadline(sender, instance, **kwargs):
    hearing_record_deadline(hearing=instance)
