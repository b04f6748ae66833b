"""
What the tests of the committed content share: the content loaded, the seed texts, how to
tell the entries made from them, the site's own check of its citations, and the checks that a
case of ../shared/data/hsg/DISAGREEMENTS.md is shown as "Sources differ" on a claim or
explained in an editorial note.
"""

import fcntl
import sqlite3
from contextlib import closing
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from relations.caching import content_changed
from relations.citations import Notes, agreeing_groups, claim_field
from relations.models import Appointment, Envoy
from relations.quotations import normalized

SEEDS = {
    "wikipedia-older-revision": "000_cd2d64bb383f90df.txt",
    "globalsecurity-relations": "001_889384d4888ffc95.txt",
    "wikipedia-2024-revision": "002_dbad62b18eba93af.txt",
    "embassy-of-peru-history": "003_162e111c76040d30.txt",
    "state-department-fact-sheet-2022": "004_da5f36e30dcae904.txt",
}
SEED_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def load_committed_content(directory):
    """
    Bring the database to what ``load_initial_data`` makes of the committed fixtures.

    On SQLite, the first process of the run to need them loads them and copies the database
    to ``directory`` (one directory for the whole run, shared by the worker processes): the
    others, and later modules, copy it back instead of loading them again.
    """
    if connection.vendor != "sqlite":
        call_command("load_initial_data", stdout=StringIO())
        return
    connection.ensure_connection()
    copy = directory / "committed-content.sqlite3"
    with open(directory / "committed-content.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # Another process may be making the copy.
        if not copy.exists():
            call_command("load_initial_data", stdout=StringIO())
            made = directory / "committed-content.sqlite3.part"
            with closing(sqlite3.connect(made)) as target:
                connection.connection.backup(target)
            made.replace(copy)
            return
    with closing(sqlite3.connect(copy)) as source:
        source.backup(connection.connection)
    # What the copy replaced without Django seeing it: the content types' ids, and the content.
    ContentType.objects.clear_cache()
    content_changed()


def check_citations():
    """Run ``check_citations``; return its output and whether it passed."""
    out = StringIO()
    try:
        call_command("check_citations", stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


def citations_of(owner):
    return sorted(owner.citations.all(), key=lambda citation: citation.position)


def parts_of(entry):
    """The parts whose citations an entry's page shows with its own: an envoy's appointments."""
    return list(entry.appointments.all()) if isinstance(entry, Envoy) else []


def from_seeds(entry):
    """True if the entry was made from the seed texts: it cites one of them first."""
    citations = citations_of(entry)
    return bool(citations) and citations[0].source_id in SEEDS


def seed_entries(model):
    return [entry for entry in model.objects.published().prefetch_related("citations") if from_seeds(entry)]


def own_text(entry):
    """The site's own words on an entry: everything but its quotations."""
    names = ["title", "name", "summary", "body", "biography", "editorial_note"]
    return "\n".join(getattr(entry, name, "") or "" for name in names)


def entry(model_name, slug):
    return apps.get_model("relations", model_name).objects.get(pk=slug)


def groups(owner, claim):
    """The groups of values the citations give for ``claim`` that can all be true together."""
    given = [(c.value, c) for c in owner.citations.all() if c.claim == claim and c.value]
    return agreeing_groups(claim_field(owner, claim), given)


def seed_values(owner, claim):
    return {c.value for c in owner.citations.all() if c.claim == claim and c.value and c.source_id in SEEDS}


def repeats(citation, other):
    """
    True if ``citation`` quotes words ``other`` already quotes on the page: the same words
    from any source (a copy of the country guide beside the guide), or part of the same
    passage again. One revision's sentence that another revision extends ("In 2012, ...")
    is the evidence of what the older one lacks, not a repetition.
    """
    words, others = normalized(citation.quotation).casefold(), normalized(other.quotation).casefold()
    if words == others:
        return True
    return words in others and (other.source_id == citation.source_id or other.source_id not in SEEDS)


# The cases of DISAGREEMENTS.md ----------------------------------------------------------------------


def differs(model, slug, claim, *apart, note=()):
    """
    A case shown as "Sources differ" beside ``claim`` of the entry: the page finds values
    that cannot all be true, the values ``apart`` are each given for the claim and fall on
    both sides of the difference, and the editorial note says why (with the words ``note``).
    """

    def check():
        owner = entry(model, slug)
        page = owner.envoy if isinstance(owner, Appointment) else owner
        assert Notes(page, parts_of(page)).difference(owner, claim) is not None, f"{slug}: {claim}"
        sides = [{value for value, _ in group} for group in groups(owner, claim)]
        for value in apart:
            assert any(value in side for side in sides), f"{slug}: no source gives {value!r} for {claim}"
        if apart:
            assert len([side for side in sides if side & set(apart)]) > 1, f"{slug}: {apart} all agree"
        assert owner.editorial_note, f"{slug} has no editorial note"
        for words in note:
            assert words in owner.editorial_note, f"{slug}: {words!r} not in its editorial note"

    return check


def explained(model, slug, *words):
    """A case explained in the editorial note of the entry nearest to it."""

    def check():
        note = entry(model, slug).editorial_note
        for word in words:
            assert word in note, f"{slug}: {word!r} not in its editorial note"

    return check


def successive(*slugs):
    """Successive holders of a post: appointments, each current at its source's date, no values."""

    def check():
        for slug in slugs:
            appointment = Appointment.objects.get(pk=slug)
            citations = list(appointment.citations.all())
            assert citations, slug
            for citation in citations:
                assert citation.current, slug
                assert not citation.value, slug
            assert appointment.editorial_note
        explained("envoy", "kenna-lisa-d", "Syptak-Ramnath", "Key Officers List")()

    return check


def fields(model, slug, **expected):
    """The entry holds these values, each kind of date in its own field."""

    def check():
        found = entry(model, slug)
        for name, value in expected.items():
            shown = getattr(found, name)
            assert (shown.isoformat() if shown is not None else None) == value, f"{slug}: {name}"

    return check


def every(*checks):
    def check():
        for each in checks:
            each()

    return check
