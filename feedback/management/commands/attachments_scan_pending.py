"""Queue a virus scan of every attachment still waiting for one (a daily timer:
after a long scanner outage, and for files stored before scanning existed)."""

from django.core.management.base import BaseCommand

from feedback.scanning import scan_pending


class Command(BaseCommand):
    help = "Queue a virus scan of every attachment that is still pending."

    def handle(self, *args, **options):
        count = scan_pending()
        self.stdout.write(f"{count} attachments queued for scanning")
