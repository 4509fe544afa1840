"""Demo content for the Asker kommune citizen portal (pure data, no Django).

Everything here is invented for demonstration: names, phone numbers, prices, dates,
deadlines and processing times are plausible examples written in plain Norwegian
(klarspråk), not official information from Asker kommune. home/demo.py loads it.

Slugs are lowercase ASCII (æ → ae, ø → o, å → a). Services refer to topics, units,
audiences, life situations and other services by slug.
"""

# The organisation. Exactly one unit is the triage unit (Servicetorget).
# The municipality's identity (portal.models.Municipality, Settings › Municipality
# in the admin). Another municipality changes these in the admin, not in code. No
# organisation number: the demo does not invent one for a real municipality.
MUNICIPALITY = {
    "name": "Asker kommune",
    "name_en": "Asker municipality",
    "place_name": "Asker",
    "address": "Servicetorget, Katrineåsveien 20, 1383 Asker",
    "phone": "66 90 90 00",
    "email": "post@asker.kommune.no",
    "opening_hours": "Mandag–fredag 08.00–15.30",
}

UNITS = [
    {
        "slug": "servicetorget",
        "name": "Servicetorget",
        "name_en": "Service Centre",
        "email": "servicetorget@asker.kommune.no",
        "phone": "66 90 41 00",
        "is_triage": True,
        "parent_slug": None,
    },
    {
        "slug": "barnehage",
        "name": "Barnehage",
        "name_en": "Kindergartens",
        "email": "barnehage@asker.kommune.no",
        "phone": "66 90 41 20",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "skole",
        "name": "Skole",
        "name_en": "Schools",
        "email": "skole@asker.kommune.no",
        "phone": "66 90 41 30",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "helse-og-omsorg",
        "name": "Helse og omsorg",
        "name_en": "Health and Care",
        "email": "helseogomsorg@asker.kommune.no",
        "phone": "66 90 41 40",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "byggesak",
        "name": "Byggesak",
        "name_en": "Building Applications",
        "email": "byggesak@asker.kommune.no",
        "phone": "66 90 41 50",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "vei-og-trafikk",
        "name": "Vei og trafikk",
        "name_en": "Roads and Traffic",
        "email": "veiogtrafikk@asker.kommune.no",
        "phone": "66 90 41 60",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "vann-og-avlop",
        "name": "Vann og avløp",
        "name_en": "Water and Sewage",
        "email": "vannogavlop@asker.kommune.no",
        "phone": "66 90 41 70",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "renovasjon",
        "name": "Renovasjon",
        "name_en": "Waste Management",
        "email": "renovasjon@asker.kommune.no",
        "phone": "66 90 41 80",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "kultur",
        "name": "Kultur",
        "name_en": "Culture",
        "email": "kultur@asker.kommune.no",
        "phone": "66 90 41 90",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "naering",
        "name": "Næring",
        "name_en": "Business Development",
        "email": "naering@asker.kommune.no",
        "phone": "66 90 42 10",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "plan",
        "name": "Plan",
        "name_en": "Planning",
        "email": "plan@asker.kommune.no",
        "phone": "66 90 42 20",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        "slug": "kommunikasjon",
        "name": "Kommunikasjon",
        "name_en": "Communications",
        "email": "kommunikasjon@asker.kommune.no",
        "phone": "66 90 42 30",
        "is_triage": False,
        "parent_slug": None,
    },
    {
        # Moderates citizen proposals and prepares them for the council
        # (PORTAL["PROPOSAL_UNIT"]).
        "slug": "politisk-sekretariat",
        "name": "Politisk sekretariat",
        "name_en": "Political secretariat",
        "email": "politisk.sekretariat@asker.kommune.no",
        "phone": "66 90 42 50",
        "is_triage": False,
        "parent_slug": None,
    },
]

LIFE_SITUATIONS = [
    {
        "slug": "fa-barn",
        "name": "Få barn",
        "name_en": "Having a baby",
    },
    {
        "slug": "flytte-til-asker",
        "name": "Flytte til Asker",
        "name_en": "Moving to Asker",
    },
    {
        "slug": "skolestart",
        "name": "Begynne på skolen",
        "name_en": "Starting school",
    },
    {
        "slug": "starte-bedrift",
        "name": "Starte bedrift",
        "name_en": "Starting a business",
    },
    {
        "slug": "bygge-og-pusse-opp",
        "name": "Bygge og pusse opp",
        "name_en": "Building and renovating",
    },
    {
        "slug": "bli-eldre",
        "name": "Bli eldre",
        "name_en": "Growing older",
    },
    {
        "slug": "miste-noen",
        "name": "Når noen dør",
        "name_en": "When someone dies",
    },
    {
        "slug": "arrangere-noe",
        "name": "Arrangere noe",
        "name_en": "Organising an event",
    },
    {
        "slug": "trenge-bolig",
        "name": "Trenge et sted å bo",
        "name_en": "Needing a place to live",
    },
]

# Service areas (tjenesteområder); each is a topic page with its services.
TOPICS = [
    {
        "slug": "barnehage",
        "title": "Barnehage",
        "title_en": "Kindergarten",
        "summary": "Søk plass, endre plassen og se hva barnehagen koster.",
    },
    {
        "slug": "skole-og-sfo",
        "title": "Skole og SFO",
        "title_en": "School and after-school care",
        "summary": "Skolestart, SFO, skoleskyss og ferier for elever i grunnskolen.",
    },
    {
        "slug": "helse",
        "title": "Helse og lege",
        "title_en": "Health and doctors",
        "summary": (
            "Legevakt, fastlege, helsestasjon og hjelp når du har det vanskelig."
        ),
    },
    {
        "slug": "omsorg",
        "title": "Omsorg og hjelp i hjemmet",
        "title_en": "Care and help at home",
        "summary": (
            "Hjelp til deg som trenger støtte for å klare deg hjemme, og plass på "
            "sykehjem."
        ),
    },
    {
        "slug": "bygg-og-eiendom",
        "title": "Bygg og eiendom",
        "title_en": "Building and property",
        "summary": "Byggesøknad, nabovarsel, kart og planer for eiendommen din.",
    },
    {
        "slug": "vei-trafikk-og-parkering",
        "title": "Vei, trafikk og parkering",
        "title_en": "Roads, traffic and parking",
        "summary": "Meld feil på veien, se når vi brøyter, og søk om parkering.",
    },
    {
        "slug": "vann-og-avlop",
        "title": "Vann og avløp",
        "title_en": "Water and sewage",
        "summary": "Gebyrer, vannmåler, lekkasjer og tømming av private avløpsanlegg.",
    },
    {
        "slug": "avfall-og-gjenvinning",
        "title": "Avfall og gjenvinning",
        "title_en": "Waste and recycling",
        "summary": (
            "Se når vi henter avfallet ditt, og hvor du leverer det som ikke passer i "
            "dunken."
        ),
    },
    {
        "slug": "kultur-idrett-og-fritid",
        "title": "Kultur, idrett og fritid",
        "title_en": "Culture, sports and leisure",
        "summary": (
            "Bibliotek, kulturskole, lokaler til leie og støtte til fritid og "
            "frivillighet."
        ),
    },
    {
        "slug": "naering-og-arbeid",
        "title": "Næring og arbeid",
        "title_en": "Business and work",
        "summary": (
            "Hjelp til å starte bedrift, og tillatelser for servering og salg av "
            "alkohol."
        ),
    },
    {
        "slug": "bolig",
        "title": "Bolig og bostøtte",
        "title_en": "Housing",
        "summary": (
            "Startlån, bostøtte, kommunal bolig og hjelp til å tilpasse boligen."
        ),
    },
    {
        "slug": "politikk-og-innsyn",
        "title": "Politikk og innsyn",
        "title_en": "Politics and transparency",
        "summary": "Følg politiske møter, be om innsyn i dokumenter og klag på vedtak.",
    },
]

