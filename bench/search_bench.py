"""Search benchmark (issue #5): 5,000 pages, server-side p95, throughput vs /livez,
reindex time.

    .venv/bin/python bench/search_bench.py [--count 5000] [--duration 15]

Uses its own database on the embedded PostgreSQL (`portal_search_bench`, or
DATABASE_URL when set): migrates it, seeds the demo content once, scales it to
`--count` service/standard pages (manage.py bench_seed_pages), then

1. reindex: `manage.py search_reindex`, timed (target < 60 s);
2. latency: `search.search()` timed in-process for one- and two-word queries from
   tests/search/relevance.yaml (target p95 <= 50 ms);
3. throughput: gunicorn (2 sync workers, portal.settings.bench: production-like,
   page cache off) loaded by `wrk` at concurrency 8 through bench/harness.py,
   /livez against /sok/?q=… with rotating queries (target: search >= 1/15 of
   /livez).

Writes var/bench/search.json and prints a summary. Not part of `make test`.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
MANAGE = [PY, str(ROOT / "manage.py")]
DB_NAME = "portal_search_bench"
SETTINGS = "portal.settings.test"


def database_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    from portal.embedded_db import url

    return url(DB_NAME)


def ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg

    db = dj_database_url.parse(url)
    name = db["NAME"]
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or None,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(*args, env, capture=False):
    result = subprocess.run(
        [*MANAGE, *args],
        env=env,
        cwd=ROOT,
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout if capture else ""


def prepare(env, count: int) -> float:
    manage("migrate", "--no-input", "-v", "0", env=env)
    has_demo = manage(
        "shell",
        "-c",
        "from home.models import TopicPage; print(TopicPage.objects.count())",
        env=env,
        capture=True,
    )
    if int(has_demo.strip().splitlines()[-1]) == 0:
        print("Seeding the demo content (a few minutes) …", flush=True)
        manage(
            "shell",
            "-c",
            "import sys; from home import demo; "
            "demo.seed(sys.stdout); from search import demo as s; "
            "s.seed(sys.stdout)",
            env=env,
        )
    manage("bench_seed_pages", "--count", str(count), env=env)
    print("Reindexing …", flush=True)
    out = manage("search_reindex", env=env, capture=True)
    match = re.search(r"Indexed (\d+) pages in ([\d.]+) s", out)
    print(out.strip().splitlines()[-1])
    return float(match.group(2)) if match else float("nan")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def latency(env, rounds: int) -> dict:
    """Time search() in this process, the way the view calls it."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import yaml

    import search
    from search.models import SearchEntry

    cases = yaml.safe_load((ROOT / "tests/search/relevance.yaml").read_text())
    queries = {1: [], 2: []}
    for case in cases:
        n = len(case["query"].split())
        if n in queries:
            queries[n].append(case["query"])
    for query in queries[1] + queries[2]:  # warm up connections and caches
        search.search(query, language="nb")
    result = {"indexed_pages": SearchEntry.objects.filter(page__isnull=False).count()}
    for words, items in queries.items():
        timings = []
        for _ in range(rounds):
            for query in items:
                started = time.perf_counter()
                search.search(query, language="nb")
                timings.append((time.perf_counter() - started) * 1000)
        result[f"{words}_word"] = {
            "queries": len(items),
            "samples": len(timings),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
        }
    return result


def throughput(env, duration: int) -> dict:
    """/livez and the results page under gunicorn (2 workers), wrk at
    concurrency 8, through the shared harness (bench/harness.py) with the
    production-like settings portal.settings.bench (page cache off)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import harness

    server_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"}
    manage("collectstatic", "--no-input", "-v", "0", env=server_env)
    with harness.start_gunicorn(server_env, workers=2, page_cache_seconds=0) as server:
        harness.fetch(server.url + "/sok/?q=barnehage")  # warm up
        livez = harness.wrk(server.url + "/livez", duration=duration)
        results = harness.wrk(
            server.url + "/sok/?q=barnehageplass",
            duration=duration,
            script=str(ROOT / "bench" / "search_queries.lua"),
        )
    ratio = harness.ratio(results, livez)
    return {
        "livez": {
            "requests_per_second": livez.requests_per_second,
            "p50_ms": livez.p50_ms,
            "p99_ms": livez.p99_ms,
            "errors": livez.errors,
        },
        "search": {
            "requests_per_second": results.requests_per_second,
            "p50_ms": results.p50_ms,
            "p99_ms": results.p99_ms,
            "errors": results.errors,
        },
        "ratio": round(ratio, 3),
        "target_ratio": round(1 / 15, 3),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-prepare", action="store_true")
    args = parser.parse_args()

    url = database_url()
    ensure_database(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    report = {"database": url.rsplit("/", 1)[-1], "pages_target": args.count}
    if not args.skip_prepare:
        report["reindex_seconds"] = prepare(env, args.count)
    report["throughput"] = throughput(env, args.duration)
    report["latency"] = latency(env, args.rounds)

    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    lat = report["latency"]
    ok = [
        ("reindex < 60 s", report.get("reindex_seconds", 0) < 60),
        ("p95 1 word <= 50 ms", lat["1_word"]["p95_ms"] <= 50),
        ("p95 2 words <= 50 ms", lat["2_word"]["p95_ms"] <= 50),
    ]
    if "ratio" in report["throughput"]:
        ok.append(("search >= 1/15 of /livez", report["throughput"]["ratio"] >= 1 / 15))
    for name, passed in ok:
        print(f"{'PASS' if passed else 'FAIL'}  {name}")


if __name__ == "__main__":
    main()
