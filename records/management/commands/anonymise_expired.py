from django.core.management.base import BaseCommand

from records.tasks import retention_run


class Command(BaseCommand):
    help = (
        "Anonymise what has passed its retention period: finished inputs, hearing "
        "responses after the hearing concluded, page feedback, ended followings "
        "(records.retention). Never what the archive does not have yet. Run daily."
    )

    def handle(self, *args, **options):
        counts = retention_run.call()
        self.stdout.write(", ".join(f"{name}: {n}" for name, n in counts.items()))
