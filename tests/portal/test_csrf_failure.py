import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_refused_form_gives_the_text_back(site):
    client = Client(enforce_csrf_checks=True)
    text = "Veien vår har store hull. <script>alert(1)</script>"
    response = client.post(
        "/si-din-mening/tilbakemelding/",
        {"subject": "Hull i veien", "text": text},
        HTTP_REFERER="http://testserver/si-din-mening/tilbakemelding/",
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Skjemaet kunne ikke sendes" in body
    # The resident's text is back, escaped, in a labelled read-only field.
    assert "Veien vår har store hull. &lt;script&gt;" in body
    assert "<script>alert(1)" not in body
    assert '<label class="ds-label" for="kept-text">' in body
    assert 'href="http://testserver/si-din-mening/tilbakemelding/"' in body
    assert response["Cache-Control"] == "no-store"


def test_foreign_referer_is_not_linked(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/si-din-mening/forslag/",
        {"text": "Et forslag"},
        HTTP_REFERER="https://evil.example/phish",
    )
    body = response.content.decode()
    assert "evil.example" not in body
    assert 'href="/si-din-mening/forslag/"' in body
