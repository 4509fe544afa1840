"""Demo hearings in all four states, with documents, responses and outcomes.

Idempotent: pages are found by slug, documents by title, and responses are only
added to a hearing that has none. Dates are relative to today, so each hearing is
in its intended state whenever the demo is seeded.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from feedback.choices import InputKind
from feedback.models import Submission, Topic
from home.models import Audience, HomePage
from units.models import Unit

from .choices import HearingKind
from .models import Consultee, HearingDocument, HearingIndexPage, HearingPage
from .services import hearing_response_create, publication_decide

TOPICS = [
    ("plan-og-utbygging", "Plan og utbygging", "Planning and development"),
    ("vei-og-trafikk", "Vei og trafikk", "Roads and traffic"),
    ("kultur-og-fritid", "Kultur og fritid", "Culture and leisure"),
]

OTHER_CONSULTEES = [
    "Asker Velforbund",
    "Statsforvalteren i Oslo og Viken",
    "Statens vegvesen",
    "Viken fylkeskommune",
]

HEARINGS = [
    {
        "slug": "kommuneplanens-arealdel",
        "kind": HearingKind.PLAN,
        "title": "Kommuneplanens arealdel 2027–2040",
        "summary": "Forslag til hvor det skal bygges boliger, næring og grønne "
        "områder de neste 15 årene.",
        "body": "<p>Kommuneplanens arealdel viser hva arealene i Asker kan brukes "
        "til. Du kan påvirke hvor nye boliger kommer, hvilke grøntområder "
        "som skal vernes, og hvor det skal være plass til næring.</p>"
        "<p>Planen berører ikke eksisterende byggetillatelser.</p>",
        "opens": -20,
        "deadline": 30,
        "unit": "plan",
        "topics": ["plan-og-utbygging"],
        "audiences": ["innbyggere", "naeringsliv", "lag-og-foreninger"],
        "area": "Hele kommunen",
        "documents": ["Planbeskrivelse", "Plankart"],
        "responses": [
            (
                "Kari Nordmann",
                "",
                True,
                "Jeg ønsker at skogen ved Vettre blir bevart som friområde.",
                "pending",
            )
        ],
    },
    {
        "slug": "trafikksikkerhetsplan",
        "kind": HearingKind.OTHER,
        "title": "Trafikksikkerhetsplan 2027–2030",
        "summary": "Hvilke veier og kryss skal gjøres tryggere først? Si din "
        "mening om prioriteringene.",
        "body": "<p>Planen viser hvilke tiltak kommunen vil gjøre for at barn og "
        "voksne skal ferdes trygt. Du kan foreslå steder du mener er "
        "farlige.</p>",
        "opens": -30,
        "deadline": 5,
        "unit": "vei-og-trafikk",
        "short_reason": "Planen må vedtas før budsjettet for 2027, og perioden er "
        "derfor fem uker.",
        "topics": ["vei-og-trafikk"],
        "audiences": ["innbyggere"],
        "area": "Skoleveier i hele kommunen",
        "documents": ["Høringsutkast"],
        "responses": [
            (
                "Per Hansen",
                "",
                False,
                "Krysset ved Billingstad skole er farlig om morgenen.",
                "pending",
            )
        ],
    },
    {
        "slug": "kulturstrategi",
        "kind": HearingKind.OTHER,
        "title": "Kulturstrategi for Asker",
        "summary": "Hva skal kommunen satse på innen kultur de neste årene?",
        "body": "<p>Strategien skal gi retning for bibliotek, kulturskole, "
        "frivillighet og arrangementer.</p>",
        "opens": 7,
        "deadline": 56,
        "unit": "kultur",
        "topics": ["kultur-og-fritid"],
        "audiences": ["innbyggere", "lag-og-foreninger"],
        "documents": ["Utkast til kulturstrategi"],
        "responses": [],
    },
    {
        "slug": "graveforskrift",
        "kind": HearingKind.REGULATION,
        "title": "Forskrift om gravearbeider i kommunale veier",
        "summary": "Nye regler for hvem som kan grave i kommunale veier, og "
        "hvordan veien skal settes i stand etterpå.",
        "body": "<p>Forskriften gjelder alle som graver i kommunal vei, også "
        "private.</p>",
        "opens": 14,
        "deadline": 60,
        "unit": "vei-og-trafikk",
        "topics": ["vei-og-trafikk"],
        "audiences": ["naeringsliv"],
        "documents": ["Forslag til forskrift"],
        "responses": [],
    },
    {
        "slug": "reguleringsplan-nesbru",
        "kind": HearingKind.PLAN,
        "title": "Reguleringsplan for Nesbru sentrum",
        "summary": "Forslag om nye boliger, torg og gang- og sykkelvei ved Nesbru.",
        "body": "<p>Planen åpner for rundt 400 nye boliger og et nytt torg.</p>",
        "opens": -70,
        "deadline": -10,
        "unit": "plan",
        "topics": ["plan-og-utbygging"],
        "audiences": ["innbyggere"],
        "area": "Nesbru sentrum",
        "documents": ["Planbeskrivelse", "Plankart", "Illustrasjonsplan"],
        "responses": [
            (
                "Ola Berg",
                "",
                True,
                "Jeg støtter planen, men ønsker flere trær på torget.",
                "approved",
            ),
            (
                "Lise Dahl",
                "Nesbru Vel",
                False,
                "Velforeningen mener høydene er for store mot sjøen.",
                "approved",
            ),
            (
                "Anne Lie",
                "",
                False,
                "Jeg bor i nr. 12. Mitt fødselsnummer er "
                "01010012356 hvis dere trenger det.",
                "approved_redacted",
            ),
            ("Navn Navnesen", "", False, "Naboen min er en idiot.", "withheld"),
            ("Kari Holm", "", False, "Husk parkering for sykler.", "pending"),
        ],
    },
    {
        "slug": "parkeringsnorm",
        "kind": HearingKind.OTHER,
        "title": "Parkeringsnorm for Asker",
        "summary": "Hvor mange parkeringsplasser skal nye boliger ha?",
        "body": "<p>Normen gjelder nye bygg og store ombygginger.</p>",
        "opens": -120,
        "deadline": -60,
        "unit": "plan",
        "topics": ["plan-og-utbygging", "vei-og-trafikk"],
        "audiences": ["innbyggere", "naeringsliv"],
        "documents": ["Forslag"],
        "outcome_heard": "<p>Vi fikk 48 svar. De fleste ville ha flere "
        "sykkelplasser, og mange var bekymret for gateparkering."
        "</p>",
        "outcome_decided": "<p>Kommunestyret vedtok normen med flere "
        "sykkelplasser enn i forslaget.</p>",
        "case_url": "https://www.asker.kommune.no/politikk/",
        "responses": [
            (
                "Trond Vik",
                "Asker Syklistforening",
                True,
                "Vi ønsker minst to sykkelplasser per bolig.",
                "approved",
            ),
            ("Eva Ruud", "", True, "Gateparkering må ikke øke.", "approved"),
        ],
    },
    {
        "slug": "planprogram-heggedal",
        "kind": HearingKind.PLAN,
        "title": "Planprogram for Heggedal",
        "summary": "Hva skal utredes før ny plan for Heggedal sentrum?",
        "body": "<p>Planprogrammet beskriver hva som skal utredes.</p>",
        "opens": -200,
        "deadline": -150,
        "unit": "plan",
        "topics": ["plan-og-utbygging"],
        "audiences": ["innbyggere"],
        "area": "Heggedal",
        "documents": ["Planprogram"],
        "outcome_heard": "<p>Mange ba om at støy og skolekapasitet utredes.</p>",
        "outcome_decided": "<p>Planprogrammet ble fastsatt med støy og "
        "skolekapasitet som egne temaer.</p>",
        "responses": [("Jon Moe", "", False, "Utred skolekapasiteten.", "approved")],
    },
]


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with a title and some lines of text."""

    def literal(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = [
        "BT",
        "/F1 18 Tf",
        "72 770 Td",
        f"({literal(title)}) Tj",
        "/F1 11 Tf",
        "0 -28 Td",
    ]
    for line in lines:
        content += [f"({literal(line)}) Tj", "0 -16 Td"]
    content.append("ET")
    stream = "\n".join(content).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _document(title: str, hearing_title: str):
    Document = get_document_model()
    full_title = f"{title} – {hearing_title}"
    document = Document.objects.filter(title=full_title).first()
    if document is None:
        data = pdf_bytes(
            full_title,
            [
                "Høringsdokument fra Asker kommune.",
                "Dette er et eksempel laget for demonstrasjon.",
            ],
        )
        document = Document(title=full_title)
        slug = "".join(c if c.isalnum() else "-" for c in full_title.lower())[:60]
        document.file.save(f"{slug}.pdf", ContentFile(data), save=False)
        document.file_size = len(data)
        document.save()
    return document


def seed(stdout):
    home = HomePage.objects.filter(depth=2).order_by("pk").first()
    if home is None:
        stdout.write("  hearings: no home page, skipped")
        return
    units = {u.slug: u for u in Unit.objects.all()}
    topics = {}
    for slug, name, name_en in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )
    for name in OTHER_CONSULTEES:
        Consultee.objects.get_or_create(name=name)
    councils = list(Consultee.objects.filter(statutory=True))
    others = list(Consultee.objects.filter(name__in=OTHER_CONSULTEES[:2]))
    audiences = {a.slug: a for a in Audience.objects.all()}

    index = HearingIndexPage.objects.child_of(home).first()
    if index is None:
        index = HearingIndexPage(title="Høringer", slug="horinger")
        home.add_child(instance=index)
    index.summary = (
        "Her ser du hva kommunen ber om innspill på. Les "
        "dokumentene og si din mening før fristen."
    )
    index.save_revision().publish()

    today = timezone.localdate()
    admin = _demo_moderator()
    created = 0
    for data in HEARINGS:
        unit = units.get(data["unit"]) or next(iter(units.values()))
        fields = {
            "title": data["title"],
            "summary": data["summary"],
            "body": data["body"],
            "kind": data["kind"],
            "opens_on": today + datetime.timedelta(days=data["opens"]),
            "deadline": today + datetime.timedelta(days=data["deadline"]),
            "short_period_reason": data.get("short_reason", ""),
            "responsible_unit": unit,
            "contact_name": "Saksbehandler i " + unit.name,
            "contact_email": unit.email,
            "contact_phone": unit.phone,
            "area": data.get("area", ""),
            "other_consultees": "Naboer og grunneiere i planområdet"
            if data["kind"] == HearingKind.PLAN
            else "",
            "outcome_heard": data.get("outcome_heard", ""),
            "outcome_decided": data.get("outcome_decided", ""),
            "political_case_url": data.get("case_url", ""),
        }
        page = HearingPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = HearingPage(slug=data["slug"], **fields)
            index.add_child(instance=page)
            created += 1
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.topics.set([topics[s] for s in data["topics"]])
        page.audiences.set([audiences[s] for s in data["audiences"] if s in audiences])
        page.consultees.set(councils + others)
        page.documents.all().delete()
        for order, title in enumerate(data["documents"]):
            page.documents.add(
                HearingDocument(
                    document=_document(title, data["title"]), sort_order=order
                )
            )
        page.save_revision().publish()
        _seed_responses(page, data["responses"], admin)
    _english_aliases(index)
    total = HearingPage.objects.filter(locale__language_code="nb").count()
    responses = Submission.objects.filter(kind=InputKind.HEARING_RESPONSE).count()
    stdout.write(f"  hearings: {total} ({created} new), {responses} responses")


