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
    "secure_cookies": getattr(settings, "SESSION_COOKIE_SECURE", False),
    "cache": settings.CACHES["default"]["BACKEND"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def load_settings(**env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )
    return result


def test_local_defaults_are_debug_on_sqlite():
    values = json.loads(load_settings().stdout)
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
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    # Without DJANGO_HTTPS, a debug-off site still serves plain HTTP (tests, benchmarks).
    assert values["ssl_redirect"] is False


def test_https_turns_on_what_only_makes_sense_behind_tls():
    values = json.loads(load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_HTTPS="1").stdout)
    assert values["ssl_redirect"] is True
    assert values["hsts"] > 0
    assert values["secure_cookies"] is True
