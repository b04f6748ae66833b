"""
The lists of a page about many entries, such as a date's: the first entries of each list,
with their numbered notes, read by key where the page's fragments are cached.

Each list shows its first ``SHOWN`` entries and says how many it has in all, so that a
page stays small however large the record grows; which entries those are is a figure of
the content (``figures``), worked out once for each version of it, and kept with what
numbers their notes (``Cited``). The notes are numbered once for the whole page.

Each entry's item and each note is cached as a fragment (``fragments``). A page whose items
and notes are cached reads its entries by key, and fetches whole only those it must render
anew (``Standings.complete``).
"""

import functools
import hashlib
from collections import defaultdict
from typing import NamedTuple

from django.core.cache.utils import make_template_fragment_key
from django.db.models import BooleanField, Count, F, Value, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.http import urlencode

from .citations import Note, passage_key
from .figures import figure
from .fragments import NOTE, fragment_version, keys_only, show_cached
from .models import Agreement, Appointment, Event, Mission

# The claims of each kind of entry that date it on this page; its notes are the citations of
# those claims and those that state it as current (a post open still), else of the entry as a
# whole.
DATING_CLAIMS = {
    Appointment: {"appointed", "credentials_presented", "ended"},
    Mission: {"opened", "closed"},
    Agreement: {"signed", "in_force", "ended", "agreement_status"},
    Event: {"date", "end_date"},
}


class Cited(NamedTuple):
    """
    What numbers the note of one citation of an entry on the page: the citation's key, its
    position and claim, whether it states the entry as current, and a digest of the passage it
    cites (``passage_key``).
    """

    pk: int
    position: int
    claim: str
    current: bool
    passage: str

    @classmethod
    def of(cls, citation):
        passage = hashlib.blake2b(repr(passage_key(citation)).encode(), digest_size=16).hexdigest()
        return cls(citation.pk, citation.position, citation.claim, citation.current, passage)


class PageNotes:
    """
    The numbered notes of a page about many entries: each passage of a source numbered once,
    in the order the page first cites it, as ``citations.Notes`` numbers one entry's.
    """

    def __init__(self):
        self.notes = []
        self._by_passage = {}

    def __iter__(self):
        return iter(self.notes)

    def __len__(self):
        return len(self.notes)

    def unshown_differences(self):
        # Where sources differ is shown on each entry's own page; this page only dates entries.
        return []

    def refs(self, owner, cited):
        """
        Number the citations that date ``owner`` or state it as current (else those of it as a
        whole, else all of them), given as ``Cited``; return the references to show beside it:
        [(note, whether it is the first), ...]. Each note holds the owner's citations as fetched
        (``page_citations``, as ``on_date.Period.citations`` fetches them), or else as given.
        """
        fetched = {citation.pk: citation for citation in getattr(owner, "page_citations", [])}
        citations = sorted(cited, key=lambda citation: citation.position)
        dating = [
            citation
            for citation in citations
            if citation.claim in DATING_CLAIMS[type(owner)] or citation.current
        ]
        whole = [citation for citation in citations if not citation.claim]
        refs = []
        for citation in dating or whole or citations:
            note = self._by_passage.get(citation.passage)
            if note is None:
                note = self._by_passage[citation.passage] = Note(len(self.notes) + 1)
                self.notes.append(note)
            note.citations.append((owner, fetched.get(citation.pk, citation)))
            if all(note is not other for other, _first in refs):
                refs.append((note, not note.referenced))
                note.referenced = True
        return refs


#: The most entries one list of the page shows; beyond it, the list says how many there are.
SHOWN = 10


class Shown(list):
    """
    The first entries of one list of the page, at most ``SHOWN``, how many it has in all, and
    the ``link`` to a page that lists them all (or more), if any, with its ``link_text``.
    """

    def __init__(self, rows=(), total=0):
        super().__init__(rows)
        self.total, self.link, self.link_text = total, None, ""

    @property
    def unshown(self):
        return self.total - len(self)

    def link_to(self, text, name, **filters):
        """Link to the list page ``name``, with ``filters`` as its query, in the words ``text``."""
        self.link = reverse(name) + (f"?{urlencode(filters)}" if filters else "")
        self.link_text = text


def _whole(whole, owner, citation):
    """(owner, citation), whole where ``whole`` has the owner: [(model, pk): row]."""
    row = whole.get((type(owner), owner.pk))
    if row is None:
        return owner, citation
    (whole_citation,) = [each for each in row.page_citations if each.pk == citation.pk]
    return row, whole_citation


