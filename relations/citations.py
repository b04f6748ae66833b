"""
The citations of a page as numbered notes, and where the sources they cite disagree.

A page numbers each passage it cites once: the entry's own citations first, by position,
then those of its parts (an envoy's appointments), in order. A passage cited for the
entry and for one of its claims is one note, referenced from every place it supports.

Sources disagree on a claim only when the values they give cannot both be true. Dates
differ when their periods cannot overlap (a year contains its months and days, "by 2022"
every earlier day); choices and numbers compare as values; other text compares after
normalising case and spacing. Values that agree at different precision are one value, the
most precise of them: the page shows it and cites every source, with no "Sources differ".
Where sources do differ, each side of the difference is shown by its most precise value,
and a source that gives less, or gives it otherwise, with its own value beside it ("1826"
beside "2 May 1826"): no source is credited with more than it says.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from .models.sources import claim_label as field_claim_label
from .partial_dates import (
    BY,
    CIRCA,
    DAY,
    DECADE,
    MONTH,
    OR_LATER,
    PRECISIONS,
    YEAR,
    PartialDate,
    PartialDateField,
)
from .quotations import normalized


def claim_field(owner, claim):
    """The model field (or relation) ``claim`` names on ``owner``, or None."""
    if not claim:
        return None
    try:
        return type(owner)._meta.get_field(claim)
    except FieldDoesNotExist:
        return None


def claim_label(owner, claim):
    model_field = claim_field(owner, claim)
    return str(field_claim_label(model_field)) if model_field is not None else claim


# Agreement between values ------------------------------------------------------------------


def as_date(model_field, value):
    """The PartialDate a source's ``value`` gives for a date claim, or None if it is not one."""
    if not isinstance(model_field, PartialDateField):
        return None
    try:
        return PartialDate.parse(value)
    except ValidationError:
        return None


def _shifted(date, years=0, months=0, days=0):
    if days:
        return date + datetime.timedelta(days=days)
    month_index = date.year * 12 + date.month - 1 + months + years * 12
    year, month = divmod(month_index, 12)
    year = min(max(year, datetime.MINYEAR), datetime.MAXYEAR)
    return date.replace(year=year, month=month + 1, day=1)


# How far "c." reaches: one unit of the date's precision on either side.
_CIRCA_REACH = {DECADE: {"years": 10}, YEAR: {"years": 1}, MONTH: {"months": 1}, DAY: {"days": 1}}


def period(date):
    """The first and last day ``date`` may denote, a derived date's qualifier included."""
    earliest, latest = date.earliest(), date.latest()
    if date.qualifier == BY:
        earliest = datetime.date.min
    elif date.qualifier == OR_LATER:
        latest = datetime.date.max
    elif date.qualifier == CIRCA:
        reach = _CIRCA_REACH[date.precision]
        earliest = _shifted(earliest, **{unit: -amount for unit, amount in reach.items()})
        latest = _shifted(latest, **reach)
        if "days" not in reach:
            latest = _shifted(latest, months=1) - datetime.timedelta(days=1)
    return earliest, latest


def dates_agree(first, second):
    """Return True if two partial dates can denote the same day."""
    first_start, first_end = period(first)
    second_start, second_end = period(second)
    return first_start <= second_end and second_start <= first_end


_NUMBER_TEXT = re.compile(r"^[\d,]+(?:\.\d+)?$")


def comparable_text(value):
    """A value as text compares: case and spacing, quote marks and dashes made uniform."""
    text = normalized(str(value)).casefold()
    if _NUMBER_TEXT.match(text):
        return text.replace(",", "")
    return text


def compared(model_field, value):
    """
    What a source's value for the claim ``model_field`` is compared by: a date as a
    PartialDate, a choice by its stored value, other text made uniform (``comparable_text``).
    """
    date = as_date(model_field, value)
    if date is not None:
        return date
    if isinstance(model_field, models.Field) and model_field.choices:
        return _choice_value(model_field, value)
    return comparable_text(value)


def values_agree(model_field, first, second):
    """Return True if two values that sources give for the claim ``model_field`` can both be true."""
    first, second = compared(model_field, first), compared(model_field, second)
    if isinstance(first, PartialDate) and isinstance(second, PartialDate):
        return dates_agree(first, second)
    return first == second


def values_same(model_field, first, second):
    """Return True if two values that sources give for the claim ``model_field`` say the same thing."""
    return compared(model_field, first) == compared(model_field, second)


def _choice_value(model_field, value):
    """A choice by its stored value, whether the source's value is given as the value or the label."""
    for choice, label in model_field.flatchoices:
        if comparable_text(value) in {comparable_text(choice), comparable_text(label)}:
            return choice
    return comparable_text(value)


def precision_rank(model_field, value):
    date = as_date(model_field, value)
    if date is None:
        return 0
    return PRECISIONS.index(date.precision) + (0 if date.is_derived else 1) / 2


