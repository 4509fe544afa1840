"""Password guessing at the admin login is stopped (issue 12 §6): per account and
per client, with a Norwegian page, unlocked by time or by an administrator."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.services import login_records_prune
from records import retention
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def _login(client, username, password):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}
    )


def _signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def _guess(client, username, times):
    return [_login(client, username, f"wrong-{i}").status_code for i in range(times)]


def _after_cool_off():
    # The cool-off counts from each attempt's time: move them all back.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=16)
    )


def test_forty_wrong_passwords_then_the_right_one_is_refused(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    UserFactory(username="kari", is_superuser=True)
    client = Client()

    statuses = _guess(client, "kari", 40)

    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert statuses[4:] == [429] * 36
    response = _login(client, "kari", "pw")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Innloggingen er sperret en stund" in page
    assert "Prøv igjen om 15 minutter" in page
    assert not _signed_in(client)


def test_after_the_cool_off_the_right_password_works():
    UserFactory(username="kari", is_superuser=True)
    client = Client()
    _guess(client, "kari", 5)
    assert _login(client, "kari", "pw").status_code == 429

    _after_cool_off()

    assert _login(client, "kari", "pw").status_code == 302
    assert _signed_in(client)


def test_the_account_is_locked_from_another_client_too():
    UserFactory(username="kari", is_superuser=True)
    _guess(Client(REMOTE_ADDR="10.0.0.1"), "kari", 5)

    assert _login(Client(REMOTE_ADDR="10.0.0.2"), "kari", "pw").status_code == 429


def test_a_client_guessing_many_accounts_is_locked_out():
    UserFactory(username="kari", is_superuser=True)
    guesser = Client(REMOTE_ADDR="10.0.0.9")
    for i in range(5):
        _login(guesser, f"someone{i}", "wrong")

    assert _login(guesser, "kari", "pw").status_code == 429
    # Kari herself, elsewhere, is not stopped by someone else's guessing.
    assert _login(Client(REMOTE_ADDR="10.0.0.2"), "kari", "pw").status_code == 302


def test_an_administrator_lifts_a_lockout():
    UserFactory(username="kari", is_superuser=True)
    admin = Client()
    admin.force_login(UserFactory(username="it-admin", is_superuser=True))
    client = Client(REMOTE_ADDR="10.0.0.5")
    _guess(client, "kari", 6)

    page = admin.get(reverse("accounts_lockouts"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Innloggingssperrer" in html
    assert "kari" in html and "10.0.0.5" in html
    response = admin.post(
        reverse("accounts_lockouts"), {"kind": "username", "value": "kari"}
    )
    assert response.status_code == 302

    assert _login(client, "kari", "pw").status_code == 302
    assert "Ingen er sperret ute nå" in admin.get(reverse("accounts_lockouts")).text


def test_an_administrator_lifts_a_client_lockout():
    UserFactory(username="kari", is_superuser=True)
    admin = Client()
    admin.force_login(UserFactory(username="it-admin", is_superuser=True))
    guesser = Client(REMOTE_ADDR="10.0.0.9")
    for i in range(5):
        _login(guesser, f"someone{i}", "wrong")
    assert _login(guesser, "kari", "pw").status_code == 429

    admin.post(reverse("accounts_lockouts"), {"kind": "client", "value": "10.0.0.9"})

    assert _login(guesser, "kari", "pw").status_code == 302


def test_only_those_with_the_permission_see_and_lift_lockouts():
    UserFactory(username="kari", is_superuser=True)
    _guess(Client(), "kari", 5)
    editor = UserFactory(username="redaktor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(editor)

    assert "login-lockouts" not in client.get("/admin/").text
    # Wagtail turns the refusal into a redirect to the dashboard, with a message.
    refused = client.get(reverse("accounts_lockouts"))
    assert (refused.status_code, refused.url) == (302, "/admin/")
    client.post(reverse("accounts_lockouts"), {"kind": "username", "value": "kari"})
    assert _login(Client(), "kari", "pw").status_code == 429

    # An IT group is given the permission in Settings → Groups.
    group = Group.objects.create(name="IT")
    group.permissions.add(Permission.objects.get(codename="delete_accessattempt"))
    editor.groups.add(group)
    assert client.get(reverse("accounts_lockouts")).status_code == 200
    assert "login-lockouts" in client.get("/admin/").text


def test_every_lockout_is_logged_without_password_or_address(caplog):
    UserFactory(username="kari", is_superuser=True)
    with caplog.at_level(logging.INFO):
        client = Client(REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Secret/1.0")
        for i in range(5):
            _login(client, "kari", f"hemmelig-{i}")

    lockouts = [r for r in caplog.records if "Login locked out" in r.getMessage()]
    assert len(lockouts) == 1
    assert "'kari'" in lockouts[0].getMessage()
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "hemmelig" not in text
    assert "10.1.2.3" not in text
    assert "Secret/1.0" not in text


def test_login_records_are_pruned_by_the_daily_retention_run(settings):
    settings.PORTAL = {**settings.PORTAL, "LOGIN_LOG_DAYS": 30}
    UserFactory(username="kari", is_superuser=True)
    client = Client()
    _login(client, "kari", "wrong")
    _login(client, "kari", "pw")
    assert AccessLog.objects.count() == 1
    _login(Client(REMOTE_ADDR="10.0.0.7"), "kari", "wrong")
    AccessLog.objects.update(attempt_time=timezone.now() - datetime.timedelta(days=31))
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=16)
    )
    assert login_records_prune() == {"login_attempts": 1, "login_log": 1}
    assert not AccessLog.objects.exists()

    counts = retention.run()
    assert counts["login_attempts"] == 0 and counts["login_log"] == 0