def _english_aliases(index):
    """Show the hearings under /en/ too (as home.demo does for its pages): aliases
    follow their Norwegian originals until someone translates them."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None or index.get_parent().get_translation_or_none(english) is None:
        return
    for page in [index, *index.get_descendants().order_by("path")]:
        if page.get_translation_or_none(english) is None:
            page.specific.copy_for_translation(english, alias=True)


def _demo_moderator():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def _seed_responses(page: HearingPage, responses, moderator):
    if Submission.objects.filter(kind=InputKind.HEARING_RESPONSE, page=page).exists():
        return
    during = page.opens_at + datetime.timedelta(hours=10)
    for number, (name, organisation, consent, text, state) in enumerate(responses):
        submission, _token = hearing_response_create(
            hearing=page,
            data={
                "respondent_type": "organisation" if organisation else "person",
                "name": name,
                "organisation": organisation,
                "text": text,
                "publish_name": consent,
                "email": "",
            },
            now=during + datetime.timedelta(hours=number),
            notify=False,
        )
        publication = submission.publication
        if state == "approved":
            publication_decide(publication=publication, action=state, by=moderator)
        elif state == "approved_redacted":
            publication_decide(
                publication=publication,
                action=state,
                by=moderator,
                text="Jeg bor i nr. 12. [Fødselsnummer fjernet]",
                reason="Fødselsnummer fjernet før publisering.",
            )
        elif state == "withheld":
            publication_decide(
                publication=publication,
                action=state,
                by=moderator,
                reason="Inneholder personangrep.",
            )
