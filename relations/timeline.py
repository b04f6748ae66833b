"""
The timeline: every dated entry in one chronological list, a page at a time.

Each kind of entry gives its dated items (events by their date, appointments by when they
began, agreements by when they were signed, missions by when they opened and closed); a
page holds at most ``limit`` of them and ends at a year boundary, with the year to go on
from, so it stays light however much the record grows.
"""

from dataclasses import dataclass

from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext

from .models import Agreement, Appointment, Event, Mission
from .partial_dates import PartialDateField
from .year_ranges import overlapping_years

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

    @property
    def year(self):
        return self.date.year

    @property
    def decade(self):
        return self.date.year // 10 * 10


class Timeline:
    """The items of the timeline between two years, of the kinds asked for."""

    limit = 300

    def __init__(self, year_from=None, year_to=None, types=None):
        self.year_from, self.year_to = year_from, year_to
        self.types = [kind for kind in TIMELINE_TYPES if kind in (types or TIMELINE_TYPES)]

    def page(self):
        """Return the items of the first page, and the year the next page begins (or None)."""
        items = []
        for kind in self.types:
            items.extend(getattr(self, f"{kind}_items")()[: self.limit + 1])
        items.sort(key=lambda item: (item.date, TIMELINE_TYPES.index(item.kind), item.title))
        if len(items) <= self.limit:
            return items, None
        boundary = items[self.limit].year
        shown = [item for item in items[: self.limit] if item.year < boundary]
        if not shown:
            # One year alone holds more than a page: show what fits and go on after it.
            return items[: self.limit], boundary + 1
        return shown, boundary

    def dated(self, queryset, field, end_field=None):
        queryset = queryset.filter(**{f"{field}__isnull": False})
        if self.year_from is not None or self.year_to is not None:
            queryset = queryset.filter(overlapping_years(field, end_field, self.year_from, self.year_to))
        return queryset.order_by(field, "pk")[: self.limit + 1]

    def event_items(self):
        label = gettext("Event")
        return [
            TimelineItem(event.date, "event", label, event.title, event.get_absolute_url(), event.summary)
            for event in self.dated(Event.objects.published(), "date", "end_date")
        ]

    def appointment_items(self):
        appointments = (
            Appointment.objects.published()
            .select_related("envoy", "mission")
            .annotate(
                start_date=Coalesce(
                    "appointed", "arrived", "credentials_presented", output_field=PartialDateField()
                )
            )
        )
        label = gettext("Appointment")
        return [
            TimelineItem(
                appointment.start_date,
                "appointment",
                label,
                gettext("%(envoy)s appointed %(rank)s")
                % {"envoy": appointment.envoy.name, "rank": appointment.get_rank_display()},
                appointment.get_absolute_url(),
                appointment.mission.name,
            )
            for appointment in self.dated(appointments, "start_date")
        ]

    def agreement_items(self):
        label = gettext("Agreement signed")
        return [
            TimelineItem(
                agreement.signed,
                "agreement",
                label,
                agreement.title,
                agreement.get_absolute_url(),
                capfirst(agreement.get_kind_display()),
            )
            for agreement in self.dated(Agreement.objects.published(), "signed")
        ]

    def mission_items(self):
        missions = Mission.objects.published()
        items = []
        for field, label in [("opened", gettext("Mission opened")), ("closed", gettext("Mission closed"))]:
            items.extend(
                TimelineItem(getattr(m, field), "mission", label, m.name, m.get_absolute_url(), m.city)
                for m in self.dated(missions, field)
            )
        return sorted(items, key=lambda item: item.date)
