import json

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import UnitFactory, make_site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the reused test database whole around transactional tests.

    Transactional tests (live_server, browser) flush every table when they end, and
    with --reuse-db the next run would start without what migrations created (the
    page-tree root, locales, audiences, groups). We snapshot the database once
    (Django restores it for tests marked serialized_rollback=True) and put the
    snapshot back at the end of the session.
    """
    with django_db_blocker.unblock():
        if not _baseline_present():
            # An interrupted run left the database flushed: build it again.
            connection.close()
            connection.creation.create_test_db(
                verbosity=0, autoclobber=True, keepdb=False, serialize=False
            )
            connection._test_serialized_contents = None
        if not getattr(connection, "_test_serialized_contents", None):
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )
    yield
    with django_db_blocker.unblock():
        if not _baseline_present():
            # Whatever a signal re-created after the last flush goes first.
            # Sequences stay where they are, above every restored id.
            call_command(
                "flush",
                interactive=False,
                inhibit_post_migrate=True,
                reset_sequences=False,
                verbosity=0,
            )
            _restore(connection._test_serialized_contents)


def _restore(snapshot: str) -> None:
    # Content types first: restoring other rows may look one up, and a miss would
    # create it with a new id that collides with the snapshot's row.
    from django.contrib.contenttypes.models import ContentType

    rows = json.loads(snapshot)
    first = [r for r in rows if r["model"] == "contenttypes.contenttype"]
    rest = [r for r in rows if r["model"] != "contenttypes.contenttype"]
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(json.dumps(first))
    connection.creation.deserialize_db_from_string(json.dumps(rest))


def _baseline_present() -> bool:
    from wagtail.models import Page

    return Page.objects.filter(depth=1).exists()


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Cached pages and fragments (portal.page_cache) never outlive a test."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture
def site(db):
    return make_site()


@pytest.fixture
def unit(db):
    return UnitFactory(slug="barnehage", name="Barnehage")


@pytest.fixture
def archive_elsewhere(settings):
    """For tests of anonymisation itself: the municipality journals another way,
    so nothing waits for the portal's archive (tests/records tests the wait)."""
    settings.PORTAL_ARCHIVE = {**settings.PORTAL_ARCHIVE, "PATH": "none"}


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """The local OpenID Connect provider, one process for the session: the
    staff login's provider and ID-porten's stand-in (each test module registers
    its own client)."""
    from tests.oidc_provider.harness import start_provider

    provider = start_provider(tmp_path_factory.mktemp("oidc_provider"))
    yield provider
    provider.stop()


@pytest.fixture(scope="session")
def idporten_provider(oidc_provider, live_server):
    """The local provider as ID-porten: the portal's client, redirected back
    to the one callback address, asking for nothing but `openid`."""
    from tests.oidc_provider.harness import IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET

    oidc_provider.manage(
        "provider_client",
        f"--client-id={IDPORTEN_CLIENT_ID}",
        f"--client-secret={IDPORTEN_CLIENT_SECRET}",
        f"--redirect-uri={live_server.url}/innbyggerforslag/id-porten/",
        "--scope=openid",
    )
    return oidc_provider


@pytest.fixture
def idporten_on(settings, idporten_provider, live_server):
    """Signing with ID-porten switched on, pointed at the local provider."""
    from tests.oidc_provider.harness import IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET

    settings.PORTAL_IDPORTEN_ISSUER = f"{idporten_provider.url}/openid"
    settings.PORTAL_IDPORTEN_CLIENT_ID = IDPORTEN_CLIENT_ID
    settings.PORTAL_IDPORTEN_CLIENT_SECRET = IDPORTEN_CLIENT_SECRET
    settings.PORTAL_IDPORTEN_PID_KEY = "test-pid-key"  # noqa: S105
    settings.PORTAL = {**settings.PORTAL, "PUBLIC_BASE_URL": live_server.url}
    return idporten_provider
