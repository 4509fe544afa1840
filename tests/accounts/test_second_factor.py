"""A password sign-in to the admin needs a code from an authenticator app
(issue 12 §7a): set up with a QR code the first time, asked every time after.
The codes are computed from the device's key, as the app on a phone does."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENROL = "/admin/tofaktor/oppsett/"
VERIFY = "/admin/tofaktor/"


@pytest.fixture(autouse=True)
def otp_on(settings):
    settings.PORTAL_OTP_REQUIRED = True


def _code(device, steps_ahead=0):
    """What the app shows now (or `steps_ahead` periods of 30 s later: a code is
    accepted once, so a second sign-in in the same half minute takes the next)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def _password_login(username="kari"):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": username, "password": "pw", "next": "/admin/"}
    )
    assert response.status_code == 302
    return client


def test_first_sign_in_sets_up_the_app_then_every_sign_in_asks_a_code():
    UserFactory(username="kari", is_superuser=True)
    client = _password_login()

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == f"{ENROL}?next=%2Fadmin%2F"
    page = client.get(response.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sett opp tofaktorinnlogging" in html
    assert "<svg" in html and "QR-kode for autentiseringsappen" in html
    # The QR code is drawn here: the page loads nothing from elsewhere.
    assert "otpauth" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert '<label class="w-field__label" for="id_token"' in html
    device = TOTPDevice.objects.get(user__username="kari")
    assert not device.confirmed

    wrong = client.post(ENROL, {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert 'id="error-summary"' in wrong.text and "autofocus" in wrong.text
    assert "Koden er feil eller for gammel" in wrong.text
    assert client.get("/admin/").status_code == 302
    # A code sent within a second of a wrong one is not checked (django-otp's
    # throttle: the wait doubles with each wrong code).
    soon = client.post(ENROL, {"token": _code(device), "next": "/admin/"})
    assert "Vent litt og prøv igjen" in soon.text
    time.sleep(2.1)

    done = client.post(ENROL, {"token": _code(device), "next": "/admin/"})
    assert (done.status_code, done.url) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # The next sign-in asks for a code, not a new set-up.
    again = _password_login()
    response = again.get("/admin/pages/")
    assert response.url == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert "Bekreft med engangskode" in again.get(response.url).text
    assert again.post(VERIFY, {"token": "123"}).status_code == 200  # not six digits
    done = again.post(VERIFY, {"token": _code(device, 1), "next": "/admin/pages/"})
    assert (done.status_code, done.url) == (302, "/admin/pages/")
    assert again.get("/admin/pages/").status_code == 200


def test_a_code_is_accepted_once():
    user = UserFactory(username="kari", is_superuser=True)
    device = TOTPDevice.objects.create(user=user, confirmed=True)
    client = _password_login()
    code = _code(device)
    assert client.post(VERIFY, {"token": code}).status_code == 302
    other = _password_login()
    assert other.post(VERIFY, {"token": code}).status_code == 200
    assert other.get("/admin/").status_code == 302


def test_every_admin_user_is_asked_not_only_superusers():
    editor = UserFactory(username="kari")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = _password_login()
    assert client.get("/admin/").url.startswith(ENROL)


def test_a_user_with_a_device_cannot_set_up_another_before_the_code():
    user = UserFactory(username="kari", is_superuser=True)
    TOTPDevice.objects.create(user=user, confirmed=True)
    client = _password_login()
    response = client.get(ENROL)
    assert response.url.startswith(VERIFY)


def test_next_must_point_into_the_site():
    user = UserFactory(username="kari", is_superuser=True)
    device = TOTPDevice.objects.create(user=user, confirmed=True)
    client = _password_login()
    done = client.post(
        VERIFY, {"token": _code(device), "next": "https://elsewhere.example/"}
    )
    assert done.url == "/admin/"


def test_sign_out_works_before_the_code():
    UserFactory(username="kari", is_superuser=True)
    client = _password_login()
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_off_the_password_alone_signs_in(settings):
    settings.PORTAL_OTP_REQUIRED = False
    UserFactory(username="kari", is_superuser=True)
    assert _password_login().get("/admin/").status_code == 200


def test_an_administrator_resets_a_lost_phone():
    user = UserFactory(username="kari", is_superuser=True)
    TOTPDevice.objects.create(user=user, confirmed=True)
    call_command("reset_second_factor", "kari")
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert _password_login().get("/admin/").url.startswith(ENROL)


def test_the_app_names_the_municipality_of_the_settings(monkeypatch):
    """The code's label is the municipality's name (Settings › Municipality), not
    a name fixed in the settings file; PORTAL_OTP_ISSUER overrides it."""
    from portal.models import Municipality

    municipality = Municipality.load()
    municipality.name = "Bø kommune"
    municipality.save()
    device = TOTPDevice.objects.create(user=UserFactory(username="kari"), name="app")
    assert "issuer=B%C3%B8%20kommune" in device.config_url
    monkeypatch.setenv("PORTAL_OTP_ISSUER", "Portalen")
    assert "issuer=Portalen" in device.config_url
