"""The handlers' inbox and case view with 100,000 submissions (issue #3).

    .venv/bin/python bench/feedback_admin_bench.py [--count 100000] [--requests 100]

Target: inbox list (first page, filtered by unit) and case view p95 <= 150 ms.

Uses bench/harness.py: its own benchmark database (`portal_bench_admin`, seeded with
seed_demo, then filled up to --count submissions by `manage.py
bench_seed_submissions`, which writes with COPY), portal.settings.bench (DEBUG off,
production middleware), gunicorn with 2 sync workers on 127.0.0.1.

Latency is measured per request over one keep-alive HTTP connection with a real
logged-in session cookie (one request at a time, so the numbers are the server's
time plus loopback, without queueing): p50/p95/p99 over --requests requests per
URL; case views rotate over 50 different submissions. Throughput at concurrency 8
(wrk) is reported for each page as a share of /livez from the same server run.
"""

import argparse
import datetime
import http.client
import os
import platform
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Bench, markdown_table, ratio, write_result, wrk  # noqa: E402

TARGET_P95_MS = 150
DATABASE = "portal_bench_admin"

SETUP_CODE = """
import json
from django.contrib.auth import (BACKEND_SESSION_KEY, HASH_SESSION_KEY,
                                 SESSION_KEY, get_user_model)
from django.contrib.sessions.backends.db import SessionStore
from feedback.models import Submission
from units.models import Unit

def session(username):
    user = get_user_model().objects.get(username=username)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

unit = Unit.objects.get(slug="vei-og-trafikk")
cases = list(Submission.objects.filter(unit=unit).order_by("-created_at")
             .values_list("pk", flat=True)[:50])
print(json.dumps({
    "total": Submission.objects.count(),
    "unit_total": Submission.objects.filter(unit=unit).count(),
    "unit": unit.pk, "cases": cases,
    "handler": session("vei"), "triage": session("redaktor"),
}))
"""


def latencies(base_url: str, paths: list[str], *, cookie: str, count: int) -> dict:
    """Sequential GETs over one keep-alive connection; every answer must be 200."""
    parts = urllib.parse.urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"  # loopback only
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    timings, errors = [], 0
    for i in range(count + 5):
        path = paths[i % len(paths)]
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            errors += 1
        if i >= 5:  # the first few warm the worker's caches
            timings.append(elapsed)
    conn.close()
    timings.sort()

    def pct(p):
        return timings[min(len(timings) - 1, int(round(p / 100 * len(timings))) - 1)]

    return {
        "p50": statistics.median(timings),
        "p95": pct(95),
        "p99": pct(99),
        "errors": errors,
        "n": len(timings),
    }


def wrk_with_cookie(url: str, cookie: str, duration: int):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cookie.lua")
    os.environ["BENCH_COOKIE"] = f"sessionid={cookie}"
    return wrk(url, duration=duration, script=script)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--duration",
        type=int,
        default=10,
        help="seconds of wrk load per URL (default 10)",
    )
    args = parser.parse_args()

    import json

    # Seed the demo once: the 100,000 rows are what matters, and re-seeding a full
    # database only costs time.
    with Bench(database=DATABASE, seed=False) as bench:
        units = int(
            bench.shell("from units.models import Unit;print(Unit.objects.count())")
            .strip()
            .splitlines()[-1]
        )
        if not units:
            bench.manage("seed_demo")
        have = int(
            bench.shell(
                "from feedback.models import Submission;"
                "print(Submission.objects.count())"
            )
            .strip()
            .splitlines()[-1]
        )
        if have < args.count:
            bench.manage("bench_seed_submissions", "--count", str(args.count - have))
        info = json.loads(bench.shell(SETUP_CODE).strip().splitlines()[-1])
        unit = info["unit"]
        pages = {
            "/livez": (["/livez"], ""),
            "inbox, handler, filtered by unit": (
                [f"/admin/innspill/?unit={unit}"],
                info["handler"],
            ),
            "inbox, handler, open only": (
                [f"/admin/innspill/?unit={unit}&status=received&status=in_progress"],
                info["handler"],
            ),
            "inbox, triage, filtered by unit": (
                [f"/admin/innspill/?unit={unit}"],
                info["triage"],
            ),
            "inbox, triage, everything": (["/admin/innspill/"], info["triage"]),
            "case view, handler": (
                [f"/admin/innspill/sak/{pk}/" for pk in info["cases"]],
                info["handler"],
            ),
            # Reference: Wagtail's own generic listing of 12 rows (topics) in the
            # same run. What the admin chrome costs before any of our data.
            "reference: Wagtail listing, 12 topics": (
                ["/admin/innspill/emner/"],
                info["triage"],
            ),
        }
        rows = []
        with bench.server() as server:
            wrk(server.url + "/livez", duration=2)  # warm both workers
            floor = wrk(server.url + "/livez", duration=args.duration)
            for name, (paths, cookie) in pages.items():
                lat = latencies(server.url, paths, cookie=cookie, count=args.requests)
                load = (
                    floor
                    if name == "/livez"
                    else wrk_with_cookie(server.url + paths[0], cookie, args.duration)
                )
                rows.append(
                    {
                        "name": name,
                        "path": paths[0],
                        **lat,
                        "rps": load.requests_per_second,
                        "wrk_errors": load.errors,
                        "ratio": ratio(load, floor),
                    }
                )

    def verdict(row):
        if row["name"] == "/livez":
            return "floor"
        if row["name"].startswith("reference"):
            return "reference"
        ok = row["p95"] <= TARGET_P95_MS and not row["errors"] and not row["wrk_errors"]
        return "ok" if ok else "FAIL"

    table = markdown_table(
        [
            "page",
            "path",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "errors",
            "req/s at c=8",
            "share of /livez",
            "p95 ≤ 150 ms",
        ],
        [
            [
                r["name"],
                f"`{r['path']}`",
                f"{r['p50']:.1f}",
                f"{r['p95']:.1f}",
                f"{r['p99']:.1f}",
                r["errors"] + r["wrk_errors"],
                f"{r['rps']:.0f}",
                f"1/{1 / r['ratio']:.0f}" if r["ratio"] < 1 else f"{r['ratio']:.2f}",
                verdict(r),
            ]
            for r in rows
        ],
    )
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        f"# Inbox and case view benchmark ({stamp})\n\n"
        f"{info['total']:,} submissions in the database ({info['unit_total']:,} in "
        f"the filtered unit); gunicorn, 2 sync workers, portal.settings.bench; "
        f"latency: {args.requests} sequential requests per page over keep-alive "
        f"with a logged-in session; throughput: wrk, 8 connections, "
        f"{args.duration} s; {platform.node()} ({os.cpu_count()} CPUs, load "
        f"average {os.getloadavg()[0]:.1f}).\n\n{table}\n"
    )
    path = write_result("feedback_admin.md", text)
    print(text)
    print(f"Written to {path}")
    return 0 if all(verdict(r) != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
