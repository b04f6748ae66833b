"""Run code in a fresh interpreter with the production settings, as a deployment reads them."""

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET_KEY = "a-strong-key-for-these-tests-only-0123456789-abcdefghijklmnop"

PRELUDE = """
import json
import django
from django.conf import settings
# Static files by their plain names: these runs have no collectstatic.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
django.setup()
"""


def production_environment():
    """
    This process's environment without the site's variables, and then production's, with a
    page cache of its own: pages another test's site cached are not this one's.
    """
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_CACHE_DIR": cache_directory(),
    }


def cache_directory():
    """A new, empty directory for a site's file cache, removed when the tests end."""
    directory = tempfile.mkdtemp(prefix="relations-test-cache-")
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return directory


def run_in_production(code, **env):
    """Run ``code`` (after ``django.setup()``, with ``json`` imported) and return the finished process."""
    return subprocess.run(
        [sys.executable, "-c", PRELUDE + code],
        cwd=ROOT,
        env={**production_environment(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def free_port():
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
