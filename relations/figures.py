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


def figure(name, work, *arguments):
    """
    Return ``work(*arguments)``, kept for the content version under ``name`` and the
    arguments' ``repr()``: the same figure, worked out once for each version of the content.
    """
    if changes_pending():
        return work(*arguments)
    try:
        _made, token = content_version()
        identity = f"{release()}|{token}|{name}|{arguments!r}"
        key = f"relations:figure:{hashlib.blake2b(identity.encode(), digest_size=16).hexdigest()}"
        # Wrapped, so that a figure that is None is told apart from one not kept.
        kept = page_cache().get(key)
    except Exception:
        logger.exception("Could not read the figure %s from the cache; it is worked out again.", name)
        return work(*arguments)
    if kept is not None:
        return kept[0]
    value = work(*arguments)
    try:
        # Kept as long as a page: one kept under an old version is never read, and goes.
        page_cache().set(key, (value,), settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.exception("Could not keep the figure %s in the cache.", name)
    return value
