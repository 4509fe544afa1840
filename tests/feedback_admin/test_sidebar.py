"""The admin sidebar is built once per user and generation (portal.admin_sidebar):
the same menu as Wagtail builds, per user, and a change of membership or
permissions shows at once."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from portal.admin_sidebar import _wagtail_sidebar_props
from tests.factories import member

pytestmark = pytest.mark.django_db

SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">'
    r"(.*?)</script>",
    re.S,
)


def sidebar(client, url=None):
    response = client.get(url or reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return SIDEBAR.search(response.content.decode()).group(1)


def test_same_menu_as_wagtail_and_per_user(client, rf, people):
    inbox = reverse("feedback_inbox:index")
    client.force_login(people["handler_a"])
    mine = sidebar(client)
    assert inbox in mine
    request = rf.get("/admin/")
    request.user = people["handler_a"]
    assert mine == SIDEBAR.search(_wagtail_sidebar_props({"request": request})).group(1)
    client.force_login(people["outsider"])
    assert inbox not in sidebar(client)


def test_kept_between_requests(client, people):
    client.force_login(people["handler_a"])
    inbox = reverse("feedback_inbox:index")
    first = sidebar(client, inbox)
    with CaptureQueriesContext(connection) as ctx:
        again = sidebar(client, inbox)
    assert again == first
    # Wagtail's page, collection and site permission lookups are not repeated.
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "wagtailcore_grouppagepermission" not in sql
    assert "wagtailcore_groupsitepermission" not in sql


def test_membership_change_shows_at_once(client, people, units):
    inbox = reverse("feedback_inbox:index")
    client.force_login(people["outsider"])
    assert inbox not in sidebar(client)
    member(people["outsider"], units["a"])
    assert inbox in sidebar(client)


def test_page_permission_change_shows_at_once(client, people):
    explorer = reverse("wagtailadmin_explore_root")
    client.force_login(people["outsider"])
    assert explorer not in sidebar(client)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Handlers"),
        page=Page.objects.get(depth=1),
        permission_type="change",
    )
    assert explorer in sidebar(client)


@pytest.mark.parametrize(
    "agent",
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)", "Mozilla/5.0 (X11; Linux x86_64)"],
)
def test_keyboard_dialog_as_wagtail_renders_it(client, rf, people, agent):
    from django.template.loader import render_to_string
    from wagtail.admin.templatetags.wagtailadmin_tags import (
        keyboard_shortcuts_dialog,
    )

    client.force_login(people["handler_a"])
    html = client.get(
        reverse("feedback_inbox:index"), HTTP_USER_AGENT=agent
    ).content.decode()
    request = rf.get("/admin/", HTTP_USER_AGENT=agent)
    request.user = people["handler_a"]
    wagtail = render_to_string(
        "wagtailadmin/shared/keyboard_shortcuts_dialog.html",
        keyboard_shortcuts_dialog({"request": request}),
    )
    assert wagtail.strip() in html
    assert ("⌘" in wagtail) == ("Mac" in agent)
