"""Staff sessions end after an idle time (issue 12 §7b): the next admin request
goes to the login. Residents, who never log in, are not touched."""

import time

import pytest
from django.test import Client

from accounts.middleware import LAST_SEEN_SESSION_KEY
from tests.factories import UserFactory, make_site

pytestmark = pytest.mark.django_db


def _staff_client():
    client = Client()
    client.force_login(UserFactory(username="kari", is_superuser=True))
    assert client.get("/admin/").status_code == 200
    return client


def _idle_for(client, minutes):
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = int(time.time()) - minutes * 60
    session.save()


def test_after_the_idle_time_the_next_admin_request_goes_to_the_login(settings):
    assert settings.PORTAL_STAFF_IDLE_MINUTES == 30
    client = _staff_client()
    _idle_for(client, 31)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    login = client.get(response.url)
    assert "Du ble logget ut etter 30 minutter uten aktivitet" in login.text
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_activity_within_the_idle_time_keeps_the_session():
    client = _staff_client()
    _idle_for(client, 29)

    assert client.get("/admin/pages/").status_code == 200
    assert time.time() - client.session[LAST_SEEN_SESSION_KEY] < 5
    _idle_for(client, 29)
    assert client.get("/admin/").status_code == 200


def test_the_idle_time_is_configurable(settings):
    settings.PORTAL_STAFF_IDLE_MINUTES = 5
    client = _staff_client()
    _idle_for(client, 6)
    assert client.get("/admin/").status_code == 302


def test_residents_are_not_touched():
    make_site()
    resident = Client()
    assert resident.get("/").status_code == 200
    assert LAST_SEEN_SESSION_KEY not in resident.session
