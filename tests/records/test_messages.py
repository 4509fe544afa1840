"""Every kind of message is valid against the Fiks Arkiv schema, describes its
files exactly, and carries the fields Fiks Arkiv defines for it."""

import datetime
import hashlib

import pytest
from django.utils import timezone
from lxml import etree

from feedback import services as feedback_services
from hearings.models import HearingDocument
from hearings.services import hearing_response_create
from records import arkivmelding as am
from records import services, transports
from records.choices import ArchiveState
from records.messages import write_package
from records.models import ArchivePost, TopicScreening

N = {"a": am.NS, "m": am.NS_MDK}


def package_of(post, tmp_path):
    post = services._load(post.pk)
    package = write_package(post, tmp_path / str(post.message_id))
    root = etree.fromstring(package.xml)
    # Valid against the schema, read back from disk as an archive would.
    am.validate(
        etree.parse(str(package.directory / am.MESSAGE_FILE)), am.opprett_schema()
    )
    return package, root


def text(root, path):
    return root.findtext(path, namespaces=N)


def assert_files_described(package, root):
    objects = root.findall(".//a:dokumentobjekt", N)
    assert int(text(root, "a:antallFiler")) == len(objects) == len(package.files)
    for obj in objects:
        path = package.directory / obj.findtext("a:referanseDokumentfil", namespaces=N)
        data = path.read_bytes()
        assert int(obj.findtext("a:filstoerrelse", namespaces=N)) == len(data)
        assert (
            obj.findtext("a:sjekksum", namespaces=N) == hashlib.sha256(data).hexdigest()
        )
        assert obj.findtext("a:sjekksumAlgoritme", namespaces=N) == "SHA-256"


def test_input_with_attachment(subs, tmp_path):
    submission = subs["a"]
    post = ArchivePost.objects.get(submission=submission, event__isnull=True)
    assert post.state == ArchiveState.WAITING
    package, root = package_of(post, tmp_path)
    assert_files_described(package, root)
    assert text(root, "a:antallFiler") == "2"
    folder = root.find("a:mappe", N)
    assert folder.get(f"{{{am.NS_XSI}}}type") == "saksmappe"
    assert (
        text(folder, "a:referanseEksternNoekkel/m:noekkel")
        == f"innspill/{submission.reference}"
    )
    assert text(folder, "a:administrativEnhet/m:navn") == "Vei og trafikk"
    jp = root.find("a:registrering", N)
    assert jp.get(f"{{{am.NS_XSI}}}type") == "journalpost"
    assert text(jp, "a:journalposttype/m:kode") == "I"
    assert text(jp, "a:referanseForelderMappe/m:referanseEksternNoekkel/m:noekkel") == (
        f"innspill/{submission.reference}"
    )
    assert "Kari Nordmann" in text(jp, "a:tittel")
    assert "Kari" not in text(jp, "a:offentligTittel")
    assert "*****" in text(jp, "a:offentligTittel")
    assert text(jp, "a:mottattDato").startswith(
        timezone.localtime(submission.created_at).date().isoformat()
    )
    assert (
        text(jp, "a:forfallsdato")
        == timezone.localtime(submission.due_at).date().isoformat()
    )
    sender = jp.find("a:korrespondansepart", N)
    assert text(sender, "a:korrespondanseparttype/m:kode") == "EA"
    assert text(sender, "a:korrespondansepartNavn") == "Kari Nordmann"
    assert text(sender, "a:epostadresse") == "kari@example.org"
    assert text(sender, "a:erPersonnavn") == "true"
    internal = jp.findall("a:korrespondansepart", N)[1]
    assert text(internal, "a:korrespondanseparttype/m:kode") == "IM"
    assert text(internal, "a:administrativEnhet/m:identifikator") == "vei-og-trafikk"
    documents = jp.findall("a:dokumentbeskrivelse", N)
    assert [text(d, "a:tilknyttetRegistreringSom/m:kode") for d in documents] == [
        "H",
        "V",
    ]
    main, attachment = (d.find("a:dokumentobjekt", N) for d in documents)
    assert text(main, "a:format/m:kode") == "x-fmt/111"
    assert text(main, "a:variantformat/m:kode") == "A"
    body = (package.directory / text(main, "a:referanseDokumentfil")).read_text("utf-8")
    assert "Hullet i veien er stort." in body and submission.reference in body
    assert text(attachment, "a:mimeType") == "image/png"
    assert text(attachment, "a:filnavn") == "bilde.png"
    assert text(jp, "a:antallVedlegg") == "1"


def test_organisation_is_the_sender_and_the_person_its_contact(topics, tmp_path):
    from tests.records.conftest import make_submission

    submission = make_submission(topics["a"], organisation="Nesbru Vel")
    post = ArchivePost.objects.get(submission=submission)
    _package, root = package_of(post, tmp_path)
    sender = root.find("a:registrering/a:korrespondansepart", N)
    assert text(sender, "a:korrespondansepartNavn") == "Nesbru Vel"
    assert text(sender, "a:kontaktperson") == "Kari Nordmann"
    assert text(sender, "a:erPersonnavn") == "false"
    public = text(root, "a:registrering/a:offentligTittel")
    assert "Nesbru Vel" in public and "Kari" not in public


