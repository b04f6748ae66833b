"""Settings for the test suite: the environment's database, fast hashing, no manifest."""

import os

# Debug is off unless asked for, and then a secret key is required: the tests bring their own.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-key-never-used-for-a-real-site-0123456789")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each request's connection closed when it ends: a live server's request threads outlive the
# requests of a browser's kept-alive connections, and a connection one of them kept open would
# still hold the test database when the run ends and drops it.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The page cache and the lists' items are off: tests of other things see every page as
    # rendered now, and the caches' own tests give each a cache of their own (tests/caching/).
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "recent-pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "figures": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
PAGE_CACHE_ALIAS = "pages"
CONTENT_VERSION_CACHE_ALIAS = "default"
WHITENOISE_AUTOREFRESH = True
