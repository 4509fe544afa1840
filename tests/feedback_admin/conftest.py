"""Fixtures for the admin: two units (A = vei, B = renovasjon), the triage unit,
the role matrix and a submission in each unit, all made through the real
services."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback.models import Topic
from tests.factories import UnitFactory, UserFactory, member, submit
from units.choices import Role

# A 1×1 PNG that decodes (attachments are re-encoded, so it must be a real one).
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
    b"\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00"
    b"\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(autouse=True)
def attachments_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "attachments"), "base_url": None},
        },
    }


@pytest.fixture
def units(db):
    return {
        "triage": UnitFactory(
            slug="servicetorget", name="Servicetorget", is_triage=True
        ),
        "a": UnitFactory(
            slug="vei-og-trafikk", name="Vei og trafikk", name_en="Roads and traffic"
        ),
        "b": UnitFactory(slug="renovasjon", name="Renovasjon"),
    }


@pytest.fixture
def topics(units):
    return {
        "a": Topic.objects.create(name="Vei", slug="vei", default_unit=units["a"]),
        "b": Topic.objects.create(
            name="Søppel", slug="soppel", default_unit=units["b"]
        ),
    }


def _admin_user(username, **kwargs):
    user = UserFactory(username=username, first_name=username.title(), **kwargs)
    handlers, _ = Group.objects.get_or_create(name="Handlers")
    handlers.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user.groups.add(handlers)
    return user


@pytest.fixture
def people(units):
    """anonymous is the test client itself; the rest log in."""
    return {
        "handler_a": member(_admin_user("handler_a"), units["a"]),
        "handler_b": member(_admin_user("handler_b"), units["b"]),
        "lead_a": member(_admin_user("lead_a"), units["a"], Role.LEAD),
        "triage": member(_admin_user("triage"), units["triage"], Role.LEAD),
        "superuser": _admin_user("root", is_superuser=True),
        "outsider": _admin_user("outsider"),
    }


def make_submission(
    topic,
    *,
    text="Hullet i veien er stort.",
    email="a@example.org",
    attachment=False,
    **kwargs,
):
    attachments = []
    if attachment:
        attachments = [SimpleUploadedFile("bilde.png", PNG, content_type="image/png")]
    submission, _token = submit(
        kind=kwargs.pop("kind", "feedback"),
        topic=topic,
        text=text,
        subject=kwargs.pop("subject", "Hull i veien"),
        contact_email=email,
        contact_name=kwargs.pop("contact_name", "Kari Nordmann"),
        attachments=attachments,
        notify=False,
        **kwargs,
    )
    return submission


@pytest.fixture
def subs(topics):
    return {
        "a": make_submission(topics["a"], attachment=True, email="kari@example.org"),
        "b": make_submission(
            topics["b"],
            text="Søppelet er ikke hentet.",
            subject="Søppel",
            email="ola@example.org",
            attachment=True,
        ),
    }
