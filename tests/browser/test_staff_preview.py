"""The editor's preview side panel, in Chromium: every page type, for a page being
created and for an edited one. The preview is rendered from the unsaved form (what
the editor typed, the related services chosen), so a page type whose template reads
a relation as a database queryset fails here and nowhere else."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.browser.conftest import sign_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor(live_server, portal_pages):
    from hearings.models import HearingIndexPage, HearingPage
    from tests.factories import UnitFactory, UserFactory, add_page

    home = portal_pages["site"]["home"]
    hearings = add_page(home, HearingIndexPage(title="Høringer", slug="horinger"))
    today = datetime.date.today()
    hearing = add_page(
        hearings,
        HearingPage(
            title="Reguleringsplan for Nesbru",
            opens_on=today,
            deadline=today + datetime.timedelta(days=50),
            responsible_unit=UnitFactory(slug="plan", name="Plan og bygg"),
        ),
    )
    user = UserFactory(username="forhandsvis", is_superuser=True)
    client = Client()
    client.force_login(user)
    return {
        "cookie": client.cookies["sessionid"].value,
        "hearing_index": hearings,
        "hearing": hearing,
    }


def _preview_shows(page, text):
    """Open the preview side panel and wait for the frame to show `text`."""
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("body").get_by_text(text, exact=False).first.wait_for(timeout=15000)
    body = frame.locator("body").inner_text()
    assert "Server Error" not in body and "500" not in page.title()
    return body


@pytest.mark.parametrize("language", ["nb", "en"])
def test_preview_every_page_type(page, live_server, portal_pages, editor, language):
    from wagtail.models import Page

    sign_in(page, live_server, editor["cookie"], language=language)
    # Wagtail reopens the side panel that was open on the last page; each page
    # here starts closed, so opening it posts the form as the test filled it.
    page.add_init_script("window.localStorage.clear()")
    site = portal_pages["site"]
    edited = {
        "home": site["home"],
        "topic": site["topic"],
        "service": Page.objects.get(title="Søke barnehageplass"),
        "index": site["index"],
        "standard": site["privacy"],
        "hearing_index": editor["hearing_index"],
        "hearing": editor["hearing"],
    }
    for name, target in edited.items():
        visit(page, live_server, reverse("wagtailadmin_pages:edit", args=[target.pk]))
        title = f"Forhåndsvist {name}"
        page.fill("#id_title", title)
        _preview_shows(page, title)

    new = {
        "topic": (site["home"], "home", "topicpage"),
        "service": (site["topic"], "home", "servicepage"),
        "standard": (site["home"], "home", "standardpage"),
        "hearing": (editor["hearing_index"], "hearings", "hearingpage"),
    }
    for name, (parent, app, model) in new.items():
        visit(
            page,
            live_server,
            reverse("wagtailadmin_pages:add", args=[app, model, parent.pk]),
        )
        title = f"Ny {name} i forhåndsvisning"
        page.fill("#id_title", title)
        if name == "service":
            page.locator("#id_what_it_is").locator("..").locator(
                "[contenteditable=true]"
            ).first.fill("Hva tjenesten er.")
            page.select_option("#id_responsible_unit", label="Barnehage")
            # The case that gave a 500: related services chosen, not yet saved.
            page.select_option("#id_related_services", label="Åpen barnehage")
        if name == "hearing":
            today = datetime.date.today()
            # As the date picker shows dates (WAGTAIL_DATE_FORMAT, 16.12.2026).
            deadline = today + datetime.timedelta(days=50)
            page.fill("#id_opens_on", f"{today:%d.%m.%Y}")
            page.fill("#id_deadline", f"{deadline:%d.%m.%Y}")
            page.select_option("#id_responsible_unit", label="Plan og bygg")
        body = _preview_shows(page, title)
        if name == "service":
            assert "Åpen barnehage" in body
