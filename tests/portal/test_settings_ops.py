"""Production settings refuse to start half-configured; health endpoints; security
headers; the error pages are in the site design."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = str(settings.BASE_DIR)


def _python(code: str, **env) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with a clean environment plus `env`."""
    clean = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": ROOT,
        "HOME": os.environ.get("HOME", "/root"),
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


IMPORT_PRODUCTION = "import portal.settings.production"


def test_production_refuses_to_start_without_secret_key():
    result = _python(IMPORT_PRODUCTION, ALLOWED_HOSTS="portal.asker.kommune.no")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _python(IMPORT_PRODUCTION, DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_when_configured():
    # The two tests above can fail: with both set, the module loads.
    result = _python(
        IMPORT_PRODUCTION + "; from portal.settings import production as p; "
        "print(p.DEBUG, p.ALLOWED_HOSTS, p.SECURE_HSTS_SECONDS)",
        DJANGO_SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="portal.asker.kommune.no",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['portal.asker.kommune.no']", "31536000"]


REQUEST_IN_PRODUCTION = """
import json, django
django.setup()
from django.test import Client
out = {}
for name, path, kwargs in [
    ("livez_https", "/livez", {"headers": {"x-forwarded-proto": "https"}}),
    ("livez_http", "/livez", {}),
    ("page_http", "/barnehage/", {}),
]:
    r = Client().get(path, **kwargs)
    out[name] = {"status": r.status_code, "headers": dict(r.items())}
print(json.dumps(out))
"""


def test_production_sends_hsts_and_redirects_to_https():
    result = _python(
        REQUEST_IN_PRODUCTION,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=os.environ.get("DATABASE_URL", "") or _database_url(),
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    hsts = out["livez_https"]["headers"]["Strict-Transport-Security"]
    assert hsts.startswith("max-age=31536000") and "includeSubDomains" in hsts
    assert out["livez_https"]["headers"]["X-Content-Type-Options"] == "nosniff"
    # Plain HTTP is redirected to HTTPS, except the health probes.
    assert out["page_http"]["status"] == 301
    assert out["page_http"]["headers"]["Location"] == "https://testserver/barnehage/"
    assert out["livez_http"]["status"] == 200


def _database_url() -> str:
    from portal.embedded_db import url

    return url(settings.DATABASES["default"]["NAME"])


def test_security_headers_on_a_public_page(client, site):
    response = client.get(site["topic"].url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    # The test settings run tasks at once: no worker to check.
    assert body["checks"] == {
        "database": {"status": "ok"},
        "cache": {"status": "ok"},
        "storage": {"status": "ok"},
        "virus_scanner": {"status": "ok", "scanner": "none"},
    }
    assert "no-cache" in response["Cache-Control"]


HEALTHZ = """
import django
django.setup()
from django.test import Client
r = Client().get("/healthz")
print(r.status_code, r.content.decode())
"""


def test_healthz_503_when_the_database_is_unreachable():
    import socket

    # A port on loopback that nothing listens on: a real refused connection.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = _python(
        HEALTHZ,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/portal",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    body = json.loads(body)
    assert body["status"] == "error"
    assert body["checks"]["database"] == {
        "status": "error",
        "error": "OperationalError",
    }


def test_livez_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.content == b"ok"


def _in_design(body: str):
    for part in ('class="portal-header"', 'id="main-content"', "portal.css"):
        assert part in body, part


def test_404_page_in_design(client, site):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    body = response.content.decode()
    _in_design(body)
    assert "Vi fant ikke siden" in body
    assert 'role="search"' in body  # a way on from here


@pytest.mark.urls("tests.portal.urls_boom")
@pytest.mark.parametrize(("prefix", "text"), [("", "Noe gikk galt")])
def test_500_page_in_design(site, prefix, text):
    client = Client(raise_request_exception=False)
    response = client.get(prefix + "/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    _in_design(body)
    assert text in body
    assert "RuntimeError" not in body and "a bug in a view" not in body
