"""
Demonstration data at scale: an invented record of any size, for measuring the site.

``generate()`` fills an empty database with entries shaped like the real ones: events,
envoys with their appointments, missions, agreements with their ratifications, and sources
with citations of all of them; partial dates of every precision; events related to envoys,
missions and agreements, missions grown from others, agreements amending others; sources
that differ on a date; and a share of drafts. The same seed gives the same record.
``generator.py`` makes the rows, ``words.py`` holds what they are made of.

The rows are written with bulk inserts, which record no revisions and send no signals, so
``generate()`` replaces the content version of the page cache itself. Everything in it is
invented, and its sources say so: it is for benchmarks and demonstrations, never for a
public site, and it is only written to a database that holds no content yet.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from .. import caching
from .generator import Generator

# The other types follow the number of events: one for so many events, and at least more than
# a first page of each list (40 a page), so that a list shows as much at 1,000 events as at
# 100,000 and the two measure the size of the database alone.
SHARES = {"envoys": (10, 50), "missions": (50, 50), "agreements": (20, 50), "sources": (100, 50)}


@dataclass
class Counts:
    """How many entries of each type to make; the others follow the number of events (``SHARES``)."""

    events: int = 1000
    envoys: int | None = None
    missions: int | None = None
    agreements: int | None = None
    sources: int | None = None

    def __post_init__(self):
        for name, (share, least) in SHARES.items():
            if getattr(self, name) is None:
                setattr(self, name, max(least, self.events // share))
        for name in ["events", "envoys", "missions", "agreements", "sources"]:
            if getattr(self, name) < 0:
                raise ValueError(f"The number of {name} cannot be negative.")
        if self.missions < 2 and self.envoys:
            raise ValueError("Envoys need missions to be appointed to: make at least 2 missions.")
        if self.sources < 1 and (self.events or self.envoys or self.missions or self.agreements):
            raise ValueError("Entries need a source to cite: make at least 1 source.")


class DatabaseNotEmpty(Exception):
    """The database already holds content, which demonstration data must never mix with."""


def existing_content():
    """The number of rows of each content model the database holds, for those it holds."""
    counts = {
        model._meta.verbose_name_plural: model._base_manager.count() for model in caching.content_models()
    }
    return {name: count for name, count in counts.items() if count}


def generate(counts, seed=0):
    """
    Fill the empty database with an invented record of ``counts``, the same for a ``seed``;
    return the number of rows made of each model.
    """
    with transaction.atomic(), roomy_page_cache():
        held = existing_content()
        if held:
            raise DatabaseNotEmpty(", ".join(f"{count} {name}" for name, count in held.items()))
        made = Generator(counts, seed).run()
        # Without statistics of tables this large, the query planner misses the indexes
        # that fit: SQLite gathers none by itself, PostgreSQL only some time later.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        caching.content_changed()
    return made


@contextmanager
def roomy_page_cache(kibibytes=500_000):
    """
    On SQLite, let the transaction keep its pages in memory rather than spill them to disk:
    SQLite's default cache holds 2 MB, and a large load then spends much of its time writing.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-kibibytes}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")
