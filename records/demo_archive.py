"""A stand-in for the municipality's archive, for the demo and the tests. Never
for production: it keeps no documents, only the numbers it handed out.

It takes a message as an archive would and checks it as strictly: valid against
the arkivmelding schema, `antallFiler` equal to the files referred to and the
files present, each file's size and SHA-256 as stated. It files the folder and
the post by their external keys, so a message sent twice is answered with the
same numbers and «Eksisterende». Its answer is an `arkivmeldingKvittering`
valid against the kvittering schema.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from lxml import etree

from . import arkivmelding as am

N = {"a": am.NS, "m": am.NS_MDK}


class Refused(Exception):
    """What an archive would answer with a «feilmelding»."""


@dataclass
class FakeArchive:
    state_file: Path | None = None
    cases: dict = field(default_factory=dict)  # folder key -> case data
    posts: dict = field(default_factory=dict)  # post key -> post data
    journal_sequence: int = 0
    case_sequence: int = 0
    received: list = field(default_factory=list)  # message ids, in order

    def __post_init__(self):
        if self.state_file and Path(self.state_file).exists():
            data = json.loads(Path(self.state_file).read_text())
            self.cases, self.posts = data["cases"], data["posts"]
            self.journal_sequence = data["journal_sequence"]
            self.case_sequence = data["case_sequence"]

    def _save(self):
        if self.state_file:
            Path(self.state_file).parent.mkdir(parents=True, exist_ok=True)
            Path(self.state_file).write_text(
                json.dumps(
                    {
                        "cases": self.cases,
                        "posts": self.posts,
                        "journal_sequence": self.journal_sequence,
                        "case_sequence": self.case_sequence,
                    }
                )
            )

    # --- checking what came in ---------------------------------------------------

    def check(self, directory: Path):
        root = am.parse((directory / am.MESSAGE_FILE).read_bytes())
        try:
            am.validate(root, am.opprett_schema())
        except am.InvalidMessage as exc:
            raise Refused(f"invalid arkivmelding: {exc}") from None
        objects = root.findall(".//a:dokumentobjekt", N)
        count = int(root.findtext("a:antallFiler", namespaces=N))
        if count != len(objects):
            raise Refused(f"antallFiler {count}, but {len(objects)} files referred to")
        present = {p.name for p in directory.iterdir() if p.name != am.MESSAGE_FILE}
        for obj in objects:
            name = obj.findtext("a:referanseDokumentfil", namespaces=N)
            if name not in present:
                raise Refused(f"file {name} is missing")
            data = (directory / name).read_bytes()
            if int(obj.findtext("a:filstoerrelse", namespaces=N)) != len(data):
                raise Refused(f"file {name} has another size")
            if (
                obj.findtext("a:sjekksum", namespaces=N)
                != hashlib.sha256(data).hexdigest()
            ):
                raise Refused(f"file {name} has another checksum")
        if len(present) != len(objects):
            raise Refused("the message holds files it does not describe")
        return root

    # --- filing ------------------------------------------------------------------

    def receive(self, directory: Path, message_id: str = "") -> bytes:
        """File the message in `directory` and answer with a receipt."""
        self.received.append(message_id or directory.name)
        try:
            root = self.check(directory)
        except Refused as exc:
            return self._refusal(str(exc))
        year = timezone.localdate().year
        folder_element = root.find("a:mappe", N)
        post_element = root.find("a:registrering", N)
        folder_key = post_element.findtext(
            "a:referanseForelderMappe/m:referanseEksternNoekkel/m:noekkel", namespaces=N
        )
        folder_existed = folder_key in self.cases
        if not folder_existed:
            if folder_element is None:
                return self._refusal(f"no folder with the key {folder_key}")
            self.case_sequence += 1
            self.cases[folder_key] = {
                "system_id": str(uuid.uuid4()),
                "year": year,
                "sequence": self.case_sequence,
                "posts": 0,
            }
        case = self.cases[folder_key]
        post_key = post_element.findtext(
            "a:referanseEksternNoekkel/m:noekkel", namespaces=N
        )
        post_existed = post_key in self.posts
        if not post_existed:
            self.journal_sequence += 1
            case["posts"] += 1
            self.posts[post_key] = {
                "system_id": str(uuid.uuid4()),
                "year": year,
                "sequence": self.journal_sequence,
                "number": case["posts"],
                "type": post_element.findtext("a:journalposttype/m:kode", namespaces=N),
            }
        self._save()
        return self._receipt(
            folder_key,
            case,
            folder_existed,
            post_key,
            self.posts[post_key],
            post_existed,
        )

    def _receipt(self, folder_key, case, folder_existed, post_key, post, post_existed):
        k = am.NS_KVITTERING
        root = etree.Element(
            f"{{{k}}}arkivmeldingKvittering",
            nsmap={None: k, "n5mdk": am.NS_MDK, "xsi": am.NS_XSI},
        )

        def el(parent, tag, text=None, ns=k):
            element = etree.SubElement(parent, f"{{{ns}}}{tag}")
            if text is not None:
                element.text = str(text)
            return element

        def key(parent, value):
            element = el(parent, "referanseEksternNoekkel")
            el(element, "fagsystem", "innbyggerportal", am.NS_MDK)
            el(element, "noekkel", value, am.NS_MDK)

        now = timezone.localtime().isoformat(timespec="seconds")
        folder = el(root, "mappeKvittering")
        folder.set(f"{{{am.NS_XSI}}}type", "saksmappeKvittering")
        el(folder, "systemID", case["system_id"])
        el(folder, "opprettetDato", now)
        key(folder, folder_key)
        el(
            folder,
            "opprettetEllerEksisterende",
            "Eksisterende" if folder_existed else "Opprettet",
        )
        el(folder, "saksaar", case["year"])
        el(folder, "sakssekvensnummer", case["sequence"])
        registration = el(root, "registreringKvittering")
        registration.set(f"{{{am.NS_XSI}}}type", "journalpostKvittering")
        el(registration, "systemID", post["system_id"])
        el(registration, "opprettetDato", now)
        key(registration, post_key)
        el(
            registration,
            "opprettetEllerEksisterende",
            "Eksisterende" if post_existed else "Opprettet",
        )
        el(registration, "journalaar", post["year"])
        el(registration, "journalsekvensnummer", post["sequence"])
        el(registration, "journalpostnummer", post["number"])
        code = el(registration, "journalposttype")
        el(code, "kode", post["type"], am.NS_MDK)
        am.validate(root, am.kvittering_schema())
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def _refusal(self, reason: str) -> bytes:
        k = am.NS_KVITTERING
        feil = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1"
        root = etree.Element(f"{{{k}}}arkivmeldingKvittering", nsmap={None: k})
        for tag in ("mappeFeilet", "registreringFeilet"):
            failed = etree.SubElement(root, f"{{{k}}}{tag}")
            etree.SubElement(failed, f"{{{feil}}}feilId").text = str(uuid.uuid4())
            etree.SubElement(failed, f"{{{feil}}}feilmelding").text = reason
        am.validate(root, am.kvittering_schema())
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    # --- as a folder-import archive ---------------------------------------------

    def ingest(self, drop_dir: Path, receipt_dir: Path) -> int:
        """Take every complete message in `drop_dir`, answer each with a receipt
        in `receipt_dir`, and remove what was taken. Returns how many."""
        drop_dir, receipt_dir = Path(drop_dir), Path(receipt_dir)
        if not drop_dir.is_dir():
            return 0
        receipt_dir.mkdir(parents=True, exist_ok=True)
        count = 0
        for directory in sorted(drop_dir.iterdir()):
            if directory.name.startswith(".") or not directory.is_dir():
                continue
            if not (directory / am.MESSAGE_FILE).exists():
                continue
            receipt = self.receive(directory, directory.name)
            (receipt_dir / f"{directory.name}.xml").write_bytes(receipt)
            shutil.rmtree(directory, ignore_errors=True)
            count += 1
        return count
