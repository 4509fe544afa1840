"""An editor double-clicks «Publiser» in Chromium (issue 11): one publish,
the change live, no draft left behind, no error page."""

import pytest
from django.urls import reverse

from tests.browser.conftest import sign_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_double_clicked_publish_publishes_once(page, live_server, portal_pages):
    from wagtail.models import Page, PageLogEntry

    from tests.factories import UserFactory

    service = Page.objects.get(title="Søke barnehageplass").specific
    published = PageLogEntry.objects.filter(page=service, action="wagtail.publish")
    before = published.count()
    sign_in(page, live_server, UserFactory(username="dobbel", is_superuser=True))
    visit(page, live_server, reverse("wagtailadmin_pages:edit", args=[service.pk]))
    page.fill("[name=summary]", "Søk om plass i barnehage innen 1. mars.")
    # «Publiser» sits in the save button's menu.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish = page.locator("button[name='action-publish']")
    with page.expect_navigation():
        publish.dblclick()
    assert "Server Error" not in page.content()
    assert page.locator(".messages .success, .messages [class*=success]").count() >= 1
    service.refresh_from_db()
    assert service.summary == "Søk om plass i barnehage innen 1. mars."
    assert service.live and not service.has_unpublished_changes
    assert published.count() == before + 1
