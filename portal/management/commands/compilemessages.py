"""`compilemessages` without GNU gettext: the catalogues are compiled with polib.

The compiled `.mo` files are build output (not committed), so `make run`, `make
test` and a deployment compile them; doing it in Python means a fresh machine
needs no `msgfmt`. Fuzzy and obsolete entries are left out, as msgfmt does.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP = {".venv", "node_modules", "var", ".git"}


class Command(BaseCommand):
    help = "Compile every .po catalogue of the project into its .mo file."

    def add_arguments(self, parser):
        # Accepted for compatibility with Django's command; the project's own
        # folders are what is compiled.
        parser.add_argument("--ignore", "-i", action="append", default=[])
        parser.add_argument("--locale", "-l", action="append", default=[])

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR)
        skip = SKIP | {Path(p).parts[0] for p in options["ignore"] if p}
        count = 0
        # Top-level folders first: globbing the whole tree would walk .venv.
        catalogues = sorted(
            po_path
            for folder in root.iterdir()
            if folder.is_dir() and folder.name not in skip
            for po_path in folder.glob("**/locale/*/LC_MESSAGES/*.po")
        )
        for po_path in catalogues:
            relative = po_path.relative_to(root)
            if options["locale"] and relative.parts[-3] not in options["locale"]:
                continue
            mo_path = po_path.with_suffix(".mo")
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Compiled {count} catalogues.")
