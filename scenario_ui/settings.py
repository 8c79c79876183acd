"""Settings, all read from the environment (see README.md, "Configuration")."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("DEBUG", default=True)
# A development key is fine for DEBUG; production must set its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-insecure-scenario-ui-key-change-me-" + "x" * 20

ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

# --- Scenario API ---------------------------------------------------------
# The official SDK's variable names. Without a key pair the app talks to its
# embedded sandbox, in-process, through the very same SDK calls.
SCENARIO_SDK_API_KEY = os.environ.get("SCENARIO_SDK_API_KEY", "")
SCENARIO_SDK_API_SECRET = os.environ.get("SCENARIO_SDK_API_SECRET", "")
SCENARIO_BASE_URL = os.environ.get("SCENARIO_BASE_URL", "")
SCENARIO_SANDBOX = not (SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET)
# The project whose webhook endpoints `manage.py scenario_webhook` manages; the sandbox
# has one project and takes any id.
SCENARIO_PROJECT_ID = os.environ.get(
    "SCENARIO_PROJECT_ID", "proj_sandbox" if SCENARIO_SANDBOX else ""
)
# The team whose alerts (`team.credit.threshold.crossed`) `scenario_webhook` subscribes to.
SCENARIO_TEAM_ID = os.environ.get("SCENARIO_TEAM_ID", "team_sandbox" if SCENARIO_SANDBOX else "")
SCENARIO_TIMEOUT_SECONDS = float(os.environ.get("SCENARIO_TIMEOUT_SECONDS", "15"))
SCENARIO_DEFINITION_TTL_SECONDS = int(os.environ.get("SCENARIO_DEFINITION_TTL_SECONDS", "300"))
SCENARIO_LIST_TTL_SECONDS = int(os.environ.get("SCENARIO_LIST_TTL_SECONDS", "60"))
# The in-process SDK transport addresses the sandbox by this host name, in live mode
# too (a model author's test run); it resolves against the sandbox's URLs alone.
ALLOWED_HOSTS.append("sandbox.internal")


def _sandbox_key_pair(path: Path) -> tuple[str, str]:
    """The sandbox API's only credentials: from the environment, else the git-ignored file
    `make run` writes once (so clients outside keep working across restarts), else a pair
    made up for this process alone (tests, a bare `manage.py`)."""
    saved: dict[str, str] = {}
    if path.is_file():
        loaded = json.loads(path.read_text(encoding="utf-8"))
        saved = loaded if isinstance(loaded, dict) else {}
    return (
        os.environ.get("SANDBOX_API_KEY") or saved.get("key") or secrets.token_urlsafe(18),
        os.environ.get("SANDBOX_API_SECRET") or saved.get("secret") or secrets.token_urlsafe(32),
    )


SANDBOX_CREDENTIALS_FILE = Path(
    os.environ.get("SANDBOX_CREDENTIALS_FILE", BASE_DIR / ".sandbox-credentials.json")
)
SANDBOX_API_KEY, SANDBOX_API_SECRET = _sandbox_key_pair(SANDBOX_CREDENTIALS_FILE)
# The sandbox's pace and its team's monthly credits; unset, the sandbox's defaults apply.
if "SANDBOX_JOB_SECONDS" in os.environ:
    SANDBOX_JOB_SECONDS = float(os.environ["SANDBOX_JOB_SECONDS"])
if "SANDBOX_TRAINING_SECONDS" in os.environ:
    SANDBOX_TRAINING_SECONDS = float(os.environ["SANDBOX_TRAINING_SECONDS"])
if "SANDBOX_TEAM_CREDIT_LIMIT" in os.environ:
    SANDBOX_TEAM_CREDIT_LIMIT = float(os.environ["SANDBOX_TEAM_CREDIT_LIMIT"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "scenario_ui.accounts",
    "scenario_ui.catalog",
    "scenario_ui.authoring",
    "scenario_ui.generate",
    "scenario_ui.training",
    "scenario_ui.library",
    "scenario_ui.team",
    "scenario_ui.sandbox",
    "scenario_ui.benchmarks",
    "scenario_ui.worker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what the others answer (HTML, htmx fragments, static files in
    # development), with Django's BREACH mitigation; WhiteNoise serves its own
    # precompressed files in production, which this leaves alone.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "scenario_ui.web.middleware.ScenarioErrorMiddleware",
]

ROOT_URLCONF = "scenario_ui.urls"
WSGI_APPLICATION = "scenario_ui.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scenario_ui.scenario.context_processors.scenario_mode",
                "scenario_ui.accounts.theme.theme",
                "scenario_ui.team.context_processors.credit_alert",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Background work (django.tasks) ---------------------------------------
# Embedded: tasks wait in the database (SQLite or PostgreSQL) for `manage.py run_worker`.
# With Redis, RQ: any number of workers on any number of machines share one queue.
TASK_QUEUES = ["default"]
TASKS = {
    "default": (
        {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}
        if REDIS_URL
        else {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}
    )
}
# How often the periodic task beats and sweeps the project's changed jobs.
WORKER_PERIOD_SECONDS = float(os.environ.get("WORKER_PERIOD_SECONDS", "30"))
RQ_QUEUES = {name: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"} for name in TASK_QUEUES}

# Sessions are read from the cache (Redis when configured) and written through to
# the database: a live form update reads no table for its session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Django's model backend, with each user's permissions (their role) cached.
AUTHENTICATION_BACKENDS = ["scenario_ui.team.permission_cache.CachedPermissionsBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "catalog:index"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Posted forms -----------------------------------------------------------
# A file is kept only up to its input's maxSize, and never past this (bytes).
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
# Any POST may carry this many fields; a model's form may carry what its definition's
# size allows (see web.form_posts), so a definition of thousands of inputs still posts.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

# --- Security -------------------------------------------------------------
# Strict CSP: scripts and styles only from our origin (plus a per-request
# nonce); htmx is configured not to eval and not to inject inline styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "media-src": [CSP.SELF, "data:", "blob:", "https:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Load balancers probe over plain http inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    # Off only for `make serve` on plain http at home: browsers keep no secure cookie there.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_bool("SECURE_COOKIES", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "scenario_ui": {"handlers": ["console"], "level": "INFO"},
        # Django logs a 500's traceback here; its own console handler is DEBUG-only.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
