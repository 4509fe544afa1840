from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.tasks import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise personal data on finished inputs older than "
        "PORTAL['RETENTION_MONTHS'] (default 12). Run daily."
    )

    def handle(self, *args, **options):
        count = anonymise_expired.call()
        months = settings.PORTAL.get("RETENTION_MONTHS", 12)
        self.stdout.write(f"Anonymised {count} inputs (retention {months} months).")
