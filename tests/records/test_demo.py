"""The demo archives its seeded inputs through the folder transport, so the
case view shows archive numbers; seeding again changes nothing."""

import io

from records import demo
from records.models import ArchivePost


def test_demo_archives_through_the_folder_transport(
    subs, folder_transport, archive_dirs
):
    demo.seed(io.StringIO())
    posts = list(ArchivePost.objects.select_related("case"))
    assert posts and all(p.state == "archived" and p.archive_reference for p in posts)
    numbers = {p.pk: p.archive_reference for p in posts}
    assert not [
        p for p in (archive_dirs / "drop").iterdir() if not p.name.startswith(".")
    ]
    demo.seed(io.StringIO())
    assert {p.pk: p.archive_reference for p in ArchivePost.objects.all()} == numbers
