"""Signing a proposal with ID-porten (issue 14), end to end against the local
OpenID Connect provider the tests start (tests/oidc_provider: django-oidc-provider
in its own process, standing in for ID-porten with its `pid` and `acr` claims).
A real HTTP client goes the way a browser does: the proposal's page, «Signer med
ID-porten», the provider's login and consent, the portal's callback, the thank-you
page. ID-porten itself cannot be reached from here; everything the portal does
with it (discovery, PKCE, the code exchange, the ID token's signature, issuer,
audience, nonce and level of assurance) runs for real against the stand-in.

The ID tokens with a wrong key, audience, nonce or level (last tests) are signed
here with a key of the test's own and checked against a JWKS that a loopback
HTTP server serves, the way the provider's keys are fetched."""

import json
import re
import threading
import time
from html import unescape
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.sessions.models import Session
from django.db import connection

from feedback import spam
from outbox.models import Email
from proposals import idporten, services
from proposals.choices import Method
from proposals.models import Signature
from tests.oidc_provider.claims import pid_for
from tests.oidc_provider.harness import (
    IDPORTEN_CLIENT_ID,
    IDPORTEN_CLIENT_SECRET,
    PASSWORD,
    form_fields,
)

from .conftest import start_input

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLIENT_ID = IDPORTEN_CLIENT_ID
CLIENT_SECRET = IDPORTEN_CLIENT_SECRET
CALLBACK = "/innbyggerforslag/id-porten/"


@pytest.fixture
def proposal(secretariat, staff):
    proposal = services.proposal_start(submitted=start_input(), notify=False)
    services.proposal_confirm(proposal=proposal, notify=False)
    services.proposal_publish(proposal=proposal, by=staff["secretariat"], notify=False)
    proposal.refresh_from_db()
    return proposal


SIGNER = {
    "name": "Ingrid Idporten",
    "postcode": "1384",
    "email": "ingrid@example.no",
    "resident": "on",
    "show_name": "on",
}


def _press_sign(browser, live_server, proposal, **fields) -> requests.Response:
    """The proposal's page and its «Signer med ID-porten» button."""
    page = browser.get(f"{live_server.url}{proposal.get_absolute_url()}", timeout=10)
    assert "Signer med ID-porten" in page.text
    action, hidden = form_fields(page.text, action_contains="/signer/")
    # form_fields reads every input with a value: the checkboxes are the
    # signer's to tick, not hidden fields.
    for box in ("resident", "show_name", "wants_news"):
        hidden.pop(box, None)
    data = {**hidden, **SIGNER, **fields, "method": "idporten"}
    # Filled in half a minute: the shared guard's fill-time check passes.
    data[spam.TIMESTAMP_FIELD] = spam.form_timestamp(time.time() - 30)
    return browser.post(
        f"{live_server.url}{action}",
        data=data,
        headers={"Referer": page.url},
        timeout=10,
    )


def _log_in_at_provider(browser, provider, response, username, *, allow=True):
    errors = re.findall(r"ds-validation-message[^>]*>([^<]*)", response.text)
    assert response.url.startswith(f"{provider.url}/login/"), errors
    action, fields = form_fields(response.text, action_contains="/login/")
    fields.update({"username": username, "password": PASSWORD})
    consent = browser.post(f"{provider.url}{action}", data=fields, timeout=10)
    action, fields = form_fields(consent.text, action_contains="/openid/authorize")
    if allow:
        fields["allow"] = "Authorize"
    else:  # «Decline»: the consent form without its «allow» button
        fields.pop("allow", None)
    return browser.post(f"{provider.url}{action}", data=fields, timeout=20)


def _sign(live_server, provider, proposal, username, **fields):
    provider.user(username)
    browser = requests.Session()
    response = _press_sign(browser, live_server, proposal, **fields)
    return browser, _log_in_at_provider(browser, provider, response, username)


