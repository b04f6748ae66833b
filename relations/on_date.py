"""
Relations on a date: who was each country's envoy in post, which posts were open, which
agreements were in force, and what happened, on one day (``/on/1838-06-09/``) or during one
year (``/on/1838/``), each entry linked and with the notes of the sources that date it.

What "in post", "open" and "in force" mean is said once, on the models' QuerySets
(``Appointment.objects.in_post_during`` and its kin, over ``spans``); this module asks them
about one period, and the template says where partial dates leave an answer uncertain.

Each list shows its first entries, with their notes, and says how many it has in all
(``standings``). Each entry's item and each note is cached as a fragment under the content
version, the language and the period, which decides what is certain and how the notes are
numbered.
"""

import calendar
import datetime

from django import forms
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .models import Agreement, Appointment, Citation, Country, Envoy, Event, Mission
from .partial_dates import PartialDate
from .spans import FIRST_DAY, LAST_DAY
from .standings import Shown, Standings

# What the fragment version of the page's items and notes names.
FRAGMENTS = "on-date"


class Period:
    """One day, or one year, of the record: what was in post, open and in force, and what happened."""

    def __init__(self, first, last, events_first=None, events_last=None):
        self.first, self.last = first, last
        # The events of a day's page are those of its month.
        self.events_first, self.events_last = events_first or first, events_last or last
        # Each entry's item cached as templates/includes/on_date/<model>.html names it.
        self.standings = Standings(FRAGMENTS, self.key, "on_date_")

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

    def envoys(self):
        """Each country that sends envoys, with the appointments of its envoys in post: [(country, [...])]."""
        appointments = self.standings.first_shown(
            ("envoys", self.first, self.last),
            Appointment,
            lambda: (
                Appointment.objects.published()
                .in_post_during(self.first, self.last)
                .select_related("envoy", "mission__sending_country", "mission__host_country")
                .prefetch_related(self.citations())
            ),
            ["envoy__sending_country", "began_on", "slug"],
            key="envoy__sending_country",
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
        missions = self.standings.first_shown(
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
        agreements = self.standings.first_shown(
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
        events = self.standings.first_shown(
            ("events", self.events_first, self.events_last),
            Event,
            lambda: (
                Event.objects.published()
                .happening_during(self.events_first, self.events_last)
                .prefetch_related(self.citations())
            ),
            ["date", "title"],
            key="certain",
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
        self.standings.complete()
        return {
            "envoys_by_country": envoys,
            "missions": missions,
            "undated_missions": self.undated_missions(),
            "agreements": agreements,
            "undated_agreements": self.undated_agreements(),
            "events": events,
            "longer_events": longer_events,
            "notes": self.standings.notes,
            # Each entry is cached under these and its own key, each note under the version and
            # its own (templates/includes/on_date/, templates/includes/notes.html).
            "fragment_version": self.standings.fragment_version,
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
