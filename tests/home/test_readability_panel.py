import pytest
from django.urls import reverse

from tests.factories import UserFactory, make_service

pytestmark = pytest.mark.django_db

HARD = (
    "Kommunestyrets saksbehandlingsrutiner innebærer omfattende "
    "dokumentasjonskrav vedrørende forvaltningsmessige beslutninger."
)


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor", is_superuser=True)
    client.force_login(user)
    return user


def test_edit_page_shows_lix_and_band(client, site, unit, editor):
    service = make_service(
        site["topic"], unit, "Søke plass", summary="Du kan søke plass. Det er lett."
    )
    response = client.get(reverse("wagtailadmin_pages:edit", args=[service.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "data-portal-lix" in body
    assert "LIX-verdi" in body
    # An easy text: the warning is rendered hidden.
    assert "data-lix-warning hidden" in body


def test_hard_text_is_warned(client, site, unit, editor):
    service = make_service(
        site["topic"], unit, "Søke plass", summary=HARD, what_it_is=f"<p>{HARD}</p>"
    )
    body = client.get(
        reverse("wagtailadmin_pages:edit", args=[service.pk])
    ).content.decode()
    assert "data-lix-warning hidden" not in body
    assert "Svært vanskelig" in body


@pytest.mark.parametrize("page_key", ["home", "topic", "privacy", "index"])
def test_every_content_page_type_has_the_panel(client, site, editor, page_key):
    body = client.get(
        reverse("wagtailadmin_pages:edit", args=[site[page_key].pk])
    ).content.decode()
    assert "data-portal-lix" in body


def test_live_scoring_endpoint(client, editor):
    url = reverse("home_readability")
    data = client.post(url, {"text": HARD}).json()
    assert data["warn"] is True and data["band"] == "very_hard"
    easy = client.post(url, {"text": "Vi er her. Du er der."}).json()
    assert easy["warn"] is False and easy["score"] < 30


def test_scoring_endpoint_needs_admin_login(client, db):
    response = client.post(reverse("home_readability"), {"text": "Hei."})
    assert response.status_code == 302  # to the admin login


def test_language_profile_words_are_flagged_on_opening_and_live(
    client, site, unit, editor
):
    from home.models import PlainWord

    PlainWord.objects.create(avoid="ansøkning", instead="søknad")
    service = make_service(
        site["topic"], unit, "Søke plass", summary="Send ansøkningen i dag."
    )
    body = client.get(
        reverse("wagtailadmin_pages:edit", args=[service.pk])
    ).content.decode()
    assert "«ansøkningen»: skriv «søknad»" in body
    data = client.post(
        reverse("home_readability"), {"text": "Vi tar imot Ansøkninger."}
    ).json()
    assert data["plain_words"] == [{"found": "Ansøkninger", "instead": "søknad"}]


def test_editors_keep_the_language_profile(client, editor):
    response = client.post(
        reverse("language_profile:add"),
        {"avoid": "  Vedrørende ", "instead": "om"},
    )
    assert response.status_code == 302
    from home.models import PlainWord

    assert PlainWord.objects.get().avoid == "vedrørende"
