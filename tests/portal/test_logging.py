"""Issue 12 §5: a server error's traceback goes through logging, as one JSON
line when LOG_FORMAT=json, with a timestamp and the request's id (also in the
response), and never to the resident; token-like path segments are not logged."""

import io
import json
import logging
import logging.config

import pytest
from django.test import Client

from portal.log import logging_config


@pytest.fixture
def json_log(settings):
    stream = io.StringIO()
    logging.config.dictConfig(logging_config(fmt="json", level="INFO"))
    # The configured console handler, writing where the test can read it.
    for name in ("", "django.request"):
        for handler in logging.getLogger(name).handlers:
            handler.setStream(stream)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_server_error_logged_as_json_with_request_id(settings, json_log):
    settings.ROOT_URLCONF = "tests.portal.urls_boom_token"
    client = Client(raise_request_exception=False)
    token = "abcdefghijklmnopqrstuvwxyz"
    response = client.get(f"/boom/{token}/?t=secret-tracking-token")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body and "RuntimeError" not in body
    request_id = response["X-Request-ID"]
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    (error,) = [line for line in lines if line["name"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["request_id"] == request_id
    assert error["time"][:4].isdigit()  # a timestamp
    assert "Traceback" in error["exc_info"] and "RuntimeError" in error["exc_info"]
    assert error["message"] == "Internal Server Error: /boom/…/"
    assert "secret-tracking-token" not in json_log.getvalue()


def test_request_id_from_the_proxy_kept_when_plausible(client):
    response = client.get("/livez", HTTP_X_REQUEST_ID="abc123-proxy-id")
    assert response["X-Request-ID"] == "abc123-proxy-id"
    response = client.get("/livez", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>"
    assert len(response["X-Request-ID"]) == 32
