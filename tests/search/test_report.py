"""The admin report of search terms: who may see it and what it shows."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from search.models import SearchTermDaily
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/sokeord/"


@pytest.fixture
def stats(db):
    today = timezone.localdate()
    SearchTermDaily.objects.create(
        date=today, query="barnehageplass", searches=40, clicks=30
    )
    SearchTermDaily.objects.create(
        date=today, query="hundeskatt", searches=7, zero_hits=7
    )


def admin_user(*perms):
    user = UserFactory()
    group, _ = Group.objects.get_or_create(name="Search report test")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in perms:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def test_superuser_sees_top_terms_zero_hits_and_click_through(client, stats):
    client.force_login(UserFactory(is_superuser=True))
    body = client.get(URL).content.decode()
    assert "barnehageplass" in body and "hundeskatt" in body
    assert "75 %" in body  # 30 clicks of 40 searches
    body = client.get(URL, {"results": "none"}).content.decode()
    assert "hundeskatt" in body and "barnehageplass" not in body


def test_export(client, stats):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert (
        b"barnehageplass" in b"".join(response.streaming_content)
        if hasattr(response, "streaming_content")
        else response.content
    )


def test_permission_is_needed(client, stats):
    client.force_login(admin_user())
    assert client.get(URL).status_code in (302, 403)
    client.force_login(admin_user("view_searchtermdaily"))
    assert client.get(URL).status_code == 200


def test_anonymous_is_sent_to_login(client, stats):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# Issue 12 §13: the report keeps a term only when several searches used it, and
# the daily retention run drops the rare terms' counts once their day is over.


def test_a_term_fewer_than_three_searches_used_is_not_in_the_report(db, settings):
    from search.selectors import search_terms_report

    today = timezone.localdate()
    SearchTermDaily.objects.create(date=today, query="kari nordmann", searches=2)
    SearchTermDaily.objects.create(date=today, query="søppel", searches=3)
    SearchTermDaily.objects.create(
        date=today - datetime.timedelta(days=1), query="ola hansen", searches=1
    )
    SearchTermDaily.objects.create(date=today, query="ola hansen", searches=1)
    terms = [row["query"] for row in search_terms_report()]
    assert terms == ["søppel"]
    settings.PORTAL = {**settings.PORTAL, "SEARCH_REPORT_MIN_SEARCHES": 2}
    assert sorted(row["query"] for row in search_terms_report()) == [
        "kari nordmann",
        "ola hansen",
        "søppel",
    ]


def test_the_daily_retention_run_drops_rare_terms_after_their_day(db):
    from records import retention

    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    SearchTermDaily.objects.create(date=yesterday, query="kari nordmann", searches=1)
    SearchTermDaily.objects.create(date=yesterday, query="søppel", searches=5)
    SearchTermDaily.objects.create(date=today, query="ola hansen", searches=1)
    counts = retention.run()
    assert counts["search_terms"] == 1
    assert sorted(SearchTermDaily.objects.values_list("query", flat=True)) == [
        "ola hansen",
        "søppel",
    ]
