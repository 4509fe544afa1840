"""Moderation and publication: original kept, published text redacted, national ID
numbers block approval; the admin list and export follow the role matrix."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from feedback.models import Submission
from hearings.choices import PublicationState
from hearings.models import ResponsePublication
from hearings.services import hearing_response_create, publication_decide
from tests.factories import UnitFactory, UserFactory, member
from units.choices import Role

from .conftest import make_hearing

pytestmark = pytest.mark.django_db
FNR = "01010012356"  # a valid test number (mod-11)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def respond(
    hearing, text, *, name="Kari", organisation="", publish_name=False, now=None
):
    data = {
        "respondent_type": "organisation" if organisation else "person",
        "name": name,
        "organisation": organisation,
        "text": text,
        "publish_name": publish_name,
        "email": "",
    }
    submission, _token = hearing_response_create(hearing=hearing, data=data, now=now)
    return submission


@pytest.fixture
def closed_hearing(hearing_index, hearing_unit):
    hearing = make_hearing(
        hearing_index,
        hearing_unit,
        title="Lukket plan",
        opens_on=days(-50),
        deadline=days(-1),
    )
    return hearing


@pytest.fixture
def responses(closed_hearing):
    during = timezone.now() - datetime.timedelta(days=10)
    return [
        respond(closed_hearing, "Bra plan.", name="Ola", publish_name=True, now=during),
        respond(
            closed_hearing,
            f"Mitt fødselsnummer er {FNR}, ring meg.",
            name="Per",
            now=during,
        ),
        respond(
            closed_hearing,
            "Vi støtter forslaget.",
            name="Leder",
            organisation="Asker Idrettsråd",
            now=during,
        ),
    ]


def test_fnr_is_valid():
    from feedback.privacy import is_valid_fnr

    assert is_valid_fnr(FNR)


def test_approve_publishes_with_names_by_consent(client, closed_hearing, responses):
    editor = UserFactory(is_superuser=True)
    for submission in (responses[0], responses[2]):
        publication_decide(
            publication=submission.publication, action="approved", by=editor
        )
    html = client.get(closed_hearing.url).content.decode()
    assert "Bra plan." in html and "Ola" in html  # consented
    assert "Asker Idrettsråd" in html  # organisations by name
    assert "Leder" not in html  # the organisation's contact person is not shown
    assert "ring meg" not in html  # pending: not published


def test_private_person_without_consent(client, closed_hearing, responses):
    editor = UserFactory(is_superuser=True)
    submission = respond(
        closed_hearing,
        "Uten navn, takk.",
        name="Hemmelig Person",
        now=timezone.now() - datetime.timedelta(days=3),
    )
    publication_decide(publication=submission.publication, action="approved", by=editor)
    html = client.get(closed_hearing.url).content.decode()
    assert "Uten navn, takk." in html
    assert "Hemmelig Person" not in html
    assert "Privatperson" in html or "Private person" in html


def test_fnr_blocks_approval_until_redacted(closed_hearing, responses):
    editor = UserFactory(is_superuser=True)
    publication = responses[1].publication
    with pytest.raises(ValidationError):
        publication_decide(publication=publication, action="approved", by=editor)
    with pytest.raises(ValidationError):  # "redacted" but the number is still there
        publication_decide(
            publication=publication,
            action="approved_redacted",
            by=editor,
            text=f"Nummer {FNR}.",
            reason="Personvern",
        )
    publication.refresh_from_db()
    assert publication.state == PublicationState.PENDING
    publication_decide(
        publication=publication,
        action="approved_redacted",
        by=editor,
        text="Mitt fødselsnummer er [fjernet], ring meg.",
        reason="Fødselsnummer fjernet",
    )
    publication.refresh_from_db()
    submission = Submission.objects.get(pk=responses[1].pk)
    assert FNR in submission.text  # the original is kept for the case record
    assert FNR not in publication.published_text
    assert publication.state == PublicationState.APPROVED_REDACTED
    assert publication.decided_by == editor
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="hearings.publication.approved_redacted")
    assert entry.data["reason"] == "Fødselsnummer fjernet"


def test_withhold_needs_reason(closed_hearing, responses):
    editor = UserFactory(is_superuser=True)
    publication = responses[0].publication
    with pytest.raises(ValidationError):
        publication_decide(publication=publication, action="withheld", by=editor)
    publication_decide(
        publication=publication,
        action="withheld",
        by=editor,
        reason="Inneholder opplysninger om tredjeperson.",
    )
    publication.refresh_from_db()
    assert publication.state == PublicationState.WITHHELD
    assert publication.published_text == ""


def test_moderation_view_blocks_fnr(client, closed_hearing, responses):
    admin = UserFactory(username="mod", is_superuser=True)
    client.force_login(admin)
    url = reverse("hearings_admin:moderate", args=[responses[1].pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "fødselsnummer" in page.content.decode()
    refused = client.post(url, {"action": "approved"})
    assert refused.status_code == 400
    assert ResponsePublication.objects.get(submission=responses[1]).state == "pending"
    done = client.post(
        url,
        {
            "action": "approved_redacted",
            "published_text": "Mitt nummer er fjernet.",
            "reason": "Fødselsnummer",
        },
    )
    assert done.status_code == 302
    assert (
        ResponsePublication.objects.get(submission=responses[1]).state
        == "approved_redacted"
    )


def test_published_responses_paginated_with_constant_queries(
    client, closed_hearing, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    editor = UserFactory(is_superuser=True)
    during = timezone.now() - datetime.timedelta(days=5)

    def add(n):
        # Moderation drops the cached pages once committed (on_commit).
        with django_capture_on_commit_callbacks(execute=True):
            for i in range(n):
                s = respond(
                    closed_hearing,
                    f"Svar nummer {i}.",
                    name=f"Person {i}",
                    publish_name=True,
                    now=during,
                )
                publication_decide(
                    publication=s.publication, action="approved", by=editor
                )

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(closed_hearing.url)
            assert response.status_code == 200
        return len(ctx), response

    # Each measurement is the second of two requests: the first after a publish
    # refills per-process caches (site root paths, default locale).
    add(3)
    count()
    few, _ = count()
    add(30)
    count()
    many, response = count()
    assert many == few
    assert response.context["responses_total"] == 33
    assert response.content.decode().count('class="hearing-response"') == 20
    second = client.get(closed_hearing.url, {"svar": 2})
    assert second.content.decode().count('class="hearing-response"') == 13
    assert "Person 29" in second.content.decode()
    # Page numbers past the end, or not numbers, show a real page.
    beyond = client.get(closed_hearing.url, {"svar": 99}).content.decode()
    assert beyond.count('class="hearing-response"') == 13
    junk = client.get(closed_hearing.url, {"svar": "x'"}).content.decode()
    assert junk.count('class="hearing-response"') == 20


# --- role matrix -------------------------------------------------------------------


@pytest.fixture
def roles(site, hearing_unit):
    admin_access = Permission.objects.get(codename="access_admin")
    group, _ = Group.objects.get_or_create(name="Handlers")
    group.permissions.add(admin_access)

    def user(name, **kwargs):
        u = UserFactory(username=name, **kwargs)
        u.groups.add(group)
        return u

    other = UnitFactory(slug="kultur", name="Kultur")
    return {
        "handler": member(user("handler"), hearing_unit),
        "lead": member(user("lead"), hearing_unit, Role.LEAD),
        "other": member(user("other"), other),
        "triage": member(user("triage"), site["triage"], Role.LEAD),
        "superuser": UserFactory(username="root", is_superuser=True),
    }


SEES_ALL = {
    "handler": True,
    "lead": True,
    "other": False,
    "triage": True,
    "superuser": True,
}


@pytest.mark.parametrize("role", list(SEES_ALL))
def test_role_matrix_list_export_moderate(
    client, roles, closed_hearing, responses, role
):
    client.force_login(roles[role])
    sees = SEES_ALL[role]
    url = reverse("hearings_admin:responses", args=[closed_hearing.pk])
    listing = client.get(url)
    assert listing.status_code == 200
    html = listing.content.decode()
    for submission in responses:
        assert (submission.reference in html) == sees

    csv_response = client.get(url, {"export": "csv"})
    assert csv_response.status_code == 200
    rows = list(
        csv.reader(
            io.StringIO(b"".join(csv_response.streaming_content).decode("utf-8-sig"))
        )
    )
    assert len(rows) - 1 == (3 if sees else 0)

    xlsx = client.get(url, {"export": "xlsx"})
    assert xlsx.status_code == 200
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.max_row - 1 == (3 if sees else 0)

    moderate = client.get(reverse("hearings_admin:moderate", args=[responses[0].pk]))
    assert moderate.status_code == (200 if sees else 404)
    summary = client.get(reverse("hearings_admin:summary", args=[closed_hearing.pk]))
    assert summary.status_code == (200 if sees else 404)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert (closed_hearing.title in home.content.decode()) == sees


def test_anonymous_gets_login(client, closed_hearing, responses):
    for url in (
        reverse("hearings_admin:responses", args=[closed_hearing.pk]),
        reverse("hearings_admin:responses", args=[closed_hearing.pk]) + "?export=csv",
        reverse("hearings_admin:moderate", args=[responses[0].pk]),
        reverse("hearings_admin:summary", args=[closed_hearing.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_export_columns(client, roles, closed_hearing, responses):
    client.force_login(roles["superuser"])
    publication_decide(
        publication=responses[2].publication, action="approved", by=roles["superuser"]
    )
    url = reverse("hearings_admin:responses", args=[closed_hearing.pk])
    response = client.get(url, {"export": "csv"})
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    org = next(r for r in rows if r.get("Organisasjon") or r.get("Organisation"))
    assert "Asker Idrettsråd" in org.values()
    published = [r for r in rows if "ja" in r.values() or "yes" in r.values()]
    assert published


def test_attachments_public_only_when_published_with_them(
    client, hearing_index, hearing_unit
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_responses import MINIMAL_PDF

    hearing = make_hearing(
        hearing_index,
        hearing_unit,
        title="Med vedlegg",
        opens_on=days(-50),
        deadline=days(-1),
    )
    editor = UserFactory(is_superuser=True)
    upload = SimpleUploadedFile(
        "innspill.pdf", MINIMAL_PDF, content_type="application/pdf"
    )
    submission, _ = hearing_response_create(
        hearing=hearing,
        files=[upload],
        notify=False,
        now=timezone.now() - datetime.timedelta(days=5),
        data={
            "respondent_type": "person",
            "name": "Kari",
            "organisation": "",
            "text": "Se vedlegg.",
            "publish_name": False,
            "email": "",
        },
    )
    attachment = submission.attachments.get()
    url = reverse("hearings:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404  # pending
    publication_decide(publication=submission.publication, action="approved", by=editor)
    assert client.get(url).status_code == 404  # approved, attachments not chosen
    publication_decide(
        publication=submission.publication,
        action="approved",
        by=editor,
        publish_attachments=True,
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert url in client.get(hearing.url).content.decode()
    publication_decide(
        publication=submission.publication,
        action="withheld",
        by=editor,
        reason="Trukket tilbake",
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("state", ["pending", "infected", "error"])
def test_published_attachment_only_when_the_scan_passed(
    client, hearing_index, hearing_unit, state
):
    """Issue 12, point 12: a published response's file waiting for its virus
    scan, quarantined, or not scannable is neither linked nor served."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_responses import MINIMAL_PDF

    hearing = make_hearing(
        hearing_index,
        hearing_unit,
        title="Med skannet vedlegg",
        opens_on=days(-50),
        deadline=days(-1),
    )
    editor = UserFactory(is_superuser=True)
    upload = SimpleUploadedFile("innspill.pdf", MINIMAL_PDF, "application/pdf")
    submission, _ = hearing_response_create(
        hearing=hearing,
        files=[upload],
        notify=False,
        now=timezone.now() - datetime.timedelta(days=5),
        data={
            "respondent_type": "person",
            "name": "Kari",
            "organisation": "",
            "text": "Se vedlegg.",
            "publish_name": False,
            "email": "",
        },
    )
    attachment = submission.attachments.get()
    attachment.scan_state = state
    attachment.save()
    publication_decide(
        publication=submission.publication,
        action="approved",
        by=editor,
        publish_attachments=True,
    )
    url = reverse("hearings:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404
    page = client.get(hearing.url).content.decode()
    assert "Se vedlegg." in page and url not in page
    attachment.scan_state = "clean"
    attachment.save()
    assert client.get(url).status_code == 200


def test_editor_can_create_hearing_with_warning(client, hearing_index, hearing_unit):
    from wagtail.models import Page
    from wagtail.test.utils.form_data import rich_text

    admin = UserFactory(username="boss", is_superuser=True)
    client.force_login(admin)
    url = reverse(
        "wagtailadmin_pages:add", args=["hearings", "hearingpage", hearing_index.pk]
    )
    data = {
        "title": "Sommerhøring",
        "slug": "sommerhoring",
        "summary": "Kort.",
        "body": rich_text("<p>Hva saken gjelder.</p>"),
        "outcome_heard": rich_text(""),
        "outcome_decided": rich_text(""),
        "kind": "plan",
        "opens_on": "2027-06-01",
        "deadline": "2027-07-01",
        "short_period_reason": "",
        "responsible_unit": hearing_unit.pk,
        "other_consultees": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200  # the form again, with the error
    assert not Page.objects.filter(slug="sommerhoring").exists()
    data["deadline"] = "2027-08-01"  # 61 days, a plan hearing over July
    created = client.post(url, data, follow=True)
    assert created.status_code == 200
    assert Page.objects.filter(slug="sommerhoring").exists()
    messages = [str(m) for m in created.context["messages"]]
    assert any("juli" in m or "July" in m for m in messages)


def test_admin_list_query_count_constant(client, roles, closed_hearing, responses):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(roles["handler"])
    url = reverse("hearings_admin:responses", args=[closed_hearing.pk])

    def count(params=None):
        client.get(url, params or {})
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, params or {})
            assert response.status_code == 200
            if response.streaming:  # the export is written as it streams
                b"".join(response.streaming_content)
        return len(ctx)

    few, few_export = count(), count({"export": "csv"})
    for i in range(10):
        respond(
            closed_hearing,
            f"Svar {i}",
            name=f"P{i}",
            now=timezone.now() - datetime.timedelta(days=3),
        )
    assert count() == few
    assert count({"export": "csv"}) == few_export


# --- the public and the internal summary (issue 11, major 3) ----------------------


@pytest.fixture
def moderated(closed_hearing, responses, roles):
    """Ola published by consent; Per's response with a fødselsnummer withheld;
    the sports council published with a redaction; one more still waiting."""
    by = roles["superuser"]
    ola, per, council = (r.publication for r in responses)
    publication_decide(publication=ola, action="approved", by=by)
    publication_decide(
        publication=per, action="withheld", by=by, reason="Personopplysninger"
    )
    publication_decide(
        publication=council,
        action="approved_redacted",
        by=by,
        text="Vi støtter forslaget. [Navn fjernet]",
        reason="Navn på tredjeperson",
    )
    respond(
        closed_hearing,
        "Hemmelig ventende svar.",
        name="Kari Ventesen",
        now=timezone.now() - datetime.timedelta(days=5),
    )
    return responses


def test_public_summary_prints_only_published_redacted_texts(
    client, roles, closed_hearing, moderated
):
    client.force_login(roles["handler"])
    html = client.get(
        reverse("hearings_admin:summary", args=[closed_hearing.pk])
    ).content.decode()
    assert "Bra plan." in html and "Ola" in html  # published by consent
    assert "[Navn fjernet]" in html and "Asker Idrettsråd" in html
    # Neither the withheld response, its author, nor the number; nothing pending.
    for secret in (FNR, "ring meg", r"\bPer\b", "Hemmelig", "Ventesen", "Leder"):
        assert not re.search(secret, html), secret
    assert "INTERN" not in html
    # A way back on screen (issue 11 minor: the summary was a dead end).
    back = reverse("hearings_admin:responses", args=[closed_hearing.pk])
    assert f'<a href="{back}">Tilbake til svarene</a>' in html
    for submission in moderated:  # case references stay internal too
        assert submission.reference not in html
    # Nor in anything public: the hearing page, its feeds and its calendar.
    client.logout()
    for url in (
        closed_hearing.url,
        reverse("hearings:feed_rss"),
        reverse("hearings:feed_atom"),
        reverse("hearings:ical"),
    ):
        public = client.get(url)
        assert public.status_code == 200, url
        body = public.content.decode()
        for secret in (FNR, "ring meg", "Hemmelig"):
            assert secret not in body, (url, secret)


INTERNAL_SUMMARY = {
    "handler": 200,
    "lead": 200,
    "superuser": 200,
    "triage": 404,  # sees every input, but does not own the hearing
    "other": 404,
}


@pytest.mark.parametrize("role", list(INTERNAL_SUMMARY))
def test_internal_summary_for_the_owning_unit_only_and_logged(
    client, roles, closed_hearing, moderated, role
):
    from wagtail.models import PageLogEntry

    client.force_login(roles[role])
    url = reverse("hearings_admin:summary_internal", args=[closed_hearing.pk])
    response = client.get(url)
    assert response.status_code == INTERNAL_SUMMARY[role]
    public = client.get(reverse("hearings_admin:summary", args=[closed_hearing.pk]))
    opened = PageLogEntry.objects.filter(
        page=closed_hearing, action="hearings.summary_internal"
    )
    if response.status_code == 200:
        html = response.content.decode()
        assert "INTERN" in html and FNR in html and "Hemmelig" in html
        assert [entry.user for entry in opened] == [roles[role]]
        assert url in public.content.decode()  # linked from the public one
    else:
        assert not opened.exists()
        assert url not in public.content.decode()
