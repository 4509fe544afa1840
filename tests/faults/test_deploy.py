"""Issue 12 §2: deploy/ ships systemd units that restart the web and the worker
on failure and run every scheduled job of the README as a timer. systemd is not
PID 1 here, so the units are checked with `systemd-analyze verify`, not started."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"


def _scheduled_jobs() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Scheduled jobs", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `manage\.py (\w+)", section, flags=re.M))


def test_every_scheduled_job_has_a_timer():
    jobs = _scheduled_jobs()
    assert {"send_overdue_digest", "anonymise_expired"} <= jobs
    for job in jobs:
        service = (DEPLOY / f"portal-{job}.service").read_text()
        assert f"manage.py {job}" in service
        assert "OnCalendar=" in (DEPLOY / f"portal-{job}.timer").read_text()


@pytest.mark.parametrize("unit", ["portal-web.service", "portal-worker.service"])
def test_long_running_units_restart_on_failure(unit):
    text = (DEPLOY / unit).read_text()
    assert "Restart=on-failure" in text
    assert "EnvironmentFile=/etc/portal/portal.env" in text


def test_units_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze missing: install Debian's systemd package")
    # The units name /srv/portal; verify them against this checkout, which has
    # the .venv their ExecStart lines need.
    for unit in DEPLOY.glob("portal-*"):
        text = unit.read_text().replace("/srv/portal", str(ROOT))
        (tmp_path / unit.name).write_text(text)
    units = sorted(str(p) for p in tmp_path.iterdir())
    result = subprocess.run(  # noqa: S603
        [analyze, "verify", "--man=no", *units],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
