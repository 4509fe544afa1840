from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list

DEBUG = True
# A fixed key for local development only; production refuses to start without one.
SECRET_KEY = "dev-only-not-secret-asker-portal"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
# The demo logins of `make run` sign in with the password alone; set
# PORTAL_OTP_REQUIRED=1 to try the second factor.
PORTAL_OTP_REQUIRED = env_bool("PORTAL_OTP_REQUIRED", False)

# The demo municipality's postcodes (Asker: the old Asker, Røyken and Hurum), as
# home/demo_content.py's MUNICIPALITY; a deployment sets its own in the environment.
DEMO_POSTCODES = "1370-1399,3430-3442,3470-3491"
PORTAL = {  # noqa: F405
    **PORTAL,  # noqa: F405
    "MUNICIPALITY_POSTCODES": env_list("PORTAL_MUNICIPALITY_POSTCODES", DEMO_POSTCODES),
}

# Page publishing and task runs are logged at INFO; in a terminal that is noise.
LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
