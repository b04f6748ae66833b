"""
Template tags for the public pages: partial dates as ``<time>``, and citations as footnotes.

A detail page gathers its citations once with ``{% citation_notes entry parts as notes %}``,
marks each claim with ``{% cite notes entry "date" %}`` (superscript note numbers, and a
"Sources differ" note where the sources give different values), and lists the notes at
the end with ``{% include "includes/notes.html" %}``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django import template
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from ..partial_dates import PartialDate, PartialDateField, range_texts

register = template.Library()


@register.filter
def partial_date(value):
    """Render a PartialDate as ``<time datetime="1838-06">June 1838</time>``; nothing for None."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), str(value))


@register.simple_tag
def partial_date_range(start, end=None):
    """
    Render a span as two ``<time>`` elements that share what they can: "10–16 September 1906".

    Without an end, the start alone.
    """
    if not end or end == start:
        return partial_date(start)
    start_text, end_text = range_texts(start, end)
    return format_html(
        '<time datetime="{}">{}</time>–<time datetime="{}">{}</time>',
        start.isoformat(),
        start_text,
        end.isoformat(),
        end_text,
    )


@dataclass
class Note:
    number: int
    citation: object
    owner: object
    claim_label: str = ""
    referenced: bool = False

    @property
    def value(self):
        """What this source gives for its claim, shown as a date where the claim is one."""
        citation = self.citation
        return display_value(self.owner, citation.claim, citation.value) if citation.value else ""

    @property
    def id(self):
        return f"note-{self.number}"

    @property
    def ref_id(self):
        return f"ref-{self.number}"


@dataclass
class Difference:
    """What the sources give for one claim of one entry, value by value."""

    owner: object
    claim: str
    claim_label: str
    values: list = field(default_factory=list)  # [(display value, [Note, ...]), ...]
    shown: bool = False


class Notes:
    """
    The numbered citations of one page.

    The entry's own citations come first, by position, then those of its parts (an
    envoy's appointments), so that every note on the page has its own number.
    """

    def __init__(self, entry, parts=()):
        self.notes = []
        self._by_claim = defaultdict(list)
        for owner in [entry, *parts]:
            citations = sorted(owner.citations.all(), key=lambda citation: citation.position)
            for citation in citations:
                note = Note(len(self.notes) + 1, citation, owner, claim_label(owner, citation.claim))
                self.notes.append(note)
                self._by_claim[key(owner), citation.claim].append(note)
        self.differences = {}
        for (owner_key, claim), notes in self._by_claim.items():
            if claim and len({note.citation.value for note in notes if note.citation.value}) > 1:
                self.differences[owner_key, claim] = difference(notes)

    def __iter__(self):
        return iter(self.notes)

    def __len__(self):
        return len(self.notes)

    def for_claim(self, owner, claim):
        return self._by_claim.get((key(owner), claim), [])

    def difference(self, owner, claim):
        return self.differences.get((key(owner), claim))

    def unshown_differences(self):
        """The disagreements no ``cite`` tag has shown beside its claim, to be shown at the end."""
        return [difference for difference in self.differences.values() if not difference.shown]


def key(owner):
    return (owner._meta.label_lower, owner.pk)


def claim_label(owner, claim):
    if not claim:
        return ""
    try:
        return str(owner._meta.get_field(claim).verbose_name)
    except (FieldDoesNotExist, AttributeError):
        return claim


def difference(notes):
    first = notes[0]
    result = Difference(first.owner, first.citation.claim, first.claim_label)
    by_value = {}
    for note in notes:
        value = note.citation.value
        if value:
            by_value.setdefault(value, []).append(note)
    result.values = [
        (display_value(first.owner, first.citation.claim, value), notes) for value, notes in by_value.items()
    ]
    return result


def display_value(owner, claim, value):
    """
    A source's value for a claim as the page shows the claim: a ``<time>`` for a partial
    date, the label for one of a field's choices, otherwise the value as the source gives it.
    """
    try:
        model_field = owner._meta.get_field(claim)
    except FieldDoesNotExist:
        return value
    if isinstance(model_field, PartialDateField):
        try:
            return partial_date(PartialDate.parse(value))
        except ValidationError:
            return value
    choices = dict(getattr(model_field, "flatchoices", None) or ())
    return capfirst(choices[value]) if value in choices else value


@register.simple_tag
def citation_notes(entry, parts=()):
    """Gather the numbered notes of ``entry`` and of its ``parts`` (e.g. an envoy's appointments)."""
    return Notes(entry, parts)


@register.simple_tag
def cite(notes, owner, claim=""):
    """
    The superscript note numbers for one claim of ``owner``, and beside them a
    "Sources differ" note if its citations give different values.
    """
    cited = notes.for_claim(owner, claim)
    if not cited:
        return ""
    refs = [note for note in cited if not note.referenced]
    for note in refs:
        note.referenced = True
    differ = notes.difference(owner, claim)
    if differ:
        differ.shown = True
    return render_to_string("includes/cite.html", {"refs": refs, "difference": differ})


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A link of the site's navigation, marked as the current page's section where it is."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.filter
def entry_title(entry):
    """An entry's title or name, without the date ``str()`` may add."""
    return getattr(entry, "title", None) or getattr(entry, "name", None) or str(entry)


@register.filter
def verbose_name(instance):
    return instance._meta.verbose_name


@register.filter
def verbose_name_plural(instance):
    return instance._meta.verbose_name_plural


@register.filter
def model_name(instance):
    return instance._meta.model_name
