"""Write the archive's messages to a folder, one folder per message:
`<n>-<key>/arkivmelding.xml` plus its files, each valid against Fiks Arkiv's
arkivmelding schema (an invalid one is not written: the post shows the reason).

Without --all: the posts not yet archived and not yet delivered (waiting or
failed), which are then marked as sent; a second run writes nothing again.
With --all: every post, archived ones too, as for the first load of a new
archive (the external keys let the archive skip what it has).
"""

import datetime
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from records import arkivmelding as am
from records import services
from records.choices import SENDABLE_STATES, ArchiveState
from records.messages import ArchiveError, write_package
from records.models import ArchivePost

BATCH = 500


class Command(BaseCommand):
    help = "Write Fiks Arkiv messages (arkivmelding.xml and files) to a folder."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Folder to write into.")
        parser.add_argument(
            "--since",
            type=datetime.date.fromisoformat,
            help="Only posts of documents from this day (YYYY-MM-DD) on.",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Every post, also those already sent or archived.",
        )

    def handle(self, *args, out, since=None, all=False, **options):
        out = Path(out)
        try:
            out.mkdir(parents=True, exist_ok=True)
            probe = out / ".probe"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise CommandError(f"Cannot write to {out}: {type(exc).__name__}") from None
        # Posts for what came before the archive was set up.
        services.posts_sync()
        qs = ArchivePost.objects.exclude(state=ArchiveState.NOT_REQUIRED)
        if not all:
            qs = qs.filter(state__in=SENDABLE_STATES)
        if since:
            start = timezone.make_aware(
                datetime.datetime.combine(since, datetime.time())
            )
            qs = qs.filter(document_date__gte=start)
        ids = list(
            qs.order_by("case_id", "document_date", "id").values_list("pk", flat=True)
        )
        written = failed = 0
        work = out / ".tmp"
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            posts = services.load_posts(batch)
            sent = []
            for post in posts:
                target = out / f"{post.pk:08d}-{post.key.replace('/', '_')}"
                try:
                    package = write_package(post, work / str(post.message_id))
                except (am.InvalidMessage, ArchiveError) as exc:
                    failed += 1
                    services.post_fail(post, str(exc))
                    shutil.rmtree(work / str(post.message_id), ignore_errors=True)
                    self.stderr.write(f"{post.key}: not written ({exc})")
                    continue
                if target.exists():
                    shutil.rmtree(target)
                package.directory.rename(target)
                written += 1
                if post.state in SENDABLE_STATES:
                    sent.append(post.pk)
            services.posts_mark_sent(sent)
        shutil.rmtree(work, ignore_errors=True)
        self.stdout.write(f"{written} messages written to {out}, {failed} not valid.")
        if failed:
            raise CommandError(
                f"{failed} messages were not valid and were not written."
            )
