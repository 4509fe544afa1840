"""The privacy statement's «what we keep and for how long» comes from the
settings retention acts on (issue 13): change a period, the page changes."""

import pytest
from django.utils import translation

from home.privacy_statement import processing_purposes

pytestmark = pytest.mark.django_db


def _statement(client, site):
    privacy = site["privacy"]
    privacy.show_privacy_purposes = True
    privacy.save_revision().publish()
    response = client.get(privacy.url)
    assert response.status_code == 200
    return response.content.decode()


def test_periods_are_the_settings(client, site, settings):
    settings.PORTAL = {
        **settings.PORTAL,
        "RETENTION_MONTHS": 18,
        "HEARING_RESPONSE_RETENTION_MONTHS": 36,
        "FOLLOW_CONFIRM_DAYS": 5,
        "PROPOSAL_RETENTION_MONTHS": 2,
        "PAGE_FEEDBACK_RETENTION_MONTHS": 1,
    }
    html = _statement(client, site)
    assert "Gjøres anonymt 18 måneder etter at saken er ferdig." in html
    assert "Gjøres anonymt 36 måneder etter at høringen er avsluttet." in html
    assert "Slettes etter 5 dager hvis du aldri bekrefter det." in html
    assert "2 måneder etter at kommunestyret" in html
    assert "Gjøres anonymt 1 måned etter at det ble gitt." in html
    assert "12 måneder" not in html


def test_archive_path_is_stated_only_when_the_portal_archives(settings):
    with translation.override("nb"):
        archived = processing_purposes(settings.PORTAL, settings.PORTAL_ARCHIVE)
        elsewhere = processing_purposes(
            settings.PORTAL, {**settings.PORTAL_ARCHIVE, "PATH": "none"}
        )
    inputs, hearings, following, proposals, page_feedback = archived
    assert any("arkivlova" in line for line in inputs.retention)
    assert any("arkivlova" in line for line in hearings.retention)
    # Page feedback and subscriptions are not case documents.
    assert not any("arkivlova" in line for line in page_feedback.retention)
    assert not any("arkivlova" in line for line in following.retention)
    assert not any("arkivlova" in line for p in elsewhere for line in p.retention)


def test_off_by_default(client, site):
    html = client.get(site["privacy"].url).content.decode()
    assert "Hva vi lagrer, hvorfor, og hvor lenge" not in html


def test_signing_with_idporten_is_explained_only_when_it_is_on(settings):
    from django.utils import translation

    with translation.override("nb"):
        off = processing_purposes(settings.PORTAL, settings.PORTAL_ARCHIVE)
        on = processing_purposes(
            settings.PORTAL, settings.PORTAL_ARCHIVE, idporten_signing=True
        )
    words = "fødselsnummeret ditt"
    assert not any(words in p.data for p in off)
    assert [p.title for p in on if words in p.data] == [
        "Innbyggerforslag og underskrifter"
    ]
