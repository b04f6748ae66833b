"""Settings read from the environment, checked in a fresh interpreter for each case."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "hosts": settings.ALLOWED_HOSTS,
    "ssl_redirect": getattr(settings, "SECURE_SSL_REDIRECT", False),
    "hsts": getattr(settings, "SECURE_HSTS_SECONDS", 0),
    "hsts_subdomains": getattr(settings, "SECURE_HSTS_INCLUDE_SUBDOMAINS", False),
    "hsts_preload": getattr(settings, "SECURE_HSTS_PRELOAD", False),
    "session_age": settings.SESSION_COOKIE_AGE,
    "session_at_browser_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
    "login_failure_limit": settings.AXES_FAILURE_LIMIT,
    "login_lockout_minutes": settings.AXES_COOLOFF_TIME.total_seconds() / 60,
    "secure_cookies": getattr(settings, "SESSION_COOKIE_SECURE", False),
    "cache": settings.CACHES["default"]["BACKEND"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def clean_environment():
    return {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}


def load_settings(**env):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={**clean_environment(), "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )
    return result


def test_without_any_variable_debug_is_off_and_a_secret_key_is_required():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_debug_is_on_only_when_asked_for():
    assert json.loads(load_settings(DJANGO_DEBUG="1").stdout)["debug"] is True
    for value in ["0", "maybe"]:
        values = json.loads(load_settings(DJANGO_DEBUG=value, DJANGO_SECRET_KEY="x" * 50).stdout)
        assert values["debug"] is False, value


def test_local_defaults_with_debug_are_sqlite_on_this_machine():
    values = json.loads(load_settings(DJANGO_DEBUG="1").stdout)
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["hosts"] == ["127.0.0.1", "localhost"]
    assert values["ssl_redirect"] is False


def test_production_without_a_secret_key_stops_with_a_clear_error():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_production_settings_from_the_environment():
    values = json.loads(
        load_settings(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_ALLOWED_HOSTS="relations.example.org, www.relations.example.org",
            DATABASE_URL="postgres://user:pw@db.example.org:5432/relations",
            REDIS_URL="redis://127.0.0.1:6379/1",
        ).stdout
    )
    assert values["debug"] is False
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "relations"
    assert values["hosts"] == ["relations.example.org", "www.relations.example.org"]
    # A Redis server that is down makes pages uncached, not errors (relations.resilient_cache).
    assert values["cache"] == "relations.resilient_cache.ResilientRedisCache"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    # Without DJANGO_HTTPS, a debug-off site still serves plain HTTP (tests, benchmarks).
    assert values["ssl_redirect"] is False


def test_https_turns_on_what_only_makes_sense_behind_tls():
    values = json.loads(load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_HTTPS="1").stdout)
    assert values["ssl_redirect"] is True
    assert values["hsts"] == 31536000
    assert values["hsts_subdomains"] is True
    assert values["hsts_preload"] is True
    assert values["secure_cookies"] is True


def test_what_a_deployer_decides_about_hsts_comes_from_the_environment():
    values = json.loads(
        load_settings(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_HTTPS="1",
            DJANGO_HSTS_SECONDS="3600",
            DJANGO_HSTS_INCLUDE_SUBDOMAINS="0",
            DJANGO_HSTS_PRELOAD="0",
        ).stdout
    )
    assert values["hsts"] == 3600
    assert values["hsts_subdomains"] is False
    assert values["hsts_preload"] is False


def test_a_number_that_is_not_a_number_stops_with_a_clear_error():
    result = load_settings(DJANGO_DEBUG="1", DJANGO_HTTPS="1", DJANGO_HSTS_SECONDS="a year")
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS must be a whole number of at least 0, not 'a year'" in result.stderr


def test_sign_in_throttling_and_sessions_have_documented_defaults_and_variables():
    defaults = json.loads(load_settings(DJANGO_DEBUG="1").stdout)
    assert defaults["login_failure_limit"] == 5
    assert defaults["login_lockout_minutes"] == 15
    assert defaults["session_age"] == 8 * 60 * 60
    assert defaults["session_at_browser_close"] is True
    chosen = json.loads(
        load_settings(
            DJANGO_DEBUG="1",
            DJANGO_LOGIN_FAILURE_LIMIT="3",
            DJANGO_LOGIN_LOCKOUT_MINUTES="60",
            DJANGO_SESSION_HOURS="2",
        ).stdout
    )
    assert chosen["login_failure_limit"] == 3
    assert chosen["login_lockout_minutes"] == 60
    assert chosen["session_age"] == 2 * 60 * 60


def test_deploy_checks_find_nothing_behind_tls_with_the_defaults():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean_environment(),
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "1",
            "DJANGO_SECRET_KEY": "a-strong-key-for-the-deploy-check-0123456789-abcdefghijklmnop",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
