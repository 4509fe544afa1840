"""The local OpenID Connect provider the tests start (tests/oidc_provider,
django-oidc-provider) in its own process on 127.0.0.1 with its own SQLite
database: the staff login's provider and ID-porten's stand-in. Nothing of the
OpenID Connect flows is mocked; a test follows them with a real HTTP client."""

import os
import re
import socket
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings

ROOT = Path(django_settings.BASE_DIR)
PASSWORD = "provider-pw"  # noqa: S105
# ID-porten's stand-in: the client the portal is registered as there.
IDPORTEN_CLIENT_ID = "idporten-test"
IDPORTEN_CLIENT_SECRET = "idporten-test-secret"  # noqa: S105


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Provider:
    def __init__(self, tmp: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "PROVIDER_DB": str(tmp / "provider.sqlite3"),
            "PYTHONUNBUFFERED": "1",
        }
        self.log = tmp / "provider.log"
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 - our own test provider
            [sys.executable, "-m", "django", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self) -> None:
        self.manage("migrate", "--no-input", "-v0")
        self.manage("creatersakey")
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "django",
                "runserver",
                "--noreload",
                "--nothreading",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                requests.get(f"{self.url}/openid/jwks", timeout=1).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"provider did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def user(self, username: str, *groups: str) -> None:
        self.manage(
            "provider_user",
            username,
            f"--password={PASSWORD}",
            f"--email={username}@asker.kommune.example",
            f"--first-name={username.title()}",
            "--last-name=Testesen",
            f"--groups={','.join(groups)}",
        )


def start_provider(tmp: Path) -> Provider:
    """A running provider; under CI=true one that does not start fails."""
    provider = Provider(tmp)
    try:
        provider.start()
    except (RuntimeError, subprocess.SubprocessError) as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the OpenID Connect test provider did not start: {error}")
        pytest.skip(f"the OpenID Connect test provider did not start: {error}")
    return provider


def form_fields(html: str, *, action_contains: str = "") -> tuple[str, dict]:
    """The first form (whose action contains the text) and its hidden inputs."""
    for match in re.finditer(r"<form[^>]*>.*?</form>", html, re.S):
        form = match.group(0)
        action = re.search(r'action="([^"]*)"', form)
        url = unescape(action.group(1)) if action else ""
        if action_contains not in url:
            continue
        fields = {
            unescape(name): unescape(value)
            for name, value in re.findall(
                r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form
            )
        }
        return url, fields
    raise AssertionError(f"no form with {action_contains!r} in {html[:2000]}")
