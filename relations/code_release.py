"""
The release of the code: a digest of everything that renders the pages besides the content.

What is kept from the content (pages, their fragments, figures) is kept under it as well as
under the content version (``caching``), so that nothing one release rendered is served by
the next, after a deploy, and app servers deployed from one commit share what they keep.
"""

import hashlib
from functools import cache
from importlib import import_module
from pathlib import Path

import django
import django_filters
from django.apps import apps
from django.conf import settings


@cache
def release():
    """
    A digest of what renders the pages besides the content: the code, the URLconf's package
    (with the settings), the templates, the translations, the static files' manifest, and
    the versions of Django and django-filter.

    Pages rendered by another release (before a deploy) are never served by this one. The
    digest is of the files' names and contents, not of where they are, so that app servers
    deployed from one commit share their pages.
    """
    roots = [
        Path(apps.get_app_config("relations").path),
        Path(import_module(settings.ROOT_URLCONF).__file__).parent,
        *map(Path, settings.LOCALE_PATHS),
    ]
    for engine in settings.TEMPLATES:
        roots.extend(Path(directory) for directory in engine.get("DIRS", []))
    digest = hashlib.blake2b(f"{django.get_version()}|{django_filters.__version__}".encode(), digest_size=8)
    for number, root in enumerate(roots):
        paths = [path for path in root.rglob("*") if path.suffix in {".py", ".html", ".txt", ".mo"}]
        for path in sorted(paths):
            digest.update(f"{number}:{path.relative_to(root).as_posix()}".encode())
            digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or "", "staticfiles.json")
    if settings.STATIC_ROOT and manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()
