"""Settings shared by every environment. Behaviour is switched by environment
variables; see README.md, "Configuration"."""

import datetime
import json
import os
from pathlib import Path
from typing import Any

import dj_database_url

from portal.log import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


INSTALLED_APPS = [
    "home",
    "units",
    "feedback",
    "following",
    "hearings",
    "proposals",
    "search",
    "records",
    "news",
    "accounts",
    # Before django_tasks_db: its `db_worker` command is replaced by the outbox's.
    "outbox",
    "portal",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_recaptcha",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its sitemap.xml template, for wagtail.contrib.sitemaps.
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id.
    "portal.log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.BadRequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor of staff password sign-ins (accounts/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Outside the page cache: fills the notice slot of cached pages too.
    "news.middleware.NoticeMiddleware",
    # Outside the page cache: fresh one-time form tokens on cached pages too.
    "portal.middleware.FormTokenMiddleware",
    # Inside CSRF, auth and the header middlewares: see portal/page_cache.py.
    "portal.page_cache.PageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so it sees a view's database or storage error first.
    "portal.middleware.OutageMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Database: PostgreSQL everywhere. DATABASE_URL, else the embedded server ---
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    from portal.embedded_db import url as embedded_url

    DATABASE_URL = embedded_url()
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    )
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Staff sign-in (accounts/, README "Staff sign-in") ---
# Axes first: it refuses a locked-out username or client before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in through the municipality's identity provider; inert when unset.
    "accounts.oidc.OidcBackend",
]
# Lockout per account and per client, each on its own: a guesser who changes
# address still locks the account, and one who tries many accounts, the address.
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("PORTAL_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
# Axes' log lines name the username and a keyed hash of the client, no address.
AXES_CLIENT_STR_CALLABLE = "accounts.lockout.client_str"
AXES_ENABLE_ADMIN = False
# Everyone who signs in to the admin with a password gives a code from an
# authenticator app (TOTP) too; off in development (the demo logins), see README.
PORTAL_OTP_REQUIRED = env_bool("PORTAL_OTP_REQUIRED", True)
# A staff session with no admin request for this long is signed out (0: never).
PORTAL_STAFF_IDLE_MINUTES = int(os.environ.get("PORTAL_STAFF_IDLE_MINUTES", "30"))
# Staff sign-in through the municipality's identity provider (OpenID Connect,
# accounts.oidc; README "Sign-in with the municipality's account"). Off while
# PORTAL_OIDC_CLIENT_ID or the authorization endpoint is empty.
OIDC_RP_CLIENT_ID = os.environ.get("PORTAL_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("PORTAL_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get(
    "PORTAL_OIDC_AUTHORIZATION_ENDPOINT", ""
)
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("PORTAL_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("PORTAL_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("PORTAL_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("PORTAL_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("PORTAL_OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_CALLBACK_CLASS = "accounts.oidc.CallbackView"
OIDC_AUTHENTICATE_CLASS = "accounts.oidc.SignInView"
LOGIN_REDIRECT_URL = "/admin/"
LOGIN_REDIRECT_URL_FAILURE = "/admin/login/"
# The claim that lists the user's groups, and what each group gives:
# {"<group>": {"unit": "<unit slug>", "role": "handler|lead"} or {"role": "editor"}
# or a list of them} (accounts.sso).
PORTAL_OIDC_GROUPS_CLAIM = os.environ.get("PORTAL_OIDC_GROUPS_CLAIM", "groups")
PORTAL_OIDC_GROUP_MAP = json.loads(os.environ.get("PORTAL_OIDC_GROUP_MAP", "{}"))
# The Django groups such accounts are put in: admin access for handlers and leads,
# Wagtail's editors for "editor".
PORTAL_OIDC_STAFF_GROUP = os.environ.get("PORTAL_OIDC_STAFF_GROUP", "Handlers")
PORTAL_OIDC_EDITOR_GROUP = os.environ.get("PORTAL_OIDC_EDITOR_GROUP", "Editors")
# Signing citizen proposals with ID-porten (proposals.idporten; README "Signing
# with ID-porten"): off while the issuer, client id or secret is empty. The issuer
# is ID-porten's (https://idporten.no, or https://test.idporten.no to test);
# the redirect URI to register is <public base URL>/innbyggerforslag/id-porten/
# (without a language prefix).
PORTAL_IDPORTEN_ISSUER = os.environ.get("PORTAL_IDPORTEN_ISSUER", "")
PORTAL_IDPORTEN_CLIENT_ID = os.environ.get("PORTAL_IDPORTEN_CLIENT_ID", "")
PORTAL_IDPORTEN_CLIENT_SECRET = os.environ.get("PORTAL_IDPORTEN_CLIENT_SECRET", "")
PORTAL_IDPORTEN_ACR_VALUES = os.environ.get(
    "PORTAL_IDPORTEN_ACR_VALUES", "idporten-loa-substantial"
)
# The key of the hash that stops one person signing twice. Its own secret: if it
# changes, everyone who signed with ID-porten could sign once more.
PORTAL_IDPORTEN_PID_KEY = os.environ.get("PORTAL_IDPORTEN_PID_KEY", "")


def _otp_issuer(device) -> str:
    """The name the authenticator app shows beside the codes: the municipality's
    (Settings › Municipality), unless PORTAL_OTP_ISSUER names another."""
    from portal.identity import identity

    return os.environ.get("PORTAL_OTP_ISSUER") or identity().name_nb


OTP_TOTP_ISSUER = _otp_issuer

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Norwegian bokmål first, English msgids, English UI available ---
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# New pages get an alias in every other language, so the English tree is complete
# from day one and editors replace aliases with real translations when they can.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
# portal/wagtail_strings/locale: bokmål for the Wagtail admin strings that
# Wagtail's own nb catalogue lacks (LOCALE_PATHS outrank the apps' catalogues).
LOCALE_PATHS = [
    BASE_DIR / "portal" / "locale",
    BASE_DIR / "portal" / "wagtail_strings" / "locale",
]
# English with European dates and a 24-hour clock (portal/formats/en).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static and media ---
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    # Designsystemet is served from our own static files: no CDN, no third party.
    ("vendor/designsystemet", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist"),
    # Inter, the font the theme expects, from npm (@fontsource-variable/inter).
    ("vendor/inter", NODE_MODULES / "@fontsource-variable" / "inter"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Resident attachments never sit under MEDIA_ROOT: they are served only through
    # a view that checks who may see the submission.
    "attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get(
                "ATTACHMENTS_ROOT", str(BASE_DIR / "var" / "attachments")
            ),
            "base_url": None,
        },
    },
}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Attachments: 10 MB each, 25 MB in all (REQUIREMENTS); a little slack for the form.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
PORTAL_MAX_REQUEST_BYTES = 27 * 1024 * 1024

# --- Wagtail ---
# The admin's own title. What residents see (name, logo, contact details) is the
# Municipality setting in the admin (portal.models), not this.
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Innbyggerportal")
# SVG for the municipality's logo and favicon; shown only through <img>, and the
# CSP (script-src 'self') stops a script in an SVG opened on its own.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "norwegian",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's date pickers write dates as Norwegians read them (16.12.2026), in
# both languages (portal/formats/en accepts them too); ISO is still accepted.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No Gravatar: the admin would send a hash of each staff e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- Background tasks: durable database backend (django-tasks-db) ---
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- E-mail through Django's mail API ---
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
# The sending address (SPF/DKIM must allow it); the name shown with it is the
# municipality's (portal.identity.Identity.sender).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "postmottak@kommune.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Cache: Redis when configured, else process-local memory ---
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
    CACHES["limits"] = {**CACHES["default"], "KEY_PREFIX": "limits"}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Cached pages must be shared by every worker process so that publishing
        # reaches them all (portal/page_cache.py): files on this machine.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # The public forms' rate limits (feedback.spam) must be counted where
        # every worker process counts: without Redis, in the database (the table
        # is made by feedback's migration 0008). A per-process cache would let
        # each gunicorn worker take the whole limit (feedback.E001 refuses it).
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_limits",
        },
    }
# Anonymous public pages are served from CACHES["pages"] for this many seconds;
# 0 turns the page cache off (production turns it on).
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "0"))
# Cached pages belong to the code that built them (portal.page_cache
# .code_version, a hash of the project's files); a deploy may name its release
# instead (for example the git commit).
PORTAL_RELEASE = os.environ.get("PORTAL_RELEASE", "")
# Virus scanning of resident attachments (portal.virus_scan): "clamd" in
# production, with PORTAL_CLAMD_ADDRESS "tcp://host:3310" or
# "unix:///run/clamav/clamd.ctl"; "none" scans nothing and marks files «ikke
# skannet», visible to staff.
PORTAL_VIRUS_SCANNER = os.environ.get("PORTAL_VIRUS_SCANNER", "none")
PORTAL_CLAMD_ADDRESS = os.environ.get("PORTAL_CLAMD_ADDRESS", "tcp://127.0.0.1:3310")
PORTAL_CLAMD_TIMEOUT = float(os.environ.get("PORTAL_CLAMD_TIMEOUT", "30"))

