from django.core.management.base import BaseCommand

from hearings.notices import queue_due_notices


class Command(BaseCommand):
    help = (
        "Queue e-mails to people following hearings: hearing opened, deadline "
        "in 7 days, outcome published. Run daily; safe to run more often."
    )

    def handle(self, *args, **options):
        counts = queue_due_notices()
        self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in counts.items()))
