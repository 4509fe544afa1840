"""The Norwegian admin speaks Norwegian on the project's screens (issue 11):
every interface string looked up while staff use the inbox, a case, the
reports, the page explorer and editor, and the site history has a bokmål
translation — ours, Wagtail's, or portal/wagtail_strings/locale for the Wagtail strings
Wagtail's own nb catalogue lacks. The test records each msgid that comes back
untranslated while the pages render, as the public catalogue test does for our
own catalogues."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.models import Page

from tests.factories import UnitFactory, UserFactory, member, submit

pytestmark = pytest.mark.django_db

# The same word in both languages.
SAME_IN_BOKMAL = {"Status", "Status: ", "system", "Type", "Alias", "Start", "Logo"}


@pytest.fixture
def untranslated(monkeypatch):
    seen: set[str] = set()
    gettext = trans_real.DjangoTranslation.gettext
    ngettext = trans_real.DjangoTranslation.ngettext

    def record(self, message):
        result = gettext(self, message)
        if (
            self.language() == "nb"
            and result == message
            and re.search("[a-z]{2}", message)
        ):
            seen.add(message)
        return result

    def record_plural(self, singular, plural, number):
        result = ngettext(self, singular, plural, number)
        if self.language() == "nb" and result in (singular, plural):
            seen.add(singular)
        return result

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", record)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", record_plural)
    return seen


def test_the_projects_admin_screens_are_in_bokmal(client, site, untranslated):
    unit = UnitFactory(slug="vei", name="Vei")
    admin = member(UserFactory(username="admin", is_superuser=True), unit)
    submission, _ = submit(kind="question", text="Når brøyter dere?")
    submission.unit = unit
    submission.save(update_fields=["unit"])
    page = Page.objects.get(pk=site["home"].pk)
    client.force_login(admin)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("feedback_inbox:index"),
        reverse("feedback_inbox:inspect", args=[submission.pk]),
        reverse("feedback_tools:report"),
        reverse("feedback_template:index"),
        reverse("hearings_admin:overview"),
        reverse("wagtailadmin_explore", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_reports:site_history"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    left = sorted(untranslated - SAME_IN_BOKMAL)
    assert not left, f"{len(left)} admin strings without bokmål: {left}"


def test_the_english_admin_shows_european_dates(client, site):
    """Dates in English are day-month-year with a 24-hour clock, as beside
    them in Norwegian (issue 11)."""
    import datetime

    from django.utils import formats, timezone, translation

    moment = datetime.datetime(2026, 12, 2, 19, 5)
    with translation.override("en"):
        assert (
            formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "02.12.2026 19:05"
        )
        assert formats.date_format(moment, "DATE_FORMAT") == "2 December 2026"
    admin = UserFactory(username="admin", is_superuser=True)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    submission, _ = submit(kind="question", text="When?")
    html = client.get(reverse("feedback_inbox:inspect", args=[submission.pk])).content
    shown = formats.date_format(
        timezone.localtime(submission.created_at), "SHORT_DATETIME_FORMAT"
    )
    assert b"Received" in html  # the English admin
    assert shown.encode() in html
    assert b" a.m." not in html and b" p.m." not in html