class Standings:
    """
    The lists of one page, and its notes. Each list's items are cached under the fragment
    version of ``fragments`` and the page's ``key`` (what they depend on of the page besides
    the content), in templates whose fragments are named ``prefix`` and the model's name.
    """

    def __init__(self, fragments, key, prefix):
        self.key, self.prefix = key, prefix
        # What the page's items and notes are cached under, with their own keys.
        self.fragment_version = fragment_version(fragments)
        self.notes = PageNotes()
        # What makes the queryset of each model whose rows were read by key only.
        self.read_by_key = {}
        self.shown = []

    def first_shown(self, name, model, matching, order, key=None):
        """
        The first ``SHOWN`` rows of ``model`` that ``matching()`` (a queryset) holds, in
        ``order``, each given ``refs``, the references to its notes on the page: a ``Shown``
        list. With ``key``, a field or an annotation of the queryset (``"certain"``), the first
        of each of its values: a dict of lists, by value.

        Choosing them, and counting them all, takes a pass over every row that matches: which
        they are is kept as a figure of the content, under ``name`` (the list and its period),
        with what numbers their notes (``Cited``). On later pages they are read by key, and
        ``complete`` fetches whole only those whose item, or one of whose notes, is not
        cached. The queryset is made only when it is used.
        """
        matching = functools.cache(matching)
        fetched = []

        def choose():
            partition = {"partition_by": [F(key)]} if key else {}
            numbered = matching().annotate(
                position=Window(RowNumber(), order_by=list(order), **partition),
                total=Window(Count("pk"), **partition),
            )
            # The pass over every row that matches reads their keys, not their texts: ten times
            # quicker for a year of 100,000 events. The rows chosen are then fetched whole.
            first = numbered.filter(position__lte=SHOWN).order_by(*order)
            # Each row's value of ``key``, or the same None for all where the list is not split.
            first = list(first.values_list("pk", "total", key or Value(None, output_field=BooleanField())))
            whole = {row.pk: row for row in matching().filter(pk__in=[pk for pk, _total, _value in first])}
            fetched.extend(whole[pk] for pk, _total, _value in first)
            return [
                (pk, total, value, tuple(map(Cited.of, whole[pk].page_citations)))
                for pk, total, value in first
            ]

        chosen = figure(choose, "first shown", *name)
        if chosen and not fetched:
            keyed = {
                row.pk: row for row in keys_only(model.objects.filter(pk__in=[pk for pk, *_rest in chosen]))
            }
            fetched = [keyed[pk] for pk, *_rest in chosen]
            self.read_by_key[model] = matching
        lists = {}
        for row, (_pk, total, value, cited) in zip(fetched, chosen, strict=True):
            if value not in lists:
                lists[value] = Shown(total=total)
                self.shown.append(lists[value])
            row.refs = self.notes.refs(row, cited)
            lists[value].append(row)
        return lists if key else lists.get(None, Shown())

    def complete(self):
        """
        Give each row read by key, and each note, its item or note as cached (``cached_html``);
        fetch whole the rows whose item, or one of whose notes, is not cached, and put them in
        their places in the lists and the notes.
        """
        version = self.fragment_version
        keyed = [row for shown in self.shown for row in shown if type(row) in self.read_by_key]
        # The keys each item's and each note's {% cache %} gives it (templates/includes/on_date/,
        # templates/includes/notes.html).
        uncached_items = show_cached(
            keyed,
            lambda row: make_template_fragment_key(
                f"{self.prefix}{row._meta.model_name}", [version, self.key, row.pk]
            ),
        )
        uncached_notes = show_cached(
            self.notes, lambda note: make_template_fragment_key(NOTE, [version, note.key])
        )
        wanted = defaultdict(set)
        for row in uncached_items:
            wanted[type(row)].add(row.pk)
        for note in uncached_notes:
            for owner, _citation in note.citations:
                if type(owner) in self.read_by_key:
                    wanted[type(owner)].add(owner.pk)
        whole = {}
        for model, pks in wanted.items():
            whole.update({(model, row.pk): row for row in self.read_by_key[model]().filter(pk__in=pks)})
        for shown in self.shown:
            for at, row in enumerate(shown):
                if (type(row), row.pk) in whole:
                    whole_row = shown[at] = whole[type(row), row.pk]
                    whole_row.refs = row.refs
        for note in self.notes:
            note.citations = [_whole(whole, owner, citation) for owner, citation in note.citations]
