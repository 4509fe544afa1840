"""Demo proposals in every state, with realistic Norwegian texts and
signatures: awaiting moderation, collecting at 40 % of the threshold, past the
threshold and submitted, on the council's agenda, decided, not reached and
refused as same content. Run after home.demo (the political secretariat and
its user) and feedback.demo. Safe to repeat: a proposal already there (by
title) is left as it is. No e-mails are queued."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from . import rules, selectors, services
from .choices import EventKind, Method, Status
from .models import Proposal, Signature

FIRST = [
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Sofie",
    "Emil",
    "Nora",
    "Jonas",
    "Ida",
    "Henrik",
    "Maja",
    "Sander",
    "Thea",
    "Magnus",
    "Emma",
    "Aksel",
    "Sara",
    "Jakob",
    "Frida",
    "Mathias",
    "Hanne",
    "Per",
    "Aisha",
    "Ahmed",
    "Zofia",
    "Tuan",
    "Leila",
    "Bjørn",
    "Astrid",
    "Sigrid",
]
LAST = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakken",
    "Lie",
    "Dahl",
    "Solberg",
    "Strand",
    "Ali",
    "Nguyen",
    "Kowalski",
    "Moen",
]
POSTCODES = [
    "1383",
    "1384",
    "1385",
    "1386",
    "1389",
    "1390",
    "1392",
    "1394",
    "1395",
    "1396",
    "3430",
    "3440",
    "3470",
    "3474",
    "3480",
]

# title, what the council should decide, background, initiator, postcode,
# state, signatures as a share of the threshold, months since publication
PROPOSALS = [
    (
        "Gratis svømmetid for barn i Risenga svømmehall i helgene",
        "Kommunestyret ber kommunedirektøren innføre gratis offentlig "
        "svømmetid for barn under 16 år lørdag og søndag formiddag i Risenga.",
        "Mange familier har ikke råd til svømmehallen hver helg. Å kunne svømme "
        "er viktig for sikkerheten, og flere barn trenger trening.",
        "Ingrid Solberg",
        "1385",
        "pending",
        0,
        0,
    ),
    (
        "Lys i lysløypa på Vettre hele vinteren",
        "Kommunestyret ber om at lysløypa på Vettre er opplyst fra kl. 17 til "
        "kl. 22 hver dag fra 1. desember til 31. mars.",
        "Løypa slukkes i dag kl. 20. Mange går på ski etter jobb og etter "
        "trening, og det er mørkt tidlig om vinteren.",
        "Lars Haugen",
        "1392",
        "collecting",
        0.4,
        2,
    ),
    (
        "Trygg skolevei langs Slemmestadveien ved Bødalen",
        "Kommunestyret ber om at det bygges fortau og et opphøyd gangfelt langs "
        "Slemmestadveien mellom Bødalen og Slemmestad ungdomsskole.",
        "Over 200 elever går eller sykler her hver dag, uten fortau og med "
        "fartsgrense 60 km/t. Foreldre kjører barna fordi veien oppleves farlig.",
        "Aisha Ali",
        "3472",
        "submitted",
        1.07,
        4,
    ),
    (
        "Hundeskog ved Semsvannet",
        "Kommunestyret ber om at et inngjerdet område i skogen ved Semsvannet "
        "settes av som hundeskog der hunder kan gå løse hele året.",
        "Det er båndtvang i store deler av året, og hundeeiere mangler et trygt "
        "sted der hundene kan løpe fritt uten å forstyrre vilt og turgåere.",
        "Per Bakken",
        "1389",
        "on_agenda",
        1.2,
        7,
    ),
    (
        "Flere benker og toaletter langs kyststien i Hurum",
        "Kommunestyret ber om at det settes opp benker for hver kilometer og "
        "tre toaletter langs kyststien mellom Tofte og Holmsbu.",
        "Kyststien er mye brukt av eldre og barnefamilier, men det er lange "
        "strekninger uten et sted å hvile eller et toalett.",
        "Astrid Moen",
        "3482",
        "decided",
        1.1,
        10,
    ),
    (
        "Bevar Nesøyas gamle badestrand som friområde",
        "Kommunestyret ber om at stranden ved Nesøya brygge reguleres til "
        "friområde og ikke selges.",
        "Stranden har vært brukt av alle i generasjoner.",
        "Emil Strand",
        "1397",
        "not_reached",
        0.55,
        13,
    ),
    (
        "Lys i lysløypa på Vettre om vinteren",
        "Kommunestyret ber om at lysløypa på Vettre er opplyst til kl. 22.",
        "Samme ønske som forslaget som ble behandlet i fjor.",
        "Henrik Lie",
        "1392",
        "refused_same",
        1.0,
        5,
    ),
]

DECISION = (
    "Kommunestyret vedtok 12. mars å sette opp 40 nye benker og to toaletter "
    "langs kyststien i 2027. Et tredje toalett vurderes i budsjettet for 2028."
)
SAME_REFUSAL = (
    "Kommunestyret avviste å behandle forslaget fordi det har samme innhold som "
    "et forslag som ble behandlet i denne valgperioden (kommuneloven § 12-1)."
)


def _signatures(proposal, count: int, start, end, rng) -> None:
    span = max((end - start).total_seconds(), 3600)
    rows = []
    for n in range(count):
        at = start + datetime.timedelta(seconds=rng.random() * span)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        paper = n % 17 == 16
        rows.append(
            Signature(
                proposal=proposal,
                name=f"{first} {last}",
                postcode=rng.choice(POSTCODES),
                email="" if paper else f"demo{proposal.pk}-{n}@example.no",
                show_name=not paper and rng.random() < 0.35,
                resident=True,
                method=Method.PAPER if paper else Method.EMAIL,
                created_at=at,
                confirmed_at=at + datetime.timedelta(minutes=rng.randint(1, 90)),
            )
        )
    Signature.objects.bulk_create(rows, batch_size=1000)


def seed(stdout):
    secretariat = selectors.secretariat()
    if secretariat is None:
        stdout.write("proposals: no political secretariat unit; skipped.")
        return
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.filter(username="politikk").first()
    rng = random.Random(14)  # the same demo every time
    now = timezone.now()
    threshold = selectors.current_threshold()
    made = {}
    added = 0
    for title, text, background, name, postcode, state, share, months in PROPOSALS:
        existing = Proposal.objects.filter(title=title).first()
        if existing:
            made[state] = existing
            continue
        added += 1
        published_at = now - datetime.timedelta(days=int(months * 30.4) + 3)
        started = published_at - datetime.timedelta(days=2)
        slug = name.split()[0].lower()
        proposal = services.proposal_start(
            submitted=services.ProposalInput(
                title=title,
                proposal=text,
                background=background,
                name=name,
                email=f"{slug}.forslag@example.no",
                postcode=postcode,
            ),
            now=started if state != "pending" else now,
            notify=False,
        )
        services.proposal_confirm(
            proposal=proposal, now=started + datetime.timedelta(hours=1), notify=False
        )
        made[state] = proposal
        if state == "pending":
            continue
        services.proposal_publish(
            proposal=proposal, by=moderator, now=published_at, notify=False
        )
        if state == "refused_same" and "collecting" in made:
            services.proposal_flag_same_content(
                proposal=proposal, by=moderator, same_as=made["collecting"]
            )
        count = int(threshold * share)
        closes = rules.campaign_closes_at(published_at, selectors.campaign_months())
        submitted_at = None
        if state in ("submitted", "on_agenda", "decided", "refused_same"):
            submitted_at = published_at + datetime.timedelta(
                days=int(months * 30.4 / 2)
            )
        _signatures(
            proposal, count, published_at, submitted_at or min(now, closes), rng
        )
        if submitted_at is None:
            continue
        proposal.refresh_from_db()
        services.proposal_submit(proposal=proposal, now=submitted_at, notify=False)
        later = submitted_at + (now - submitted_at) / 2
        if state == "on_agenda":
            services.proposal_record_outcome(
                proposal=proposal,
                by=moderator,
                kind=EventKind.ON_AGENDA,
                meeting_date=(now + datetime.timedelta(days=16)).date(),
                case_url="https://innsyn.asker.kommune.no/politikk/sak/2026-214",
                now=later,
                notify=False,
            )
        elif state == "decided":
            services.proposal_record_outcome(
                proposal=proposal,
                by=moderator,
                kind=EventKind.DECIDED,
                text=DECISION,
                now=later,
                notify=False,
            )
        elif state == "refused_same":
            services.proposal_record_outcome(
                proposal=proposal,
                by=moderator,
                kind=EventKind.REFUSED_SAME,
                text=SAME_REFUSAL,
                now=later,
                notify=False,
            )
    states = sorted(set(Proposal.objects.values_list("status", flat=True)))
    stdout.write(
        f"proposals: {added} demo proposals added "
        f"({Proposal.objects.count()} in all; statuses {', '.join(states)}; "
        f"{Status.COLLECTING.label} includes «not reached» by time)."
    )
