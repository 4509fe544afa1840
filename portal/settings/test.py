import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run tasks as they are enqueued (on commit); the durable backend is what
# runs in development and production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests sign staff in with force_login; tests/accounts turn the second factor on.
PORTAL_OTP_REQUIRED = False
# The demo municipality's postcodes, as in development (settings/dev.py).
PORTAL = {  # noqa: F405
    **PORTAL,  # noqa: F405
    "PUBLIC_BASE_URL": "http://testserver",
    # Every test posts from 127.0.0.1 and counts outlive a test in the shared
    # store: tests of the limit set their own (tests/portal/test_abuse.py).
    "RATE_LIMIT_SUBMISSIONS": 10_000,
    "MUNICIPALITY_POSTCODES": ["1370-1399", "3430-3442", "3470-3491"],
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# Each test process has its own page cache (off unless a test turns it on).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
    # As in production without Redis: shared by processes (feedback.E001).
    "limits": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_limits",
    },
}
PORTAL_PAGE_CACHE_SECONDS = 0
# Parallel test runs (several developers on one machine) each get their own
# test database: TEST_DB_NAME=test_portal_<name>.
DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": os.environ.get("TEST_DB_NAME", "test_portal")
}
# Tests never need a commit to survive a power cut: without waiting for the WAL
# flush, transactional (browser) tests that commit every save run several times
# faster. Durability settings of development and production are untouched.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
    "-c synchronous_commit=off"
)
# Nothing leaves for an archive unless a test sends it through a transport of
# its own (records.transports.use): posts wait, as with PORTAL_ARCHIVE_TRANSPORT=none.
PORTAL_ARCHIVE = {**PORTAL_ARCHIVE, "TRANSPORT": "none"}  # noqa: F405
