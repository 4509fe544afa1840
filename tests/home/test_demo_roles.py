"""The demo roles can do what the README's table says, and no more (issue 11
major 1): each page action (create, edit, preview, publish, unpublish,
translate) and each of the project's admin tools, per demo user, through the
views themselves."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, WorkflowPage

from home.models import ServicePage

pytestmark = pytest.mark.django_db

ROLES = ["admin", "redaktor", "leder-vei", "vei", "barnehage"]
# What each demo user may do; the README's demo-users table says the same.
PAGE_ACTIONS = {
    "admin": {"create", "edit", "preview", "publish", "unpublish", "translate"},
    "redaktor": {"create", "edit", "preview", "publish", "unpublish", "translate"},
    "leder-vei": set(),
    "vei": set(),
    "barnehage": set(),
}
UNIT_TOOLS = {"inbox", "report"}
EDITOR_TOOLS = {
    "page_feedback",
    "try_rules",
    "topics",
    "rules",
    "archive",
    "search_terms",
    "synonyms",
    "promotions",
    "language_profile",
    "readability_report",
}
TOOLS = {
    "admin": UNIT_TOOLS | EDITOR_TOOLS | {"rights"},
    "redaktor": UNIT_TOOLS | EDITOR_TOOLS,
    "leder-vei": UNIT_TOOLS,
    "vei": UNIT_TOOLS,
    "barnehage": UNIT_TOOLS,
}
TOOL_URLS = {
    "inbox": "feedback_inbox:index",
    "report": "feedback_tools:report",
    "page_feedback": "feedback_tools:page_feedback",
    "try_rules": "feedback_tools:try_rules",
    "topics": "feedback_topic:index",
    "rules": "feedback_rule:index",
    "rights": "records:rights",
    "archive": "records:overview",
    "search_terms": "portal_search_report",
    "synonyms": "search_synonyms:index",
    "language_profile": "language_profile:index",
    "readability_report": "home_readability_report",
    "promotions": "wagtailsearchpromotions:index",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo's pages and users, as `make run` seeds them (once per module,
    rolled back at the end)."""
    from django.db import transaction

    from home import demo as home_demo
    from search import demo as search_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home_demo.seed(io.StringIO())
            search_demo.seed(io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _user(username):
    return get_user_model().objects.get(username=username)


def _service():
    return (
        ServicePage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("pk")
        .first()
    )


def _can(client, action, page) -> bool:
    """Whether the view lets the user do it: 200 and the control shown, not a
    redirect to the dashboard or a 403."""
    parent = page.get_parent()
    if action == "create":
        url = reverse("wagtailadmin_pages:add", args=["home", "servicepage", parent.pk])
        return client.get(url).status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if action == "edit":
        return edit.status_code == 200
    html = edit.content.decode() if edit.status_code == 200 else ""
    if action == "preview":
        return edit.status_code == 200 and "data-w-preview" in html
    if action == "publish":
        return 'name="action-publish"' in html
    if action == "unpublish":
        url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
        return client.get(url).status_code == 200
    if action == "translate":
        url = reverse("simple_translation:submit_page_translation", args=[page.pk])
        return client.get(url).status_code == 200
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
def test_page_actions_per_role(client, demo, role):
    client.force_login(_user(role))
    page = _service()
    allowed = {
        action
        for action in ("create", "edit", "preview", "publish", "unpublish", "translate")
        if _can(client, action, page)
    }
    assert allowed == PAGE_ACTIONS[role]


@pytest.mark.parametrize("role", ROLES)
def test_admin_tools_per_role(client, demo, role):
    client.force_login(_user(role))
    allowed = {
        tool
        for tool, name in TOOL_URLS.items()
        if client.get(reverse(name)).status_code == 200
    }
    assert allowed == TOOLS[role]


def test_no_approval_workflow_without_approvers(demo):
    """Wagtail's default «Moderators approval» asks a group the demo leaves
    empty: the demo switches it off, so no editor submits into a dead end."""
    assert not WorkflowPage.objects.exists()


def test_redaktor_unpublishes(client, demo):
    client.force_login(_user("redaktor"))
    page = _service()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
