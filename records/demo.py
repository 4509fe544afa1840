"""Demo archive: the seeded inputs, replies and hearings go through the folder
transport to a stand-in archive (records.demo_archive), whose receipts give the
case view real-looking archive numbers. Health questions are screened by
default, as a municipality would set it up. Idempotent: what is archived stays
archived; the stand-in keeps its numbers in var/archive/demo-archive.json.

Runs after feedback.demo and hearings.demo. With no transport configured (the
test settings), the posts are made and left waiting.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from feedback.models import Topic

from . import services
from .demo_archive import FakeArchive
from .models import TopicScreening
from .transports import FolderTransport, get_transport

SCREENED_TOPICS = {
    "helse": ("13", "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"),
}


def seed(stdout):
    for slug, (code, authority) in SCREENED_TOPICS.items():
        topic = Topic.objects.filter(slug=slug).first()
        if topic is not None:
            TopicScreening.objects.update_or_create(
                topic=topic,
                defaults={"screening_code": code, "screening_authority": authority},
            )
    made = services.posts_sync()
    transport = get_transport()
    if not isinstance(transport, FolderTransport):
        stdout.write(f"  archive: {made} posts made, none sent (no folder transport)")
        return
    counts = services.posts_send_waiting(transport=transport)
    state = Path(settings.PORTAL_ARCHIVE["DROP_DIR"]).parent / "demo-archive.json"
    archive = FakeArchive(state_file=state)
    archive.ingest(transport.drop_dir, transport.receipt_dir)
    stored = services.receipts_collect(transport=transport)
    stdout.write(
        f"  archive: {made} posts made, {counts['sent']} sent, {stored} archived "
        "by the demo archive"
    )
