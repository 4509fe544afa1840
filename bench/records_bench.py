"""Archive export: 10,000 inputs with an attachment each, written as Fiks Arkiv
messages by `manage.py archive_export`, in bounded memory and at ≥ 200
messages/s (issue 13).

    .venv/bin/python bench/records_bench.py [--count 10000] [--size 20000]

Uses its own database (`portal_records_bench` on the server of DATABASE_URL)
and its own attachment folder under var/bench/, so it never touches
development data. Seeds with bulk inserts (not the services: this is load, not
real inputs), makes the archive posts (`posts_sync`, timed on its own), then
times the export in a child process and reads its peak memory (max RSS). A
first export of a tenth of the inputs gives the memory to compare with:
bounded means the peak does not grow with the number of messages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "portal_records_bench"


def bench_env() -> dict:
    url = urlsplit(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
    )
    env = dict(os.environ)
    env["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{DATABASE}"))
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["ATTACHMENTS_ROOT"] = str(ROOT / "var" / "bench" / "records-attachments")
    env["PORTAL_ARCHIVE_TRANSPORT"] = "none"
    return env


def manage(env, *args, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )


SEED = r"""
import os, random, datetime
from django.core.files.base import ContentFile
from django.utils import timezone
from feedback.models import Submission, Attachment, Topic
from units.models import Unit
from records.services import posts_sync
import time
count = int(os.environ["N"])
size, offset = int(os.environ["SIZE"]), int(os.environ["OFFSET"])
unit, _ = Unit.objects.get_or_create(
    slug="bench-enhet", defaults={"name": "Bench-enhet"}
)
topic, _ = Topic.objects.get_or_create(
    slug="bench", defaults={"name": "Bench", "default_unit": unit}
)
rng = random.Random(13)
now = timezone.now()
root = os.environ["ATTACHMENTS_ROOT"]
os.makedirs(os.path.join(root, "bench"), exist_ok=True)
for start in range(0, count, 1000):
    rows = []
    for i in range(start, min(start + 1000, count)):
        n = offset + i
        rows.append(Submission(
            reference=f"R-{n:07d}", kind="feedback", status="closed",
            topic=topic, unit=unit,
            subject=f"Hull i veien nr. {n}", text="Det er et stort hull i veien. " * 20,
            contact_name=f"Person {n}",
            contact_email=f"person{n}@example.org",
            postcode="1384", due_at=now,
            created_at=now - datetime.timedelta(minutes=n),
        ))
    Submission.objects.bulk_create(rows)
    attachments = []
    for s in rows:
        name = f"bench/{s.reference}.png"
        with open(os.path.join(root, name), "wb") as f:
            f.write(rng.randbytes(size))
        attachments.append(Attachment(
            submission=s, file=name, original_name="bilde.png",
            content_type="image/png", size=size,
        ))
    Attachment.objects.bulk_create(attachments)
started = time.perf_counter()
made = posts_sync()
print(f"SYNC {made} {time.perf_counter() - started:.2f}")
"""


def seed(env, count, size, offset) -> tuple[int, float]:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SEED],
        cwd=ROOT,
        env={**env, "N": str(count), "SIZE": str(size), "OFFSET": str(offset)},
        check=True,
        capture_output=True,
        text=True,
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("SYNC")][-1]
    _tag, made, seconds = line.split()
    return int(made), float(seconds)


EXPORT = r"""
import io, os, resource, time
from django.core.management import call_command
out = io.StringIO()
started = time.perf_counter()
call_command("archive_export", "--out", os.environ["OUT"], "--all", stdout=out)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("EXPORT", out.getvalue().split()[0], f"{seconds:.3f}", f"{peak:.1f}")
"""


def export(env, out: Path) -> tuple[int, float, float]:
    """(messages, seconds, peak RSS in MB) of one archive_export --all, measured
    inside its own process."""
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", EXPORT],
        cwd=ROOT,
        env={**env, "OUT": str(out)},
        check=True,
        capture_output=True,
        text=True,
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("EXPORT")][-1]
    _tag, messages, seconds, peak = line.split()
    return int(messages), float(seconds), float(peak)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=20_000, help="attachment bytes")
    args = parser.parse_args()
    env = bench_env()
    import psycopg

    admin = urlsplit(env["DATABASE_URL"])._replace(path="/postgres")
    with psycopg.connect(urlunsplit(admin), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    shutil.rmtree(env["ATTACHMENTS_ROOT"], ignore_errors=True)
    manage(env, "migrate", "--no-input")
    out = ROOT / "var" / "bench" / "records-export"
    small = args.count // 10
    made, sync_small = seed(env, small, args.size, 0)
    m_small, s_small, rss_small = export(env, out)
    made2, sync_big = seed(env, args.count - small, args.size, small)
    m_big, s_big, rss_big = export(env, out)
    rate = m_big / s_big
    report = (
        f"| export | messages | seconds | messages/s | peak RSS (MB) |\n"
        f"|---|---|---|---|---|\n"
        f"| first {small} inputs | {m_small} | {s_small:.1f} "
        f"| {m_small / s_small:.0f} | {rss_small:.0f} |\n"
        f"| all {args.count} inputs | {m_big} | {s_big:.1f} "
        f"| {rate:.0f} | {rss_big:.0f} |\n"
        f"\nposts made: {made + made2} ({sync_small + sync_big:.1f} s); each message "
        f"an arkivmelding.xml (validated), the input as UTF-8 text and one "
        f"{args.size}-byte attachment, all hashed (SHA-256).\n"
    )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "records.md").write_text(report)
    print(report)
    shutil.rmtree(out, ignore_errors=True)
    ok = rate >= 200 and rss_big <= rss_small * 1.5
    print("target ≥ 200 messages/s in bounded memory:", "met" if ok else "MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
