"""
Settings for the Peru–United States relations site, read from the environment.

With no environment at all, the site is in production mode (debug off) and refuses to start
without ``DJANGO_SECRET_KEY``; ``DJANGO_DEBUG=1`` (as ``make run`` sets) runs it locally in debug
mode on an SQLite file. See https://docs.djangoproject.com/en/5.2/ref/settings/ and README.md.
"""

import logging
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from pythonjsonlogger.core import RESERVED_ATTRS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default, minimum=0):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}, not {value!r}.")
    return number


# Debug pages show settings and tracebacks: only where someone asks for them.
DEBUG = env_flag("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off: a production site "
            "needs its own secret key."
        )
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The admin, with a password change that counts wrong passwords like failed sign-ins.
    "relations.admin_apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "reversion",
    "axes",
    "relations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "relations.limits.QueryStringLimitMiddleware",
    # Readers' public pages come from the page cache here, skipping the middleware below,
    # whose headers were stored with each page (see relations/serving.py).
    "relations.serving.PageCacheMiddleware",
    # Above WhiteNoise, so that static files carry the policy and the frame protection too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "relations.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The project's templates read without their indentation (relations/template_loader.py),
            # then the apps' own; each compiled once and kept.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["relations.template_loader.Loader", "django.template.loaders.app_directories.Loader"],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "relations.fragments.fragment_seconds",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite file by default; DATABASE_URL (e.g. postgres://user:pass@host:5432/name) otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts, so that of two simultaneous saves
    # the second waits and then sees the first, instead of failing half-way.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # Readers never wait for a writer (write-ahead log), and a writer waits its turn for up
    # to DJANGO_SQLITE_TIMEOUT seconds rather than failing with "database is locked".
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["timeout"] = env_int("DJANGO_SQLITE_TIMEOUT", 20, minimum=1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches and the page cache (relations/caching.py, relations/serving.py) ----------------------
# Public pages are cached whole, under a content version that every process must share, so
# the cache is shared too. With REDIS_URL, Redis: one for every app server. Without, files
# in one directory, read and written by every worker process of the machine (`gunicorn -w 4`):
# a per-process memory cache would go on serving, in the other workers, a page that an edit
# made stale; the database cache would add a write to the database for each page cached, and
# SQLite lets one writer in at a time, editors included.
# The pages are a cache of their own, so that however many there are, they never crowd out
# the content version, which stays in the default cache.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        for alias in ["default", "pages", "figures"]
    }
else:
    CACHE_DIR = Path(os.environ.get("DJANGO_CACHE_DIR", BASE_DIR / "cache"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / "default",
        },
        "pages": {
            "BACKEND": "relations.file_cache.FileCache",
            "LOCATION": CACHE_DIR / "pages",
            # Past this many pages (counted at one page kept in a hundred), a third of them
            # are removed at random.
            "OPTIONS": {"MAX_ENTRIES": 3000, "CULL_CHECK_EVERY": 100},
        },
        # The figures drawn from the whole record, apart from the pages, which cannot crowd
        # them out: a figure can take far longer to work out again than a page to render.
        "figures": {
            "BACKEND": "relations.file_cache.FileCache",
            "LOCATION": CACHE_DIR / "figures",
            "OPTIONS": {"MAX_ENTRIES": 10000, "CULL_CHECK_EVERY": 100},
        },
    }
PAGE_CACHE_ALIAS = "pages"
CONTENT_VERSION_CACHE_ALIAS = "default"
# The items of lists, cached in each process's memory: their keys hold the content version,
# so none is read once the content has changed (relations/fragments.py).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
# The pages each process served last, in its own memory: read there, a page costs no read of
# the shared cache. Their keys hold the content version too (relations/caching.py).
CACHES["recent-pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "recent-pages",
    "OPTIONS": {"MAX_ENTRIES": 500},
}
# How long a cached page is kept at most (a change of content ends it sooner), and how long
# browsers and proxies may reuse a public page without asking again.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
PAGE_MAX_AGE = int(os.environ.get("DJANGO_PAGE_MAX_AGE", "60"))
# A streamed download larger than this is sent but not kept.
PAGE_CACHE_MAX_BYTES = 10_000_000
# ------------------------------------------------------------------------------------------

# Faults: a cache server that cannot be reached makes pages uncached, never errors.
for cache in CACHES.values():
    if cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        cache["BACKEND"] = "relations.resilient_cache.ResilientRedisCache"
        cache.setdefault("OPTIONS", {}).update(socket_connect_timeout=0.5, socket_timeout=0.5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic puts the files; `make bench` collects into a directory of its own.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
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

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# `dumpdata --format=backup` (README "Backups"): rows keep their keys, accounts go by name.
SERIALIZATION_MODULES = {"backup": "relations.backup"}

LOGIN_URL = "admin:login"

# Security: headers, TLS, sign-in throttling, sessions (README "Security").

# Behind TLS only: redirect to HTTPS, HSTS and cookies that never travel in the clear. What a
# deployer must decide is read from the environment; the defaults are what browsers' HSTS
# preload list asks for, so `check --deploy` finds nothing to warn about.
if env_flag("DJANGO_HTTPS"):
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # A load balancer asks for the health page over plain HTTP, inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Scripts, styles and everything else from this site only: no inline script, no eval, no
# inline style, and no framing. Without nonces, so that cached pages stay valid as they are.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Sign-in throttling (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT wrong passwords for one
# account, or from one address, that account or address may not try again for
# DJANGO_LOGIN_LOCKOUT_MINUTES (each further try starts the wait again). `manage.py axes_reset`
# or deleting the "Access attempts" in the admin unlocks it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
if env_flag("DJANGO_BEHIND_PROXY"):
    # The proxy in front (deploy/nginx.conf) replaces X-Forwarded-For with the address it
    # was reached from, so the header holds exactly one address, the client's.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR"]
    AXES_IPWARE_PROXY_COUNT = 0

# Only editors sign in: their sessions end when the browser closes, and at the latest
# DJANGO_SESSION_HOURS after signing in.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_HOURS", 8, minimum=1) * 60 * 60

# Faults: errors as JSON lines on stderr, one object a line, for the log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            # The request object itself is not data; its path is in the message.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's own loggers log here only, not also to its plain-text console handler.
        "django": {
            "handlers": ["console"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
            "propagate": False,
        },
    },
}
# Python's warnings too, so that every line on stderr is one JSON object.
logging.captureWarnings(True)

# The sitemap framework, for the templates of /sitemap.xml; the feed needs no app.
INSTALLED_APPS += ["django.contrib.sitemaps"]
