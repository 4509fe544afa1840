"""The pure spam helpers."""

import time

from django.test import RequestFactory

from feedback import spam


def test_fill_time():
    now = time.time()
    assert spam.fill_time_problem(spam.form_timestamp(now - 10), now) is None
    assert spam.fill_time_problem(spam.form_timestamp(now - 1), now) == "too_fast"
    assert spam.fill_time_problem(spam.form_timestamp(now - 90000), now) == "expired"
    assert spam.fill_time_problem("x", now) == "missing"
    assert spam.fill_time_problem(spam.form_timestamp(now) + "x", now) == "missing"


def test_links_counted():
    assert spam.count_links("se https://a.no og www.b.no og http://c.no/x") == 3
    assert spam.count_links("ingen lenker her. punktum.no") == 0


def test_client_key_is_keyed_hash_and_proxy_header(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    key = spam.client_key(request)
    assert "192.0.2.10" not in key and len(key) == 32
    assert spam.client_address(request) == "192.0.2.10"
    settings.PORTAL = {**settings.PORTAL, "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}
    # The last entry is the one our proxy added; the first is the client's claim.
    assert spam.client_address(request) == "198.51.100.7"
    assert spam.client_key(request) != key
    settings.SECRET_KEY = "another"
    assert spam.client_key(request) != key
