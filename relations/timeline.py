"""
The timeline: every dated entry in one chronological list, grouped and paged by period.

Each kind of entry gives its dated items (events by their date, appointments by when they
began, agreements by when they were signed, missions by when they opened and closed). The
years that hold items are cut into periods of about ``page_size`` items each, whole decades
where they fit, whole years otherwise; a page shows one period, and a year that alone holds
more than a page is shown a page at a time. However much the record grows, a page stays
light and a reader moves from one period to the next.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from django.core.cache.utils import make_template_fragment_key
from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from .figures import figure
from .fragments import show_cached
from .models import Agreement, Appointment, Event, Mission
from .models.envoys import began
from .partial_dates import PartialDateField
from .year_ranges import overlapping_years

# The name of the items' fragments in templates/relations/timeline.html.
ITEM = "timeline_item"

# The kinds of item, in the order that items of one date are listed.
TIMELINE_TYPES = ["event", "appointment", "agreement", "mission"]


@dataclass
class TimelineItem:
    date: object
    kind: str
    kind_label: str
    title: str
    url: str
    detail: str = ""
    # The language of the title and of the detail where it is not the page's (English shown in Spanish).
    title_lang: str = ""
    detail_lang: str = ""
    # Which of the entry's fields the item shows in the site's translation.
    translated: tuple = ()
    # What the item's rendering is cached under (with the fragment version): its row and date.
    key: str = ""
    # The item as rendered before, where its fragment is cached: the template shows it as it is.
    cached_html: str = ""

    def shown_in_translation(self):
        return self.translated

    @property
    def year(self):
        """The year heading the item stands under; none for a date known only to the decade."""
        return "" if self.date.decade else self.date.year

    @property
    def decade(self):
        return self.date.year // 10 * 10


@dataclass(frozen=True)
class Period:
    first_year: int
    last_year: int
    count: int

    def __str__(self):
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


@dataclass(frozen=True)
class PeriodLink:
    """One of the links between periods: to ``period``, or to the first of a decade's periods."""

    period: Period
    label: str
    current: bool = False


def period_links(periods, current):
    """
    The links between ``periods`` with ``current`` shown: each period, except that a decade cut
    into several periods is one link unless it holds ``current``, when each of its periods is
    shown. A record dense enough to cut every year into a period of its own still gives about
    one link a decade, not one a year.
    """
    links, at = [], 0
    while at < len(periods):
        period = periods[at]
        decade = period.first_year // 10 * 10
        end = at
        if period.last_year // 10 * 10 == decade:
            while end + 1 < len(periods) and periods[end + 1].first_year // 10 * 10 == decade:
                end += 1
        group = periods[at : end + 1]
        if len(group) > 1 and current not in group:
            links.append(PeriodLink(period, gettext("%(decade)ss") % {"decade": decade}))
        else:
            links.extend(PeriodLink(each, str(each), current=each == current) for each in group)
        at = end + 1
    return links


def year_of(stored):
    """The first year of a stored partial date's period: "1838-06" → 1838, "199" → 1990."""
    return int(stored[:4]) if len(stored) >= 4 and stored[3].isdigit() else int(stored[:3]) * 10


