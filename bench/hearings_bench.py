"""Hearing pages under load against /livez (issue #4).

    .venv/bin/python bench/hearings_bench.py [--duration 10] [--connections 8]

Uses bench/harness.py: the seeded benchmark database, production settings,
gunicorn with 2 sync workers on 127.0.0.1. Before measuring, the demo's open
hearing gets 500 responses and the demo's closed hearing 500 published responses
(the public page shows published responses, 20 a page, after the deadline).
Measured uncached (page cache off): /livez, the hearing index, the open hearing
page (with its response form) and the closed hearing page with 500 published
responses, each as a share of /livez in the same server run.

Target: every hearing page >= 1/15 of /livez, no errors.
"""

import argparse
import datetime
import json
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Bench, fetch, markdown_table, ratio, write_result, wrk  # noqa: E402

TARGET = 1 / 15
RESPONSES = 500

PREPARE_CODE = f"""
import datetime, json
from django.db.models import F
from feedback.models import Submission
from hearings.models import HearingPage, ResponsePublication
from hearings.services import hearing_response_create

def fill(hearing, publish):
    have = Submission.objects.filter(kind="hearing_response", page=hearing).count()
    during = hearing.opens_at + datetime.timedelta(hours=1)
    for i in range(have, {RESPONSES}):
        hearing_response_create(hearing=hearing, notify=False, now=during, data={{
            "respondent_type": "person", "name": f"Bench {{i}}", "organisation": "",
            "text": f"Høringssvar nummer {{i}}. Jeg mener planen bør ta mer hensyn "
                    "til gående og syklende, og at grøntområdene må bevares.",
            "publish_name": i % 2 == 0, "email": ""}})
    if publish:
        ResponsePublication.objects.filter(submission__page_id=hearing.pk).update(
            state="approved")
        for publication in ResponsePublication.objects.filter(
                submission__page_id=hearing.pk, published_text=""
        ).select_related("submission"):
            publication.published_text = publication.submission.text
            publication.save(update_fields=["published_text"])

live = list(HearingPage.objects.live().order_by("deadline"))
open_hearing = next(h for h in live if h.status == "open")
closed = next(h for h in live if h.status == "closed")
fill(open_hearing, publish=False)
fill(closed, publish=True)
index = open_hearing.get_parent()
print(json.dumps({{"index": index.url, "open": open_hearing.url,
                  "closed": closed.url,
                  "published": ResponsePublication.objects.filter(
                      submission__page_id=closed.pk, state="approved").count()}}))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    with Bench() as bench:
        info = json.loads(bench.shell(PREPARE_CODE).strip().splitlines()[-1])
        with bench.server(page_cache_seconds=0) as server:
            pages = [("hearing index", info["index"]),
                     ("open hearing (500 responses received)", info["open"]),
                     ("closed hearing (500 published responses)", info["closed"])]
            for _label, path in pages:
                status = fetch(server.url + path).status
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
            floor = wrk(server.url + "/livez", duration=args.duration,
                        connections=args.connections)
            results = [(label, wrk(server.url + path, duration=args.duration,
                                   connections=args.connections))
                       for label, path in pages]

    rows = [["/livez", f"{floor.requests_per_second:.0f}", f"{floor.p50_ms:.1f}",
             f"{floor.p99_ms:.1f}", floor.errors, "1", ""]]
    ok = floor.errors == 0
    for label, result in results:
        share = ratio(result, floor)
        passed = share >= TARGET and result.errors == 0
        ok = ok and passed
        rows.append([label, f"{result.requests_per_second:.1f}",
                     f"{result.p50_ms:.1f}", f"{result.p99_ms:.1f}", result.errors,
                     f"{share:.3f} (1/{1 / share:.1f})" if share else "0",
                     "PASS" if passed else "FAIL"])
    table = markdown_table(["page", "req/s", "p50 ms", "p99 ms", "errors",
                            "share of /livez", f"target >= 1/{1 / TARGET:.0f}"],
                           rows)
    text = "\n".join([
        f"# Hearing pages ({datetime.datetime.now():%Y-%m-%d %H:%M})",
        "",
        f"{platform.node()}, {os.cpu_count()} CPUs, gunicorn 2 sync workers, "
        f"concurrency {args.connections}, {args.duration} s, page cache off; "
        f"{info['published']} published responses on the closed hearing "
        "(20 a page)",
        "",
        table,
        "",
        f"- result: {'PASS' if ok else 'FAIL'}",
        "",
    ])
    write_result("hearings.md", text)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
