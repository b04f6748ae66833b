"""
Figures drawn from the whole record (how many entries of each kind there are, the years the
timeline holds, how many results a list's filters or a search find), kept until the content
changes: in the "figures" cache, which every process shares and the pages cannot crowd out,
and in the process's own memory (the "fragments" cache).

A figure is kept under the content version (see ``caching``), which every change to the
content replaces: once the record has changed, no figure worked out before is read again,
and the pages that show it show the change on the next request. The figures cost a pass over
a whole table each; kept, they cost a page what they cost it with a handful of entries.

A connection holding changes not committed yet neither reads nor keeps figures, as it
neither reads nor fills the page cache: what it would see is not yet what others see.
"""

import hashlib
import logging

from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .caching import keep, kept, versioned

logger = logging.getLogger(__name__)


def figure(work, *key):
    """
    Return ``work()``, kept for the content version under ``key`` (a name and whatever else
    the figure depends on, told apart by their ``repr()``): worked out once for each version
    of the content.
    """
    try:
        identity = versioned(*key)
        if identity is None:
            return work()
        key = f"relations:figure:{hashlib.blake2b(identity.encode(), digest_size=16).hexdigest()}"
        # Wrapped, so that a figure that is None is told apart from one not kept.
        stored = kept(key, own_memory(), caches["figures"])
    except Exception:
        logger.exception("Could not read the figure %r from the cache; it is worked out again.", key)
        return work()
    if stored is not None:
        return stored[0]
    value = work()
    try:
        # Kept as long as a page: one kept under an old version is never read, and goes.
        keep(key, (value,), own_memory(), caches["figures"])
    except Exception:
        logger.exception("Could not keep the figure %r in the cache.", key)
    return value


def own_memory():
    return caches["fragments"]


def of_query(work, queryset, empty, *key):
    """
    Return ``work()``, a figure of ``queryset``, kept for the content version under ``key``
    and the queryset's SQL and parameters; ``empty`` for a queryset that can match nothing.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return empty
    return figure(work, *key, queryset.db, sql, params)


def count(queryset):
    """
    Return how many rows ``queryset`` has: a list's count, or a search's, is worked out once
    for each version of the content, however many of its pages are read.
    """
    return of_query(queryset.count, queryset, 0, "count")


def first(queryset, number):
    """
    Return the primary keys of the first ``number`` rows of ``queryset``, in its order: a
    search's first results are found once for each version of the content, however often it
    is made.
    """
    return of_query(
        lambda: list(queryset.values_list("pk", flat=True)[:number]), queryset, [], "first", number
    )


class Paginator(DjangoPaginator):
    """Django's paginator, with the count of a queryset's results kept as a figure."""

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return count(self.object_list)
        return len(self.object_list)
