"""Production settings for the benchmark (bench/run.py) on this machine only:
a dummy secret, loopback host, no HTTPS redirect (wrk speaks plain HTTP to
127.0.0.1). Everything else is production: DEBUG off, manifest static files,
the same middleware and headers, the page cache as PORTAL_PAGE_CACHE_SECONDS says.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: E402, F403
from .production import BASE_DIR, CACHES  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = False
# Collected and hashed apart from the development copy.
STATIC_ROOT = BASE_DIR / "var" / "bench" / "static"
# The benchmark's page cache does not share files with a development server.
if CACHES["pages"]["BACKEND"].endswith("FileBasedCache"):
    CACHES = {
        **CACHES,
        "pages": {
            **CACHES["pages"],
            "LOCATION": str(BASE_DIR / "var" / "bench" / "pages"),
        },
    }
# E-mail is never sent from a benchmark.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks (search indexing while seeding) run at once; no worker is needed.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# bench/feedback_bench.py measures the form both ways: e-mails rendered and sent in
# the request (immediate), and queued in the database as in production.
if os.environ.get("BENCH_DURABLE_TASKS"):
    TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
