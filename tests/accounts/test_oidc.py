"""Staff sign-in through an OpenID Connect provider (issue 12 §7), end to end
against a real provider: tests/oidc_provider (django-oidc-provider), started
once per test session (tests/oidc_provider/harness.py) in its own process on
127.0.0.1 with its own SQLite database. A real HTTP client (requests, with
cookies) follows the flow as a browser would: the admin's login page, its «Logg
inn med kommunens konto» button, the provider's login form, its consent page,
the portal's callback, the dashboard. Nothing of the OIDC flow is mocked."""

import re
from html import unescape

import pytest
import requests

from tests.oidc_provider.harness import PASSWORD, form_fields
from units.choices import Role
from units.models import Membership

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLIENT_ID = "portal-test"
CLIENT_SECRET = "portal-test-secret"  # noqa: S105 - the test provider's client
GROUP_MAP = {
    "sg-barnehage": {"unit": "barnehage", "role": "handler"},
    "sg-vei-ledere": {"unit": "vei-og-trafikk", "role": "lead"},
    "sg-redaksjon": {"role": "editor"},
}


@pytest.fixture(scope="session")
def provider(oidc_provider, live_server):
    oidc_provider.manage(
        "provider_client",
        f"--client-id={CLIENT_ID}",
        f"--client-secret={CLIENT_SECRET}",
        f"--redirect-uri={live_server.url}/admin/oidc/callback/",
    )
    return oidc_provider


@pytest.fixture
def oidc_on(settings, provider):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    base = f"{provider.url}/openid"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{base}/jwks"
    settings.PORTAL_OIDC_GROUP_MAP = GROUP_MAP
    # The provider asks for MFA; the portal's own code is not asked after it.
    settings.PORTAL_OTP_REQUIRED = True
    return provider


@pytest.fixture
def units(db):
    from tests.factories import UnitFactory

    return {
        "barnehage": UnitFactory(slug="barnehage", name="Barnehage"),
        "vei-og-trafikk": UnitFactory(slug="vei-og-trafikk", name="Vei og trafikk"),
    }


def _sign_in(live_server, provider, username: str) -> requests.Response:
    """A staff member's way in, as a browser goes it."""
    browser = requests.Session()
    login = browser.get(f"{live_server.url}/admin/login/", timeout=10)
    button = re.search(
        r'<a class="button" href="([^"]+)">Logg inn med kommunens konto</a>',
        login.text,
    )
    assert button, "no «Logg inn med kommunens konto» on the admin's login page"
    # To the provider's login form (the provider's own /login/).
    page = browser.get(live_server.url + unescape(button.group(1)), timeout=10)
    assert page.url.startswith(f"{provider.url}/login/"), page.url
    action, fields = form_fields(page.text, action_contains="/login/")
    fields.update({"username": username, "password": PASSWORD})
    consent = browser.post(f"{provider.url}{action}", data=fields, timeout=10)
    assert "Request for Permission" in consent.text, consent.text[:500]
    action, fields = form_fields(consent.text, action_contains="/openid/authorize")
    fields["allow"] = "Authorize"
    # Allow: the provider sends the browser to the portal's callback, which
    # exchanges the code and signs in.
    return browser.post(f"{provider.url}{action}", data=fields, timeout=20)


def test_login_page_has_no_button_without_configuration(live_server, provider):
    page = requests.get(f"{live_server.url}/admin/login/", timeout=10)
    assert page.status_code == 200
    assert "Logg inn med kommunens konto" not in page.text
    assert 'name="password"' in page.text  # the local administrators' login
    assert (
        requests.get(
            f"{live_server.url}/admin/oidc/authenticate/", timeout=10
        ).status_code
        == 404
    )


def test_first_sign_in_creates_the_handler_of_the_mapped_unit(
    live_server, oidc_on, units
):
    oidc_on.user("kari", "sg-barnehage", "sg-ukjent")
    response = _sign_in(live_server, oidc_on, "kari")
    assert response.url == f"{live_server.url}/admin/", response.url
    assert response.status_code == 200
    # The dashboard, not the portal's TOTP page (the provider did MFA).
    assert "tofaktor" not in response.url
    assert 'class="login' not in response.text
    membership = Membership.objects.get(user__sso_identity__subject__isnull=False)
    assert membership.unit.slug == "barnehage"
    assert membership.role == Role.HANDLER
    user = membership.user
    assert user.username == "kari"
    assert (user.first_name, user.last_name) == ("Kari", "Testesen")
    assert user.email == "kari@asker.kommune.example"
    assert not user.has_usable_password()
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.groups.filter(name="Editors").exists()


def test_second_sign_in_updates_units_and_roles(live_server, oidc_on, units):
    oidc_on.user("per", "sg-barnehage")
    assert _sign_in(live_server, oidc_on, "per").url == f"{live_server.url}/admin/"
    oidc_on.user("per", "sg-vei-ledere", "sg-redaksjon")
    assert _sign_in(live_server, oidc_on, "per").url == f"{live_server.url}/admin/"
    memberships = Membership.objects.filter(user__username="per")
    assert [(m.unit.slug, m.role) for m in memberships] == [
        ("vei-og-trafikk", Role.LEAD)
    ]
    user = memberships[0].user
    assert user.groups.filter(name="Editors").exists()
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(username__startswith="per").count() == 1


def test_no_mapped_group_is_refused_in_norwegian(live_server, oidc_on, units):
    from django.contrib.auth import get_user_model

    oidc_on.user("ola", "sg-ukjent")
    response = _sign_in(live_server, oidc_on, "ola")
    assert response.url.startswith(f"{live_server.url}/admin/login/")
    assert "ikke tilgang til portalens administrasjon" in unescape(response.text)
    assert not get_user_model().objects.filter(username="ola").exists()
    # Not signed in: the admin sends the same browser back to the login.
    assert "Logg inn med kommunens konto" in response.text


def test_a_user_who_lost_every_group_loses_access(live_server, oidc_on, units):
    from django.contrib.auth import get_user_model

    oidc_on.user("siri", "sg-barnehage")
    assert _sign_in(live_server, oidc_on, "siri").url == f"{live_server.url}/admin/"
    oidc_on.user("siri")
    response = _sign_in(live_server, oidc_on, "siri")
    assert response.url.startswith(f"{live_server.url}/admin/login/")
    user = get_user_model().objects.get(username="siri")
    assert not Membership.objects.filter(user=user).exists()
    assert not user.has_perm("wagtailadmin.access_admin")


def test_a_provider_user_never_takes_over_a_local_account(live_server, oidc_on, units):
    from tests.factories import UserFactory

    local = UserFactory(username="lise", is_superuser=True)
    oidc_on.user("lise", "sg-barnehage")
    assert _sign_in(live_server, oidc_on, "lise").url == f"{live_server.url}/admin/"
    local.refresh_from_db()
    assert local.is_superuser and not hasattr(local, "sso_identity")
    sso = Membership.objects.get(unit__slug="barnehage").user
    assert sso.username == "lise-2" and not sso.is_superuser
