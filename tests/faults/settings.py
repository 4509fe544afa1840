"""Settings for the worker processes the fault tests start: the test settings
with the durable task backend, real SMTP to the test's server, and the test
database the pytest process uses (FAULTS_DB_NAME)."""

import os

from portal.settings.test import *  # noqa: F403

TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("FAULTS_SMTP_PORT", "25"))
EMAIL_USE_TLS = False
DATABASES["default"]["NAME"] = os.environ.get(  # noqa: F405
    "FAULTS_DB_NAME",
    DATABASES["default"]["NAME"],  # noqa: F405
)
PORTAL = {  # noqa: F405
    **PORTAL,  # noqa: F405
    "TASK_LEASE_SECONDS": int(os.environ.get("PORTAL_TASK_LEASE_SECONDS", "3")),
    "TASK_HEARTBEAT_SECONDS": 1,
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "INFO"}}  # noqa: F405
