"""
Relations on a date: who was each country's envoy in post, which posts were open, which
agreements were in force, and what happened, on one day (``/on/1838-06-09/``) or during one
year (``/on/1838/``), each entry linked and with the notes of the sources that date it.

What "in post", "open" and "in force" mean is said once, on the models' QuerySets
(``Appointment.objects.in_post_during`` and its kin, over ``spans``); this module asks them
about one period, and the template says where partial dates leave an answer uncertain.

Each list shows its first ``SHOWN`` entries and says how many it has in all, so that a
page stays small however large the record grows; which entries those are is a figure of
the content (``figures``), worked out once for each version of it.

Each entry's item and each note is cached as a fragment (``fragments``), under the content
version, the language and the period, which decides what is certain and how the notes are
numbered. A page whose items and notes are cached reads its entries by key (what numbers
their notes is kept with the figure that chose them), and fetches whole only those it must
render anew.
"""

import calendar
import datetime
import functools
import hashlib
from collections import defaultdict
from operator import attrgetter
from typing import NamedTuple

from django import forms
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .citations import Note, passage_key
from .figures import figure
from .fragments import NOTE, fragment_version
from .models import Agreement, Appointment, Citation, Country, Envoy, Event, Mission
from .models.base import Translated
from .partial_dates import PartialDate
from .spans import FIRST_DAY, LAST_DAY

# The claims of each kind of entry that date it on this page; its notes are the citations of
# those claims and of the entry as a whole.
DATING_CLAIMS = {
    Appointment: {"appointed", "credentials_presented", "ended"},
    Mission: {"opened", "closed"},
    Agreement: {"signed", "in_force", "ended", "agreement_status"},
    Event: {"date", "end_date"},
}


