"""
The content version, and the shared caches kept under it: the pages, the figures.

Every page is cached under a key made of the *content version*, a token kept in a shared
cache (the pages are in another), and of what the page depends on (relations/serving.py).
Any change to the content (a save or delete of a row of the record, a change to one of its
many-to-many relations, a load, an import, a revert) replaces the token, so that nothing
cached before under it is read again by any process sharing the cache; the old entries
expire by themselves. A change made in a transaction replaces the token when the
transaction commits, once for the whole transaction, so that nothing worked out from the
database before the commit is kept under the new token. Bulk writes, which send no signals,
call ``content_changed()`` themselves.

Whatever is kept under a key that holds the content version stays true for as long as it
is kept: each process may keep a copy of it in its own memory (``kept``, ``keep``).
"""

import logging
import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from reversion.models import Revision, Version

from .code_release import release

logger = logging.getLogger(__name__)

VERSION_KEY = "relations:content-version"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def recent_pages():
    # The pages this process served last, in its own memory ("recent-pages"): a page is
    # read there without reading the shared cache's file or server.
    return caches["recent-pages"]


def kept(key, own, shared):
    """
    What the cache ``shared`` keeps under ``key``, or None: read first from ``own``, a cache in
    this process's memory, else from ``shared`` and then copied into ``own``.

    Whatever is kept under a key of the content version stays true for as long as it is
    kept, so a process's copy is as good as the shared one: once the content changes, the
    key changes, and neither is read again.
    """
    value = own.get(key)
    if value is None:
        value = shared.get(key)
        if value is not None:
            own.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def keep(key, value, own, shared):
    """Keep ``value`` under ``key`` in the cache ``shared``, and in ``own``, this process's copy of it."""
    own.set(key, value, settings.PAGE_CACHE_SECONDS)
    shared.set(key, value, settings.PAGE_CACHE_SECONDS)


def version_cache():
    # Apart from the pages, so that no number of them can crowd the version out.
    return caches[settings.CONTENT_VERSION_CACHE_ALIAS]


# The content version.


def _new_version():
    return (time.time(), secrets.token_hex(8))


# The content version a public page is being made under: read once, when the page cache
# looks the page up, so that the page and every fragment and figure in it belong to one.
_page_version = ContextVar("relations_page_version", default=None)


@contextmanager
def made_under(version):
    """Make a page under ``version``: while it is made, ``content_version()`` gives that one."""
    token = _page_version.set(version)
    try:
        yield
    finally:
        _page_version.reset(token)


def content_version():
    """
    Return the current content version, (the time it was made, its token): the one the page
    being made is kept under, or else the one in the shared cache.

    A cache that has lost the version (emptied, restarted, culled) gets a new one, so that
    the pages cached under the lost one are never served again.
    """
    making = _page_version.get()
    if making is not None:
        return making
    cache = version_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def _replace_version():
    try:
        version_cache().set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        # The edit itself has been saved; pages cached before it expire after
        # PAGE_CACHE_SECONDS at the latest.
        logger.exception("Could not replace the content version: cached pages may be out of date.")


def changes_pending(using=DEFAULT_DB_ALIAS):
    """Return True if the connection ``using`` holds changes to the content not committed yet."""
    connection = transaction.get_connection(using)
    return connection.in_atomic_block and any(
        func is _replace_version for _sids, func, _robust in connection.run_on_commit
    )


def versioned(*parts):
    """
    A key for something worked out from the content (a figure, a fragment of a page):
    ``parts`` under the release of the code and the content version, so that nothing kept
    under it is read once either has changed.

    None while this connection holds changes not committed yet: what it would work out is
    not yet, or may never be, what others see, so it is neither read nor kept.
    """
    if changes_pending():
        return None
    _made, token = content_version()
    return "|".join([release(), token, *map(repr, parts)])


def content_changed(using=DEFAULT_DB_ALIAS):
    """
    Mark every cached page out of date: content changed through the database ``using``.

    Outside a transaction, the version is replaced at once. Inside one, it is replaced at
    the first change and again when the transaction commits, once however many rows it
    changes: other connections see none of the changes before the commit, and until then
    this connection's own requests neither read nor fill the page cache.
    """
    if not transaction.get_connection(using).in_atomic_block:
        _replace_version()
    elif not changes_pending(using):
        _replace_version()
        transaction.on_commit(_replace_version, using=using, robust=True)


def _note_change(sender, using=DEFAULT_DB_ALIAS, action=None, **kwargs):
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed: the pre_* signals change nothing yet.
    content_changed(using)


def content_models():
    """The models whose rows the public pages show: every model of the record."""
    return list(apps.get_app_config("relations").get_models())


def connect_signals():
    """Replace the content version whenever a row of the record, or a relation, changes."""
    for model in content_models():
        uid = f"relations_page_cache_{model._meta.label_lower}"
        post_save.connect(_note_change, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(_note_change, sender=model, dispatch_uid=f"{uid}_delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_note_change, sender=through, dispatch_uid=f"{uid}_{field.name}")
    # The pages show the versions of entries too: a permanent link to each, and their pages.
    for model in [Revision, Version]:
        uid = f"relations_page_cache_{model._meta.label_lower}"
        post_save.connect(_note_change, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(_note_change, sender=model, dispatch_uid=f"{uid}_delete")
    # Data migrations save through historical models, which the receivers above never see.
    post_migrate.connect(_note_change, dispatch_uid="relations_page_cache_migrate")
