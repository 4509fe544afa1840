from django.core.management.base import BaseCommand

from feedback.tasks import overdue_digests_queue, send_overdue_digest
from outbox.delivery import deliver
from outbox.models import EmailStatus


class Command(BaseCommand):
    help = (
        "E-mail each unit lead the overdue inputs of their units. Run daily "
        "(cron or a systemd timer), or pass --enqueue to hand it to the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the task for the worker instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            send_overdue_digest.enqueue()
            self.stdout.write("Overdue digest queued.")
            return
        # Promised to the outbox (one per lead and day), then sent here and
        # now; a second run the same day sends nothing again.
        sent = sum(
            deliver(pk).status == EmailStatus.SENT for pk in overdue_digests_queue()
        )
        self.stdout.write(f"Overdue digests sent: {sent}")
