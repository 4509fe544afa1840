"""Reusable pieces for the portal's benchmarks (see bench/README.md).

    from harness import Bench
    with Bench(database="portal_bench") as bench:      # migrated + seeded
        with bench.server(page_cache_seconds=0) as server:   # gunicorn, 2 workers
            floor = wrk(server.url + "/livez")
            page = wrk(server.url + "/")
            print(ratio(page, floor))

Everything runs over loopback only (127.0.0.1), for a bounded duration, with
production-like settings (portal.settings.bench: DEBUG off, manifest static files,
the production middleware and headers).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SETTINGS = "portal.settings.bench"
RESULTS = ROOT / "bench" / "results"


# --- the database -------------------------------------------------------------


def database_url(name: str) -> str:
    """DATABASE_URL with the database name replaced, else the embedded server."""
    import dj_database_url  # noqa: F401 - fail early if the venv is missing

    if os.environ.get("DATABASE_URL"):
        base = os.environ["DATABASE_URL"]
        head, _, _old = base.rpartition("/")
        return f"{head}/{name}"
    sys.path.insert(0, str(ROOT))
    from portal.embedded_db import start, url

    start()  # idempotent: attaches to the running server
    return url(name)


def ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg

    db = dj_database_url.parse(url)
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or None,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if not exists:
            # The name is ours (a constant of the calling script), not input.
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


class Bench:
    """A migrated, seeded benchmark database and the environment to use it."""

    def __init__(
        self,
        database: str = "portal_bench",
        *,
        seed: bool | str = "auto",
        collectstatic: bool = True,
    ):
        """seed: True runs seed_demo, "auto" only when the database has no
        services yet (seeding takes minutes), False never."""
        self.database = database
        self.url = database_url(database)
        self.env = {
            **os.environ,
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "PYTHONPATH": str(ROOT),
        }
        self._seed = seed
        self._collectstatic = collectstatic

    def __enter__(self) -> Bench:
        ensure_database(self.url)
        self.manage("migrate", "--no-input", "-v", "0")
        if self._seed == "auto":
            count = self.shell(
                "from home.models import ServicePage; "
                "print(ServicePage.objects.count())"
            )
            self._seed = int(count.strip().splitlines()[-1]) == 0
        if self._seed:
            self.manage("seed_demo")
        if self._collectstatic:
            self.manage("collectstatic", "--no-input", "-v", "0")
        return self

    def __exit__(self, *exc):
        return False

    def manage(self, *args: str, capture: bool = False, env: dict | None = None):
        result = subprocess.run(
            [PY, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            check=True,
            text=True,
            env={**self.env, **(env or {})},
            capture_output=capture,
        )
        return result.stdout if capture else None

    def shell(self, code: str, env: dict | None = None) -> str:
        """Run Python inside Django (bench settings); returns what it printed."""
        return self.manage("shell", "-c", code, capture=True, env=env)

    def server(self, **kwargs) -> contextlib.AbstractContextManager[Server]:
        return start_gunicorn(self.env, **kwargs)


# --- the server ---------------------------------------------------------------


@dataclasses.dataclass
class Server:
    url: str
    process: subprocess.Popen
    database_url: str = ""

    def worker_pids(self) -> list[int]:
        pid = self.process.pid
        try:
            text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def database_pids(self) -> list[int]:
        """PostgreSQL backends serving this server's database."""
        import dj_database_url
        import psycopg

        db = dj_database_url.parse(self.database_url)
        with psycopg.connect(
            host=db["HOST"],
            port=db["PORT"] or None,
            user=db["USER"] or "postgres",
            password=db["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid()",
                [db["NAME"]],
            ).fetchall()
        return [row[0] for row in rows]

    def cpu_seconds(self) -> tuple[dict[int, float], dict[int, float]]:
        """CPU time (user + system) used so far by the workers and by their
        database backends. Unlike requests/s, it hardly depends on what else
        the machine is doing."""
        return (
            _cpu_of(self.worker_pids()),
            _cpu_of(self.database_pids()) if self.database_url else {},
        )


def _cpu_of(pids: list[int]) -> dict[int, float]:
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return seconds


def _cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    # A process that started during the run used all its CPU in it; one that
    # ended during the run is lost (the bench keeps connections open to avoid it).
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def start_gunicorn(
    env: dict,
    *,
    workers: int = 2,
    page_cache_seconds: int = 0,
    extra_env: dict | None = None,
    timeout: float = 30.0,
):
    """gunicorn (sync workers) on 127.0.0.1:<free port>; stopped on exit."""
    port = free_port()
    server_env = {
        **env,
        "PORTAL_PAGE_CACHE_SECONDS": str(page_cache_seconds),
        # Persistent connections (as in production) that outlive the
        # run, so that the database CPU per request can be counted.
        "DB_CONN_MAX_AGE": "600",
        **(extra_env or {}),
    }
    process = subprocess.Popen(  # noqa: S603 - our own executable and arguments
        [
            GUNICORN,
            "portal.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=server_env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting")
            try:
                if fetch(url + "/livez").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /livez")
            time.sleep(0.2)
        yield Server(
            url=url, process=process, database_url=server_env.get("DATABASE_URL", "")
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclasses.dataclass
class Fetched:
    status: int
    headers: dict
    body: bytes


def fetch(url: str) -> Fetched:
    """One GET over loopback (urllib); errors come back as their status."""
    assert url.startswith("http://127.0.0.1:"), url  # loopback only
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return Fetched(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, dict(error.headers), error.read())


# --- the load generator -------------------------------------------------------


@dataclasses.dataclass
class WrkResult:
    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # socket errors + non-2xx/3xx responses
    app_cpu_ms: float | None = None  # set by wrk_with_cpu()
    db_cpu_ms: float | None = None


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        path = shutil.which("wrk")
    if not path:
        raise SystemExit("wrk is missing: install Debian's package `wrk`.")
    return path


def wrk(
    url: str,
    *,
    duration: int = 10,
    connections: int = 8,
    threads: int = 2,
    script: str | None = None,
) -> WrkResult:
    """Load url at the given concurrency for `duration` seconds (loopback only)."""
    assert url.startswith("http://127.0.0.1:"), url
    command = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], check=True, text=True, capture_output=True
    ).stdout
    return parse_wrk(url, output)


def wrk_with_cpu(server: Server, path: str, **kwargs) -> WrkResult:
    """wrk on the server, plus CPU milliseconds per request spent in the
    gunicorn workers and in PostgreSQL (result.app_cpu_ms, result.db_cpu_ms)."""
    before = server.cpu_seconds()
    result = wrk(server.url + path, **kwargs)
    after = server.cpu_seconds()
    requests = max(result.requests, 1)
    result.app_cpu_ms = _cpu_delta(before[0], after[0]) * 1000 / requests
    result.db_cpu_ms = _cpu_delta(before[1], after[1]) * 1000 / requests
    return result


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(url: str, output: str) -> WrkResult:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return WrkResult(url, rps, p50, p99, requests, errors)


def ratio(result: WrkResult, floor: WrkResult) -> float:
    """A page's throughput as a share of the floor's (/livez) from the same run."""
    return result.requests_per_second / floor.requests_per_second


# --- reporting ------------------------------------------------------------------


def markdown_table(header: list[str], rows: list[list]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def write_result(name: str, text: str) -> Path:
    """bench/results/<name> (gitignored)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(text, encoding="utf-8")
    return path