# --- Search: Elasticsearch only when configured ---
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
PORTAL_SEARCH_BACKEND = "elasticsearch" if ELASTICSEARCH_URL else "postgres"

# --- reCAPTCHA: off unless both keys are set (privacy by default) ---
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
RECAPTCHA_REQUIRED_SCORE = float(os.environ.get("RECAPTCHA_REQUIRED_SCORE", "0.5"))
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# --- Security headers (django-csp 4) ---
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
    # The Wagtail admin relies on inline scripts and styles; CSP is enforced on the
    # public site, where we control every byte.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
}
if RECAPTCHA_ENABLED:
    for directive in ("script-src", "frame-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(directive, ["'self'"])
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive] += [
            "https://www.google.com",
            "https://www.gstatic.com",
        ]
# A refused form gives the resident their text back (portal/views.py).
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Logging: no personal data; requests are not logged with query strings ---
LOGGING = logging_config(
    fmt="json" if os.environ.get("LOG_FORMAT", "").lower() == "json" else "plain",
    level=os.environ.get("LOG_LEVEL", "INFO"),
)

# --- Portal rules (REQUIREMENTS.md): thresholds live here, not in code ---
# Typed as Any per value: the thresholds are ints, strings and lists, read by key.
PORTAL: dict[str, Any] = {
    "LIX_AIM": 40,
    "LIX_WARN": 50,
    "DEFAULT_FIRST_ANSWER_DAYS": 14,
    "INTERIM_REPLY_AFTER_DAYS": 30,
    # Search statistics (search.selectors): a term is reported, and its daily
    # count kept after a day, only when at least this many searches used it.
    "SEARCH_REPORT_MIN_SEARCHES": int(
        os.environ.get("PORTAL_SEARCH_REPORT_MIN_SEARCHES", "3")
    ),
    "RETENTION_MONTHS": int(os.environ.get("PORTAL_RETENTION_MONTHS", "12")),
    # Hearing responses: from the hearing's conclusion (its outcome published).
    "HEARING_RESPONSE_RETENTION_MONTHS": int(
        os.environ.get("PORTAL_HEARING_RESPONSE_RETENTION_MONTHS", "12")
    ),
    # «Fant du det du lette etter?»: from the day it was given.
    "PAGE_FEEDBACK_RETENTION_MONTHS": int(
        os.environ.get("PORTAL_PAGE_FEEDBACK_RETENTION_MONTHS", "12")
    ),
    # A following that has had its last notice (a hearing's outcome) ends
    # this many days after it; one never confirmed ends after FOLLOW_CONFIRM_DAYS.
    "FOLLOW_ENDED_DAYS": 30,
    # Feedback pipeline: e-mail retries, spam limits, public links in e-mails.
    "EMAIL_MAX_ATTEMPTS": 5,
    "PUBLIC_BASE_URL": os.environ.get("PORTAL_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL),
    "FORM_MIN_FILL_SECONDS": 3,
    "FORM_MAX_AGE_HOURS": 24,
    # Per client (keyed hash of the address) and window; raised only for benchmarks.
    "RATE_LIMIT_SUBMISSIONS": int(
        os.environ.get("PORTAL_RATE_LIMIT_SUBMISSIONS", "10")
    ),
    "RATE_LIMIT_WINDOW_SECONDS": 600,
    "MAX_LINKS_IN_TEXT": 3,
    # Behind a reverse proxy, the header that carries the client's address (for
    # the rate limit), e.g. HTTP_X_FORWARDED_FOR. Empty: REMOTE_ADDR.
    "CLIENT_IP_HEADER": os.environ.get("PORTAL_CLIENT_IP_HEADER", ""),
    "TEXT_MAX_CHARS": 10_000,
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "ATTACHMENTS_TOTAL_MAX_BYTES": 25 * 1024 * 1024,
    "ATTACHMENTS_MAX_COUNT": 3,
    "PLAN_HEARING_MIN_DAYS": 42,
    "HEARING_DEFAULT_MIN_DAYS": 42,
    # Following by e-mail (following/): how long a confirmation link works, and
    # how soon asking again sends another confirmation e-mail.
    "FOLLOW_CONFIRM_DAYS": 7,
    "FOLLOW_CONFIRM_RESEND_MINUTES": 60,
    # Citizen proposals (proposals/, kommuneloven § 12-1). The threshold is
    # computed from the population (rules.signature_threshold): the figure from
    # Statistics Norway (SSB table 07459) and the day it was counted.
    "POPULATION": int(os.environ.get("PORTAL_POPULATION", "100000")),
    "POPULATION_DATE": os.environ.get("PORTAL_POPULATION_DATE", "2026-01-01"),
    "PROPOSAL_CAMPAIGN_MONTHS": 12,
    "PROPOSAL_COUNCIL_MONTHS": 6,
    # An online signature not confirmed within this many days never counts and
    # is deleted by retention.
    "PROPOSAL_CONFIRM_DAYS": 7,
    # The unit (slug) that moderates proposals and receives them for the council.
    "PROPOSAL_UNIT": os.environ.get("PORTAL_PROPOSAL_UNIT", "politisk-sekretariat"),
    # Signatures are anonymised this many months after the council's outcome.
    "PROPOSAL_RETENTION_MONTHS": int(
        os.environ.get("PORTAL_PROPOSAL_RETENTION_MONTHS", "12")
    ),
    # The municipality's postcodes (codes and ranges); a signer must live here.
    # Empty: any Norwegian postcode (set it: the demo's are in settings/dev.py).
    "MUNICIPALITY_POSTCODES": env_list("PORTAL_MUNICIPALITY_POSTCODES"),
    # The task worker (outbox/worker.py): a task RUNNING on a worker whose
    # heartbeat is older than the lease is run again, at most TASK_MAX_CLAIMS
    # times; a task of a worker without heartbeats after TASK_MAX_RUN_SECONDS.
    "TASK_LEASE_SECONDS": int(os.environ.get("PORTAL_TASK_LEASE_SECONDS", "120")),
    "TASK_HEARTBEAT_SECONDS": int(
        os.environ.get("PORTAL_TASK_HEARTBEAT_SECONDS", "10")
    ),
    "TASK_MAX_RUN_SECONDS": int(os.environ.get("PORTAL_TASK_MAX_RUN_SECONDS", "3600")),
    "TASK_MAX_CLAIMS": 5,
    # /healthz fails when the newest worker heartbeat, or the oldest task ready
    # to run, is older than this.
    "HEALTH_HEARTBEAT_MAX_SECONDS": int(
        os.environ.get("PORTAL_HEALTH_HEARTBEAT_MAX_SECONDS", "120")
    ),
    "HEALTH_QUEUE_MAX_SECONDS": int(
        os.environ.get("PORTAL_HEALTH_QUEUE_MAX_SECONDS", "900")
    ),
    # Axes' log of sign-ins (address, browser) is deleted after this many days
    # by the daily retention run; failed attempts when their cool-off ends.
    "LOGIN_LOG_DAYS": int(os.environ.get("PORTAL_LOGIN_LOG_DAYS", "30")),
}

# --- The archive (Noark 5 through Fiks Arkiv): records/, README "Archive" ---
PORTAL_ARCHIVE: dict[str, Any] = {
    # "portal": the portal journals what residents send in the municipality's
    # archive, and nothing is anonymised before the archive has it. "none": the
    # municipality has chosen that the portal is not its archive path (shown in
    # the admin); retention then waits for nothing.
    "PATH": os.environ.get("PORTAL_ARCHIVE_PATH", "portal"),
    # "folder" (a folder the archive ingests), "fiks_io" (an adapter, see
    # records/transports.py) or "none" (posts wait; `archive_export` by hand).
    "TRANSPORT": os.environ.get("PORTAL_ARCHIVE_TRANSPORT", "folder"),
    "DROP_DIR": os.environ.get(
        "PORTAL_ARCHIVE_DROP_DIR", str(BASE_DIR / "var" / "archive" / "out")
    ),
    "RECEIPT_DIR": os.environ.get(
        "PORTAL_ARCHIVE_RECEIPT_DIR", str(BASE_DIR / "var" / "archive" / "receipts")
    ),
    # arkivmelding/system and the fagsystem of every referanseEksternNoekkel.
    "SYSTEM": os.environ.get("PORTAL_ARCHIVE_SYSTEM", "Innbyggerportalen"),
    "FAGSYSTEM": os.environ.get("PORTAL_ARCHIVE_FAGSYSTEM", "innbyggerportal"),
    # Optional values the archive may ask for (its own code lists).
    "RULE": os.environ.get("PORTAL_ARCHIVE_RULE", ""),
    "ARKIVDEL": os.environ.get("PORTAL_ARCHIVE_ARKIVDEL", ""),
    "JOURNALENHET": os.environ.get("PORTAL_ARCHIVE_JOURNALENHET", ""),
    # Kinds of input journaled. Page feedback («Fant du det du lette etter?»)
    # is not a case document: nobody handles it as a case.
    "KINDS": env_list(
        "PORTAL_ARCHIVE_KINDS", "feedback,suggestion,question,hearing_response,proposal"
    ),
    "MAX_ATTEMPTS": 8,
    # The leads' digest names inputs not archived this long after they came in.
    "ALERT_AFTER_HOURS": 24,
    # Access restriction codes offered to handlers: (code, label, default basis).
    "SCREENING_CODES": [
        ("13", "Taushetsplikt", "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"),
        ("14", "Organinternt", "Offl. § 14 første ledd"),
        ("26", "Personopplysninger", "Offl. § 26 femte ledd"),
    ],
}
