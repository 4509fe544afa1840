"""Fixtures for the archive: the feedback admin's units, people and inputs, the
hearings' pages, a fake archive behind the in-process transport, and the
folders of the folder transport under tmp_path."""

import pytest

from records.demo_archive import FakeArchive
from records.transports import CallbackTransport, FolderTransport, use
from tests.feedback_admin.conftest import (  # noqa: F401 - fixtures
    PNG,
    attachments_tmp,
    make_submission,
    people,
    subs,
    topics,
    units,
)
from tests.hearings.conftest import (  # noqa: F401 - fixtures
    clock,
    hearing_index,
    hearing_unit,
    make_hearing,
    open_hearing,
)


@pytest.fixture
def archive_dirs(settings, tmp_path):
    settings.PORTAL_ARCHIVE = {
        **settings.PORTAL_ARCHIVE,
        "DROP_DIR": str(tmp_path / "drop"),
        "RECEIPT_DIR": str(tmp_path / "receipts"),
    }
    return tmp_path


@pytest.fixture
def fake_archive():
    """The archive the tests talk to: Fiks Arkiv itself cannot be reached from
    here, so a receiver that checks and answers as one would stands in."""
    return FakeArchive()


@pytest.fixture
def archive(fake_archive, archive_dirs):
    """Messages go straight to the fake archive, which answers at once."""
    transport = CallbackTransport(
        lambda package: fake_archive.receive(package.directory, package.message_id),
        archive_dirs / "work",
    )
    with use(transport):
        yield fake_archive


@pytest.fixture
def folder_transport(archive_dirs):
    transport = FolderTransport(archive_dirs / "drop", archive_dirs / "receipts")
    with use(transport):
        yield transport