@pytest.mark.parametrize("interim", [False, True])
def test_reply_and_interim_reply_are_outgoing(subs, people, tmp_path, interim):
    submission = subs["a"]
    if interim:
        event = feedback_services.submission_interim_reply(
            submission=submission,
            by=people["handler_a"],
            reason="Vi må befare stedet.",
            expected_date=timezone.localdate() + datetime.timedelta(days=10),
            notify=False,
        )
    else:
        event = feedback_services.submission_reply(
            submission=submission,
            by=people["handler_a"],
            text="Vi fikser det.",
            notify=False,
        )
    post = ArchivePost.objects.get(event=event)
    assert post.kind == ("interim_reply" if interim else "reply")
    package, root = package_of(post, tmp_path)
    assert_files_described(package, root)
    jp = root.find("a:registrering", N)
    assert text(jp, "a:journalposttype/m:kode") == "U"
    assert text(jp, "a:sendtDato")
    parties = jp.findall("a:korrespondansepart", N)
    assert [text(p, "a:korrespondanseparttype/m:kode") for p in parties] == ["EM", "IA"]
    assert text(parties[1], "a:saksbehandler/m:identifikator") == "handler_a"
    body = (package.directory / "dokument-1.txt").read_text("utf-8")
    assert ("Vi må befare stedet." if interim else "Vi fikser det.") in body


def test_internal_notes_are_not_archived(subs, people):
    feedback_services.submission_add_note(
        submission=subs["a"], by=people["handler_a"], text="Ring entreprenøren."
    )
    assert ArchivePost.objects.filter(submission=subs["a"]).count() == 1


def test_screened_post_by_topic(topics, tmp_path):
    from tests.records.conftest import make_submission

    TopicScreening.objects.create(
        topic=topics["a"],
        screening_code="13",
        screening_authority="Offl. § 13 jf. fvl. § 13 første ledd nr. 1",
    )
    submission = make_submission(topics["a"], subject="Min sønns diagnose")
    post = ArchivePost.objects.get(submission=submission)
    assert post.is_screened and post.case.is_screened
    _package, root = package_of(post, tmp_path)
    for element in (root.find("a:mappe", N), root.find("a:registrering", N)):
        assert text(element, "a:skjerming/a:tilgangsrestriksjon/m:kode") == "13"
        assert text(element, "a:skjerming/a:skjermingshjemmel").startswith("Offl. § 13")
        assert "diagnose" not in text(element, "a:offentligTittel")
    assert "diagnose" in text(root, "a:registrering/a:tittel")
    sender = root.find("a:registrering/a:korrespondansepart", N)
    assert text(sender, "a:erSkjermet") == "true"


def test_page_feedback_and_spam_are_not_archived(site, topics, people, tmp_path):
    from tests.records.conftest import make_submission

    page_feedback = make_submission(
        None, kind="page_feedback", page=site["topic"], helpful=False, email=""
    )
    assert ArchivePost.objects.get(submission=page_feedback).state == "not_required"
    spam = make_submission(topics["a"])
    feedback_services.submission_transition(
        submission=spam, by=people["handler_a"], to_status="spam"
    )
    post = ArchivePost.objects.get(submission=spam)
    with transports.use(
        transports.CallbackTransport(lambda p: pytest.fail("sent"), tmp_path)
    ):
        assert services.post_send(post_id=post.pk) == services.SendResult.SKIPPED
    post.refresh_from_db()
    assert post.state == "not_required"


def test_hearing_with_response_document_and_outcome(
    open_hearing, hearing_unit, tmp_path, clock
):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Planbeskrivelse")
    document.file.save("planbeskrivelse.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    document.save()
    HearingDocument.objects.create(page=open_hearing, document=document)
    open_hearing.save_revision().publish()
    submission, _token = hearing_response_create(
        hearing=open_hearing,
        data={
            "text": "Vi er imot planen.",
            "name": "Per Hansen",
            "email": "per@example.org",
            "respondent_type": "person",
            "publish_name": False,
        },
        notify=False,
    )
    response = ArchivePost.objects.get(submission=submission)
    assert response.case.hearing_id == open_hearing.pk
    _package, root = package_of(response, tmp_path)
    jp = root.find("a:registrering", N)
    assert text(jp, "a:journalposttype/m:kode") == "I"
    assert text(jp, "a:dokumentbeskrivelse/a:dokumenttype/m:kode") == "UTTALELSE"
    assert (
        text(root, "a:mappe/a:referanseEksternNoekkel/m:noekkel")
        == f"hoering/{open_hearing.pk}"
    )
    assert "Per" not in text(jp, "a:offentligTittel")

    doc_post = ArchivePost.objects.get(kind="hearing_document")
    package, root = package_of(doc_post, tmp_path)
    assert_files_described(package, root)
    assert text(root, "a:registrering/a:journalposttype/m:kode") == "U"
    assert text(root, ".//a:dokumentobjekt/a:variantformat/m:kode") == "P"

    # Concluded: the deadline passed and an outcome written.
    clock.set(open_hearing.closes_at + datetime.timedelta(days=3))
    open_hearing.outcome_decided = "<p>Planen ble endret.</p>"
    open_hearing.save_revision().publish()
    outcome = ArchivePost.objects.get(kind="hearing_outcome")
    package, root = package_of(outcome, tmp_path)
    assert text(root, "a:registrering/a:journalposttype/m:kode") == "X"
    assert "Planen ble endret." in (package.directory / "dokument-1.txt").read_text()
    assert ArchivePost.objects.filter(case__hearing=open_hearing).count() == 3


def test_invalid_message_is_never_written(subs, archive, tmp_path):
    post = ArchivePost.objects.get(submission=subs["a"])
    ArchivePost.objects.filter(pk=post.pk).update(title="")  # tittel must not be empty
    with pytest.raises(services.ArchiveError):
        services.post_send(post_id=post.pk)
    post.refresh_from_db()
    assert post.state == ArchiveState.FAILED
    assert "tittel" in post.error and "minLength" in post.error
    assert archive.received == []
