"""The demo's news: items in several topics, two press releases and the press
contacts. Written as a municipality writes them, in plain language."""

import datetime

NEWS_INDEX = {
    "slug": "nyheter",
    "title": "Nyheter",
    "summary": (
        "Nytt fra kommunen: tjenester, planer, arrangementer og pressemeldinger."
    ),
}

# image: (colour of the sky, colour of the ground) for a generated illustration.
NEWS = [
    {
        "slug": "nye-barnehageplasser-fra-august",
        "title": "120 nye barnehageplasser fra august",
        "kind": "news",
        "date": datetime.date(2026, 11, 26),
        "topic": "barnehage",
        "unit": "barnehage",
        "audiences": ["innbyggere"],
        "summary": (
            "To nye barnehager åpner i august. Søk innen 1. mars hvis du vil ha "
            "plass fra høsten."
        ),
        "body": (
            "<p>Kommunen åpner to nye barnehager i august, med 120 plasser til "
            "sammen. Barnehagene ligger på Holmen og i Vollen.</p>"
            "<h2>Slik søker du</h2><p>Du søker på vanlig måte. Fristen for å få "
            "plass fra august er 1. mars. Du får svar i april.</p>"
        ),
        "image": ("#9fc7e8", "#6fa86b"),
        "image_alt": "Tegning av en barnehage med lekeplass og trær.",
    },
    {
        "slug": "ny-tommeplan-for-2027",
        "title": "Ny tømmeplan for avfall i 2027",
        "kind": "news",
        "date": datetime.date(2026, 11, 20),
        "topic": "avfall-og-gjenvinning",
        "unit": "renovasjon",
        "audiences": ["innbyggere"],
        "summary": (
            "Fra januar kommer søppelbilen på nye dager i noen områder. Sjekk din "
            "adresse i tømmeplanen."
        ),
        "body": (
            "<p>Vi har laget nye ruter for søppelbilene. Noen områder får nye "
            "tømmedager fra 4. januar.</p><p>Du finner din dag i tømmeplanen. Du "
            "trenger ikke gjøre noe annet.</p>"
        ),
        "image": None,
        "image_alt": "",
    },
    {
        "slug": "vannledning-skiftes-i-heggedal",
        "title": "Vi skifter vannledningen i Heggedal sentrum",
        "kind": "news",
        "date": datetime.date(2026, 11, 12),
        "topic": "vann-og-avlop",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere", "naeringsliv"],
        "summary": (
            "Arbeidet varer til mars. Noen netter blir vannet stengt; du får "
            "varsel på SMS dagen før."
        ),
        "body": (
            "<p>Den gamle vannledningen i Heggedal sentrum skal skiftes. Arbeidet "
            "begynner 16. november og varer til mars.</p><p>Noen netter stenger vi "
            "vannet mellom klokka 23 og 05. Du får varsel på SMS dagen før.</p>"
        ),
        "image": ("#c9d9e8", "#8d8d8d"),
        "image_alt": "Tegning av en gravemaskin ved et rør i gata.",
    },
    {
        "slug": "strooing-og-broyting-i-vinter",
        "title": "Slik brøyter og strør vi i vinter",
        "kind": "news",
        "date": datetime.date(2026, 11, 5),
        "topic": "vei-trafikk-og-parkering",
        "unit": "vei-og-trafikk",
        "audiences": ["innbyggere"],
        "summary": (
            "Bussveier og skoleveier brøytes først. Meld fra hvis en vei er glatt "
            "eller ikke brøytet."
        ),
        "body": (
            "<p>Når det har snødd mer enn fem centimeter, brøyter vi. Bussveier, "
            "skoleveier og bratte bakker kommer først.</p><p>Hvis en vei er glatt "
            "eller ikke brøytet etter et døgn, kan du melde fra til oss.</p>"
        ),
        "image": None,
        "image_alt": "",
    },
    {
        "slug": "apne-dager-i-kulturskolen",
        "title": "Åpne dager i kulturskolen",
        "kind": "news",
        "date": datetime.date(2026, 10, 28),
        "topic": "kultur-idrett-og-fritid",
        "unit": "kultur",
        "audiences": ["innbyggere", "lag-og-foreninger"],
        "summary": (
            "Prøv et instrument, dans eller teater. Det er gratis, og du trenger "
            "ikke melde deg på."
        ),
        "body": (
            "<p>Kulturskolen har åpne dager 7. og 8. november. Barn og unge kan "
            "prøve instrumenter, dans, teater og kunst.</p>"
        ),
        "image": None,
        "image_alt": "",
    },
    {
        "slug": "kommunen-legger-fram-budsjett-for-2027",
        "title": "Kommunedirektøren legger fram budsjett for 2027",
        "kind": "press_release",
        "date": datetime.date(2026, 11, 24),
        "topic": "politikk-og-innsyn",
        "unit": "kommunikasjon",
        "audiences": ["media", "ansatte-og-folkevalgte", "innbyggere"],
        "summary": (
            "Forslaget prioriterer barnehager, eldreomsorg og vedlikehold av "
            "skoler. Kommunestyret vedtar budsjettet 15. desember."
        ),
        "body": (
            "<p>Kommunedirektøren la i dag fram forslag til budsjett og "
            "handlingsprogram for 2027–2030.</p><p>Forslaget prioriterer flere "
            "barnehageplasser, flere hender i eldreomsorgen og vedlikehold av "
            "skolebygg.</p><h2>Veien videre</h2><p>Formannskapet behandler "
            "forslaget 1. desember. Kommunestyret vedtar budsjettet 15. desember. "
            "Møtene er åpne og sendes direkte.</p>"
        ),
        "image": ("#e8dcc9", "#b58863"),
        "image_alt": "Tegning av rådhuset med flagg.",
    },
    {
        "slug": "ny-skole-pa-holmen",
        "title": "Kommunen bygger ny skole på Holmen",
        "kind": "press_release",
        "date": datetime.date(2026, 10, 15),
        "topic": "skole-og-sfo",
        "unit": "kommunikasjon",
        "audiences": ["media", "innbyggere"],
        "summary": "Skolen får plass til 600 elever og åpner høsten 2029.",
        "body": (
            "<p>Kommunestyret vedtok i går å bygge en ny barneskole på Holmen. "
            "Skolen får plass til 600 elever.</p><p>Byggingen begynner i 2027, og "
            "skolen åpner høsten 2029.</p>"
        ),
        "image": None,
        "image_alt": "",
    },
]

PRESS = {
    "on_call_phone": "66 90 00 99",
    "on_call_hours": "Hele døgnet",
    "email": "presse@demo.asker.kommune.no",
    "contacts": [
        ("Kari Nordmann", "Kommunikasjonssjef", "66 90 00 10", ""),
        ("Ola Hansen", "Rådgiver, kommunikasjon", "66 90 00 11", ""),
    ],
}
