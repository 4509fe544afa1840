"""Demo inputs: topics for residents, routing rules for the demo units and about
200 submissions in every state, so the inbox and dashboard look real.

Idempotent: topics and rules are found by slug/name and updated; submissions are
only added while fewer than DEMO_COUNT demo submissions exist. Runs after
home.demo (which creates the units, pages and users). No e-mails are queued.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from units.models import Unit

from . import services
from .choices import EventKind, InputKind, ReplyChannel, Status
from .models import (
    KindDeadline,
    ResponseTemplate,
    RoutingRule,
    Submission,
    SubmissionEvent,
    Topic,
)
from .routing import page_responsible_unit

DEMO_COUNT = 200

# slug, name, name_en, default unit slug, description
TOPICS = [
    (
        "vei",
        "Vei, gater og brøyting",
        "Roads, streets and snow clearing",
        "vei-og-trafikk",
        "Hull i veien, gatelys, brøyting, fortau og skilt",
    ),
    (
        "avfall",
        "Søppel og gjenvinning",
        "Waste and recycling",
        "renovasjon",
        "Henting av avfall, dunker og gjenbruksstasjoner",
    ),
    (
        "vann",
        "Vann og avløp",
        "Water and sewage",
        "vann-og-avlop",
        "Drikkevann, lekkasjer, kloakk og vannmåler",
    ),
    (
        "barnehage",
        "Barnehage",
        "Kindergarten",
        "barnehage",
        "Plass, opptak, foreldrebetaling og hverdagen i barnehagen",
    ),
    (
        "skole",
        "Skole og SFO",
        "School and after-school care",
        "skole",
        "Skolestart, SFO, skolevei og skoleskyss",
    ),
    (
        "helse",
        "Helse, omsorg og eldre",
        "Health and care",
        "helse-og-omsorg",
        "Hjemmetjenester, sykehjem, helsestasjon og legevakt",
    ),
    (
        "bygg",
        "Bygge, grave og eiendom",
        "Building and property",
        "byggesak",
        "Byggesøknad, nabovarsel, graving og eiendomsskatt",
    ),
    (
        "kultur",
        "Kultur, bibliotek og fritid",
        "Culture and leisure",
        "kultur",
        "Bibliotek, idrett, parker, lekeplasser og arrangementer",
    ),
    (
        "naering",
        "Næring og arbeid",
        "Business and work",
        "naering",
        "Starte bedrift, skjenkebevilling og arbeid",
    ),
    (
        "plan",
        "Planer for nabolaget",
        "Plans for your area",
        "plan",
        "Reguleringsplaner, utbygging og høringer",
    ),
    (
        "nettsidene",
        "Nettsidene våre",
        "Our website",
        "kommunikasjon",
        "Feil eller mangler på nettsidene",
    ),
    (
        "annet",
        "Noe annet",
        "Something else",
        None,
        "Vet du ikke hvor det hører hjemme? Velg dette.",
    ),
]

# name, priority, unit slug, keywords, extra conditions
RULES = [
    (
        "Vei: brøyting, hull og gatelys",
        10,
        "vei-og-trafikk",
        "brøyting, brøyte, hull i veien, gatelys, strøing, fortau, veilys, asfalt",
        {},
    ),
    (
        "Renovasjon: søppel og henting",
        20,
        "renovasjon",
        "søppel, henting, avfall, dunk, container, gjenvinning, renovasjon",
        {},
    ),
    (
        "Vann: lekkasjer og avløp",
        30,
        "vann-og-avlop",
        "vannlekkasje, lekkasje, avløp, kloakk, drikkevann, vannmåler",
        {},
    ),
    ("Barnehage", 40, "barnehage", "barnehage", {}),
    ("Skole og SFO", 50, "skole", "skole, sfo, skolevei, skoleskyss", {}),
    (
        "Byggesak",
        60,
        "byggesak",
        "byggesøknad, byggetillatelse, nabovarsel, ulovlig bygging",
        {},
    ),
    (
        "Lekeplasser i Heggedal og Asker sentrum",
        70,
        "kultur",
        "lekeplass",
        {"postcodes": "1383, 1384, 1389"},
    ),
    (
        "Spørsmål om nettsidene",
        80,
        "kommunikasjon",
        "",
        {"kind": InputKind.QUESTION, "topic": "nettsidene"},
    ),
]

# subject, text, topic slug (or None), kind
SAMPLES = [
    (
        "Hull i veien",
        "Det er et stort hull i veien ved Kirkeveien 12. Farlig for syklister.",
        "vei",
        InputKind.FEEDBACK,
    ),
    (
        "Ikke brøytet",
        "Veien vår er ikke brøytet på tre dager. Vi kommer oss ikke ut med bil.",
        "vei",
        InputKind.FEEDBACK,
    ),
    (
        "Gatelys virker ikke",
        "Gatelyset ved bussholdeplassen på Holmen er mørkt.",
        None,
        InputKind.FEEDBACK,
    ),
    (
        "Strøing av fortau",
        "Kan dere strø fortauet ned mot stasjonen oftere?",
        "vei",
        InputKind.SUGGESTION,
    ),
    (
        "Søppel ble ikke hentet",
        "Restavfallet ble ikke hentet på tirsdag. Dunken står fortsatt ute.",
        None,
        InputKind.FEEDBACK,
    ),
    (
        "Større dunk for papir",
        "Hvordan bestiller jeg en større dunk for papir?",
        "avfall",
        InputKind.QUESTION,
    ),
    (
        "Gjenvinningsstasjon på søndager",
        "Kan gjenvinningsstasjonen ha åpent på søndager?",
        "avfall",
        InputKind.SUGGESTION,
    ),
    (
        "Vannlekkasje i veien",
        "Det renner vann opp av asfalten i Bondivegen.",
        None,
        InputKind.FEEDBACK,
    ),
    (
        "Brunt drikkevann",
        "Vannet i springen er brunt i dag. Er det trygt å drikke?",
        "vann",
        InputKind.QUESTION,
    ),
    (
        "Plass i barnehage",
        "Når får vi svar på søknad om barnehageplass fra august?",
        "barnehage",
        InputKind.QUESTION,
    ),
    (
        "Takk til barnehagen",
        "De ansatte i Solsikken barnehage gjør en fantastisk jobb!",
        "barnehage",
        InputKind.FEEDBACK,
    ),
    (
        "Trygg skolevei",
        "Det trengs fotgjengerfelt ved skolen på Vollen. Barna krysser en travel vei.",
        "skole",
        InputKind.SUGGESTION,
    ),
    (
        "SFO-plass",
        "Kan vi bytte fra full til halv SFO-plass fra neste måned?",
        "skole",
        InputKind.QUESTION,
    ),
    (
        "Hjemmetjenesten",
        "Mor får hjemmetjeneste og opplever at det kommer nye folk hver dag.",
        "helse",
        InputKind.FEEDBACK,
    ),
    (
        "Nabovarsel",
        "Naboen bygger uten at vi har fått nabovarsel. Hva gjør vi?",
        "bygg",
        InputKind.QUESTION,
    ),
    (
        "Byggesøknad tar lang tid",
        "Vi sendte byggesøknad for tre måneder siden og har ikke hørt noe.",
        "bygg",
        InputKind.FEEDBACK,
    ),
    (
        "Åpningstider på biblioteket",
        "Biblioteket burde ha åpent lenger på lørdager.",
        "kultur",
        InputKind.SUGGESTION,
    ),
    (
        "Ødelagt lekeplass",
        "Husket på lekeplassen i Heggedal er ødelagt.",
        "kultur",
        InputKind.FEEDBACK,
    ),
    (
        "Skjenkebevilling",
        "Hvor lang tid tar det å få skjenkebevilling?",
        "naering",
        InputKind.QUESTION,
    ),
    (
        "Ny reguleringsplan",
        "Hvor kan jeg se planene for nytt boligfelt ved Dikemark?",
        "plan",
        InputKind.QUESTION,
    ),
    (
        "Lenke virker ikke",
        "Lenken til søknadsskjemaet for parkeringstillatelse virker ikke.",
        "nettsidene",
        InputKind.QUESTION,
    ),
    (
        "Vanskelig å finne fram",
        "Jeg fant ikke informasjon om eiendomsskatt på nettsidene.",
        "nettsidene",
        InputKind.FEEDBACK,
    ),
    (
        "Flere benker",
        "Det trengs flere benker langs turstien rundt Semsvannet.",
        None,
        InputKind.SUGGESTION,
    ),
    (
        "Støy fra anleggsarbeid",
        "Det er anleggsstøy fra klokken 06 hver morgen.",
        "annet",
        InputKind.FEEDBACK,
    ),
    (
        "Hvem kan jeg snakke med?",
        "Jeg vet ikke hvem jeg skal kontakte om en sak med naboen.",
        "annet",
        InputKind.QUESTION,
    ),
]
NAMES = [
    "Kari Nordmann",
    "Ola Hansen",
    "Aisha Khan",
    "Per Olsen",
    "Ingrid Berg",
    "Mohammed Ali",
    "Sofie Lie",
    "Lars Dahl",
    "",
    "",
]
REPLIES = [
    "Takk for at du sa fra. Vi har sendt et mannskap ut, og det blir ordnet denne "
    "uken.",
    "Takk for henvendelsen. Vi har sett på saken, og du finner svaret på "
    "nettsidene våre under «Tjenester A–Å».",
    "Takk for forslaget! Vi tar det med i arbeidet med neste års budsjett.",
    "Vi har rettet feilen. Takk for at du ga beskjed.",
]
PAGE_COMMENTS = [
    "",
    "",
    "",
    "Fant ikke prisen.",
    "Savner åpningstider.",
    "Veldig nyttig side!",
    "Hvor søker jeg?",
    "",
]


def seed(stdout):
    units = {u.slug: u for u in Unit.objects.all()}
    if "servicetorget" not in units:
        stdout.write("feedback: no units yet (run home.demo first); skipped.")
        return
    topics = seed_topics(units)
    seed_rules(units, topics)
    seed_reply_set_up(units)
    existing = SubmissionEvent.objects.filter(
        kind=EventKind.RECEIVED, data__demo=True
    ).count()
    if existing >= DEMO_COUNT:
        stdout.write(
            f"feedback: {len(topics)} topics, {len(RULES)} rules, "
            f"{existing} demo submissions (already there)."
        )
        return
    created = seed_submissions(units, topics, DEMO_COUNT - existing)
    stdout.write(
        f"feedback: {len(topics)} topics, {len(RULES)} rules, "
        f"{created} demo submissions added."
    )


def seed_topics(units) -> dict[str, Topic]:
    topics = {}
    for order, (slug, name, name_en, unit_slug, description) in enumerate(TOPICS):
        topic, _ = Topic.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "description": description,
                "default_unit": units.get(unit_slug) if unit_slug else None,
                "sort_order": (order + 1) * 10,
                "active": True,
            },
        )
        topics[slug] = topic
    return topics


# Standard replies (unit slug or None for all) and a deadline per kind.
REPLY_TEMPLATES = [
    (
        None,
        "Takk – vi har sett på saken",
        "Hei {navn}!\n\nTakk for at du tok kontakt om sak {referanse}. Vi har "
        "sett på saken og gjort dette: \n\nHilsen {enhet}",
    ),
    (
        "vei-og-trafikk",
        "Hull i veien er meldt til driften",
        "Hei {navn}!\n\nHullet du meldte i sak {referanse} er lagt inn hos "
        "driften vår. Vi reparerer hull som kan skade kjøretøy innen to uker, "
        "andre når asfaltsesongen starter.\n\nHilsen {enhet}",
    ),
    (
        "barnehage",
        "Søknad om barnehageplass mottatt",
        "Hei {navn}!\n\nVi har svart på spørsmålet ditt i sak {referanse}. "
        "Hovedopptaket har søknadsfrist 1. mars.\n\nHilsen {enhet}",
    ),
]
KIND_DEADLINES = [
    ("vei-og-trafikk", "question", 7),
    ("vei-og-trafikk", "suggestion", 30),
]


def seed_reply_set_up(units) -> None:
    for unit_slug, title, text in REPLY_TEMPLATES:
        if unit_slug and unit_slug not in units:
            continue
        ResponseTemplate.objects.update_or_create(
            title=title,
            defaults={
                "unit": units.get(unit_slug) if unit_slug else None,
                "text": text,
            },
        )
    for unit_slug, kind, days in KIND_DEADLINES:
        if unit_slug in units:
            KindDeadline.objects.update_or_create(
                unit=units[unit_slug], kind=kind, defaults={"days": days}
            )


def seed_rules(units, topics) -> None:
    for name, priority, unit_slug, keywords, extra in RULES:
        if unit_slug not in units:
            continue
        RoutingRule.objects.update_or_create(
            name=name,
            defaults={
                "priority": priority,
                "unit": units[unit_slug],
                "keywords": keywords,
                "kind": extra.get("kind", ""),
                "postcodes": extra.get("postcodes", ""),
                "topic": topics.get(extra["topic"]) if "topic" in extra else None,
                "active": True,
            },
        )


def _content_pages() -> list[Page]:
    """Live pages that name a responsible unit (read duck-typed: feedback does not
    import the page app)."""
    pages = []
    for page in Page.objects.live().filter(depth__gte=3).specific()[:200]:
        if page_responsible_unit(page) is not None:
            pages.append(page)
    return pages


def _staff(units) -> dict[int, list]:
    """Demo users who can act for each unit (members), plus the triage editors."""
    by_unit: dict[int, list] = {}
    for user in (
        get_user_model()
        .objects.filter(is_active=True)
        .prefetch_related("unit_memberships")
    ):
        for membership in user.unit_memberships.all():
            by_unit.setdefault(membership.unit_id, []).append(user)
    return by_unit


def seed_submissions(units, topics, count: int) -> int:
    rng = random.Random(2026 + count)
    now = timezone.now()
    pages = _content_pages()
    staff = _staff(units)
    triage = units["servicetorget"]
    fallback = get_user_model().objects.filter(is_superuser=True).first()
    created = 0
    for i in range(count):
        age = datetime.timedelta(
            days=rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 16, 20, 25, 33, 40, 60, 90, 120]),
            hours=rng.randint(0, 20),
            minutes=rng.randint(0, 59),
        )
        at = now - age
        if pages and rng.random() < 0.2:
            page = rng.choice(pages)
            submission, _ = services.submission_create(
                submitted=services.SubmissionInput(
                    kind=InputKind.PAGE_FEEDBACK,
                    page=page,
                    helpful=rng.random() < 0.6,
                    text=rng.choice(PAGE_COMMENTS),
                ),
                now=at,
                notify=False,
            )
        else:
            subject, text, topic_slug, kind = rng.choice(SAMPLES)
            name = rng.choice(NAMES)
            email = (
                f"{name.split()[0].lower()}.{i}@example.org"
                if name and rng.random() < 0.7
                else ""
            )
            submission, _ = services.submission_create(
                submitted=services.SubmissionInput(
                    kind=kind,
                    subject=subject,
                    text=text,
                    topic=topics.get(topic_slug) if topic_slug else None,
                    contact_name=name,
                    contact_email=email,
                    postcode=rng.choice(["", "1384", "1389", "1383", "3440"]),
                    language="en" if rng.random() < 0.08 else "nb",
                ),
                now=at,
                notify=False,
            )
        SubmissionEvent.objects.filter(
            submission=submission, kind=EventKind.RECEIVED
        ).update(data={"demo": True})
        _advance(
            submission,
            rng,
            at=at,
            now=now,
            units=units,
            staff=staff,
            triage=triage,
            fallback=fallback,
        )
        created += 1
    return created


def _advance(submission, rng, *, at, now, units, staff, triage, fallback):
    """Move a fresh submission along a plausible path for its age, then date the
    new events between its arrival and now."""
    age_days = (now - at).days
    actor = rng.choice(
        staff.get(submission.unit_id) or staff.get(triage.pk) or [fallback]
    )
    first_event = submission.events.order_by("-id").first().pk
    roll = rng.random()
    if submission.kind == InputKind.PAGE_FEEDBACK:
        if age_days > 30 and roll < 0.7:
            services.submission_transition(
                submission=submission, by=actor, to_status=Status.CLOSED
            )
    elif roll < 0.04:
        services.submission_transition(
            submission=submission, by=actor, to_status=Status.SPAM
        )
    else:
        if submission.unit_id == triage.pk and roll < 0.5:
            target = units[
                rng.choice(
                    ["vei-og-trafikk", "renovasjon", "kultur", "helse-og-omsorg"]
                )
            ]
            services.submission_reroute(
                submission=submission,
                by=actor,
                unit=target,
                notify=False,
                reason="Hører til hos " + target.name,
            )
            submission.refresh_from_db()
            actor = rng.choice(staff.get(target.pk) or [fallback])
        if rng.random() < 0.5 and actor is not None:
            try:
                services.submission_assign(
                    submission=submission, by=actor, assignee=actor
                )
            except Exception:  # noqa: BLE001, S110 - not a member: leave unassigned
                pass
        answered_share = min(0.9, age_days / 25)
        # Residents without an e-mail address get their answer by letter.
        channel = "" if submission.contact_email else ReplyChannel.LETTER
        if rng.random() < answered_share:
            if age_days > 30 and rng.random() < 0.4:
                services.submission_interim_reply(
                    submission=submission,
                    by=actor,
                    notify=False,
                    channel=channel,
                    reason="Vi venter på en befaring før vi kan svare.",
                    expected_date=timezone.localdate() + datetime.timedelta(days=10),
                )
            services.submission_reply(
                submission=submission,
                by=actor,
                text=rng.choice(REPLIES),
                channel=channel,
                notify=False,
            )
            if age_days > 14 and rng.random() < 0.7:
                services.submission_transition(
                    submission=submission, by=actor, to_status=Status.CLOSED
                )
        elif age_days > 2 and rng.random() < 0.6:
            services.submission_transition(
                submission=submission, by=actor, to_status=Status.IN_PROGRESS
            )
    _spread_event_times(submission, first_event, at=at, now=now, rng=rng)


def _spread_event_times(submission, after_id, *, at, now, rng):
    """Services stamp events with the current time; spread the demo's later events
    over the submission's life and update the milestones to match."""
    events = list(submission.events.filter(pk__gt=after_id).order_by("id"))
    if not events:
        return
    span = max((now - at).total_seconds(), 60)
    offsets = sorted(rng.uniform(0.05, 0.95) * span for _ in events)
    stamps = {}
    for event, offset in zip(events, offsets, strict=True):
        stamp = at + datetime.timedelta(seconds=offset)
        SubmissionEvent.objects.filter(pk=event.pk).update(created_at=stamp)
        stamps.setdefault(event.kind, stamp)
    fields = {}
    if EventKind.REPLIED in stamps:
        fields["first_answered_at"] = stamps[EventKind.REPLIED]
    if EventKind.INTERIM_REPLY in stamps:
        fields["interim_reply_at"] = stamps[EventKind.INTERIM_REPLY]
    if EventKind.REROUTED in stamps:
        fields["routed_at"] = stamps[EventKind.REROUTED]
    if (
        submission.status in services.CLOSING
        or Submission.objects.filter(pk=submission.pk, closed_at__isnull=False).exists()
    ):
        fields["closed_at"] = max(stamps.values())
    if fields:
        Submission.objects.filter(pk=submission.pk).update(**fields)
