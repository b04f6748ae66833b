"""
The site's WSGI application with the production settings, for tests that run it in gunicorn.

Static files are served by their plain names, since the tests run no ``collectstatic``.
"""

import os

from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from config.wsgi import application  # noqa: E402

__all__ = ["application"]