def _tables_containing(text: str) -> list[str]:
    """Every table of the portal's database whose rows, as text, contain it."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        for (table,) in cursor.fetchall():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE %s',  # noqa: S608
                [f"%{text}%"],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def test_without_configuration_there_is_no_button_and_no_callback(
    live_server, proposal
):
    page = requests.get(f"{live_server.url}{proposal.get_absolute_url()}", timeout=10)
    assert page.status_code == 200
    assert "ID-porten" not in page.text
    assert requests.get(f"{live_server.url}{CALLBACK}", timeout=10).status_code == 404


def test_sign_with_idporten_counts_at_once_verified_and_keeps_no_pid(
    live_server, idporten_on, proposal
):
    browser, response = _sign(live_server, idporten_on, proposal, "ingrid")
    assert response.url == f"{live_server.url}/innbyggerforslag/sendt/id-porten/"
    assert "Takk for at du signerte" in unescape(response.text)
    signature = Signature.objects.get(proposal=proposal)
    assert signature.method == Method.IDPORTEN
    assert signature.verified
    assert signature.confirmed_at is not None
    assert (signature.name, signature.postcode) == ("Ingrid Idporten", "1384")
    assert signature.show_name
    assert signature.identity_hash == idporten.identity_hash(pid_for("ingrid"))
    # The receipt with the withdraw link goes to the address she gave.
    assert Email.objects.filter(
        key=f"proposals.signature_receipt:{signature.pk}:idporten"
    ).exists()
    # The national identity number is nowhere: no table, no session.
    pid = pid_for("ingrid")
    assert _tables_containing(pid) == []
    for session in Session.objects.all():
        assert pid not in json.dumps(session.get_decoded())
        assert idporten.SESSION_KEY not in session.get_decoded()
    # The count on the page includes her at once.
    page = browser.get(f"{live_server.url}{proposal.get_absolute_url()}", timeout=10)
    assert "Ingrid Idporten" in page.text


def test_the_same_person_signs_once_whatever_the_address(
    live_server, idporten_on, proposal
):
    _sign(live_server, idporten_on, proposal, "per")
    _browser, response = _sign(
        live_server, idporten_on, proposal, "per", email="per.annen@example.no"
    )
    assert response.url == f"{live_server.url}/innbyggerforslag/sendt/allerede/"
    assert "Du har signert allerede" in unescape(response.text)
    assert Signature.objects.filter(proposal=proposal).count() == 1
    # Another person may sign, without an e-mail address at all.
    _browser, response = _sign(live_server, idporten_on, proposal, "pål", email="")
    assert response.url.endswith("/sendt/id-porten/")
    assert Signature.objects.filter(proposal=proposal, verified=True).count() == 2


def test_an_unconfirmed_email_signature_becomes_the_verified_one(
    live_server, idporten_on, proposal
):
    services.signature_request(
        proposal=proposal,
        signed=services.SignatureInput(
            name="Ingrid I.", postcode="1384", email="ingrid@example.no"
        ),
    )
    _sign(live_server, idporten_on, proposal, "ingrid2")
    signature = Signature.objects.get(proposal=proposal)
    assert signature.verified and signature.confirmed_at is not None
    assert signature.name == "Ingrid Idporten"


def test_cancelling_at_idporten_gives_the_form_back_and_stores_nothing(
    live_server, idporten_on, proposal
):
    idporten_on.user("kari")
    browser = requests.Session()
    response = _press_sign(browser, live_server, proposal, name="Kari Avbryter")
    response = _log_in_at_provider(browser, idporten_on, response, "kari", allow=False)
    assert response.url.startswith(
        f"{live_server.url}{proposal.get_absolute_url()}?id-porten=avbrutt"
    )
    text = unescape(response.text)
    assert "Du avbrøt innloggingen i ID-porten. Ingenting er signert." in text
    assert 'value="Kari Avbryter"' in text
    assert not Signature.objects.exists()


def test_a_callback_with_another_state_or_no_pending_form_stores_nothing(
    live_server, idporten_on, proposal
):
    idporten_on.user("mallory")
    browser = requests.Session()
    response = _press_sign(browser, live_server, proposal)
    # A forged return: the right browser, another state.
    forged = browser.get(
        f"{live_server.url}{CALLBACK}?code=abc&state=not-the-state", timeout=10
    )
    assert "?id-porten=feil" in forged.url
    assert "kunne ikke fullføres" in unescape(forged.text)
    # A browser that never pressed the button.
    stranger = requests.get(f"{live_server.url}{CALLBACK}?code=abc&state=x", timeout=10)
    assert stranger.status_code == 400
    assert "Innloggingen kan ikke brukes" in unescape(stranger.text)
    assert not Signature.objects.exists()
    assert response.url.startswith(idporten_on.url)


def test_the_email_button_still_needs_an_email_and_idporten_does_not(
    client, settings, proposal
):
    settings.PORTAL_IDPORTEN_ISSUER = "http://127.0.0.1:9/openid"
    settings.PORTAL_IDPORTEN_CLIENT_ID = CLIENT_ID
    settings.PORTAL_IDPORTEN_CLIENT_SECRET = CLIENT_SECRET
    url = f"/innbyggerforslag/{proposal.pk}/signer/"
    started = spam.form_timestamp(time.time() - 30)
    data = {**SIGNER, "email": "", spam.TIMESTAMP_FIELD: started}
    by_email = client.post(url, {**data, "method": "email"})
    assert "Skriv e-postadressen din." in by_email.content.decode()
    # ID-porten needs no address, but this provider does not answer: the form
    # comes back, filled in, with what to do.
    by_idporten = client.post(url, {**data, "method": "idporten"})
    text = unescape(by_idporten.content.decode())
    assert by_idporten.status_code == 503
    assert "ID-porten svarer ikke nå" in text
    assert 'value="Ingrid Idporten"' in text
    assert not Signature.objects.exists()


# --- ID tokens that must be refused -----------------------------------------------


class _Keys(BaseHTTPRequestHandler):
    jwks = b"{}"

    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.jwks)

    def log_message(self, *args):
        pass


@pytest.fixture
def keys():
    """A provider key pair and its JWKS, served on loopback; and a key of
    nobody's."""
    good = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(good.public_key()))
    jwk.update({"kid": "k1", "use": "sig", "alg": "RS256"})
    handler = type("Keys", (_Keys,), {"jwks": json.dumps({"keys": [jwk]}).encode()})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    where = idporten.Provider(
        issuer="https://idporten.example",
        authorization_endpoint="https://idporten.example/authorize",
        token_endpoint="https://idporten.example/token",
        jwks_uri=f"http://127.0.0.1:{server.server_port}/jwks",
    )
    yield where, good, stranger
    server.shutdown()


