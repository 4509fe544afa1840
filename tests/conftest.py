import pytest

from tests.factories import UnitFactory, make_site


@pytest.fixture
def site(db):
    return make_site()


@pytest.fixture
def unit(db):
    return UnitFactory(slug="barnehage", name="Barnehage")
