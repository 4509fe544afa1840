"""How messages reach the archive. One interface, chosen by
settings.PORTAL_ARCHIVE["TRANSPORT"]:

- `folder` (built in): each message is moved, whole, into the drop folder as
  `<message id>/arkivmelding.xml` plus its files — what many archives ingest
  (Elements, WebSak and Public 360 all have a folder import). The archive writes
  its receipt as `<message id>.xml` into the receipt folder; the portal reads
  it, stores the case and journal numbers and removes both.
- `fiks_io`: the Fiks IO / Fiks Arkiv adapter. Fiks IO needs a KS integration
  (account id, integration id and password, a private key, Maskinporten), none
  of which can be reached from a development machine or CI: the adapter packs
  the message as Fiks Arkiv expects and hands it to a client configured by
  PORTAL_ARCHIVE["FIKS_IO_CLIENT"] (a dotted path). Without one it refuses, and
  the post waits as «failed» with that reason. See README, "Archive".
- `none`: nothing is sent; posts wait for `manage.py archive_export`.

A transport's `send()` returns the archive's receipt (bytes) when the archive
answers at once, or None when the receipt comes later through `receipts()`.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

from .arkivmelding import MESSAGE_FILE
from .messages import Package


class ArchiveTransportError(Exception):
    """The archive could not be reached or refused the delivery (try again)."""


class Transport:
    name = ""

    def work_dir(self) -> Path:
        """Where messages are written before they are sent."""
        return Path(settings.PORTAL_ARCHIVE["DROP_DIR"]) / ".tmp"

    def send(self, package: Package) -> bytes | None:
        raise NotImplementedError

    def receipts(self) -> Iterator[tuple[str, bytes]]:
        """(message id, receipt) for receipts that have come in."""
        return iter(())

    def acknowledge(self, message_id: str) -> None:
        """A receipt was stored: forget it (and the delivered message)."""


class FolderTransport(Transport):
    name = "folder"

    def __init__(self, drop_dir: str | Path, receipt_dir: str | Path):
        self.drop_dir = Path(drop_dir)
        self.receipt_dir = Path(receipt_dir)

    def work_dir(self) -> Path:
        # Inside the drop folder, so the final move is a rename on one file
        # system: the archive never sees half a message. Archives skip dot
        # folders.
        return self.drop_dir / ".tmp"

    def send(self, package: Package) -> None:
        target = self.drop_dir / package.message_id
        try:
            self.drop_dir.mkdir(parents=True, exist_ok=True)
            if target.exists():
                # An earlier attempt of the same post that the archive has not
                # taken yet: replace it, never drop a second copy.
                shutil.rmtree(target)
            os.replace(package.directory, target)
        except OSError as exc:
            raise ArchiveTransportError(
                f"the drop folder is not writable ({type(exc).__name__})"
            ) from None
        return None

    def receipts(self) -> Iterator[tuple[str, bytes]]:
        if not self.receipt_dir.is_dir():
            return
        for path in sorted(self.receipt_dir.glob("*.xml")):
            try:
                yield path.stem, path.read_bytes()
            except OSError:
                continue

    def acknowledge(self, message_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.receipt_dir / f"{message_id}.xml").unlink()
        # The archive usually removes what it ingested; if not, the portal does,
        # so no copy of a resident's text outlives its archiving on this disk.
        shutil.rmtree(self.drop_dir / message_id, ignore_errors=True)


class CallbackTransport(Transport):
    """Hands each message to a callable that answers with a receipt at once: the
    test suite's fake archive, or an archive with a synchronous API."""

    name = "callback"

    def __init__(self, receiver: Callable[[Package], bytes], work_dir: Path):
        self.receiver = receiver
        self._work_dir = Path(work_dir)

    def work_dir(self) -> Path:
        return self._work_dir

    def send(self, package: Package) -> bytes:
        try:
            return self.receiver(package)
        finally:
            shutil.rmtree(package.directory, ignore_errors=True)


class FiksIOTransport(Transport):
    """Fiks Arkiv over Fiks IO: cannot be reached from here (see the module
    docstring). Packs the message as one zip (arkivmelding.xml first, then its
    files, named as in referanseDokumentfil), which the Fiks IO client encrypts
    into the ASiC-E container it sends with the message type
    `no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett`. The archive answers
    asynchronously with `...opprett.kvittering`; the client hands receipts back
    through `receipts()`."""

    name = "fiks_io"
    MESSAGE_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"

    def __init__(self, client=None):
        self.client = client

    @staticmethod
    def zip_payload(package: Package) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MESSAGE_FILE, package.xml)
            for path in package.files:
                archive.write(path, path.name)
        return buffer.getvalue()

    def send(self, package: Package) -> None:
        try:
            if self.client is None:
                raise ArchiveTransportError(
                    "Fiks IO is not configured (PORTAL_ARCHIVE FIKS_IO_CLIENT)"
                )
            try:
                self.client.send(
                    message_type=self.MESSAGE_TYPE,
                    message_id=package.message_id,
                    payload=self.zip_payload(package),
                )
            except ArchiveTransportError:
                raise
            except Exception as exc:  # noqa: BLE001 - any client failure: retry later
                raise ArchiveTransportError(
                    f"Fiks IO refused the message ({type(exc).__name__})"
                ) from None
        finally:
            shutil.rmtree(package.directory, ignore_errors=True)
        return None

    def receipts(self) -> Iterator[tuple[str, bytes]]:
        if self.client is None:
            return iter(())
        return iter(self.client.receipts())

    def acknowledge(self, message_id: str) -> None:
        if self.client is not None:
            self.client.acknowledge(message_id)


_override: Transport | None = None


def get_transport() -> Transport | None:
    """The configured transport (None for `none`)."""
    if _override is not None:
        return _override
    config = settings.PORTAL_ARCHIVE
    name = config.get("TRANSPORT", "folder")
    if name == "folder":
        return FolderTransport(config["DROP_DIR"], config["RECEIPT_DIR"])
    if name == "fiks_io":
        client_path = config.get("FIKS_IO_CLIENT", "")
        return FiksIOTransport(import_string(client_path)() if client_path else None)
    return None


@contextlib.contextmanager
def use(transport: Transport | None):
    """Send through `transport` inside the block (tests, the demo)."""
    global _override
    previous, _override = _override, transport
    try:
        yield transport
    finally:
        _override = previous