class Cited(NamedTuple):
    """
    What numbers the note of one citation of an entry on the page: the citation's key, its
    position and claim, and a digest of the passage it cites (``passage_key``).
    """

    pk: int
    position: int
    claim: str
    passage: str

    @classmethod
    def of(cls, citation):
        passage = hashlib.blake2b(repr(passage_key(citation)).encode(), digest_size=16).hexdigest()
        return cls(citation.pk, citation.position, citation.claim, passage)


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
        Number the citations that date ``owner`` (else those of it as a whole, else all of them),
        given as ``Cited``; return the references to show beside it: [(note, whether it is the
        first), ...]. Each note holds the owner's citations as fetched (``page_citations``,
        as ``Period.citations`` fetches them), or else as given.
        """
        fetched = {citation.pk: citation for citation in getattr(owner, "page_citations", [])}
        citations = sorted(cited, key=lambda citation: citation.position)
        dating = [citation for citation in citations if citation.claim in DATING_CLAIMS[type(owner)]]
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


# What the fragment version of the page's items and notes names.
FRAGMENTS = "on-date"

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


class Period:
    """One day, or one year, of the record: what was in post, open and in force, and what happened."""

    def __init__(self, first, last, events_first=None, events_last=None):
        self.first, self.last = first, last
        # The events of a day's page are those of its month.
        self.events_first, self.events_last = events_first or first, events_last or last
        self.notes = PageNotes()
        # The rows read by key only, by model: (the name of their item's fragment, the
        # queryset that fetches them whole, the rows).
        self.read_by_key = {}
        self.shown = []
        # What the page's items and notes are cached under, with their own keys.
        self.fragment_version = fragment_version(FRAGMENTS)

    @classmethod
    def day(cls, day):
        month_end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return cls(day, day, day.replace(day=1), month_end)

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def citations(self):
        # As a list of each row's own: a queryset for each of the page's rows would cost more
        # than the query that fetches them all.
        return Prefetch("citations", Citation.objects.select_related("source"), to_attr="page_citations")

    def first_shown(self, name, model, matching, order, key=None):
        """
        The first ``SHOWN`` rows of ``model`` that ``matching()`` (a queryset) holds, in
        ``order``, each given ``refs``, the references to its notes on the page: a ``Shown``
        list. With ``key``, a field and how to read it from a row (``("certain",
        attrgetter("certain"))``), the first of each of its values: a dict of lists, by value.

        Choosing them, and counting them all, takes a pass over every row that matches: which
        they are is kept as a figure of the content, under ``name`` (the list and its period),
        with what numbers their notes (``Cited``). On later pages they are read by key, and
        ``complete`` fetches whole only those whose item, or one of whose notes, is not
        cached. The queryset is made only when it is used.
        """
        by, value_of = key or (None, lambda row: None)
        matching = functools.cache(matching)
        fetched = []

        def choose():
            partition = {"partition_by": [F(by)]} if by else {}
            numbered = matching().annotate(
                position=Window(RowNumber(), order_by=list(order), **partition),
                total=Window(Count("pk"), **partition),
            )
            fetched.extend(numbered.filter(position__lte=SHOWN).order_by(*order))
            return [
                (row.pk, row.total, value_of(row), tuple(map(Cited.of, row.page_citations)))
                for row in fetched
            ]

        chosen = figure(choose, "first shown", *name)
        if chosen and not fetched:
            # Read by key, with what the page's translation note reads of each.
            read = model.translation_fields() if issubclass(model, Translated) else []
            keyed = model.objects.filter(pk__in=[pk for pk, *_rest in chosen]).only("pk", *read)
            keyed = {row.pk: row for row in keyed}
            fetched = [keyed[pk] for pk, *_rest in chosen]
            self.read_by_key[model] = (matching, fetched)
        lists = {}
        for row, (_pk, total, value, cited) in zip(fetched, chosen, strict=True):
            if value not in lists:
                lists[value] = Shown(total=total)
                self.shown.append(lists[value])
            row.refs = self.notes.refs(row, cited)
            lists[value].append(row)
        return lists if by else lists.get(None, Shown())

    def complete(self):
        """
        Give each row read by key, and each note, its item or note as cached (``cached_html``);
        fetch whole the rows whose item, or one of whose notes, is not cached, and put them in
        their places in the lists and the notes.
        """
        version = self.fragment_version
        items = {
            # The key each item's {% cache %} gives it (templates/includes/on_date/).
            make_template_fragment_key(f"on_date_{model._meta.model_name}", [version, self.key, row.pk]): row
            for model, (_matching, rows) in self.read_by_key.items()
            for row in rows
        }
        notes = {make_template_fragment_key(NOTE, [version, note.key]): note for note in self.notes}
        cached = caches["fragments"].get_many([*items, *notes])
        for key, html in cached.items():
            # Shown as read, without the template reading the cache again for it.
            (items.get(key) or notes[key]).cached_html = mark_safe(html)
        wanted = defaultdict(set)
        for row in [row for key, row in items.items() if key not in cached]:
            wanted[type(row)].add(row.pk)
        for note in [note for key, note in notes.items() if key not in cached]:
            for owner, _citation in note.citations:
                if type(owner) in self.read_by_key:
                    wanted[type(owner)].add(owner.pk)
        whole = {}
        for model, pks in wanted.items():
            matching, _rows = self.read_by_key[model]
            whole.update({(model, row.pk): row for row in matching().filter(pk__in=pks)})
        for shown in self.shown:
            for at, row in enumerate(shown):
                if (type(row), row.pk) in whole:
                    whole_row = shown[at] = whole[type(row), row.pk]
                    whole_row.refs = row.refs
        for note in self.notes:
            note.citations = [_whole(whole, owner, citation) for owner, citation in note.citations]

    def envoys(self):
        """Each country that sends envoys, with the appointments of its envoys in post: [(country, [...])]."""
        appointments = self.first_shown(
            ("envoys", self.first, self.last),
            Appointment,
            lambda: (
                Appointment.objects.published()
                .in_post_during(self.first, self.last)
                .select_related("envoy", "mission__sending_country", "mission__host_country")
                .prefetch_related(self.citations())
            ),
            ["envoy__sending_country", "began_on", "slug"],
            key=("envoy__sending_country", lambda appointment: appointment.envoy.sending_country_id),
        )
        countries = Country.objects.named_by(Envoy.objects.published(), "sending_country").order_by("name")
        by_country = []
        for country in countries:
            shown = appointments.get(country.pk, Shown())
            shown.link_to(
                gettext("All of them in office during %(year)s") % {"year": self.first.year},
                "relations:envoy-list",
                sending=country.code,
                in_office=self.first.year,
            )
            by_country.append((country, shown))
        return by_country

    def missions(self):
        missions = self.first_shown(
            ("missions", self.first, self.last),
            Mission,
            lambda: (
                Mission.objects.published()
                .open_during(self.first, self.last)
                .select_related("sending_country", "host_country")
                .prefetch_related(self.citations(), Prefetch("successors", Mission.objects.published()))
            ),
            ["sending_country", "opened", "name"],
        )
        missions.link_to(gettext("All missions"), "relations:mission-list")
        return missions

    def undated_missions(self):
        """How many published posts have no opening date, and so cannot be placed on a date."""
        return Mission.objects.published().filter(opened__isnull=True).count()

    def agreements(self):
        agreements = self.first_shown(
            ("agreements", self.first, self.last),
            Agreement,
            lambda: (
                Agreement.objects.published()
                .in_force_during(self.first, self.last)
                .prefetch_related(self.citations())
            ),
            ["in_force", "signed", "title"],
        )
        agreements.link_to(gettext("All agreements"), "relations:agreement-list")
        return agreements

    def undated_agreements(self):
        """How many published agreements, not merely signed, have no date of signing or entry into force."""
        return (
            Agreement.objects.published()
            .filter(in_force__isnull=True, signed__isnull=True)
            .exclude(agreement_status=Agreement.AgreementStatus.SIGNED)
            .count()
        )

    def events(self):
        """The events of the period: those certainly within it, and those dated only to a longer period."""
        events = self.first_shown(
            ("events", self.events_first, self.events_last),
            Event,
            lambda: (
                Event.objects.published()
                .happening_during(self.events_first, self.events_last)
                .prefetch_related(self.citations())
            ),
            ["date", "title"],
            key=("certain", attrgetter("certain")),
        )
        certain, longer = events.get(True, Shown()), events.get(False, Shown())
        for shown in certain, longer:
            shown.link_to(
                gettext("All events of %(year)s") % {"year": self.first.year},
                "relations:event-list",
                year_from=self.first.year,
                year_to=self.first.year,
            )
        return certain, longer

    @property
    def key(self):
        """
        What an entry's rendering depends on of the page, besides the content: the period, which
        makes it certain or possible, and which, with the content, numbers its notes.
        """
        return f"{self.first}:{self.last}:{self.events_first}:{self.events_last}"

    def context(self):
        # Notes are numbered in the order the template shows the sections.
        envoys = self.envoys()
        missions = self.missions()
        agreements = self.agreements()
        events, longer_events = self.events()
        self.complete()
        return {
            "envoys_by_country": envoys,
            "missions": missions,
            "undated_missions": self.undated_missions(),
            "agreements": agreements,
            "undated_agreements": self.undated_agreements(),
            "events": events,
            "longer_events": longer_events,
            "notes": self.notes,
            # Each entry is cached under these and its own key, each note under the version and
            # its own (templates/includes/on_date/, templates/includes/notes.html).
            "fragment_version": self.fragment_version,
            "period_key": self.key,
        }


class DateForm(forms.Form):
    """Choose a day (YYYY-MM-DD), or a whole year (YYYY)."""

    day = forms.CharField(
        label=_("Day"),
        max_length=10,
        widget=forms.DateInput(
            attrs={"type": "date", "min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()}
        ),
        help_text=_("YYYY-MM-DD, or a year alone (YYYY) for the whole year."),
    )

    def clean_day(self):
        value = self.cleaned_data["day"].strip()
        try:
            date = PartialDate.parse(value)
        except forms.ValidationError as error:
            if error.code != "invalid_format":
                raise  # A date that does not exist says why: "February 1838 has no day 30".
            raise forms.ValidationError(
                gettext("“%(value)s” is not a day: write it as YYYY-MM-DD (1838-06-09), or a year as YYYY.")
                % {"value": value},
                code="invalid_day",
            ) from error
        if date.is_derived or date.precision not in ("day", "year"):
            raise forms.ValidationError(
                gettext("Choose a whole day (YYYY-MM-DD) or a whole year (YYYY), not “%(value)s”.")
                % {"value": value},
                code="not_day_or_year",
            )
        if not FIRST_DAY.year <= date.year <= LAST_DAY.year:
            raise forms.ValidationError(
                gettext("The record can be asked about the years %(first)s to %(last)s.")
                % {"first": FIRST_DAY.year, "last": LAST_DAY.year},
                code="out_of_range",
            )
        return date

    def url(self):
        date = self.cleaned_data["day"]
        if date.precision == "day":
            return reverse("relations:on-day", args=[date.earliest()])
        return reverse("relations:on-year", args=[date.year])


class OnDateView(TemplateView):
    """Relations on one day, or during one year; without either, the form to choose one."""

    template_name = "relations/on_date.html"

    def get(self, request, day=None, year=None):
        if day is None and year is None:
            return self.choose(request)
        form = DateForm(initial={"day": day.isoformat() if day else f"{year:04d}"})
        if day is not None:
            period = Period.day(day)
            context = {
                "day": day,
                "date": PartialDate(day.year, day.month, day.day),
                "month": PartialDate(day.year, day.month),
                "previous_day": day - datetime.timedelta(days=1) if day > FIRST_DAY else None,
                "next_day": day + datetime.timedelta(days=1) if day < LAST_DAY else None,
            }
        else:
            period = Period.year(year)
            context = {
                "year": year,
                "date": PartialDate(year),
                "previous_year": year - 1 if year > FIRST_DAY.year else None,
                "next_year": year + 1 if year < LAST_DAY.year else None,
            }
        return self.render_to_response(self.get_context_data(form=form, **context, **period.context()))

    def choose(self, request):
        if "day" not in request.GET:
            return self.render_to_response(self.get_context_data(form=DateForm()))
        form = DateForm(request.GET)
        if form.is_valid():
            return HttpResponseRedirect(form.url())
        return self.render_to_response(self.get_context_data(form=form), status=400)
