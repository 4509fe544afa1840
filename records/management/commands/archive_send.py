"""Make any missing archive posts, send what waits and store the receipts that
came in. Run it every few minutes (cron or a systemd timer) beside the task
worker: it catches what a stopped worker left and reads a folder archive's
receipts."""

from django.core.management.base import BaseCommand

from records import services
from records.transports import get_transport


class Command(BaseCommand):
    help = "Send waiting posts to the archive and store its receipts."

    def handle(self, *args, **options):
        made = services.posts_sync()
        transport = get_transport()
        if transport is None:
            self.stdout.write(f"{made} posts made; no transport configured.")
            return
        counts = services.posts_send_waiting(transport=transport)
        stored = services.receipts_collect(transport=transport)
        self.stdout.write(
            f"{made} posts made, {counts['sent']} sent, {counts['failed']} failed, "
            f"{stored} receipts stored."
        )