def agreeing_groups(model_field, values):
    """
    Group ``values`` (value, anything) so that the values in a group can all be true
    together; the most precise value of each group comes first. One group means the
    sources agree, however precisely each gives the value.
    """
    ordered = sorted(values, key=lambda item: -precision_rank(model_field, item[0]))
    groups = []
    for item in ordered:
        for group in groups:
            if all(values_agree(model_field, item[0], other[0]) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def differing_claims(owner):
    """
    The claims of ``owner`` (an entry, an appointment) on which the sources cited for it give
    values that cannot all be true: those a page of it shows as "Sources differ". Reads the
    owner's citations, prefetched where a page shows many owners.
    """
    given = {}
    for citation in owner.citations.all():
        if citation.claim and citation.value:
            given.setdefault(citation.claim, []).append((citation.value, citation))
    return {
        claim
        for claim, values in given.items()
        if len(agreeing_groups(claim_field(owner, claim), values)) > 1
    }


# The notes of a page ------------------------------------------------------------------------


@dataclass
class Note:
    """One passage of a source cited on a page, with each claim of each entry it supports."""

    number: int
    citations: list = field(default_factory=list)  # [(owner, citation), ...] in page order
    referenced: bool = False
    # The note as rendered before, where a page caches its notes: the template shows it as it is.
    cached_html: str = ""

    @property
    def citation(self):
        return self.citations[0][1]

    @property
    def source(self):
        return self.citation.source

    @property
    def id(self):
        return f"note-{self.number}"

    @property
    def ref_id(self):
        return f"ref-{self.number}"

    @property
    def key(self):
        """
        What the note's rendering depends on, besides the content and whether it is referenced:
        its number and its citations.
        """
        return f"{self.number}:{','.join(str(citation.pk) for _owner, citation in self.citations)}"

    @property
    def current(self):
        """True if the source gives what this passage supports as true when it was written."""
        return any(citation.current for _, citation in self.citations)

    def supports(self):
        """What the passage supports, one item for each citation: (owner, claim label, value shown)."""
        return [
            (owner, claim_label(owner, citation.claim), display_value(owner, citation.claim, citation.value))
            for owner, citation in self.citations
        ]


@dataclass
class Given:
    """
    A note that gives one of the values that agree, and ``value``, its own value shown, where
    it says less, or says it otherwise, than the most precise of them: "1826" beside
    "2 May 1826". None where it gives that value.
    """

    note: Note
    value: object = None


@dataclass
class Difference:
    """What the sources give for one claim of one entry, grouped by the values that agree."""

    owner: object
    claim: str
    claim_label: str
    values: list = field(default_factory=list)  # [(value shown, [Given, ...]), ...]
    shown: bool = False


def passage_key(citation):
    return (citation.source_id, normalized(citation.locator), normalized(citation.quotation))


def owner_key(owner):
    return (owner._meta.label_lower, str(owner.pk))


class Notes:
    """
    The numbered notes of one page: ``entry``'s citations, then those of its ``parts``.

    ``for_claim`` gives the notes to reference beside a claim; ``difference`` says where the
    sources cited for a claim give values that cannot all be true.
    """

    def __init__(self, entry, parts=()):
        self.entry = entry
        self.notes = []
        by_passage = {}
        self._by_claim = {}
        values = {}
        for owner in [entry, *parts]:
            for citation in sorted(owner.citations.all(), key=lambda citation: citation.position):
                key = passage_key(citation)
                note = by_passage.get(key)
                if note is None:
                    note = by_passage[key] = Note(len(self.notes) + 1)
                    self.notes.append(note)
                note.citations.append((owner, citation))
                claimed = self._by_claim.setdefault((owner_key(owner), citation.claim), [])
                if note not in claimed:
                    claimed.append(note)
                if citation.claim and citation.value:
                    values.setdefault((owner_key(owner), citation.claim), (owner, []))[1].append(
                        (citation.value, note)
                    )
        self.differences = {}
        for key, (owner, given) in values.items():
            claim = key[1]
            groups = agreeing_groups(claim_field(owner, claim), given)
            if len(groups) > 1:
                self.differences[key] = Difference(
                    owner,
                    claim,
                    claim_label(owner, claim),
                    [
                        (display_value(owner, claim, group[0][0]), _given(owner, claim, group))
                        for group in groups
                    ],
                )

    def __iter__(self):
        return iter(self.notes)

    def __len__(self):
        return len(self.notes)

    def for_claim(self, owner, claim=""):
        return self._by_claim.get((owner_key(owner), claim), [])

    def difference(self, owner, claim):
        return self.differences.get((owner_key(owner), claim))

    def unshown_differences(self):
        """The disagreements no claim on the page has shown beside it, to be shown with the notes."""
        return [difference for difference in self.differences.values() if not difference.shown]


def _given(owner, claim, group):
    """
    Each note of ``group``, [(value, note), ...] with the most precise value first, once, as
    ``Given``: with its own value where it gives another than that one.
    """
    model_field, shown = claim_field(owner, claim), group[0][0]
    given = []
    for value, note in group:
        if all(note is not other.note for other in given):
            own = None if values_same(model_field, value, shown) else display_value(owner, claim, value)
            given.append(Given(note, own))
    return given


class AsGiven(str):
    """A value in the words its source gives it, not a date or a choice that the site words."""


def display_value(owner, claim, value):
    """
    A source's value for a claim as the page shows the claim: a PartialDate for a date,
    the label for one of a field's choices, otherwise the value as the source gives it.
    """
    if not value:
        return ""
    model_field = claim_field(owner, claim)
    date = as_date(model_field, value)
    if date is not None:
        return date
    if isinstance(model_field, models.Field) and model_field.choices:
        choice = _choice_value(model_field, value)
        labels = dict(model_field.flatchoices)
        if choice in labels:
            label = str(labels[choice])
            return label[:1].upper() + label[1:]
    return AsGiven(value)
