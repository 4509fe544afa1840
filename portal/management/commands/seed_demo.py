"""Create (or bring up to date) the demo content. Safe to run again and again."""

import importlib
import importlib.util

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo content offers ``demo.seed(stdout)``; order matters
# (pages refer to units, submissions to pages, hearings to both).
DEMO_MODULES = [
    "home.demo",
    "feedback.demo",
    "hearings.demo",
    "proposals.demo",
    "search.demo",
    "records.demo",
    "news.demo",
]


class Command(BaseCommand):
    help = "Create idempotent demo content: units, pages, users and inputs."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            if importlib.util.find_spec(name) is None:
                continue
            module = importlib.import_module(name)
            with transaction.atomic():
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
