"""Issue 12 §3, §4: the database goes away in the middle of a submit, and the
attachments folder cannot be written. Before, both gave a 500 and lost the
text; now the resident gets a 503 page in plain language with everything they
typed in a form that sends it again («Send på nytt», the same one-time token),
and nothing is half-saved: no row, no file.

The outage is real: the test's own database session is terminated by
PostgreSQL (pg_terminate_backend, from a second connection) the moment the
submit writes its timeline, inside the service's transaction. The shared
server itself is never stopped."""

from __future__ import annotations

import contextlib
import time

import psycopg
import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import translation

from feedback import spam
from feedback.models import Attachment, Submission

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
    b"\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00"
    b"\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
INPUTS = 10


def _url():
    with translation.override("nb"):
        return reverse("feedback:submit", kwargs={"kind": "sporsmal"})


def _data(n: int) -> dict:
    return {
        "subject": f"Brøyting {n}",
        "text": f"Når blir Kirkeveien brøytet? <b>Spørsmål {n}</b>",
        "language": "nb",
        "started": spam.form_timestamp(time.time() - 30),
        "website": "",
        "form_token": f"token-{n:04d}",
    }


@contextlib.contextmanager
def database_lost_on(table: str):
    """Terminate this session from the server side on the first INSERT into
    `table`: the statement then fails as on a database restart."""
    settings = connection.settings_dict
    admin = psycopg.conninfo.make_conninfo(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
    )
    cut = []

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{table}"'):
            pid = context["connection"].connection.info.backend_pid
            with psycopg.connect(admin, autocommit=True) as other:
                other.execute("SELECT pg_terminate_backend(%s)", [pid])
            cut.append(pid)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield cut
    connection.close()  # the next query reconnects


def _attachments_in(monkeypatch, folder) -> None:
    """Point the attachments' storage at `folder`. The model binds its storage
    when it is loaded (settings.STORAGES["attachments"]), so a test sets the
    field's storage, as the settings would at start-up."""
    field = Attachment._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=str(folder)))


def _resend(client, response):
    """Press «Send på nytt»: post the 503 page's form as a browser would."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.select_one("form[method=post]")
    fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    fields.update({t["name"]: t.get_text() for t in form.select("textarea[name]")})
    fields.pop("csrfmiddlewaretoken", None)
    return client.post(form["action"], fields)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_lost_mid_submit_text_given_back(client, triage, counted):
    statuses: dict[int, int] = {}
    pages = []
    for n in range(INPUTS):
        with database_lost_on("feedback_submissionevent") as cut:
            response = client.post(_url(), _data(n))
        assert cut, "the outage was not injected"
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        pages.append(response)
    stored_during = Submission.objects.count()

    response = pages[0]
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Vi kunne ikke ta imot skjemaet akkurat nå" in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#kept-text").get_text() == _data(0)["text"]
    assert "<b>Spørsmål" not in html  # escaped
    assert page.select_one('input[name="form_token"]')["value"] == "token-0000"
    assert page.select_one("button[type=submit]").get_text(strip=True) == "Send på nytt"
    assert "Traceback" not in html

    # The database is back: «Send på nytt» on each page stores each input once.
    resent = [_resend(client, page) for page in pages]
    assert all(r.status_code == 302 for r in resent), [r.status_code for r in resent]
    stored = Submission.objects.count()
    counted(
        f"database lost mid-submit: inputs attempted {INPUTS} / stored during the "
        f"outage {stored_during} / stored after «Send på nytt» {stored} / lost "
        f"{INPUTS - stored}; responses by status {statuses}"
    )
    assert statuses == {503: INPUTS}
    assert stored_during == 0  # nothing half-saved
    assert stored == INPUTS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_lost_after_attachment_leaves_no_file(
    client, triage, monkeypatch, tmp_path
):
    _attachments_in(monkeypatch, tmp_path / "attachments")
    upload = SimpleUploadedFile("bilde.png", PNG, content_type="image/png")
    with database_lost_on("feedback_submissionevent"):
        response = client.post(_url(), {**_data(1), "attachments": upload})
    assert response.status_code == 503
    assert "Vedlegg kan ikke tas vare på her" in response.content.decode()
    assert Submission.objects.count() == 0 and Attachment.objects.count() == 0
    folder = tmp_path / "attachments"
    assert not [p for p in folder.rglob("*") if p.is_file()], "a file was left"


@pytest.mark.django_db
def test_unwritable_attachments_folder_text_given_back(
    client, triage, monkeypatch, tmp_path, counted
):
    # A file where the folder should be: every write fails with an OSError, as
    # on a full disk (tests run as root, which no permission bit stops).
    blocker = tmp_path / "attachments"
    blocker.write_text("not a folder")
    _attachments_in(monkeypatch, blocker / "inside")
    upload = SimpleUploadedFile("bilde.png", PNG, content_type="image/png")
    response = client.post(_url(), {**_data(2), "attachments": upload})
    html = response.content.decode()
    counted(
        f"unwritable attachments folder: inputs attempted 1 / stored "
        f"{Submission.objects.count()} / text given back "
        f"{'yes' if _data(2)['subject'] in html else 'no'}; status "
        f"{response.status_code}"
    )
    assert response.status_code == 503
    assert "Vi kunne ikke lagre vedleggene" in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#kept-text").get_text() == _data(2)["text"]
    assert page.select_one("#kept-subject").get_text() == _data(2)["subject"]
    assert Submission.objects.count() == 0
    assert str(tmp_path) not in html
