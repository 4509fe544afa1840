import pytest

from feedback.models import RoutingRule, Topic
from tests.factories import UnitFactory, UserFactory, make_service, member
from units.choices import Role


@pytest.fixture
def units(db):
    """The triage unit (the same row make_site() uses) plus a few real-looking
    units. No page tree: tests that need pages ask for `site` too."""
    triage = UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)
    vei = UnitFactory(
        slug="vei-og-trafikk",
        name="Vei og trafikk",
        name_en="Roads and traffic",
        first_answer_days=10,
    )
    renovasjon = UnitFactory(
        slug="renovasjon", name="Renovasjon", name_en="Waste collection"
    )
    barnehage = UnitFactory(slug="barnehage", name="Barnehage", name_en="Kindergartens")
    # A sub-unit: leads and handlers of vei see it too.
    gatelys = UnitFactory(slug="gatelys", name="Gatelys", parent=vei)
    return {
        "triage": triage,
        "vei": vei,
        "renovasjon": renovasjon,
        "barnehage": barnehage,
        "gatelys": gatelys,
    }


@pytest.fixture
def topics(units):
    return {
        "vei": Topic.objects.create(
            name="Vei, gater og brøyting",
            slug="vei",
            name_en="Roads",
            default_unit=units["vei"],
        ),
        "annet": Topic.objects.create(name="Annet", slug="annet", name_en="Other"),
    }


@pytest.fixture
def rules(units):
    return [
        RoutingRule.objects.create(
            name="Brøyting",
            keywords="brøyting, gatelys",
            unit=units["vei"],
            priority=10,
        ),
        RoutingRule.objects.create(
            name="Søppel",
            keywords="søppel, henting",
            unit=units["renovasjon"],
            priority=20,
        ),
    ]


@pytest.fixture
def people(units):
    """The role matrix: handler A (vei), handler B (renovasjon), lead (vei),
    triage editor, superuser, a staff user without units."""
    return {
        "handler_a": member(UserFactory(username="handler_a"), units["vei"]),
        "handler_b": member(UserFactory(username="handler_b"), units["renovasjon"]),
        "lead": member(UserFactory(username="lead"), units["vei"], Role.LEAD),
        "gatelys": member(UserFactory(username="gatelys"), units["gatelys"]),
        "triage": member(UserFactory(username="triage"), units["triage"]),
        "superuser": UserFactory(username="root", is_superuser=True),
        "nobody": UserFactory(username="nobody"),
    }


@pytest.fixture
def service(site, units):
    return make_service(site["topic"], units["barnehage"], "Barnehageplass")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (the e-mail tasks) inside a test transaction."""
    return django_capture_on_commit_callbacks
