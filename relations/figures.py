"""
Figures drawn from the whole record (how many entries of each kind there are, the years the
timeline holds), kept in the page cache until the content changes.

A figure is kept under the content version (see ``caching``), which every change to the
content replaces: once the record has changed, no figure worked out before is read again,
and the pages that show it show the change on the next request. The figures cost a pass over
a whole table each; kept, they cost a page what they cost it with a handful of entries.

A connection holding changes not committed yet neither reads nor keeps figures, as it
neither reads nor fills the page cache: what it would see is not yet what others see.
"""

import hashlib
import logging

from django.conf import settings

from .caching import changes_pending, content_version, page_cache, release

logger = logging.getLogger(__name__)


def figure(work, *key):
    """
    Return ``work()``, kept for the content version under ``key`` (a name and whatever else
    the figure depends on, told apart by their ``repr()``): worked out once for each version
    of the content.
    """
    if changes_pending():
        return work()
    try:
        _made, token = content_version()
        identity = f"{release()}|{token}|{key!r}"
        key = f"relations:figure:{hashlib.blake2b(identity.encode(), digest_size=16).hexdigest()}"
        # Wrapped, so that a figure that is None is told apart from one not kept.
        kept = page_cache().get(key)
    except Exception:
        logger.exception("Could not read the figure %r from the cache; it is worked out again.", key)
        return work()
    if kept is not None:
        return kept[0]
    value = work()
    try:
        # Kept as long as a page: one kept under an old version is never read, and goes.
        page_cache().set(key, (value,), settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.exception("Could not keep the figure %r in the cache.", key)
    return value
