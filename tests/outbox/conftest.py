import pytest

from tests.factories import UnitFactory


@pytest.fixture
def units(db):
    return {"triage": UnitFactory(slug="servicetorget", is_triage=True)}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks
