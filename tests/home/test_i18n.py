import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_english_version_of_a_page(client, site):
    english = Locale.objects.create(language_code="en")
    en_home = site["home"].copy_for_translation(english)
    en_home.title = "Asker municipality"
    en_home.save_revision().publish()
    en_topic = site["topic"].copy_for_translation(english)
    en_topic.title = "Kindergarten"
    en_topic.summary = "All about kindergarten."
    en_topic.save_revision().publish()

    response = client.get("/en/barnehage/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en"' in body and "Kindergarten" in body
    # The Norwegian page is unchanged.
    assert "Alt om barnehage." in client.get("/barnehage/").content.decode()


def test_untranslated_page_shows_in_english_interface(client, site):
    # Without an English tree the English interface serves the Norwegian page.
    body = client.get("/en/barnehage/").content.decode()
    assert '<html lang="en"' in body and "Alt om barnehage." in body
    assert "Skip to main content" in body
