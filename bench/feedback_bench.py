"""Submitting the public feedback form under load (issue #3).

    .venv/bin/python bench/feedback_bench.py [--duration 10] [--connections 8]

Target: >= 50 submissions/s at concurrency 8 with zero errors, and every
submission present in the database afterwards. Uses bench/harness.py: its own
benchmark database, production settings, gunicorn with 2 sync workers on
127.0.0.1. The form is posted as a browser without JavaScript would: CSRF cookie
and token from the form page, the signed start time from the form (the script
waits out the minimum fill time once), honeypot empty. Only the rate limit is
raised (one client sends everything). Each submission is routed and stored with its
events and audit entry, and queues its receipt and unit notice.

Two passes, each with /livez measured in the same server run for the ratio:
- "queued": the tasks go to the database queue, as in production (no worker runs
  during the measurement, so the e-mails are not rendered here);
- "in request": the immediate task backend renders and "sends" (locmem) both
  e-mails inside the request: the worst case.
"""

import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (  # noqa: E402
    ROOT,
    Bench,
    markdown_table,
    parse_wrk,
    write_result,
    wrk,
)

TARGET_PER_SECOND = 50
FORM_PATH = "/si-din-mening/tilbakemelding/"
COUNT_CODE = (
    "from feedback.models import Submission;"
    "print(Submission.objects.filter(subject__startswith='Bench ').count())"
)


def _count(bench) -> int:
    # `shell` may print a line about auto-imports first: the count is the last.
    return int(bench.shell(COUNT_CODE).strip().splitlines()[-1])


def form_state(base_url: str) -> tuple[str, str, str]:
    """(cookie header, csrf token, signed start time) from the real form page."""
    with urllib.request.urlopen(  # noqa: S310 - loopback
        base_url + FORM_PATH,
        timeout=10,
    ) as response:
        html = response.read().decode()
        # The CSRF cookie is marked Secure (production settings), so a cookie jar
        # would drop it over plain HTTP; take it from the header.
        cookies = [h.split(";", 1)[0] for h in response.headers.get_all("Set-Cookie")]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    return "; ".join(cookies), token, started


def run_pass(
    bench, *, label: str, extra_env: dict, duration: int, connections: int
) -> dict:
    before = _count(bench)
    env = {
        "PORTAL_RATE_LIMIT_SUBMISSIONS": "100000000",
        "LOG_LEVEL": "WARNING",
        **extra_env,
    }
    with bench.server(extra_env=env) as server:
        floor = wrk(server.url + "/livez", duration=duration, connections=connections)
        cookie, token, started = form_state(server.url)
        time.sleep(3.5)  # the form's minimum fill time
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "started": started,
                "website": "",
                "subject": "Bench __N__",
                "language": "nb",
                "text": "Det er et stort hull i veien ved Kirkeveien 12. "
                "Gatelyset virker heller ikke.",
                "contact_email": "bench@example.org",
            }
        )
        command = [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "feedback_submit.lua"),
            server.url + FORM_PATH,
        ]
        output = subprocess.run(  # noqa: S603 - our own command line
            command,
            check=True,
            text=True,
            capture_output=True,
            env={**os.environ, "BENCH_COOKIE": cookie, "BENCH_BODY": body},
        ).stdout
    result = parse_wrk(server.url + FORM_PATH, output)
    counts = re.search(r"BENCH redirects=(\d+) others=(\d+)", output)
    return {
        "label": label,
        "floor": floor,
        "result": result,
        "stored": int(counts.group(1)),
        "refused": int(counts.group(2)),
        "in_db": _count(bench) - before,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--no-seed",
        action="store_true",
        help="Use the benchmark database as it is (already seeded).",
    )
    args = parser.parse_args()

    # Its own database: other benchmarks may be seeding portal_bench meanwhile.
    with Bench(database="portal_bench_feedback", seed=not args.no_seed) as bench:
        passes = [
            run_pass(
                bench,
                label="queued (production)",
                extra_env={"BENCH_DURABLE_TASKS": "1"},
                duration=args.duration,
                connections=args.connections,
            ),
            run_pass(
                bench,
                label="e-mails in request",
                extra_env={},
                duration=args.duration,
                connections=args.connections,
            ),
        ]

    rows, notes, ok = [], [], True
    for p in passes:
        floor, result = p["floor"], p["result"]
        share = result.requests_per_second / floor.requests_per_second
        passed = (
            result.requests_per_second >= TARGET_PER_SECOND
            and result.errors == 0
            and p["refused"] == 0
            and p["in_db"] >= p["stored"]
        )
        ok = ok and passed
        rows.append(
            [
                p["label"],
                f"{floor.requests_per_second:.0f}",
                f"{result.requests_per_second:.1f}",
                f"{share:.3f}",
                f"{result.p50_ms:.0f}",
                f"{result.p99_ms:.0f}",
                result.errors,
                p["stored"],
                p["refused"],
                p["in_db"],
                "PASS" if passed else "FAIL",
            ]
        )
    table = markdown_table(
        [
            "pass",
            "/livez req/s",
            "submissions/s",
            "share of /livez",
            "p50 ms",
            "p99 ms",
            "errors",
            "stored (302)",
            "not stored",
            "new rows",
            "result",
        ],
        rows,
    )
    load = os.getloadavg()
    text = "\n".join(
        [
            f"# Feedback form submissions ({datetime.datetime.now():%Y-%m-%d %H:%M})",
            "",
            f"{platform.node()}, {os.cpu_count()} CPUs, load average "
            f"{load[0]:.1f} at the end, gunicorn 2 sync workers, concurrency "
            f"{args.connections}, {args.duration} s per measurement",
            "",
            table,
            "",
            "New rows can exceed the 302s wrk counted: it stops with requests in "
            "flight.",
            f"Target: >= {TARGET_PER_SECOND} submissions/s, no errors, every stored "
            "submission in the database.",
            "",
            *notes,
        ]
    )
    write_result("feedback_submit.md", text)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
