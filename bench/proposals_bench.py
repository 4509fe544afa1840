"""Citizen proposals under load (issue 14).

    .venv/bin/python bench/proposals_bench.py [--duration 10] [--connections 8]

Uses bench/harness.py: the seeded benchmark database, production settings,
gunicorn with 2 sync workers on 127.0.0.1. Before measuring, one published
proposal gets 10,000 confirmed signatures (a third with the name public).

1. The proposal's page (count, progress, the 50 newest public names, its
   history and the signing form), page cache off, as a share of /livez in the
   same server run. Target: >= 1/10.
2. Signing: signature_request + signature_confirm, the two services behind the
   form and the e-mail's button, for 2,000 new signers in one process, with the
   e-mails queued on the database task backend as in production. Target: >= 50
   confirmed signatures/s. (This measures the services and the database, not
   HTTP: the form's rate limit and fill-time check would have to be switched off
   for a load generator, which would not measure production either.)
"""

import argparse
import datetime
import json
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Bench, fetch, markdown_table, ratio, write_result, wrk  # noqa: E402

PAGE_TARGET = 1 / 10
SIGN_TARGET = 50
SIGNATURES = 10_000
SIGNERS = 2_000

PREPARE_CODE = f"""
import datetime, json
from django.utils import timezone
from proposals import services
from proposals.models import Proposal, Signature
from units.models import Unit

Unit.objects.get_or_create(slug="politisk-sekretariat",
                           defaults={{"name": "Politisk sekretariat"}})
title = "Benkebenchmark: benker langs hele kyststien"
proposal = Proposal.objects.filter(title=title).first()
if proposal is None:
    proposal = services.proposal_start(notify=False, submitted=services.ProposalInput(
        title=title, proposal="Kommunestyret ber om benker langs kyststien.",
        background="For benchmarken.", name="Bench Benk", email="bench@example.no",
        postcode="1384"))
    services.proposal_confirm(proposal=proposal, notify=False)
    services.proposal_publish(proposal=proposal, by=None, notify=False)
have = Signature.objects.filter(proposal=proposal).count()
now = timezone.now()
Signature.objects.bulk_create([
    Signature(proposal=proposal, name=f"Signer {{i}}", postcode="1384",
              email=f"bench{{i}}@example.no", show_name=i % 3 == 0, resident=True,
              created_at=now, confirmed_at=now)
    for i in range(have, {SIGNATURES})], batch_size=2000)
# What autovacuum does to a table this size in production soon after such a
# load: fresh statistics and a visibility map (index-only counts).
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE proposals_signature")
print(json.dumps({{"path": proposal.get_absolute_url(), "pk": proposal.pk,
                  "signatures": Signature.objects.filter(proposal=proposal).count()}}))
"""

SIGN_CODE = """
import json, time, uuid
from proposals import services
from proposals.models import Proposal
proposal = Proposal.objects.get(pk={pk})
run = uuid.uuid4().hex[:8]
start = time.perf_counter()
for i in range({n}):
    signature = services.signature_request(proposal=proposal,
        signed=services.SignatureInput(name=f"Ny {{i}}", postcode="1390",
            email=f"sign-{{run}}-{{i}}@example.no", show_name=i % 2 == 0))
    services.signature_confirm(signature=signature)
elapsed = time.perf_counter() - start
print(json.dumps({{"n": {n}, "seconds": elapsed}}))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    with Bench() as bench:
        info = json.loads(bench.shell(PREPARE_CODE).strip().splitlines()[-1])
        # A loaded machine can take longer than the default 30 s to start.
        with bench.server(page_cache_seconds=0, timeout=180) as server:
            status = fetch(server.url + info["path"]).status
            if status != 200:
                raise SystemExit(f"{info['path']} answered {status}")
            floor = wrk(
                server.url + "/livez",
                duration=args.duration,
                connections=args.connections,
            )
            page = wrk(
                server.url + info["path"],
                duration=args.duration,
                connections=args.connections,
            )
        # The e-mails queued on the database task backend, as in production (a
        # worker renders and sends them); the bench settings' default runs tasks
        # at once, which would time two e-mails rendered and sent per signer.
        signing = json.loads(
            bench.shell(
                SIGN_CODE.format(pk=info["pk"], n=SIGNERS),
                env={"BENCH_DURABLE_TASKS": "1"},
            )
            .strip()
            .splitlines()[-1]
        )

    share = ratio(page, floor)
    per_second = signing["n"] / signing["seconds"]
    page_ok = page.errors == 0 and floor.errors == 0 and share >= PAGE_TARGET
    sign_ok = per_second >= SIGN_TARGET
    table = markdown_table(
        ["what", "result", "target", ""],
        [
            [
                "/livez",
                f"{floor.requests_per_second:.0f} req/s, p99 {floor.p99_ms:.1f} ms",
                "",
                "",
            ],
            [
                f"proposal page, {info['signatures']:,} signatures, cache off",
                f"{page.requests_per_second:.0f} req/s, p99 {page.p99_ms:.1f} ms, "
                f"share 1/{1 / share:.1f}"
                if share
                else "0",
                f">= 1/{1 / PAGE_TARGET:.0f} of /livez",
                "PASS" if page_ok else "FAIL",
            ],
            [
                f"signing ({signing['n']:,} request + confirm)",
                f"{per_second:.0f} confirmed signatures/s",
                f">= {SIGN_TARGET}/s",
                "PASS" if sign_ok else "FAIL",
            ],
        ],
    )
    load = os.getloadavg()[0]
    text = "\n".join(
        [
            f"# Citizen proposals ({datetime.datetime.now():%Y-%m-%d %H:%M})",
            "",
            f"{platform.node()}, {os.cpu_count()} CPUs (load average {load:.1f}), "
            f"gunicorn 2 sync workers, concurrency {args.connections}, "
            f"{args.duration} s per URL",
            "",
            table,
            "",
            f"- result: {'PASS' if page_ok and sign_ok else 'FAIL'}",
            "",
        ]
    )
    write_result("proposals.md", text)
    print(text)
    return 0 if page_ok and sign_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
