"""`makemessages` that writes catalogues which merge cleanly.

Without source locations and with entries sorted by msgid, a new string changes
only its own lines of a `.po` file: two branches that each add strings rarely
touch the same hunk, and moving code changes nothing in the catalogue.
"""

import os
import re
from pathlib import Path

from django.core.management.commands import makemessages

# xgettext stamps the time of every run into the header: a line that would
# conflict between any two branches. It is kept, with a fixed value.
POT_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"$', re.MULTILINE)


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]
    xgettext_options = [*makemessages.Command.xgettext_options, "--sort-output"]

    def handle(self, *args, **options):
        options["no_location"] = True
        return super().handle(*args, **options)

    def write_po_file(self, potfile, locale):
        super().write_po_file(potfile, locale)
        pofile = Path(
            os.path.dirname(potfile), locale, "LC_MESSAGES", f"{self.domain}.po"
        )
        text = pofile.read_text(encoding="utf-8")
        pofile.write_text(
            POT_DATE.sub(r'"POT-Creation-Date: 2026-01-01 00:00+0000\\n"', text, 1),
            encoding="utf-8",
        )