def _token(key, **overrides):
    now = int(time.time())
    claims = {
        "iss": "https://idporten.example",
        "aud": CLIENT_ID,
        "sub": "abc",
        "iat": now,
        "exp": now + 120,
        "nonce": "n-1",
        "acr": "idporten-loa-substantial",
        "pid": "01017012345",
        **overrides,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})


@pytest.mark.parametrize(
    ("signed_by", "overrides", "reason"),
    [
        ("stranger", {}, "ID token refused"),
        ("good", {"aud": "another-client"}, "ID token refused"),
        ("good", {"iss": "https://evil.example"}, "ID token refused"),
        ("good", {"exp": int(time.time()) - 3600}, "ID token refused"),
        ("good", {"nonce": "replayed"}, "nonce"),
        ("good", {"acr": "idporten-loa-low"}, "level of assurance"),
    ],
)
def test_id_tokens_that_do_not_verify_are_refused(
    settings, keys, signed_by, overrides, reason
):
    settings.PORTAL_IDPORTEN_CLIENT_ID = CLIENT_ID
    where, good, stranger = keys
    token = _token(good if signed_by == "good" else stranger, **overrides)
    with pytest.raises(idporten.Failed, match=re.escape(reason)) as failure:
        idporten.verify(token, where, nonce="n-1")
    assert failure.value.code == "invalid"


def test_a_good_id_token_verifies(settings, keys):
    settings.PORTAL_IDPORTEN_CLIENT_ID = CLIENT_ID
    where, good, _stranger = keys
    claims = idporten.verify(_token(good), where, nonce="n-1")
    assert claims["pid"] == "01017012345"


def test_the_identity_hash_is_keyed():
    from django.test import override_settings

    with override_settings(PORTAL_IDPORTEN_PID_KEY="one"):
        first = idporten.identity_hash("01017012345")
        assert first == idporten.identity_hash("01017012345")
    with override_settings(PORTAL_IDPORTEN_PID_KEY="two"):
        assert idporten.identity_hash("01017012345") != first
    assert "01017012345" not in first and len(first) == 64


def test_the_page_lets_its_form_reach_the_login_and_nothing_else(
    live_server, idporten_on, proposal
):
    """The site's CSP allows forms to post to the site only; browsers hold the
    redirect after the post to it too (Chromium stopped the login without
    this, found by the browser journey)."""
    page = requests.get(f"{live_server.url}{proposal.get_absolute_url()}", timeout=10)
    policy = page.headers["Content-Security-Policy"]
    form_action = next(
        d for d in policy.split(";") if d.strip().startswith("form-action")
    )
    assert form_action.split()[1:] == ["'self'", idporten_on.url]
    # Other pages keep the strict policy.
    home = requests.get(f"{live_server.url}/innbyggerforslag/", timeout=10)
    assert "form-action 'self';" in home.headers["Content-Security-Policy"] + ";"