class Timeline:
    """The periods and items of the timeline between two years, of the kinds asked for."""

    page_size = 50

    def __init__(self, year_from=None, year_to=None, types=None):
        self.year_from, self.year_to = year_from, year_to
        self.types = [kind for kind in TIMELINE_TYPES if kind in (types or TIMELINE_TYPES)]

    # What is dated, kind by kind: (queryset, date field, end field) for each of its dates.

    def sources(self, kind):
        # Each row read with only the fields its item shows (see ``item``), for its own date.
        if kind == "event":
            events = Event.objects.published().only(
                "slug", "date", "title", "title_es", "summary", "summary_es"
            )
            return [(events, "date", "end_date")]
        if kind == "appointment":
            appointments = (
                Appointment.objects.published()
                .select_related("envoy", "mission")
                .only(
                    "slug",
                    "rank",
                    "envoy__slug",
                    "envoy__name",
                    "mission__slug",
                    "mission__name",
                    "mission__name_es",
                )
            )
            return [
                (appointments.annotate(start_date=began(output_field=PartialDateField())), "start_date", None)
            ]
        if kind == "agreement":
            agreements = Agreement.objects.published().only("slug", "signed", "title", "title_es", "kind")
            return [(agreements, "signed", None)]
        shown = ["slug", "name", "name_es", "city"]
        return [
            (Mission.objects.published().only(*shown, field), field, None) for field in ["opened", "closed"]
        ]

    def dated(self, queryset, field, end_field, year_from, year_to):
        queryset = queryset.filter(**{f"{field}__isnull": False})
        if year_from is not None or year_to is not None:
            queryset = queryset.filter(overlapping_years(field, end_field, year_from, year_to))
        return queryset

    # Periods

    def year_counts(self):
        """How many items each year holds, within the years asked for."""
        counts = Counter()
        for kind in self.types:
            for queryset, field, end_field in self.sources(kind):
                dated = self.dated(queryset, field, end_field, self.year_from, self.year_to)
                # Counting rows, not keys: an index of the dates alone can answer it.
                rows = dated.annotate(year=Substr(field, 1, 4)).values("year").annotate(n=Count("*"))
                for row in rows.order_by():
                    counts[year_of(row["year"])] += row["n"]
        return counts

    def period(self, periods, year):
        """The period that holds ``year``, or the first after it, or the first of all."""
        if year is not None:
            for period in periods:
                if year <= period.last_year:
                    return period
        return periods[0] if periods else None

    def periods(self):
        """
        The periods of about ``page_size`` items: whole decades where they fit, else whole
        years. They are counted over every dated entry, so they are kept for the content
        version (see ``figures``), for each choice of years and kinds.
        """
        return figure(self.cut_periods, "timeline-periods", self.year_from, self.year_to, tuple(self.types))

    def cut_periods(self):
        counts = self.year_counts()
        by_decade = Counter()
        for year, count in counts.items():
            by_decade[year // 10 * 10] += count
        periods, start, end, held = [], None, None, 0

        def close():
            if start is not None:
                periods.append(Period(start, end, held))

        for decade in sorted(by_decade):
            if by_decade[decade] > self.page_size:
                close()
                start, held = None, 0
                for year in sorted(year for year in counts if year // 10 * 10 == decade):
                    if start is not None and held + counts[year] > self.page_size:
                        close()
                        start, held = None, 0
                    start = year if start is None else start
                    end, held = year, held + counts[year]
                close()
                start, held = None, 0
                continue
            if start is not None and held + by_decade[decade] > self.page_size:
                close()
                start, held = None, 0
            start = decade if start is None else start
            end = max(year for year in counts if year // 10 * 10 == decade)
            held += by_decade[decade]
        close()
        return periods

    # Items

    def items(self, period, page=1, version=None):
        """
        The items of ``page`` of ``period``, in order: at most ``page_size`` of them.

        Which they are, and what of each the page needs besides its rendering, is kept as a
        figure of the content. With ``version``, the fragment version of the items, an item
        whose fragment is cached is given its ``cached_html`` and made without its row: only the
        rows of the others are read.
        """
        fetched = []

        def choose():
            fetched.extend(self.chosen_items(period, page))
            return [(item.kind, item.key, item.date, item.translated) for item in fetched]

        chosen = figure(
            choose,
            "timeline-items",
            self.year_from,
            self.year_to,
            tuple(self.types),
            period,
            page,
            get_language(),
        )
        if fetched or not chosen:
            return fetched
        light = [
            TimelineItem(date, kind, "", "", "", translated=translated, key=key)
            for kind, key, date, translated in chosen
        ]
        uncached = light
        if version is not None:
            # The key the template's {% cache %} gives each item (templates/relations/timeline.html).
            uncached = show_cached(light, lambda item: make_template_fragment_key(ITEM, [version, item.key]))
        whole = self.whole_items([item.key for item in uncached])
        return [whole.get(item.key, item) for item in light]

    def whole_items(self, keys):
        """The items whose keys are ``keys`` ("kind:field:pk"), made from their rows: {key: item}."""
        wanted = {}
        for key in keys:
            kind, field, pk = key.split(":", 2)
            wanted.setdefault((kind, field), []).append(pk)
        items = {}
        for kind in self.types:
            for queryset, field, _end_field in self.sources(kind):
                pks = wanted.get((kind, field))
                if pks:
                    for row in queryset.filter(pk__in=pks):
                        item = self.item(kind, field, row, self.order_of(kind, field, row)[2])
                        items[item.key] = item
        return items

    def chosen_items(self, period, page):
        """The items of ``page`` of ``period``, made from the rows of every kind that it could hold."""
        wanted = page * self.page_size
        dated_rows = []
        for kind in self.types:
            for queryset, field, end_field in self.sources(kind):
                dated = self.dated(queryset, field, end_field, self.year_from, self.year_to)
                # Only the dates that begin in the period: a span is shown where it began.
                dated = dated.filter(overlapping_years(field, None, period.first_year, period.last_year))
                dated_rows.extend((kind, field, row) for row in dated.order_by(field, "pk")[:wanted])
        # Each kind gave as many rows as the page could hold; only those shown become items.
        ordered = sorted(
            ((self.order_of(*dated_row), dated_row) for dated_row in dated_rows), key=itemgetter(0)
        )
        shown = ordered[wanted - self.page_size : wanted]
        return [self.item(*dated_row, title) for (_, _, title), dated_row in shown]

    def order_of(self, kind, field, row):
        """Where an item comes in the timeline: by date, then kind, then title."""
        if kind == "appointment":
            title = self.appointment_title(row)
        else:
            title = row.translated("name" if kind == "mission" else "title")[0]
        return getattr(row, field), TIMELINE_TYPES.index(kind), title

    def appointment_title(self, row):
        return gettext("%(envoy)s appointed %(rank)s") % {
            "envoy": row.envoy.name,
            "rank": self.ranks[row.rank],
        }

    @cached_property
    def ranks(self):
        """The ranks' names in the active language, each translated once rather than for every row."""
        return {value: str(label) for value, label in Appointment._meta.get_field("rank").flatchoices}

    def item(self, kind, field, row, title):
        """The item of ``row``, dated by ``field``, with the title it was ordered by."""
        item = self.kind_item(kind, field, row, title)
        item.key = f"{kind}:{field}:{row.pk}"
        return item

    def kind_item(self, kind, field, row, title):
        if kind == "event":
            return self.entry_item(row.date, kind, gettext("Event"), row, "title", "summary")
        if kind == "appointment":
            item = self.entry_item(row.start_date, kind, gettext("Appointment"), row.mission, "name", "name")
            item.title, item.title_lang, item.url = title, "", row.get_absolute_url()
            return item
        if kind == "agreement":
            item = self.entry_item(row.signed, kind, gettext("Agreement signed"), row, "title")
            item.detail = capfirst(row.get_kind_display())
            return item
        label = gettext("Mission opened") if field == "opened" else gettext("Mission closed")
        item = self.entry_item(getattr(row, field), kind, label, row, "name")
        item.detail = row.city
        return item

    @staticmethod
    def entry_item(date, kind, label, entry, title_field, detail_field=None):
        """An item titled by ``entry``'s own text, in the page's language where the site has it."""
        language = (get_language() or "en")[:2]
        title, title_lang = entry.translated(title_field)
        detail, detail_lang = entry.translated(detail_field) if detail_field else ("", language)
        return TimelineItem(
            date,
            kind,
            label,
            title,
            entry.get_absolute_url(),
            detail,
            title_lang if title_lang != language else "",
            detail_lang if detail_lang != language else "",
            tuple(entry.shown_in_translation([title_field, detail_field])),
        )
