"""Previews in the page editor, for every page type, for a page being created and
for an edited one, in Norwegian and English admin alike.

The preview is what Wagtail's editor shows in its side panel: the form is POSTed
to the preview URL (kept in the session) and the GET of the same URL renders the
page from the unsaved form, with ParentalManyToMany relations held in memory
(modelcluster), never as a database queryset."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from hearings.models import HearingIndexPage, HearingPage
from home.models import ServicePage, StandardPage, TopicPage
from tests.factories import UnitFactory, UserFactory, add_page, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, site):
    admin = UserFactory(username="preview-admin", is_superuser=True)
    client.force_login(admin)
    return client


@pytest.fixture
def pages(site, unit):
    service = make_service(
        site["topic"], unit, "Søke barnehageplass", audiences=["innbyggere"]
    )
    other = make_service(site["topic"], unit, "Åpen barnehage")
    service.related_services.add(other)
    service.save_revision().publish()
    plan = UnitFactory(slug="plan", name="Plan og bygg")
    hearings = add_page(site["home"], HearingIndexPage(title="Høringer", slug="hor"))
    today = datetime.date.today()
    hearing = add_page(
        hearings,
        HearingPage(
            title="Reguleringsplan for Nesbru",
            opens_on=today - datetime.timedelta(days=5),
            deadline=today + datetime.timedelta(days=40),
            short_period_reason="Kort frist.",
            responsible_unit=plan,
            summary="Kort om planen.",
        ),
    )
    return {
        "home": site["home"],
        "topic": site["topic"],
        "service": service,
        "index": site["index"],
        "standard": site["privacy"],
        "hearing_index": hearings,
        "hearing": hearing,
    }


EDITED = ["home", "topic", "service", "index", "standard", "hearing_index", "hearing"]


def _preview(client, preview_url, data):
    response = client.post(preview_url, data=data)
    assert response.status_code == 200, response.content[:500]
    assert response.json() == {"is_valid": True, "is_available": True}, response.json()
    rendered = client.get(preview_url)
    assert rendered.status_code == 200
    return rendered.content.decode()


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("name", EDITED)
def test_preview_of_an_edited_page(editor_client, pages, name, language):
    editor_client.cookies["django_language"] = language
    page = pages[name]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = editor_client.get(edit, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["title"] = "Endret tittel i forhåndsvisning"
    body = _preview(
        editor_client,
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        data,
    )
    assert "Endret tittel i forhåndsvisning" in body
    # A preview never changes the page itself.
    page.refresh_from_db()
    assert page.title != "Endret tittel i forhåndsvisning"


NEW = {
    "topic": ("home", TopicPage, {"summary": "Om emnet."}),
    "service": (
        "topic",
        ServicePage,
        {"summary": "Kort.", "what_it_is": "<p>Hva.</p>"},
    ),
    "standard": ("home", StandardPage, {}),
    "hearing": ("hearing_index", HearingPage, {}),
}


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("name", list(NEW))
def test_preview_of_a_new_page(editor_client, pages, unit, name, language):
    editor_client.cookies["django_language"] = language
    parent_name, model, _extra = NEW[name]
    parent = pages[parent_name]
    meta = model._meta
    add = reverse(
        "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
    )
    html = editor_client.get(add).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["title"] = "Ny side i forhåndsvisning"
    data["slug"] = "ny-side"
    if "responsible_unit" in data:
        data["responsible_unit"] = str(unit.pk)
    if model is HearingPage:
        today = datetime.date.today()
        data["opens_on"] = today.isoformat()
        data["deadline"] = (today + datetime.timedelta(days=50)).isoformat()
    related = pages["service"]
    if model is ServicePage:
        # The case that failed: related services chosen in the unsaved form.
        data.setlist("related_services", [str(related.pk)])
    body = _preview(
        editor_client,
        reverse(
            "wagtailadmin_pages:preview_on_add",
            args=[meta.app_label, meta.model_name, parent.pk],
        ),
        data,
    )
    assert "Ny side i forhåndsvisning" in body
    if model is ServicePage:
        assert "Søke barnehageplass" in body
    assert not model.objects.filter(slug="ny-side").exists()


def test_preview_may_be_framed_by_the_admin_only(editor_client, pages, client):
    """The editor sees the preview in an iframe of the admin: its CSP must allow
    the admin's own origin (the public page's frame-ancestors 'none' made the
    browser refuse it), while the public page keeps refusing every frame."""
    page = pages["service"]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(
        editor_client.get(edit).content.decode(), form_id="page-edit-form"
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    editor_client.post(url, data=data)
    preview = editor_client.get(url)
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"

    public = client.get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"
