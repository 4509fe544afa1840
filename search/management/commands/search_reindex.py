"""Rebuild the search index of the active backend from the live pages and the
other sources' public objects (published citizen proposals).

PostgreSQL: one transaction (searches see the old index until it commits).
Elasticsearch: a new versioned index behind the alias, switched atomically.
"""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import get_backend


class ProgressBar:
    """A plain text progress bar (no extra dependency); one line per 10 % when
    the output is not a terminal."""

    def __init__(self, stream, total: int, width: int = 40):
        self.stream, self.total, self.width = stream, max(total, 1), width
        self.done = 0
        self.last_tenth = -1
        self.tty = getattr(stream, "isatty", lambda: False)()

    def __call__(self, n: int) -> None:
        self.done = min(self.done + n, self.total)
        share = self.done / self.total
        filled = int(self.width * share)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
        if self.tty:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
        elif int(share * 10) != self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stream.write(line)

    def finish(self):
        if self.tty:
            self.stream.write("")


class Command(BaseCommand):
    help = "Rebuild the public search index (PostgreSQL or Elasticsearch)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["postgres", "elasticsearch"],
            help="Default: the configured backend.",
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, backend=None, batch_size=500, **options):
        if backend == "elasticsearch" and not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set.")
        backend = get_backend(backend)
        total, _ = indexing.all_batches(batch_size)
        self.stdout.write(
            f"Indexing up to {total} pages and the proposals into {backend.name} …"
        )
        bar = ProgressBar(self.stdout, total)
        started = time.monotonic()
        count = indexing.rebuild(backend=backend, progress=bar, batch_size=batch_size)
        bar.finish()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} entries in {elapsed:.1f} s ({backend.name})."
            )
        )
        sys.stdout.flush()