# Services. audiences: innbyggere, lag-og-foreninger, naeringsliv, media.
SERVICES = [
    {
        "topic": "barnehage",
        "slug": "soke-barnehageplass",
        "title": "Søke barnehageplass",
        "summary": (
            "Søk om plass i en kommunal eller privat barnehage i Asker. Fristen for "
            "hovedopptaket er 1. mars."
        ),
        "what_it_is": (
            "<p>Du søker på ett skjema for både kommunale og private barnehager. "
            "Hovedopptaket er om våren, og barna begynner i august.</p>"
            "<p>Det er også opptak resten av året hvis det er ledige plasser.</p>"
        ),
        "who_can_get_it": (
            "<p>Barn som fyller ett år innen utgangen av november, har rett til plass. "
            "Barnet må bo i Asker, eller skal flytte hit.</p>"
            "<p>Barn som fyller ett år senere, kan også søke. De får plass hvis det er "
            "ledig.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Logg inn på Min side med BankID.</li>"
            "<li>Velg opptil fem barnehager. Sett dem i den rekkefølgen du ønsker.</li>"
            "<li>Send søknaden før 1. mars for å være med i hovedopptaket.</li>"
            "</ul>"
            "<p>Du får svar på e-post. Du må svare ja eller nei til plassen innen to "
            "uker.</p>"
        ),
        "price": (
            "Full plass koster maks 1 200 kroner i måneden. Mat kommer i tillegg. "
            "Søsken får rabatt, og du kan søke om lavere pris."
        ),
        "processing_time": "Svar på hovedopptaket kommer i april",
        "unit": "barnehage",
        "audiences": ["innbyggere"],
        "life_situations": ["fa-barn", "flytte-til-asker"],
        "keywords": (
            "barnehage, barnehageplass, barnehageopptak, søke barnehage, bhg, plass i "
            "barnehage, kindergarten, daycare, nursery"
        ),
        "related": ["endre-eller-si-opp-barnehageplass", "redusert-foreldrebetaling"],
    },
    {
        "topic": "barnehage",
        "slug": "endre-eller-si-opp-barnehageplass",
        "title": "Endre eller si opp barnehageplass",
        "summary": (
            "Endre hvor mange dager barnet går i barnehagen, bytt barnehage eller si "
            "opp plassen."
        ),
        "what_it_is": (
            "<p>Du kan endre plassen hvis familien får andre behov. Du kan for "
            "eksempel gå fra full plass til fire dager i uken. Du kan også søke om å "
            "bytte barnehage.</p>"
            "<p>Skal barnet slutte i barnehagen, må du si opp plassen.</p>"
        ),
        "who_can_get_it": (
            "<p>Foreldre og foresatte til barn som har plass i en barnehage i "
            "Asker.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Logg inn på Min side med BankID.</li>"
            "<li>Velg «Endre plass» eller «Si opp plass».</li>"
            "<li>Velg datoen endringen skal gjelde fra.</li>"
            "</ul>"
            "<p>Du har én måned oppsigelse. Sier du opp etter 1. mars, må du betale "
            "til barnehageåret er slutt.</p>"
        ),
        "price": (
            "Det er gratis å endre eller si opp. Du betaler for plassen så lenge "
            "oppsigelsen varer."
        ),
        "processing_time": "Vanligvis 2 uker",
        "unit": "barnehage",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "si opp barnehage, oppsigelse barnehage, bytte barnehage, redusere plass, "
            "deltidsplass, endre barnehageplass, slutte i barnehagen"
        ),
        "related": ["soke-barnehageplass", "redusert-foreldrebetaling"],
    },
    {
        "topic": "barnehage",
        "slug": "redusert-foreldrebetaling",
        "title": "Søke om lavere pris i barnehagen",
        "summary": (
            "Har familien lav inntekt, kan du betale mindre for barnehageplassen. Barn "
            "fra 2 år kan også få 20 timer gratis i uken."
        ),
        "what_it_is": (
            "<p>Ingen familie skal betale mer enn 6 prosent av inntekten sin for en "
            "barnehageplass.</p>"
            "<p>Familier med lav inntekt kan også få 20 gratis timer i uken for barn "
            "mellom 2 og 5 år. Dette kalles gratis kjernetid.</p>"
        ),
        "who_can_get_it": (
            "<p>Familier der alle voksne i huset til sammen tjener under 700 000 "
            "kroner i året. Det gjelder både kommunale og private barnehager i "
            "Asker.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side med BankID.</li>"
            "<li>Legg ved skattemeldingen for alle voksne i huset.</li>"
            "<li>Søk på nytt hvert år før 1. august.</li>"
            "</ul>"
            "<p>Du får lavere pris fra måneden etter at vi har fått søknaden.</p>"
        ),
        "price": "Gratis å søke.",
        "processing_time": "Vanligvis 3 uker",
        "unit": "barnehage",
        "audiences": ["innbyggere"],
        "life_situations": ["fa-barn"],
        "keywords": (
            "redusert foreldrebetaling, moderasjon, lav inntekt, billigere barnehage, "
            "gratis kjernetid, 20 timer gratis, barnehagepris, søskenmoderasjon"
        ),
        "related": ["soke-barnehageplass", "bostotte"],
    },
    {
        "topic": "barnehage",
        "slug": "spesialpedagogisk-hjelp",
        "title": "Spesialpedagogisk hjelp i barnehagen",
        "summary": (
            "Barn som trenger ekstra støtte for å lære og utvikle seg, kan få hjelp "
            "fra en spesialpedagog."
        ),
        "what_it_is": (
            "<p>Noen barn trenger mer hjelp enn barnehagen vanligvis gir. Det kan "
            "gjelde språk, lek, motorikk eller samspill med andre barn.</p>"
            "<p>Hjelpen kan gis i barnehagen, hjemme eller på helsestasjonen. "
            "Spesialpedagogen jobber sammen med barnet og de ansatte.</p>"
        ),
        "who_can_get_it": (
            "<p>Barn som ikke har begynt på skolen. Barnet trenger ikke å gå i "
            "barnehage for å få hjelp.</p>"
        ),
        "how_to_apply": (
            "<p>Snakk først med barnehagen eller helsestasjonen. De hjelper deg å "
            "sende en henvisning til PPT. PPT betyr pedagogisk-psykologisk "
            "tjeneste.</p>"
            "<p>PPT finner ut hva barnet trenger. Deretter gjør kommunen et vedtak.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 8 til 12 uker",
        "unit": "barnehage",
        "audiences": ["innbyggere"],
        "life_situations": ["fa-barn"],
        "keywords": (
            "spesialpedagogisk hjelp, PPT, ekstra hjelp i barnehagen, spesialpedagog, "
            "tilrettelegging, språkvansker, special needs"
        ),
        "related": ["soke-barnehageplass", "helsestasjon"],
    },
    {
        "topic": "skole-og-sfo",
        "slug": "begynne-pa-skolen",
        "title": "Begynne på skolen",
        "summary": (
            "Barn som fyller seks år i løpet av året, begynner på skolen i august. Du "
            "får brev om hvilken skole barnet hører til."
        ),
        "what_it_is": (
            "<p>Alle barn har rett til å gå på skolen nær der de bor. Dette kalles "
            "nærskolen.</p>"
            "<p>I januar får du brev fra kommunen med navnet på nærskolen. Skolen "
            "inviterer til en besøksdag før sommeren.</p>"
        ),
        "who_can_get_it": (
            "<p>Barn som bor i Asker, og som fyller seks år innen 31. desember.</p>"
        ),
        "how_to_apply": (
            "<p>Bekreft skoleplassen på Min side innen 15. februar. Vil du søke om en "
            "annen skole, gjør du det samtidig.</p>"
            "<p>Flytter dere til Asker etter januar? Ta kontakt med Servicetorget.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Svar i mars",
        "unit": "skole",
        "audiences": ["innbyggere"],
        "life_situations": ["skolestart", "flytte-til-asker"],
        "keywords": (
            "skolestart, innskriving, første klasse, 1. klasse, førsteklassing, "
            "nærskole, begynne på skolen, school start"
        ),
        "related": ["soke-sfo-plass", "bytte-skole", "skoleskyss"],
    },
    {
        "topic": "skole-og-sfo",
        "slug": "soke-sfo-plass",
        "title": "Søke SFO-plass",
        "summary": (
            "SFO er et tilbud før og etter skoletid for barn på 1. til 4. trinn. De "
            "første 12 timene i uken er gratis."
        ),
        "what_it_is": (
            "<p>SFO betyr skolefritidsordning. Barna leker, er ute og får et måltid. "
            "SFO er åpen fra klokken 07.30 til 16.30 på skoledager.</p>"
            "<p>SFO er også åpen i mange av skoleferiene.</p>"
        ),
        "who_can_get_it": (
            "<p>Barn på 1. til 4. trinn. Barn med særlige behov kan gå på SFO til og "
            "med 7. trinn.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side med BankID.</li>"
            "<li>Velg full plass eller deltid.</li>"
            "<li>Søk innen 1. april for å få plass fra august.</li>"
            "</ul>"
            "<p>Du kan også søke senere i året. Da får du plass fra måneden etter.</p>"
        ),
        "price": (
            "12 timer i uken er gratis. Full plass koster 1 890 kroner i måneden. Mat "
            "kommer i tillegg."
        ),
        "processing_time": "Vanligvis 3 uker",
        "unit": "skole",
        "audiences": ["innbyggere"],
        "life_situations": ["skolestart"],
        "keywords": (
            "SFO, skolefritidsordning, AKS, aktivitetsskolen, etter skoletid, "
            "leksehjelp, after school, after-school care"
        ),
        "related": ["begynne-pa-skolen", "skolerute"],
    },
    {
        "topic": "skole-og-sfo",
        "slug": "skoleskyss",
        "title": "Skoleskyss",
        "summary": (
            "Elever som bor langt fra skolen eller har en farlig skolevei, kan få "
            "gratis skyss."
        ),
        "what_it_is": (
            "<p>Skoleskyss betyr at eleven får busskort eller drosje til og fra "
            "skolen. Skyssen gjelder på skoledager.</p>"
        ),
        "who_can_get_it": (
            "<ul>"
            "<li>Elever på 1. trinn som bor mer enn 2 kilometer fra skolen.</li>"
            "<li>Elever på 2. til 10. trinn som bor mer enn 4 kilometer fra "
            "skolen.</li>"
            "<li>Elever som har en særlig farlig skolevei.</li>"
            "<li>Elever som trenger skyss fordi de er syke eller skadet.</li>"
            "</ul>"
        ),
        "how_to_apply": (
            "<p>Bor eleven langt fra skolen, søker skolen for deg. Da trenger du ikke "
            "gjøre noe.</p>"
            "<p>Gjelder det farlig skolevei eller sykdom, søker du selv på Min side. "
            "Legg ved en uttalelse fra lege hvis det gjelder sykdom.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 3 uker",
        "unit": "skole",
        "audiences": ["innbyggere"],
        "life_situations": ["skolestart"],
        "keywords": (
            "skoleskyss, skolebuss, busskort, skolekort, farlig skolevei, drosje til "
            "skolen, taxi, school bus"
        ),
        "related": ["begynne-pa-skolen", "bytte-skole"],
    },
    {
        "topic": "skole-og-sfo",
        "slug": "skolerute",
        "title": "Skolerute og ferier",
        "summary": "Se når skoleåret starter, og når elevene har ferie og fridager.",
        "what_it_is": (
            "<p>Skoleruten viser alle skoledager og fridager i skoleåret. Den gjelder "
            "for alle de kommunale skolene i Asker.</p>"
            "<p>Skoleåret 2026–2027 starter mandag 17. august. Siste skoledag før "
            "sommeren er fredag 18. juni.</p>"
        ),
        "who_can_get_it": (
            "<p>Skoleruten gjelder for alle elever i grunnskolen i Asker. Private "
            "skoler kan ha en egen skolerute.</p>"
        ),
        "how_to_apply": (
            "<p>Du finner skoleruten på nettsiden til skolen. Du kan også legge den "
            "inn i kalenderen på mobilen.</p>"
            "<p>Vil du at barnet skal få fri fra skolen, sender du en søknad til "
            "rektor.</p>"
        ),
        "price": "",
        "processing_time": "",
        "unit": "skole",
        "audiences": ["innbyggere"],
        "life_situations": ["skolestart"],
        "keywords": (
            "skolerute, skoleferie, høstferie, vinterferie, juleferie, "
            "planleggingsdager, fridager, skoleår, school holidays"
        ),
        "related": ["soke-sfo-plass", "begynne-pa-skolen"],
    },
    {
        "topic": "skole-og-sfo",
        "slug": "bytte-skole",
        "title": "Bytte skole",
        "summary": (
            "Du kan søke om at barnet ditt får gå på en annen skole enn nærskolen."
        ),
        "what_it_is": (
            "<p>Barnet har rett til plass på nærskolen. Du kan søke om å bytte til en "
            "annen kommunal skole i Asker. Det er rektor på den nye skolen som "
            "bestemmer.</p>"
        ),
        "who_can_get_it": (
            "<p>Elever i grunnskolen som bor i Asker. Flytter dere innenfor kommunen, "
            "kan barnet også søke om å bli på den gamle skolen.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side med BankID.</li>"
            "<li>Skriv hvorfor du ønsker å bytte.</li>"
            "<li>Søk helst innen 1. mars hvis barnet skal bytte fra august.</li>"
            "</ul>"
            "<p>Får barnet plass på en annen skole enn nærskolen, har barnet ikke rett "
            "til gratis skyss.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 3 uker",
        "unit": "skole",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "bytte skole, skolebytte, annen skole, ny skole, flytte skole, change "
            "school"
        ),
        "related": ["begynne-pa-skolen", "skoleskyss"],
    },
    {
        "topic": "helse",
        "slug": "legevakt",
        "title": "Legevakt",
        "summary": (
            "Legevakten hjelper deg når du trenger lege raskt, og fastlegen ikke kan "
            "ta deg imot. Ring 116 117."
        ),
        "what_it_is": (
            "<p>Legevakten er for deg som trenger hjelp med en gang, men ikke er i "
            "livsfare. Den er åpen hele døgnet, alle dager.</p>"
            "<p><strong>Er det fare for livet, ring 113.</strong></p>"
        ),
        "who_can_get_it": "<p>Alle som er i Asker, også turister og besøkende.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Ring legevakten på 116 117 før du kommer.</li>"
            "<li>En sykepleier finner ut hvor raskt du trenger hjelp.</li>"
            "<li>Ta med bankkort og legitimasjon.</li>"
            "</ul>"
        ),
        "price": (
            "Du betaler en egenandel. Den er fra 205 kroner på dagtid. Barn under 16 "
            "år betaler ikke."
        ),
        "processing_time": "",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": [],
        "keywords": (
            "legevakt, akutt, lege i helgen, lege om natten, syk, 116 117, emergency "
            "doctor, out-of-hours"
        ),
        "related": ["fastlege", "psykisk-helse-og-rus"],
    },
    {
        "topic": "helse",
        "slug": "fastlege",
        "title": "Velge eller bytte fastlege",
        "summary": (
            "Alle som bor i Norge, har rett til en fast lege. Du kan bytte fastlege to "
            "ganger i året."
        ),
        "what_it_is": (
            "<p>Fastlegen er den legen du går til først når du er syk. Fastlegen kan "
            "sende deg videre til sykehus eller spesialist.</p>"
        ),
        "who_can_get_it": "<p>Alle som er registrert som bosatt i Norge.</p>",
        "how_to_apply": (
            "<p>Du bytter fastlege på helsenorge.no. Logg inn med BankID. Der ser du "
            "hvilke leger i Asker som har ledig plass.</p>"
            "<p>Har du ikke BankID, kan du ringe Helfo på 800 43 573.</p>"
        ),
        "price": (
            "Gratis å velge eller bytte. Du betaler egenandel når du går til legen."
        ),
        "processing_time": "Du får ny lege fra den første dagen i neste måned",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "fastlege, bytte lege, ny lege, ledig fastlege, legekontor, helsenorge, "
            "GP, family doctor"
        ),
        "related": ["legevakt", "helsestasjon"],
    },
    {
        "topic": "helse",
        "slug": "helsestasjon",
        "title": "Helsestasjon",
        "summary": (
            "Helsestasjonen følger med på helsen og utviklingen til barn fra 0 til 5 "
            "år. Her får barnet også vaksiner."
        ),
        "what_it_is": (
            "<p>På helsestasjonen møter du helsesykepleier og lege. De måler og veier "
            "barnet. De gir også råd om mat, søvn og utvikling.</p>"
            "<p>Her får barnet vaksinene i barnevaksinasjonsprogrammet. Gravide kan gå "
            "til jordmor på helsestasjonen.</p>"
        ),
        "who_can_get_it": (
            "<p>Gravide, barn fra 0 til 5 år og familiene deres. Helsestasjon for "
            "ungdom er for unge mellom 13 og 20 år.</p>"
        ),
        "how_to_apply": (
            "<p>Du trenger ikke søke. Helsestasjonen tar kontakt med deg når barnet er "
            "født. Gravide kan selv bestille time hos jordmor.</p>"
            "<p>Flytter du til Asker med små barn? Ring helsestasjonen, så får du en "
            "time.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["fa-barn", "flytte-til-asker"],
        "keywords": (
            "helsestasjon, helsesykepleier, helsesøster, jordmor, vaksine, "
            "barnevaksine, gravid, ungdom, child health clinic"
        ),
        "related": ["fastlege", "spesialpedagogisk-hjelp"],
    },
    {
        "topic": "helse",
        "slug": "psykisk-helse-og-rus",
        "title": "Hjelp ved psykiske plager og rus",
        "summary": (
            "Har du det vanskelig, eller er du bekymret for rus? Du kan få samtaler og "
            "hjelp uten å gå til legen først."
        ),
        "what_it_is": (
            "<p>Kommunen har et gratis tilbud til deg som sliter med angst, "
            "nedstemthet, søvn eller rus. Du får snakke med en psykolog eller en "
            "sykepleier.</p>"
            "<p>Vi hjelper også pårørende, for eksempel når noen i familien har "
            "dødd.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle over 18 år som bor i Asker. Barn og unge kan få hjelp på "
            "helsestasjon for ungdom eller hos skolehelsetjenesten.</p>"
        ),
        "how_to_apply": (
            "<p>Ring oss eller send en melding på Min side. Du trenger ikke henvisning "
            "fra lege. Vi ringer deg tilbake innen to dager.</p>"
            "<p><strong>Er det akutt, ring legevakten på 116 117. Er det fare for "
            "livet, ring 113.</strong></p>"
        ),
        "price": "Gratis.",
        "processing_time": "Første samtale innen 2 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["miste-noen"],
        "keywords": (
            "psykisk helse, rus, angst, depresjon, sorg, psykolog, noen å snakke med, "
            "rask psykisk helsehjelp, mental health"
        ),
        "related": ["legevakt", "fastlege"],
    },
    {
        "topic": "omsorg",
        "slug": "hjemmesykepleie",
        "title": "Hjemmesykepleie",
        "summary": (
            "Trenger du helsehjelp hjemme, kan du få besøk av en sykepleier. "
            "Hjemmesykepleien hjelper blant annet med medisiner og sår."
        ),
        "what_it_is": (
            "<p>Hjemmesykepleie er helsehjelp i ditt eget hjem. Det kan være hjelp med "
            "medisiner, sårstell eller å holde seg ren. Du kan også få hjelp etter et "
            "opphold på sykehus.</p>"
            "<p>Målet er at du kan bo hjemme så lenge som mulig.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle som bor eller oppholder seg i Asker, og som trenger helsehjelp "
            "hjemme. Vi vurderer hvor mye hjelp du trenger.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side, eller be om et skjema på papir.</li>"
            "<li>Pårørende, fastlegen eller sykehuset kan også kontakte oss for "
            "deg.</li>"
            "<li>Vi kommer ofte hjem til deg før vi bestemmer.</li>"
            "</ul>"
            "<p>Haster det, kan du ringe oss.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 1 til 2 uker. Det går raskere hvis det haster.",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre"],
        "keywords": (
            "hjemmesykepleie, hjemmetjeneste, hjemmetjenesten, sykepleier hjemme, "
            "medisiner, sårstell, home nursing"
        ),
        "related": ["praktisk-bistand", "trygghetsalarm", "sykehjemsplass"],
    },
    {
        "topic": "omsorg",
        "slug": "praktisk-bistand",
        "title": "Praktisk hjelp i hjemmet",
        "summary": (
            "Klarer du ikke vask, handling eller andre oppgaver hjemme? Da kan du søke "
            "om praktisk hjelp."
        ),
        "what_it_is": (
            "<p>Praktisk hjelp kalles ofte hjemmehjelp. Du kan få hjelp til å vaske, "
            "ta klesvask og handle mat.</p>"
            "<p>Du kan også få opplæring, slik at du klarer flere oppgaver selv.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer som ikke klarer vanlige oppgaver hjemme på grunn av sykdom, "
            "alder eller funksjonsnedsettelse.</p>"
        ),
        "how_to_apply": (
            "<p>Søk på Min side, eller ring Servicetorget for å få et skjema på papir. "
            "Vi tar kontakt for en samtale eller et besøk hjemme hos deg.</p>"
        ),
        "price": (
            "Du betaler etter hvor mye du tjener. Prisen er fra 230 kroner i måneden."
        ),
        "processing_time": "Vanligvis 3 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre"],
        "keywords": (
            "hjemmehjelp, praktisk bistand, vask, rengjøring, handlehjelp, hjelp i "
            "huset, home help, cleaning"
        ),
        "related": ["hjemmesykepleie", "trygghetsalarm"],
    },
    {
        "topic": "omsorg",
        "slug": "trygghetsalarm",
        "title": "Trygghetsalarm",
        "summary": (
            "Med en trygghetsalarm kan du tilkalle hjelp hvis du faller eller blir syk "
            "hjemme."
        ),
        "what_it_is": (
            "<p>En trygghetsalarm er en liten knapp du har rundt håndleddet eller "
            "halsen. Når du trykker, får du kontakt med en vaktsentral. De sender "
            "hjelp hvis det trengs.</p>"
            "<p>Du kan også få en sensor som varsler hvis du faller, eller hvis det "
            "brenner.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer som bor hjemme og har stor fare for å falle eller bli akutt "
            "syke.</p>"
        ),
        "how_to_apply": (
            "<p>Søk på Min side. Pårørende kan hjelpe deg med søknaden. Vi kommer hjem "
            "til deg og setter opp alarmen.</p>"
        ),
        "price": "350 kroner i måneden.",
        "processing_time": "Vanligvis 2 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre"],
        "keywords": (
            "trygghetsalarm, alarm, fallalarm, nødknapp, velferdsteknologi, safety "
            "alarm, personal alarm"
        ),
        "related": ["hjemmesykepleie", "praktisk-bistand", "tilpasse-bolig"],
    },
    {
        "topic": "omsorg",
        "slug": "sykehjemsplass",
        "title": "Søke plass på sykehjem",
        "summary": (
            "Sykehjem er for deg som trenger hjelp og tilsyn hele døgnet. Du kan søke "
            "om et kort opphold eller en fast plass."
        ),
        "what_it_is": (
            "<p>På sykehjemmet får du pleie, mat og tilsyn hele døgnet.</p>"
            "<ul>"
            "<li>Et korttidsopphold varer noen uker, for eksempel etter sykehus.</li>"
            "<li>En langtidsplass er en fast plass.</li>"
            "</ul>"
        ),
        "who_can_get_it": (
            "<p>Personer som ikke lenger kan bo trygt hjemme, selv med mye hjelp fra "
            "hjemmetjenesten.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side, eller be om et skjema på papir.</li>"
            "<li>Legg gjerne ved en uttalelse fra fastlegen.</li>"
            "<li>Vi snakker med deg før vi bestemmer. Du kan ha med en pårørende.</li>"
            "</ul>"
        ),
        "price": (
            "Et korttidsopphold koster 205 kroner per døgn. For en fast plass betaler "
            "du en del av inntekten din."
        ),
        "processing_time": "Vanligvis 4 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre"],
        "keywords": (
            "sykehjem, sykehjemsplass, gamlehjem, langtidsplass, korttidsopphold, "
            "avlastning, eldreomsorg, nursing home"
        ),
        "related": ["hjemmesykepleie", "trygghetsalarm"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "byggesoknad",
        "title": "Sende byggesøknad",
        "summary": (
            "Skal du bygge nytt, bygge på eller bruke et rom til noe annet? Da må du "
            "ofte søke. Her ser du hvordan."
        ),
        "what_it_is": (
            "<p>En byggesøknad er en søknad om lov til å bygge. Små tiltak kan du søke "
            "om selv. Større tiltak krever at du bruker et firma med ansvarsrett, for "
            "eksempel en arkitekt.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle som eier en eiendom, eller som har fullmakt fra eieren.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Sjekk først om tiltaket ditt krever søknad.</li>"
            "<li>Send nabovarsel før du søker.</li>"
            "<li>Send søknaden digitalt gjennom en godkjent søknadsløsning.</li>"
            "</ul>"
            "<p>Lurer du på noe? Bestill et møte med oss før du søker, eller ring "
            "byggesaksvakten.</p>"
        ),
        "price": (
            "Prisen avhenger av hva du skal bygge. Et lite tilbygg koster fra 12 500 "
            "kroner."
        ),
        "processing_time": (
            "Inntil 3 uker for enkle saker og inntil 12 uker for andre saker"
        ),
        "unit": "byggesak",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["bygge-og-pusse-opp"],
        "keywords": (
            "byggesøknad, byggetillatelse, søke om å bygge, tilbygg, påbygg, garasje, "
            "bruksendring, hybel, building permit"
        ),
        "related": ["tiltak-uten-soknad", "nabovarsel", "kart-og-eiendomsinformasjon"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "tiltak-uten-soknad",
        "title": "Bygge uten å søke",
        "summary": (
            "Noen små byggeprosjekter kan du gjøre uten å søke. Eksempler er en liten "
            "bod, en lav terrasse eller et gjerde."
        ),
        "what_it_is": (
            "<p>Du kan bygge en del små ting uten å søke, for eksempel:</p>"
            "<ul>"
            "<li>bod eller garasje som står for seg selv og er mindre enn 50 "
            "kvadratmeter</li>"
            "<li>terrasse som er lavere enn 50 centimeter over bakken</li>"
            "<li>gjerde som er inntil 1,5 meter høyt</li>"
            "</ul>"
            "<p>Du må likevel følge reglene i plan- og bygningsloven og planen for "
            "området.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle som eier en eiendom. Du har selv ansvar for at det du bygger, er "
            "lovlig.</p>"
        ),
        "how_to_apply": (
            "<p>Sjekk planen for eiendommen din i kartet. Se også hvor langt det er "
            "til nabogrensen, til veien og til vann- og avløpsrør.</p>"
            "<p>Bygger du en bod eller garasje, må du si fra til oss når den er "
            "ferdig. Da kan vi legge den inn i kartet.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "byggesak",
        "audiences": ["innbyggere"],
        "life_situations": ["bygge-og-pusse-opp"],
        "keywords": (
            "søknadsfritt, bygge uten søknad, bod, terrasse, platting, gjerde, levegg, "
            "garasje uten søknad, shed"
        ),
        "related": ["byggesoknad", "kart-og-eiendomsinformasjon"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "nabovarsel",
        "title": "Sende nabovarsel",
        "summary": (
            "Før du søker om å bygge, må du som regel varsle naboene. De har to uker "
            "på seg til å si hva de mener."
        ),
        "what_it_is": (
            "<p>Et nabovarsel er en melding til naboene om hva du skal bygge. Da kan "
            "de si fra hvis de er uenige.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle som skal sende en byggesøknad. Du må varsle eierne av eiendommer "
            "som grenser til din. Du må også varsle dem som bor rett over veien.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Bestill en naboliste i kartet på nettsiden vår.</li>"
            "<li>Send varselet digitalt eller med rekommandert brev.</li>"
            "<li>Vent minst to uker før du sender søknaden.</li>"
            "</ul>"
            "<p>Legg ved det naboene har skrevet, og svaret ditt, når du søker.</p>"
        ),
        "price": "Nabolisten er gratis.",
        "processing_time": "Naboene har 2 uker til å svare",
        "unit": "byggesak",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["bygge-og-pusse-opp"],
        "keywords": (
            "nabovarsel, varsle naboer, naboliste, naboklage, merknad, nabo, neighbour "
            "notice"
        ),
        "related": ["byggesoknad", "kart-og-eiendomsinformasjon"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "kart-og-eiendomsinformasjon",
        "title": "Kart og eiendomsinformasjon",
        "summary": (
            "Se kart over eiendommen din. Finn grenser, bygninger og planer som "
            "gjelder for tomten."
        ),
        "what_it_is": (
            "<p>I kartet ser du grensene til eiendommen, bygningene og hvilke planer "
            "som gjelder. Du kan også bestille en meglerpakke med all informasjon om "
            "en eiendom.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle kan bruke kartet. Eiendomsmeglere og kjøpere bestiller ofte "
            "meglerpakke.</p>"
        ),
        "how_to_apply": (
            "<p>Åpne kartet og søk på adresse eller gårds- og bruksnummer. "
            "Meglerpakken bestiller du på nett.</p>"
            "<p>Tror du at en grense er feil? Da kan du bestille oppmåling.</p>"
        ),
        "price": (
            "Kartet er gratis. Meglerpakken koster 2 900 kroner. Oppmåling har egne "
            "priser."
        ),
        "processing_time": "Meglerpakke: vanligvis 5 virkedager",
        "unit": "plan",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["bygge-og-pusse-opp", "flytte-til-asker"],
        "keywords": (
            "kart, eiendomskart, gnr bnr, gårdsnummer, eiendomsgrense, tomtegrense, "
            "meglerpakke, oppmåling, matrikkel, map"
        ),
        "related": ["innsyn-i-arealplaner", "byggesoknad"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "eiendomsskatt",
        "title": "Eiendomsskatt",
        "summary": (
            "Eier du bolig, hytte eller næringseiendom i Asker, betaler du "
            "eiendomsskatt. Skatten kommer på samme faktura som de kommunale gebyrene."
        ),
        "what_it_is": (
            "<p>Eiendomsskatt er en skatt på hus, hytter og tomter. Skatten regnes ut "
            "fra hva eiendommen er verdt. For boliger bruker vi verdien fra "
            "Skatteetaten.</p>"
            "<p>Skatten for 2026 er 2 promille. De første 2 millionene av verdien for "
            "hver bolig er fritatt.</p>"
        ),
        "who_can_get_it": "<p>Alle som eier fast eiendom i Asker 1. januar.</p>",
        "how_to_apply": (
            "<p>Du trenger ikke søke. Skatten kommer på faktura fire ganger i året.</p>"
            "<p>Mener du at skatten er feil, kan du klage. Fristen er seks uker etter "
            "at vi har lagt ut skattelisten.</p>"
        ),
        "price": "2 promille av verdien, etter fradrag.",
        "processing_time": "Klager behandles vanligvis innen 3 måneder",
        "unit": "servicetorget",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "eiendomsskatt, skatt på bolig, skatt på hytte, eiendomsskattetakst, "
            "bunnfradrag, klage på eiendomsskatt, property tax"
        ),
        "related": ["vann-og-avlopsgebyr", "klage-pa-vedtak"],
    },
    {
        "topic": "bygg-og-eiendom",
        "slug": "innsyn-i-arealplaner",
        "title": "Se planer for området ditt",
        "summary": (
            "Se hvilke planer som gjelder der du bor, og hvilke planer som er på "
            "høring nå. Du kan si din mening."
        ),
        "what_it_is": (
            "<p>Arealplaner bestemmer hva et område kan brukes til. Kommuneplanen "
            "gjelder hele Asker. Reguleringsplaner gjelder mindre områder og har flere "
            "detaljer.</p>"
            "<p>Når vi lager en ny plan, kan alle si sin mening før politikerne "
            "bestemmer.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle kan se planene og gi innspill. Du trenger ikke bo i Asker.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk opp adressen i planregisteret.</li>"
            "<li>Se planer som er på høring under «Si din mening».</li>"
            "<li>Send innspillet ditt før fristen.</li>"
            "</ul>"
        ),
        "price": "Gratis.",
        "processing_time": "Høringsfristen er vanligvis 6 uker",
        "unit": "plan",
        "audiences": ["innbyggere", "lag-og-foreninger", "naeringsliv", "media"],
        "life_situations": ["bygge-og-pusse-opp"],
        "keywords": (
            "arealplan, reguleringsplan, kommuneplan, planregister, høring, innspill, "
            "medvirkning, utbygging, zoning plan"
        ),
        "related": [
            "kart-og-eiendomsinformasjon",
            "byggesoknad",
            "folge-politiske-moter",
        ],
    },
    {
        "topic": "vei-trafikk-og-parkering",
        "slug": "melde-feil-pa-vei-og-gatelys",
        "title": "Melde feil på vei og gatelys",
        "summary": (
            "Har du sett et hull i veien, et gatelys som ikke virker eller et skilt "
            "som er borte? Si fra til oss."
        ),
        "what_it_is": (
            "<p>Kommunen har ansvar for de kommunale veiene i Asker. Det gjelder også "
            "gatelys, skilt, fortau og sykkelveier langs disse veiene.</p>"
            "<p>Noen veier eies av fylket eller staten. Gjelder meldingen en slik vei, "
            "sender vi den videre.</p>"
        ),
        "who_can_get_it": "<p>Alle kan si fra.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Meld fra i kartet på nettsiden. Marker stedet og legg gjerne ved et "
            "bilde.</li>"
            "<li>Skriv e-postadressen din hvis du vil ha svar.</li>"
            "</ul>"
            "<p><strong>Er det fare for liv eller helse, ring vakttelefonen "
            "vår.</strong></p>"
        ),
        "price": "Gratis.",
        "processing_time": (
            "Farlige feil retter vi så raskt vi kan. Andre feil retter vi vanligvis "
            "innen 4 uker."
        ),
        "unit": "vei-og-trafikk",
        "audiences": ["innbyggere"],
        "life_situations": [],
        "keywords": (
            "hull i veien, gatelys, veilys, lys, skilt, fortau, kumlokk, melde feil, "
            "pothole, streetlight"
        ),
        "related": ["broyting-og-stroing", "gravetillatelse"],
    },
    {
        "topic": "vei-trafikk-og-parkering",
        "slug": "broyting-og-stroing",
        "title": "Brøyting og strøing",
        "summary": "Se når og hvordan kommunen brøyter og strør veiene om vinteren.",
        "what_it_is": (
            "<p>Vi brøyter når det har kommet 5 til 10 centimeter snø. Hovedveier, "
            "bussveier og skoleveier brøyter vi først. Deretter tar vi boligveiene.</p>"
            "<p>Når det er glatt, strør vi med sand eller salt.</p>"
        ),
        "who_can_get_it": (
            "<p>Dette gjelder kommunale veier, fortau og gang- og sykkelveier. Private "
            "veier må eierne brøyte selv.</p>"
        ),
        "how_to_apply": (
            "<p>Du trenger ikke bestille. Sett bilen på egen tomt når det snør. Da "
            "kommer brøytebilen frem.</p>"
            "<p>Er veien ikke brøytet etter et døgn, kan du melde fra i kartet.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "vei-og-trafikk",
        "audiences": ["innbyggere"],
        "life_situations": [],
        "keywords": (
            "brøyting, måking, snø, snøbrøyting, strøing, sand, salt, glatt vei, "
            "vinter, snow clearing"
        ),
        "related": ["melde-feil-pa-vei-og-gatelys"],
    },
    {
        "topic": "vei-trafikk-og-parkering",
        "slug": "gravetillatelse",
        "title": "Søke gravetillatelse",
        "summary": (
            "Skal du grave i eller ved en kommunal vei, må du ha gravetillatelse."
        ),
        "what_it_is": (
            "<p>Du trenger gravetillatelse når du skal legge kabler, rør eller annet i "
            "veien, fortauet eller veikanten.</p>"
            "<p>Når du er ferdig, skal veien være like god som før.</p>"
        ),
        "who_can_get_it": (
            "<p>Firmaer og andre som skal grave. Privatpersoner bruker vanligvis en "
            "entreprenør.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk digitalt minst tre uker før du starter.</li>"
            "<li>Legg ved kart og en plan for skilting og sikring.</li>"
            "<li>Si fra til oss når arbeidet er ferdig.</li>"
            "</ul>"
        ),
        "price": "Søknaden koster 4 200 kroner. I tillegg betaler du for kontroll.",
        "processing_time": "Vanligvis 3 uker",
        "unit": "vei-og-trafikk",
        "audiences": ["naeringsliv", "innbyggere"],
        "life_situations": ["bygge-og-pusse-opp"],
        "keywords": (
            "gravetillatelse, graving, grave i veien, arbeidsvarsling, kabel, fiber, "
            "rør, excavation permit"
        ),
        "related": ["melde-feil-pa-vei-og-gatelys", "byggesoknad"],
    },
    {
        "topic": "vei-trafikk-og-parkering",
        "slug": "parkeringstillatelse-for-forflytningshemmede",
        "title": "Parkeringskort for forflytningshemmede",
        "summary": (
            "Har du store problemer med å gå, kan du få et parkeringskort. Da kan du "
            "parkere på HC-plasser."
        ),
        "what_it_is": (
            "<p>Med parkeringskortet kan du parkere på plasser for personer som har "
            "vansker med å gå. Du kan også parkere gratis på kommunale plasser der "
            "andre må betale.</p>"
            "<p>Kortet gjelder for deg, ikke for en bestemt bil.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer som har svært vanskelig for å gå korte strekninger. Du kan "
            "søke både som sjåfør og som passasjer.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på Min side.</li>"
            "<li>Legg ved en uttalelse fra legen og et passbilde.</li>"
            "</ul>"
            "<p>Kortet gjelder vanligvis i inntil fem år.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 4 uker",
        "unit": "vei-og-trafikk",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre"],
        "keywords": (
            "HC-kort, handikapkort, parkeringskort, HC-parkering, forflytningshemmet, "
            "rullestol, disabled parking"
        ),
        "related": ["beboerparkering", "tilpasse-bolig"],
    },
    {
        "topic": "vei-trafikk-og-parkering",
        "slug": "beboerparkering",
        "title": "Søke beboerparkering",
        "summary": (
            "Bor du i et område med beboerparkering, kan du søke om å parkere i gaten "
            "der."
        ),
        "what_it_is": (
            "<p>I noen gater i sentrum kan bare de som bor der, parkere lenge. Med et "
            "beboerkort kan du parkere i sonen der du bor.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer som er registrert bosatt i sonen, og som eier eller leaser "
            "bilen.</p>"
        ),
        "how_to_apply": (
            "<p>Søk på Min side. Du får et digitalt kort som er knyttet til "
            "bilnummeret. Du trenger ikke noe kort i frontruten.</p>"
        ),
        "price": "3 600 kroner i året.",
        "processing_time": "Vanligvis 1 uke",
        "unit": "vei-og-trafikk",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "beboerparkering, beboerkort, parkering, parkere, sone, "
            "parkeringstillatelse, residents parking"
        ),
        "related": ["parkeringstillatelse-for-forflytningshemmede"],
    },
    {
        "topic": "vann-og-avlop",
        "slug": "vann-og-avlopsgebyr",
        "title": "Gebyr for vann og avløp",
        "summary": (
            "Alle som er koblet til kommunalt vann og avløp, betaler et gebyr hvert "
            "år. Det kommer på fakturaen for kommunale gebyrer."
        ),
        "what_it_is": (
            "<p>Gebyret har to deler:</p>"
            "<ul>"
            "<li>en fast del</li>"
            "<li>en del for hvor mye vann du bruker</li>"
            "</ul>"
            "<p>Har du ikke vannmåler, regner vi ut forbruket etter hvor stor boligen "
            "er.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle eiendommer som er koblet til kommunalt vann eller avløp.</p>"
        ),
        "how_to_apply": (
            "<p>Du trenger ikke søke. Fakturaen kommer fire ganger i året. Du kan få "
            "den som eFaktura eller avtalegiro.</p>"
            "<p>Tror du at gebyret er feil? Ta kontakt med oss.</p>"
        ),
        "price": (
            "Vann koster 23,40 kroner per kubikkmeter. Avløp koster 35,10 kroner per "
            "kubikkmeter. Den faste delen kommer i tillegg."
        ),
        "processing_time": "",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "vannavgift, kommunale avgifter, kommunale gebyrer, vann og kloakk, "
            "faktura, regning, water bill"
        ),
        "related": ["vannmaler", "eiendomsskatt"],
    },
    {
        "topic": "vann-og-avlop",
        "slug": "vannmaler",
        "title": "Vannmåler",
        "summary": (
            "Med vannmåler betaler du for det vannet du faktisk bruker. Husk å lese av "
            "måleren hvert år."
        ),
        "what_it_is": (
            "<p>En vannmåler viser hvor mye vann du bruker. Alle nye boliger og "
            "næringsbygg skal ha vannmåler.</p>"
            "<p>Bor du alene eller bruker lite vann, kan det lønne seg å ha måler.</p>"
        ),
        "who_can_get_it": "<p>Alle som eier en bolig med kommunalt vann.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Søk om vannmåler på Min side.</li>"
            "<li>En rørlegger setter opp måleren.</li>"
            "<li>Les av måleren og send oss tallet innen 15. januar hvert år.</li>"
            "</ul>"
        ),
        "price": (
            "Det koster 310 kroner i året å leie vannmåler. Rørleggeren betaler du "
            "selv."
        ),
        "processing_time": "Vanligvis 2 uker",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": [],
        "keywords": (
            "vannmåler, måleravlesning, lese av vannmåler, måler, vannforbruk, water "
            "meter"
        ),
        "related": ["vann-og-avlopsgebyr", "melde-vannlekkasje"],
    },
    {
        "topic": "vann-og-avlop",
        "slug": "melde-vannlekkasje",
        "title": "Melde vannlekkasje",
        "summary": (
            "Ser du vann som renner i veien, eller kommer det lite vann fra springen? "
            "Meld fra med en gang."
        ),
        "what_it_is": (
            "<p>En lekkasje på de kommunale vannrørene kan gi store skader. Vi har "
            "vakt hele døgnet.</p>"
            "<p>Er lekkasjen inne i huset ditt, må du ringe en rørlegger.</p>"
        ),
        "who_can_get_it": "<p>Alle kan si fra.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Ring vakttelefonen for vann og avløp. Den er åpen hele døgnet.</li>"
            "<li>Fortell hvor lekkasjen er, og hvor mye vann det er.</li>"
            "</ul>"
            "<p>Små feil kan du melde i kartet på nettsiden.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Ved store lekkasjer kommer vi samme dag",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere"],
        "life_situations": [],
        "keywords": (
            "vannlekkasje, rørbrudd, lekkasje, vann i veien, lavt vanntrykk, lite "
            "vann, water leak"
        ),
        "related": ["vannavbrudd", "vannmaler"],
    },
    {
        "topic": "vann-og-avlop",
        "slug": "vannavbrudd",
        "title": "Vannavbrudd og kokevarsel",
        "summary": (
            "Se om vannet er stengt der du bor, og hva du gjør hvis du må koke vannet."
        ),
        "what_it_is": (
            "<p>Noen ganger må vi stenge vannet for å reparere rør. Da sender vi SMS "
            "til alle som blir berørt.</p>"
            "<p>Kan vannet være urent, sender vi et kokevarsel. Da må du koke vannet "
            "før du drikker det.</p>"
        ),
        "who_can_get_it": "<p>Alle som har kommunalt vann.</p>",
        "how_to_apply": (
            "<p>Du trenger ikke melde deg på. Vi sender SMS til mobilnummeret ditt i "
            "Kontakt- og reservasjonsregisteret. Sjekk at nummeret er riktig.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": [],
        "keywords": (
            "vannavbrudd, stengt vann, kokevarsel, koke vann, SMS-varsel, ikke vann i "
            "springen, water outage"
        ),
        "related": ["melde-vannlekkasje"],
    },
    {
        "topic": "vann-og-avlop",
        "slug": "tomming-av-slamavskiller",
        "title": "Tømming av slamavskiller",
        "summary": (
            "Har du et privat avløpsanlegg, tømmer kommunen tanken din med jevne "
            "mellomrom."
        ),
        "what_it_is": (
            "<p>En slamavskiller er en tank som samler slam fra do og vask. Hus som "
            "ikke er koblet til kommunalt avløp, har ofte slamavskiller eller tett "
            "tank.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle eiendommer med privat avløp. Boliger tømmes hvert andre år. "
            "Hytter tømmes hvert fjerde år.</p>"
        ),
        "how_to_apply": (
            "<p>Tømmingen skjer av seg selv. Du får SMS noen dager før. Sørg for at "
            "lokket er lett å finne, og at det ikke er dekket av snø eller jord.</p>"
            "<p>Trenger du en ekstra tømming, kan du bestille den på Min side.</p>"
        ),
        "price": "2 450 kroner i året. En ekstra tømming koster 3 100 kroner.",
        "processing_time": "Ekstra tømming innen 1 uke",
        "unit": "vann-og-avlop",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": [],
        "keywords": (
            "slamavskiller, septiktank, tett tank, slamtømming, privat avløp, hytte, "
            "septic tank"
        ),
        "related": ["vann-og-avlopsgebyr"],
    },
    {
        "topic": "avfall-og-gjenvinning",
        "slug": "tommeplan-for-avfall",
        "title": "Tømmeplan for avfall",
        "summary": (
            "Se hvilke dager vi henter restavfall, matavfall, papir og plast hos deg."
        ),
        "what_it_is": (
            "<p>Vi henter avfallet hjemme hos deg etter en fast plan.</p>"
            "<ul>"
            "<li>Restavfall og matavfall henter vi hver andre uke.</li>"
            "<li>Papir og plast henter vi hver fjerde uke.</li>"
            "<li>Glass og metall leverer du selv i et returpunkt.</li>"
            "</ul>"
        ),
        "who_can_get_it": "<p>Alle husstander i Asker.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Søk opp adressen din for å se tømmedagene.</li>"
            "<li>Sett dunken ved veien før klokken 06.00 på tømmedagen.</li>"
            "<li>Last ned appen for å få et varsel dagen før.</li>"
            "</ul>"
            "<p>Ble ikke dunken tømt? Meld fra innen to dager.</p>"
        ),
        "price": "Gebyret for en vanlig bolig er 4 380 kroner i året.",
        "processing_time": "",
        "unit": "renovasjon",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "tømmeplan, søppeltømming, søppel, henting av avfall, dunk, restavfall, "
            "matavfall, plast, papp, tømmekalender, garbage collection"
        ),
        "related": ["bestille-ekstra-henting", "gjenvinningsstasjon"],
    },
    {
        "topic": "avfall-og-gjenvinning",
        "slug": "gjenvinningsstasjon",
        "title": "Gjenvinningsstasjoner",
        "summary": (
            "Lever store ting, elektriske ting, hageavfall og farlig avfall på en "
            "gjenvinningsstasjon."
        ),
        "what_it_is": (
            "<p>Asker har tre gjenvinningsstasjoner. Her kan du levere det som ikke "
            "passer i dunken, for eksempel møbler, trevirke, metall og ting med "
            "ledning eller batteri.</p>"
            "<p>Skal du rydde et hjem etter et dødsfall, kan du få hjelp til å "
            "planlegge hva som skal hvor.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle husstander i Asker. Bedrifter kan levere mot betaling.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Sorter avfallet før du kommer.</li>"
            "<li>Bruk klare sekker, ikke svarte.</li>"
            "<li>Sjekk åpningstidene før du drar.</li>"
            "</ul>"
        ),
        "price": (
            "Husstander kan levere gratis 24 ganger i året. Bedrifter betaler etter "
            "vekt."
        ),
        "processing_time": "",
        "unit": "renovasjon",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": ["flytte-til-asker", "miste-noen"],
        "keywords": (
            "gjenvinningsstasjon, fyllinga, tippen, søppelfylling, grovavfall, møbler, "
            "EE-avfall, elektronikk, recycling centre"
        ),
        "related": ["farlig-avfall", "hageavfall", "bestille-ekstra-henting"],
    },
    {
        "topic": "avfall-og-gjenvinning",
        "slug": "hageavfall",
        "title": "Hageavfall",
        "summary": (
            "Lever hageavfall gratis på gjenvinningsstasjonen, eller bestill en egen "
            "dunk for hageavfall."
        ),
        "what_it_is": (
            "<p>Hageavfall er gress, løv, kvister og greiner. Du kan lage kompost "
            "selv, levere det gratis eller bestille en egen dunk.</p>"
            "<p>Det er ikke lov å kaste hageavfall i skogen eller langs veien. Det kan "
            "spre planter som ikke hører hjemme i norsk natur.</p>"
        ),
        "who_can_get_it": "<p>Alle husstander i Asker.</p>",
        "how_to_apply": (
            "<p>Bestill dunk for hageavfall på Min side. Vi tømmer dunken hver andre "
            "uke fra april til november.</p>"
        ),
        "price": "Gratis å levere. Dunk for hageavfall koster 990 kroner i året.",
        "processing_time": "Du får dunken innen 2 uker",
        "unit": "renovasjon",
        "audiences": ["innbyggere"],
        "life_situations": [],
        "keywords": (
            "hageavfall, løv, gress, kvister, greiner, kompost, hagedunk, garden waste"
        ),
        "related": ["gjenvinningsstasjon", "tommeplan-for-avfall"],
    },
    {
        "topic": "avfall-og-gjenvinning",
        "slug": "farlig-avfall",
        "title": "Farlig avfall",
        "summary": (
            "Maling, batterier, lysrør og kjemikalier er farlig avfall. Du kan levere "
            "det gratis på gjenvinningsstasjonen."
        ),
        "what_it_is": (
            "<p>Farlig avfall kan skade mennesker, dyr og natur. Det skal aldri i "
            "restavfallet eller i vasken. Eksempler er:</p>"
            "<ul>"
            "<li>maling, lim og lakk</li>"
            "<li>batterier</li>"
            "<li>spraybokser</li>"
            "<li>olje og rester av kjemikalier</li>"
            "</ul>"
        ),
        "who_can_get_it": (
            "<p>Alle husstander. Bedrifter må levere farlig avfall til et godkjent "
            "mottak.</p>"
        ),
        "how_to_apply": (
            "<p>Lever farlig avfall på gjenvinningsstasjonen. La det gjerne ligge i "
            "den boksen eller flasken det kom i.</p>"
            "<p>Gamle medisiner leverer du på apoteket.</p>"
        ),
        "price": "Gratis for husstander.",
        "processing_time": "",
        "unit": "renovasjon",
        "audiences": ["innbyggere", "naeringsliv"],
        "life_situations": [],
        "keywords": (
            "farlig avfall, spesialavfall, maling, batterier, kjemikalier, lysrør, "
            "spraybokser, hazardous waste"
        ),
        "related": ["gjenvinningsstasjon"],
    },
    {
        "topic": "avfall-og-gjenvinning",
        "slug": "bestille-ekstra-henting",
        "title": "Bestille ekstra henting eller storsekk",
        "summary": (
            "Har du mer avfall enn det er plass til i dunken? Bestill ekstra henting, "
            "eller kjøp en storsekk."
        ),
        "what_it_is": (
            "<p>Du kan bestille at vi henter ekstra restavfall, for eksempel etter en "
            "flytting eller et selskap.</p>"
            "<p>Du kan også kjøpe en storsekk til store ting. Sekken rommer én "
            "kubikkmeter.</p>"
        ),
        "who_can_get_it": "<p>Alle husstander i Asker.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Bestill på Min side.</li>"
            "<li>Sett avfallet ved veien kvelden før vi henter.</li>"
            "</ul>"
        ),
        "price": (
            "Ekstra henting av restavfall koster 250 kroner. Storsekk koster 890 "
            "kroner, og da er hentingen med."
        ),
        "processing_time": "Vi henter innen 1 uke",
        "unit": "renovasjon",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker", "miste-noen"],
        "keywords": (
            "ekstra tømming, storsekk, grovavfall, bestille henting, ekstra søppel, "
            "flytting, bulky waste"
        ),
        "related": ["tommeplan-for-avfall", "gjenvinningsstasjon"],
    },
    {
        "topic": "kultur-idrett-og-fritid",
        "slug": "leie-lokaler",
        "title": "Leie lokaler og idrettshaller",
        "summary": (
            "Lag, foreninger og privatpersoner kan leie kommunale lokaler, gymsaler og "
            "idrettshaller."
        ),
        "what_it_is": (
            "<p>Kommunen leier ut møterom, gymsaler, idrettshaller og lokaler til "
            "fest. Mange av lokalene ligger på skoler og i kulturhus.</p>"
        ),
        "who_can_get_it": (
            "<p>Lag og foreninger, bedrifter og privatpersoner. Frivillige lag for "
            "barn og unge får velge først.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Finn ledig tid i bookingsystemet.</li>"
            "<li>Logg inn og send søknaden.</li>"
            "<li>Du får svar på e-post.</li>"
            "</ul>"
            "<p>Faste treningstider for neste sesong må du søke om innen 1. mai.</p>"
        ),
        "price": (
            "Gratis for frivillige lag for barn og unge. Andre betaler fra 150 kroner "
            "i timen."
        ),
        "processing_time": "Vanligvis 1 uke",
        "unit": "kultur",
        "audiences": ["innbyggere", "lag-og-foreninger", "naeringsliv"],
        "life_situations": ["arrangere-noe"],
        "keywords": (
            "leie lokale, leie gymsal, idrettshall, hall, booking, selskapslokale, "
            "festlokale, møterom, rent a venue"
        ),
        "related": [
            "tilskudd-til-lag-og-foreninger",
            "skjenkebevilling-enkeltanledning",
        ],
    },
    {
        "topic": "kultur-idrett-og-fritid",
        "slug": "kulturskole",
        "title": "Søke plass i kulturskolen",
        "summary": (
            "I kulturskolen kan barn og unge lære musikk, dans, teater og kunst. Du "
            "kan søke hele året."
        ),
        "what_it_is": (
            "<p>Kulturskolen har undervisning i musikk, dans, teater, kunst og "
            "skriving. Elevene har vanligvis undervisning én gang i uken.</p>"
        ),
        "who_can_get_it": "<p>Barn og unge fra 4 til 20 år som bor i Asker.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Søk på nettsiden til kulturskolen.</li>"
            "<li>Søk innen 15. mai for å få plass fra høsten.</li>"
            "<li>Søker du senere, kan du havne på venteliste.</li>"
            "</ul>"
        ),
        "price": (
            "3 900 kroner per halvår. Søsken får 25 prosent rabatt. Familier med lav "
            "inntekt kan søke om gratis plass."
        ),
        "processing_time": "Svar i juni",
        "unit": "kultur",
        "audiences": ["innbyggere"],
        "life_situations": ["skolestart"],
        "keywords": (
            "kulturskole, musikkskole, dans, teater, spille instrument, piano, gitar, "
            "sang, music school"
        ),
        "related": ["fritidskort", "bibliotek"],
    },
    {
        "topic": "kultur-idrett-og-fritid",
        "slug": "bibliotek",
        "title": "Bibliotek",
        "summary": (
            "På biblioteket kan du låne bøker, filmer og spill gratis. Du kan også "
            "lese, jobbe og gå på arrangementer."
        ),
        "what_it_is": (
            "<p>Asker har flere bibliotek. Der kan du låne bøker, lydbøker, filmer og "
            "spill. Du kan også låne e-bøker i en app.</p>"
            "<p>Mange av bibliotekene er meråpne. Det betyr at du kan bruke dem fra "
            "klokken 07 til 23, også når ingen ansatte er der.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle kan bruke biblioteket. Barn under 15 år må ha lov fra foreldrene "
            "for å få lånekort.</p>"
        ),
        "how_to_apply": (
            "<p>Du får lånekort på biblioteket, eller på nett med BankID. Vil du bruke "
            "biblioteket når det er meråpent, må du skrive under på en avtale.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "kultur",
        "audiences": ["innbyggere"],
        "life_situations": ["flytte-til-asker"],
        "keywords": (
            "bibliotek, lånekort, låne bok, bøker, e-bok, lydbok, meråpent, library"
        ),
        "related": ["kulturskole", "fritidskort"],
    },
    {
        "topic": "kultur-idrett-og-fritid",
        "slug": "fritidskort",
        "title": "Fritidskort for barn og unge",
        "summary": (
            "Med fritidskortet kan barn og unge få penger til en fast "
            "fritidsaktivitet. Kortet gir 2 000 kroner hvert halvår."
        ),
        "what_it_is": (
            "<p>Fritidskortet skal gjøre det lettere for alle barn å være med på noe i "
            "fritiden. Pengene kan brukes til å betale for idrett, korps, kulturskole "
            "og andre aktiviteter.</p>"
        ),
        "who_can_get_it": "<p>Barn og unge mellom 6 og 18 år som bor i Asker.</p>",
        "how_to_apply": (
            "<ul>"
            "<li>Logg inn i appen for fritidskortet med BankID.</li>"
            "<li>Velg en aktivitet fra listen.</li>"
            "<li>Laget trekker pengene rett fra kortet.</li>"
            "</ul>"
            "<p>Lag og foreninger kan legge inn aktivitetene sine i den samme "
            "løsningen.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "kultur",
        "audiences": ["innbyggere", "lag-og-foreninger"],
        "life_situations": ["skolestart"],
        "keywords": (
            "fritidskort, aktivitetskort, støtte til fritid, kontingent, idrett, "
            "fotball, korps, leisure card"
        ),
        "related": ["kulturskole", "tilskudd-til-lag-og-foreninger"],
    },
    {
        "topic": "kultur-idrett-og-fritid",
        "slug": "tilskudd-til-lag-og-foreninger",
        "title": "Søke tilskudd til lag og foreninger",
        "summary": (
            "Frivillige lag og foreninger kan søke om penger til drift, arrangementer "
            "og utstyr."
        ),
        "what_it_is": (
            "<p>Kommunen gir penger til frivillig arbeid innen kultur, idrett og "
            "nærmiljø. Du kan søke om:</p>"
            "<ul>"
            "<li>penger til den vanlige driften av laget</li>"
            "<li>penger til et arrangement</li>"
            "<li>penger til utstyr</li>"
            "</ul>"
        ),
        "who_can_get_it": (
            "<p>Frivillige lag og foreninger som har aktivitet i Asker. Laget må være "
            "registrert i Frivillighetsregisteret.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk i søknadsportalen på nett.</li>"
            "<li>Legg ved årsmelding, regnskap og budsjett.</li>"
            "<li>Fristen for driftstilskudd er 1. mars.</li>"
            "</ul>"
            "<p>Penger til arrangementer kan du søke om hele året.</p>"
        ),
        "price": "Gratis å søke.",
        "processing_time": "Vanligvis 8 uker",
        "unit": "kultur",
        "audiences": ["lag-og-foreninger"],
        "life_situations": ["arrangere-noe"],
        "keywords": (
            "tilskudd, støtte, penger til laget, frivillighet, driftstilskudd, "
            "forening, idrettslag, korps, grant, funding"
        ),
        "related": ["leie-lokaler", "fritidskort"],
    },
    {
        "topic": "naering-og-arbeid",
        "slug": "starte-bedrift",
        "title": "Starte bedrift",
        "summary": (
            "Har du en idé til en bedrift? Få gratis råd om hvordan du kommer i gang."
        ),
        "what_it_is": (
            "<p>Vi gir gratis råd til deg som vil starte bedrift. Vi kan hjelpe deg "
            "med forretningsplan, valg av selskapsform og hvilke tillatelser du "
            "trenger.</p>"
            "<p>Vi har også kurs for nye bedrifter flere ganger i året.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle som vil starte bedrift i Asker, eller som har startet i løpet av "
            "de siste tre årene.</p>"
        ),
        "how_to_apply": (
            "<p>Bestill en samtale på nettsiden, eller send oss en e-post. Samtalen "
            "tar omtrent en time. Vi kan møtes hos oss eller på video.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Du får en samtale innen 2 uker",
        "unit": "naering",
        "audiences": ["naeringsliv", "innbyggere"],
        "life_situations": ["starte-bedrift"],
        "keywords": (
            "starte bedrift, etablere, gründer, etablererveiledning, "
            "enkeltpersonforetak, ENK, AS, start a business, startup"
        ),
        "related": ["serveringsbevilling", "salgsbevilling"],
    },
    {
        "topic": "naering-og-arbeid",
        "slug": "serveringsbevilling",
        "title": "Søke serveringsbevilling",
        "summary": (
            "Skal du åpne en restaurant, en kafé eller et annet serveringssted? Da må "
            "du ha serveringsbevilling."
        ),
        "what_it_is": (
            "<p>Serveringsbevilling er en tillatelse til å servere mat og drikke som "
            "gjestene spiser på stedet.</p>"
            "<p>Stedet må ha en daglig leder som har bestått etablererprøven.</p>"
        ),
        "who_can_get_it": (
            "<p>Bedrifter som skal drive et serveringssted i Asker. Kiosker og "
            "gatekjøkken uten sitteplasser trenger ikke bevilling.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk digitalt i Altinn.</li>"
            "<li>Legg ved firmaattest og bevis for at du har bestått "
            "etablererprøven.</li>"
            "<li>Husk at du også må gi beskjed til Mattilsynet.</li>"
            "</ul>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 6 uker",
        "unit": "naering",
        "audiences": ["naeringsliv"],
        "life_situations": ["starte-bedrift"],
        "keywords": (
            "serveringsbevilling, åpne restaurant, kafé, servering, etablererprøven, "
            "restaurant licence"
        ),
        "related": ["skjenkebevilling", "starte-bedrift"],
    },
    {
        "topic": "naering-og-arbeid",
        "slug": "skjenkebevilling",
        "title": "Søke skjenkebevilling",
        "summary": (
            "Vil du servere øl, vin eller brennevin på restaurant eller bar, må du ha "
            "skjenkebevilling."
        ),
        "what_it_is": (
            "<p>En skjenkebevilling gir lov til å servere alkohol som gjestene drikker "
            "på stedet. Bevillingen gjelder vanligvis i fire år.</p>"
            "<p>Det er politikerne som bestemmer. De ser blant annet på hvor stedet "
            "ligger, og hvem som skal drive det.</p>"
        ),
        "who_can_get_it": (
            "<p>Bedrifter som har serveringsbevilling. Den som skal styre stedet, og "
            "en stedfortreder, må ha bestått kunnskapsprøven.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk digitalt i Altinn.</li>"
            "<li>Legg ved tegning av lokalet og bevis for kunnskapsprøven.</li>"
            "<li>Vi spør politiet og NAV hva de mener om søknaden.</li>"
            "</ul>"
        ),
        "price": (
            "Prisen avhenger av hvor mye alkohol du selger. Den laveste prisen er 6 "
            "400 kroner i året."
        ),
        "processing_time": "Vanligvis 3 måneder",
        "unit": "naering",
        "audiences": ["naeringsliv"],
        "life_situations": ["starte-bedrift"],
        "keywords": (
            "skjenkebevilling, skjenkeløyve, alkohol, bar, pub, servere øl, "
            "kunnskapsprøven, alcohol licence"
        ),
        "related": ["serveringsbevilling", "skjenkebevilling-enkeltanledning"],
    },
    {
        "topic": "naering-og-arbeid",
        "slug": "skjenkebevilling-enkeltanledning",
        "title": "Skjenke alkohol på et arrangement",
        "summary": (
            "Skal du servere alkohol på en konsert, en festival eller et annet "
            "arrangement? Søk om bevilling for én gang."
        ),
        "what_it_is": (
            "<p>En bevilling for en enkelt anledning gjelder for ett arrangement. Du "
            "trenger ikke fast bevilling.</p>"
            "<p>Et privat selskap i et lukket lokale trenger ikke bevilling.</p>"
        ),
        "who_can_get_it": (
            "<p>Lag, foreninger, bedrifter og privatpersoner som lager et arrangement "
            "som er åpent for andre.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk digitalt senest fire uker før arrangementet.</li>"
            "<li>Skriv hvem som har ansvaret for skjenkingen.</li>"
            "<li>Legg ved et kart over området der dere skal servere.</li>"
            "</ul>"
        ),
        "price": "480 kroner per arrangement.",
        "processing_time": "Vanligvis 3 uker",
        "unit": "naering",
        "audiences": ["lag-og-foreninger", "naeringsliv", "innbyggere"],
        "life_situations": ["arrangere-noe"],
        "keywords": (
            "skjenkebevilling, enkeltanledning, arrangement, festival, konsert, "
            "alkohol på fest, event licence"
        ),
        "related": ["skjenkebevilling", "leie-lokaler"],
    },
    {
        "topic": "naering-og-arbeid",
        "slug": "salgsbevilling",
        "title": "Søke salgsbevilling for alkohol",
        "summary": (
            "Butikker som vil selge øl og annen drikk med lite alkohol, må ha "
            "salgsbevilling."
        ),
        "what_it_is": (
            "<p>Salgsbevilling gir lov til å selge drikk med inntil 4,7 prosent "
            "alkohol. Det gjelder for eksempel matbutikker. Sterkere drikk kan bare "
            "selges av Vinmonopolet.</p>"
        ),
        "who_can_get_it": (
            "<p>Butikker og andre bedrifter i Asker. Den som skal styre salget, og en "
            "stedfortreder, må ha bestått kunnskapsprøven.</p>"
        ),
        "how_to_apply": (
            "<p>Søk digitalt i Altinn. Legg ved firmaattest og bevis for "
            "kunnskapsprøven. Vi spør politiet og NAV hva de mener om søknaden.</p>"
        ),
        "price": (
            "Prisen avhenger av hvor mye du selger. Den laveste prisen er 1 900 kroner "
            "i året."
        ),
        "processing_time": "Vanligvis 3 måneder",
        "unit": "naering",
        "audiences": ["naeringsliv"],
        "life_situations": ["starte-bedrift"],
        "keywords": (
            "salgsbevilling, selge øl, alkohol i butikk, dagligvare, kunnskapsprøven, "
            "off-licence"
        ),
        "related": ["skjenkebevilling", "starte-bedrift"],
    },
    {
        "topic": "bolig",
        "slug": "startlan",
        "title": "Søke startlån",
        "summary": (
            "Startlån kan hjelpe deg å kjøpe bolig hvis du ikke får nok lån i banken."
        ),
        "what_it_is": (
            "<p>Startlån er et lån fra kommunen. Du kan få det i tillegg til lån i "
            "banken, eller i stedet for. Lånet skal hjelpe deg å kjøpe en enkel bolig "
            "og bli boende der.</p>"
        ),
        "who_can_get_it": (
            "<p>Du kan få startlån hvis du lenge har hatt problemer med å få lån. Du "
            "må kunne betale renter og avdrag. Boligen må ligge i Asker.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på nettsiden til Husbanken. Logg inn med BankID.</li>"
            "<li>Legg ved skattemelding og lønnsslipper.</li>"
            "<li>Du får et svar som gjelder i seks måneder. Da kan du lete etter "
            "bolig.</li>"
            "</ul>"
        ),
        "price": "Renten følger Husbanken. Det koster 1 500 kroner å opprette lånet.",
        "processing_time": "Vanligvis 4 uker",
        "unit": "servicetorget",
        "audiences": ["innbyggere"],
        "life_situations": ["trenge-bolig", "flytte-til-asker"],
        "keywords": (
            "startlån, kjøpe bolig, boliglån, egenkapital, Husbanken, "
            "førstegangskjøper, kjøpe leilighet, mortgage"
        ),
        "related": ["bostotte", "kommunal-bolig"],
    },
    {
        "topic": "bolig",
        "slug": "bostotte",
        "title": "Søke bostøtte",
        "summary": (
            "Bostøtte er penger som hjelper deg å betale for boligen hvis du har lav "
            "inntekt og høye utgifter til bolig."
        ),
        "what_it_is": (
            "<p>Bostøtte er en støtte fra staten gjennom Husbanken. Hvor mye du får, "
            "avhenger av inntekt, boutgifter og hvor mange som bor sammen med deg.</p>"
            "<p>Kommunen hjelper deg gjerne med søknaden.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer over 18 år med lav inntekt. Du må bo i en godkjent bolig og "
            "være registrert på adressen.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk på nettsiden til Husbanken med BankID.</li>"
            "<li>Søk innen den 1. i måneden.</li>"
            "<li>Trenger du hjelp, kan du ringe eller besøke Servicetorget.</li>"
            "</ul>"
        ),
        "price": "Gratis.",
        "processing_time": "Pengene kommer den 20. i måneden etter at du søkte",
        "unit": "servicetorget",
        "audiences": ["innbyggere"],
        "life_situations": ["trenge-bolig"],
        "keywords": (
            "bostøtte, støtte til husleie, husleie, Husbanken, lav inntekt, housing "
            "benefit"
        ),
        "related": ["startlan", "kommunal-bolig", "redusert-foreldrebetaling"],
    },
    {
        "topic": "bolig",
        "slug": "kommunal-bolig",
        "title": "Søke kommunal bolig",
        "summary": (
            "Klarer du ikke å skaffe deg bolig selv, kan du søke om å leie en bolig av "
            "kommunen."
        ),
        "what_it_is": (
            "<p>Kommunen leier ut boliger til personer som har vanskelig for å finne "
            "et sted å bo. Kontrakten gjelder vanligvis i tre år.</p>"
            "<p>Det er få ledige boliger. Du bør også lete etter bolig på det vanlige "
            "markedet.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer som har bodd i Asker de siste to årene, og som ikke klarer å "
            "skaffe bolig selv. Det kan være på grunn av helse, økonomi eller andre "
            "forhold.</p>"
        ),
        "how_to_apply": (
            "<p>Søk på Min side, eller be om et skjema på papir. Legg ved papirer som "
            "viser inntekt og helse. Vi tar kontakt for en samtale.</p>"
            "<p><strong>Har du ikke et sted å sove i natt? Kontakt NAV "
            "Asker.</strong></p>"
        ),
        "price": (
            "Husleien er omtrent som for andre boliger i området. Du kan søke om "
            "bostøtte."
        ),
        "processing_time": "Vanligvis 8 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["trenge-bolig"],
        "keywords": (
            "kommunal bolig, leie bolig, utleiebolig, sosial bolig, bostedsløs, "
            "trenger bolig, council housing, social housing"
        ),
        "related": ["bostotte", "startlan"],
    },
    {
        "topic": "bolig",
        "slug": "tilpasse-bolig",
        "title": "Tilpasse boligen",
        "summary": (
            "Må du bygge om boligen fordi du har vansker med å bevege deg? Du kan få "
            "råd og penger til ombyggingen."
        ),
        "what_it_is": (
            "<p>Du kan få hjelp til å gjøre boligen lettere å bruke. Det kan være en "
            "rampe, bredere dører eller et bad uten terskel.</p>"
            "<p>En ergoterapeut kommer hjem til deg og gir råd. Du kan også søke om "
            "tilskudd og lån.</p>"
        ),
        "who_can_get_it": (
            "<p>Personer med nedsatt funksjonsevne, og eldre som vil bo lenger "
            "hjemme.</p>"
        ),
        "how_to_apply": (
            "<p>Ta kontakt med ergoterapeutene i kommunen. Etter besøket kan du søke "
            "om tilskudd på Min side.</p>"
        ),
        "price": "Besøket er gratis. Tilskuddet er på inntil 150 000 kroner.",
        "processing_time": "Vanligvis 6 uker",
        "unit": "helse-og-omsorg",
        "audiences": ["innbyggere"],
        "life_situations": ["bli-eldre", "bygge-og-pusse-opp"],
        "keywords": (
            "tilpasse bolig, ombygging, rampe, trappeheis, bad, ergoterapeut, tilskudd "
            "til tilpasning, accessible home"
        ),
        "related": ["trygghetsalarm", "startlan"],
    },
    {
        "topic": "politikk-og-innsyn",
        "slug": "be-om-innsyn",
        "title": "Be om innsyn i dokumenter",
        "summary": (
            "Du har rett til å se de fleste dokumentene kommunen har. Søk i postlisten "
            "og be om innsyn."
        ),
        "what_it_is": (
            "<p>Offentleglova gir alle rett til å se saker og dokumenter i kommunen. "
            "Noen opplysninger er hemmelige, for eksempel opplysninger om helse.</p>"
        ),
        "who_can_get_it": (
            "<p>Alle kan be om innsyn. Du trenger ikke si hvem du er, eller hvorfor du "
            "spør.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Søk i postlisten på nettsiden.</li>"
            "<li>Klikk «Be om innsyn» ved dokumentet du vil se.</li>"
            "<li>Du kan også sende oss en e-post.</li>"
            "</ul>"
            "<p>Får du nei, kan du klage.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 1 til 3 virkedager",
        "unit": "kommunikasjon",
        "audiences": ["innbyggere", "media", "naeringsliv", "lag-og-foreninger"],
        "life_situations": [],
        "keywords": (
            "innsyn, postliste, postjournal, offentleglova, offentlighetsloven, "
            "dokumenter, journalist, saksdokumenter, freedom of information"
        ),
        "related": ["folge-politiske-moter", "klage-pa-vedtak"],
    },
    {
        "topic": "politikk-og-innsyn",
        "slug": "folge-politiske-moter",
        "title": "Følge politiske møter",
        "summary": (
            "Se møtekalender, saker og vedtak fra kommunestyret og utvalgene. Møtene "
            "er åpne for alle."
        ),
        "what_it_is": (
            "<p>Kommunestyret og de politiske utvalgene har åpne møter. Du kan komme "
            "på møtet, eller se det direkte på nett. Sakspapirene legges ut en uke før "
            "møtet.</p>"
        ),
        "who_can_get_it": "<p>Alle kan følge møtene.</p>",
        "how_to_apply": (
            "<p>Finn møtekalenderen og sakspapirene i politikerportalen. Møtene i "
            "kommunestyret sendes direkte. Du kan også se dem i opptak.</p>"
            "<p>Vil du stille et spørsmål i spørretimen for innbyggere? Meld fra "
            "senest tre dager før møtet.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "",
        "unit": "kommunikasjon",
        "audiences": ["innbyggere", "media", "lag-og-foreninger", "naeringsliv"],
        "life_situations": [],
        "keywords": (
            "kommunestyret, politikk, politikere, møtekalender, sakspapirer, vedtak, "
            "direktesending, spørretime, city council"
        ),
        "related": ["be-om-innsyn", "innsyn-i-arealplaner"],
    },
    {
        "topic": "politikk-og-innsyn",
        "slug": "klage-pa-vedtak",
        "title": "Klage på et vedtak",
        "summary": (
            "Er du uenig i et vedtak fra kommunen, kan du klage. Fristen er vanligvis "
            "tre uker."
        ),
        "what_it_is": (
            "<p>Et vedtak er en avgjørelse som gjelder deg, for eksempel et nei på en "
            "søknad. Du har rett til å klage på de fleste vedtak.</p>"
            "<p>Hvis vi ikke endrer vedtaket, sender vi klagen videre. Da er det andre "
            "som ser på saken.</p>"
        ),
        "who_can_get_it": (
            "<p>Den som vedtaket gjelder. Andre som er direkte berørt av saken, kan "
            "også klage.</p>"
        ),
        "how_to_apply": (
            "<ul>"
            "<li>Skriv hvilket vedtak du klager på, og hvorfor.</li>"
            "<li>Send klagen på Min side eller i posten.</li>"
            "<li>Klag innen tre uker etter at du fikk vedtaket.</li>"
            "</ul>"
            "<p>Trenger du hjelp til å skrive klagen? Kontakt Servicetorget.</p>"
        ),
        "price": "Gratis.",
        "processing_time": "Vanligvis 6 uker",
        "unit": "servicetorget",
        "audiences": ["innbyggere", "naeringsliv", "lag-og-foreninger"],
        "life_situations": [],
        "keywords": (
            "klage, klage på vedtak, avslag, uenig, klagefrist, klagerett, appeal, "
            "complaint"
        ),
        "related": ["be-om-innsyn"],
    },
]

# The six most used services, shown first on the home page.
TOP_TASKS = [
    "soke-barnehageplass",
    "tommeplan-for-avfall",
    "byggesoknad",
    "legevakt",
    "melde-feil-pa-vei-og-gatelys",
    "kart-og-eiendomsinformasjon",
]

# Privacy statement, accessibility statement and about page (footer links).
STANDARD_PAGES = [
    {
        "slug": "personvernerklaering",
        "title": "Personvernerklæring",
        "summary": (
            "Her forklarer vi hvilke opplysninger portalen samler inn, hvorfor vi gjør "
            "det, og hvilke rettigheter du har."
        ),
        "body_html": (
            "<p>Asker kommune har ansvaret for personopplysningene i denne portalen. "
            "Her forklarer vi hva vi samler inn, og hvorfor.</p>"
            "<p>Nederst på siden står det, for hvert formål, hva vi lagrer, hvorfor "
            "vi har lov til det, hvem som ser det og hvor lenge vi har det. Det er "
            "frivillig å oppgi e-post. Du trenger det bare hvis du vil ha svar, eller "
            "vil følge saken. Ikke skriv opplysninger om helse eller andre sensitive "
            "ting i skjemaet.</p>"
            "<h2>Informasjonskapsler</h2>"
            "<p>Portalen bruker bare informasjonskapsler (cookies) som trengs for at "
            "nettsiden skal virke. Vi bruker ingen informasjonskapsler fra "
            "tredjeparter. Vi følger deg ikke rundt på nettet, og vi viser ikke "
            "reklame.</p>"
            "<h2>reCAPTCHA</h2>"
            "<p>For å stoppe spam kan kommunen slå på Google reCAPTCHA i skjemaene. "
            "Det skjer bare hvis tjenesten er slått på. Da sendes blant annet "
            "IP-adressen din og opplysninger om nettleseren til Google. Google kan "
            "lagre opplysningene i USA. Les mer i "
            '<a href="https://policies.google.com/privacy">personvernerklæringen til '
            "Google</a>.</p>"
            "<h2>Dine rettigheter</h2>"
            "<p>Du har rett til å:</p>"
            "<ul>"
            "<li>få vite hvilke opplysninger vi har om deg</li>"
            "<li>få rettet opplysninger som er feil</li>"
            "<li>få slettet opplysninger i noen tilfeller</li>"
            "<li>protestere mot at vi bruker opplysningene</li>"
            "</ul>"
            "<p>Mener du at vi bryter reglene, kan du klage til Datatilsynet.</p>"
            "<h2>Kontakt</h2>"
            "<p>Har du spørsmål om personvern? Kontakt personvernombudet i Asker "
            'kommune på <a href="mailto:personvernombud@asker.kommune.no">'
            "personvernombud@asker.kommune.no</a>.</p>"
        ),
        "show_privacy_purposes": True,
    },
    {
        "slug": "tilgjengelighetserklaering",
        "title": "Tilgjengelighetserklæring",
        "summary": (
            "Vi vil at alle skal kunne bruke denne portalen. Her ser du hva vi gjør, "
            "og hvordan du sier fra om noe ikke virker."
        ),
        "body_html": (
            "<p>Asker kommune vil at alle skal kunne bruke denne portalen, uansett "
            "funksjonsevne. Målet er at portalen oppfyller kravene i WCAG 2.1 på nivå "
            "AA.</p>"
            "<h2>Slik jobber vi</h2>"
            "<ul>"
            "<li>Vi tester sidene med automatiske verktøy og med skjermleser.</li>"
            "<li>Alt kan brukes med tastatur.</li>"
            "<li>Vi skriver klart og enkelt, og vi måler hvor lette tekstene er å "
            "lese.</li>"
            "</ul>"
            "<h2>Kjente problemer</h2>"
            "<p>Noen eldre PDF-dokumenter er ikke universelt utformet. Ta kontakt hvis "
            "du trenger innholdet på en annen måte.</p>"
            "<h2>Si fra om problemer</h2>"
            "<p>Er det noe som ikke virker for deg? Da vil vi gjerne vite det. "
            '<a href="/si-din-mening/tilbakemelding/">Gi oss tilbakemelding om '
            "tilgjengelighet</a>.</p>"
            "<p>Skriv gjerne hvilken side det gjelder, og hva som ikke virket. Oppgir "
            "du e-post, svarer vi deg.</p>"
            "<h2>Klage til tilsynet</h2>"
            "<p>Er du ikke fornøyd med svaret fra oss? Da kan du klage til Tilsynet "
            "for universell utforming av ikt. Les mer på "
            '<a href="https://www.uutilsynet.no/">uutilsynet.no</a>.</p>'
        ),
    },
    {
        "slug": "om-asker-kommune",
        "title": "Om Asker kommune",
        "summary": (
            "Asker kommune ligger ved Oslofjorden, vest for Oslo. Her kan du lese kort "
            "om kommunen og denne portalen."
        ),
        "body_html": (
            "<p>Asker kommune ligger ved Oslofjorden, vest for Oslo. Kommunen har i "
            "dag nesten 100 000 innbyggere. Dagens Asker ble til i 2020, da Asker, "
            "Hurum og Røyken ble slått sammen.</p>"
            "<p>Kommunen gir tjenester til alle som bor her, fra barnehage og skole "
            "til helse, vei, vann og avfall. Det er kommunestyret som bestemmer de "
            "store sakene.</p>"
            "<h2>Om denne portalen</h2>"
            "<p>Her finner du tjenestene våre. Du kan også gi oss tilbakemelding, "
            "sende forslag og svare på høringer. Du trenger ikke vite hvem i kommunen "
            "som har ansvaret. Servicetorget sender saken dit den hører hjemme.</p>"
        ),
    },
]

# Digital applications: the page's main button. Example addresses for the
# municipality's own e-services (the reserved .example domain, so a demo link
# never reaches a real service), the real ones for national services.
MIN_SIDE = "https://minside.kommune.example"
# Other A–Z entries: the subject first, as residents look it up.
INDEX_TITLES = {
    "soke-barnehageplass": "Barnehageplass, søke",
    "endre-eller-si-opp-barnehageplass": "Barnehageplass, endre eller si opp",
    "redusert-foreldrebetaling": "Foreldrebetaling, lavere pris i barnehagen",
    "soke-sfo-plass": "SFO-plass, søke",
    "fastlege": "Fastlege, velge eller bytte",
    "sykehjemsplass": "Sykehjemsplass, søke",
    "byggesoknad": "Byggesøknad, sende",
    "gravetillatelse": "Gravetillatelse, søke",
    "beboerparkering": "Beboerparkering, søke",
    "melde-feil-pa-vei-og-gatelys": "Gatelys, melde feil\nHull i veien, melde",
    "melde-vannlekkasje": "Vannlekkasje, melde",
    "kulturskole": "Kulturskole, søke plass",
    "startlan": "Startlån, søke",
    "bostotte": "Bostøtte, søke",
    "kommunal-bolig": "Kommunal bolig, søke",
}

E_SERVICES = {
    "soke-barnehageplass": (f"{MIN_SIDE}/barnehage/soknad", "Søk barnehageplass"),
    "endre-eller-si-opp-barnehageplass": (
        f"{MIN_SIDE}/barnehage/endre",
        "Endre eller si opp plassen",
    ),
    "redusert-foreldrebetaling": (
        f"{MIN_SIDE}/barnehage/redusert-betaling",
        "Søk om lavere pris",
    ),
    "begynne-pa-skolen": (f"{MIN_SIDE}/skole/skoleplass", "Bekreft skoleplassen"),
    "soke-sfo-plass": (f"{MIN_SIDE}/skole/sfo", "Søk SFO-plass"),
    "bytte-skole": (f"{MIN_SIDE}/skole/bytte", "Søk om å bytte skole"),
    "fastlege": ("https://www.helsenorge.no/fastlegen/", "Bytt fastlege på Helsenorge"),
    "hjemmesykepleie": (f"{MIN_SIDE}/helse/hjemmesykepleie", "Søk hjemmesykepleie"),
    "praktisk-bistand": (f"{MIN_SIDE}/helse/praktisk-bistand", "Søk praktisk hjelp"),
    "trygghetsalarm": (f"{MIN_SIDE}/helse/trygghetsalarm", "Søk trygghetsalarm"),
    "sykehjemsplass": (f"{MIN_SIDE}/helse/sykehjem", "Søk sykehjemsplass"),
    "byggesoknad": ("https://byggesok.kommune.example/", "Send byggesøknad"),
    "gravetillatelse": (f"{MIN_SIDE}/vei/gravetillatelse", "Søk gravetillatelse"),
    "parkeringstillatelse-for-forflytningshemmede": (
        f"{MIN_SIDE}/vei/parkeringskort",
        "Søk parkeringskort",
    ),
    "beboerparkering": (f"{MIN_SIDE}/vei/beboerparkering", "Søk beboerparkering"),
    "vannmaler": (f"{MIN_SIDE}/vann/vannmaler", "Søk om vannmåler"),
    "hageavfall": (f"{MIN_SIDE}/avfall/hageavfall", "Bestill dunk for hageavfall"),
    "bestille-ekstra-henting": (f"{MIN_SIDE}/avfall/ekstra-henting", "Bestill henting"),
    "leie-lokaler": ("https://booking.kommune.example/", "Finn ledig tid og lei"),
    "kulturskole": (f"{MIN_SIDE}/kultur/kulturskole", "Søk plass i kulturskolen"),
    "tilskudd-til-lag-og-foreninger": (
        "https://tilskudd.kommune.example/",
        "Søk tilskudd",
    ),
    "serveringsbevilling": ("https://www.altinn.no/", "Søk i Altinn"),
    "skjenkebevilling": ("https://www.altinn.no/", "Søk i Altinn"),
    "salgsbevilling": ("https://www.altinn.no/", "Søk i Altinn"),
    "startlan": ("https://www.husbanken.no/startlan/", "Søk startlån hos Husbanken"),
    "bostotte": ("https://www.husbanken.no/bostotte/", "Søk bostøtte hos Husbanken"),
    "kommunal-bolig": (f"{MIN_SIDE}/bolig/kommunal-bolig", "Søk kommunal bolig"),
    "klage-pa-vedtak": (f"{MIN_SIDE}/klage", "Send klage"),
}

# A landing page for each audience of the communication platform. The media's
# page is the press room (news.PressContacts, the press releases).
AUDIENCE_PAGES = [
    {
        "slug": "innbyggere",
        "audience": "innbyggere",
        "title": "For innbyggere",
        "summary": (
            "Det du oftest trenger fra kommunen, nyheter og høringer du kan svare på."
        ),
        "tasks": [
            "soke-barnehageplass",
            "tommeplan-for-avfall",
            "legevakt",
            "melde-feil-pa-vei-og-gatelys",
            "eiendomsskatt",
        ],
        "body": "",
        "is_press_room": False,
    },
    {
        "slug": "lag-og-foreninger",
        "audience": "lag-og-foreninger",
        "title": "For lag og foreninger",
        "summary": (
            "Tilskudd, lokaler og løyver for frivillige lag, foreninger og arrangører."
        ),
        "tasks": [
            "tilskudd-til-lag-og-foreninger",
            "leie-lokaler",
            "skjenkebevilling-enkeltanledning",
            "fritidskort",
        ],
        "body": (
            "<p>Kommunen vil gjerne samarbeide med frivilligheten. Send oss et "
            "forslag hvis dere har en idé til noe vi kan gjøre sammen.</p>"
        ),
        "is_press_room": False,
    },
    {
        "slug": "naeringsliv",
        "audience": "naeringsliv",
        "title": "For næringslivet",
        "summary": "Bevillinger, byggesaker og gebyrer for bedrifter i kommunen.",
        "tasks": [
            "starte-bedrift",
            "serveringsbevilling",
            "skjenkebevilling",
            "byggesoknad",
            "gravetillatelse",
        ],
        "body": "",
        "is_press_room": False,
    },
    {
        "slug": "presse",
        "audience": "media",
        "title": "Presserom",
        "summary": (
            "Pressekontakter, vakttelefon for presse og kommunens pressemeldinger."
        ),
        "tasks": ["be-om-innsyn", "folge-politiske-moter", "innsyn-i-arealplaner"],
        "body": (
            "<p>Kommunikasjonsavdelingen hjelper deg å finne rett person å snakke "
            "med. Spørsmål om innsyn i saker svarer vi på så raskt vi kan, og "
            "senest innen tre virkedager.</p>"
        ),
        "is_press_room": True,
    },
    {
        "slug": "ansatte-og-folkevalgte",
        "audience": "ansatte-og-folkevalgte",
        "title": "For ansatte og folkevalgte",
        "summary": (
            "Møter, saker og åpne høringer for kommunens ansatte og folkevalgte."
        ),
        "tasks": ["folge-politiske-moter", "be-om-innsyn", "klage-pa-vedtak"],
        "body": (
            "<p>Her finner du det innbyggerne ser: åpne høringer, innbyggerforslag "
            "og nyheter. Innspillene som kommer inn, behandler enhetene i "
            "saksbehandlingsløsningen.</p>"
        ),
        "is_press_room": False,
    },
]
