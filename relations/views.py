"""
The public pages: filtered lists, cited detail pages, the timeline, search and the home page.

Only published entries are public; an appointment is public when its envoy is. Every page
runs a small, fixed number of queries whatever the size of the database: related entries
are fetched with ``select_related``/``prefetch_related``, never one query per row.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import filters
from .models import Agreement, Appointment, Entry, Envoy, Event, Mission, Source
from .partial_dates import PartialDateField, overlapping_years

PUBLISHED = Entry.Status.PUBLISHED


def published_appointments():
    """Appointments the public may see: those of published envoys."""
    return Appointment.objects.filter(envoy__status=PUBLISHED)


def with_citations(queryset):
    return queryset.prefetch_related("citations__source")


# Lists


class PublicListView(FilterView):
    """
    A filtered, paginated list of published entries.

    Invalid filter input is answered with the form's message and HTTP 400; a page number
    past the end gives the last page, and one that is not a number the first.
    """

    paginate_by = 50
    template_name_suffix = "_list"
    page_title = ""
    page_description = ""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.page_title, page_description=self.page_description)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class EventListView(PublicListView):
    filterset_class = filters.EventFilter
    queryset = Event.objects.published()
    page_title = _("Events")
    page_description = _(
        "Events in the relations between Peru and the United States, filtered by category, topic and years."
    )


class EnvoyListView(PublicListView):
    filterset_class = filters.EnvoyFilter
    page_title = _("Envoys")
    page_description = _(
        "The envoys of the United States to Peru and of Peru to the United States, with their appointments."
    )

    def get_queryset(self):
        return (
            Envoy.objects.published()
            .select_related("sending_country")
            .prefetch_related(Prefetch("appointments", Appointment.objects.order_by("appointed", "slug")))
        )


class MissionListView(PublicListView):
    filterset_class = filters.MissionFilter
    page_title = _("Missions")
    page_description = _(
        "The embassies, legations and consulates of Peru and the United States in each other."
    )

    def get_queryset(self):
        return Mission.objects.published().select_related("sending_country", "host_country")


class AgreementListView(PublicListView):
    filterset_class = filters.AgreementFilter
    queryset = Agreement.objects.published()
    page_title = _("Agreements")
    page_description = _(
        "Treaties and agreements between Peru and the United States, by kind, status, topic and year signed."
    )


class SourceListView(PublicListView):
    filterset_class = filters.SourceFilter
    queryset = Source.objects.all()
    page_title = _("Sources")
    page_description = _("The bibliography: every source that the facts on this site are cited to.")


# Detail pages


class PublishedDetailView(DetailView):
    """A published entry, with its citations; drafts and unknown slugs are 404."""

    def get_queryset(self):
        return with_citations(super().get_queryset().published())


class EventDetailView(PublishedDetailView):
    model = Event

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "topics",
                Prefetch("envoys", Envoy.objects.published()),
                Prefetch("missions", Mission.objects.published()),
                Prefetch("agreements", Agreement.objects.published()),
            )
        )


class EnvoyDetailView(PublishedDetailView):
    model = Envoy

    def get_context_data(self, **kwargs):
        # The appointments' citations are numbered after the envoy's own, on the same page.
        return super().get_context_data(citation_parts=self.object.appointments.all(), **kwargs)

    def get_queryset(self):
        appointments = with_citations(
            Appointment.objects.select_related("mission__host_country").order_by("appointed", "slug")
        )
        return (
            super()
            .get_queryset()
            .select_related("sending_country")
            .prefetch_related(
                Prefetch("appointments", appointments),
                Prefetch("events", Event.objects.published()),
            )
        )


class MissionDetailView(PublishedDetailView):
    model = Mission

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("sending_country", "host_country", "predecessor")
            .prefetch_related(
                Prefetch("successors", Mission.objects.published()),
                Prefetch(
                    "appointments",
                    published_appointments().select_related("envoy").order_by("appointed", "slug"),
                ),
                Prefetch("events", Event.objects.published()),
            )
        )


class AgreementDetailView(PublishedDetailView):
    model = Agreement

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("amends")
            .prefetch_related(
                "parties",
                "topics",
                "ratifications__country",
                Prefetch("amended_by", Agreement.objects.published()),
                Prefetch("events", Event.objects.published()),
            )
        )


class SourceDetailView(DetailView):
    """A source, and every published entry that cites it, a page of citations at a time."""

    model = Source
    citations_per_page = 100

    def get_context_data(self, **kwargs):
        paginator = Paginator(self.citing(), self.citations_per_page)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            citations=page.object_list, page_obj=page, paginator=paginator, **kwargs
        )

    def citing(self):
        """The citations of this source by published entries, grouped by the entry's type."""
        types = ContentType.objects.get_for_models(Event, Envoy, Mission, Agreement, Appointment)
        public = {
            Event: Event.objects.published(),
            Envoy: Envoy.objects.published(),
            Mission: Mission.objects.published(),
            Agreement: Agreement.objects.published(),
            Appointment: published_appointments().select_related("envoy", "mission"),
        }
        visible = Q()
        for model, queryset in public.items():
            visible |= Q(content_type=types[model], object_id__in=queryset.values("pk"))
        order = [types[model].pk for model in public]
        return (
            self.object.citations.filter(visible)
            .select_related("content_type")
            .prefetch_related(GenericPrefetch("entry", list(public.values())))
            .order_by(ordering_by(order, "content_type"), "object_id", "position")
        )


def ordering_by(values, field):
    """An expression ordering rows by where ``field``'s value comes in ``values``."""
    return Case(
        *[When(**{field: value}, then=Value(index)) for index, value in enumerate(values)],
        default=Value(len(values)),
        output_field=IntegerField(),
    )


# Timeline


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


class TimelineView(TemplateView):
    """
    Every dated entry in one chronological list, grouped by decade and year.

    A page holds at most ``limit`` items and ends at a year boundary, with a link to go
    on from the next year, so it stays light however much the record grows.
    """

    template_name = "relations/timeline.html"
    limit = 300

    def get(self, request, *args, **kwargs):
        form = filters.TimelineForm(request.GET or None)
        status = 200
        if form.is_bound and not form.is_valid():
            status = 400
            items, next_from = [], None
        else:
            data = form.cleaned_data if form.is_bound else {}
            items, next_from = self.items(
                data.get("year_from"), data.get("year_to"), data.get("type") or filters.TIMELINE_TYPES
            )
        context = self.get_context_data(form=form, items=items, next_from=next_from)
        return self.render_to_response(context, status=status)

    def items(self, year_from, year_to, types):
        items = []
        for kind in types:
            items.extend(getattr(self, f"{kind}_items")(year_from, year_to)[: self.limit + 1])
        items.sort(key=lambda item: (item.date, filters.TIMELINE_TYPES.index(item.kind), item.title))
        if len(items) <= self.limit:
            return items, None
        boundary = items[self.limit].year
        shown = [item for item in items[: self.limit] if item.year < boundary]
        if not shown:
            # One year alone holds more than a page: show what fits and go on after it.
            return items[: self.limit], boundary + 1
        return shown, boundary

    def dated(self, queryset, field, year_from, year_to, end_field=None):
        queryset = queryset.filter(**{f"{field}__isnull": False})
        if year_from is not None or year_to is not None:
            queryset = queryset.filter(overlapping_years(field, end_field, year_from, year_to))
        return queryset.order_by(field, "pk")[: self.limit + 1]

    def event_items(self, year_from, year_to):
        label = gettext("Event")
        return [
            TimelineItem(event.date, "event", label, event.title, event.get_absolute_url(), event.summary)
            for event in self.dated(Event.objects.published(), "date", year_from, year_to, "end_date")
        ]

    def appointment_items(self, year_from, year_to):
        appointments = (
            published_appointments()
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
            for appointment in self.dated(appointments, "start_date", year_from, year_to)
        ]

    def agreement_items(self, year_from, year_to):
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
            for agreement in self.dated(Agreement.objects.published(), "signed", year_from, year_to)
        ]

    def mission_items(self, year_from, year_to):
        missions = Mission.objects.published()
        opened = [
            TimelineItem(m.opened, "mission", gettext("Mission opened"), m.name, m.get_absolute_url(), m.city)
            for m in self.dated(missions, "opened", year_from, year_to)
        ]
        closed = [
            TimelineItem(m.closed, "mission", gettext("Mission closed"), m.name, m.get_absolute_url(), m.city)
            for m in self.dated(missions, "closed", year_from, year_to)
        ]
        return sorted(opened + closed, key=attrgetter("date"))


# Search and home


class SearchView(TemplateView):
    """One query across every entry type; the first results of each type, and how many in all."""

    template_name = "relations/search.html"
    per_type = 10

    def get(self, request, *args, **kwargs):
        form = filters.SearchForm(request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context = self.get_context_data(form=form, query=query, groups=self.groups(query))
        return self.render_to_response(context, status=200 if form.is_valid() else 400)

    def groups(self, query):
        """The first results of each entry type, how many in all, and where to see them all."""
        groups = []
        if query:
            for label, filterset_class, queryset, list_url in [
                (_("Events"), filters.EventFilter, Event.objects.published(), "relations:event-list"),
                (
                    _("Envoys"),
                    filters.EnvoyFilter,
                    Envoy.objects.published()
                    .select_related("sending_country")
                    .prefetch_related(
                        Prefetch("appointments", Appointment.objects.order_by("appointed", "slug"))
                    ),
                    "relations:envoy-list",
                ),
                (
                    _("Missions"),
                    filters.MissionFilter,
                    Mission.objects.published().select_related("sending_country", "host_country"),
                    "relations:mission-list",
                ),
                (
                    _("Agreements"),
                    filters.AgreementFilter,
                    Agreement.objects.published(),
                    "relations:agreement-list",
                ),
                (_("Sources"), filters.SourceFilter, Source.objects.all(), "relations:source-list"),
            ]:
                results = filterset_class({"q": query}, queryset=queryset).qs
                count = results.count()
                groups.append(
                    {
                        "label": label,
                        "count": count,
                        "results": list(results[: self.per_type]) if count else [],
                        "list_url": list_url,
                    }
                )
        return groups

    def get_context_data(self, **kwargs):
        return super().get_context_data(total=sum(group["count"] for group in kwargs["groups"]), **kwargs)


class HomeView(TemplateView):
    template_name = "relations/home.html"
    latest = 8

    def get_context_data(self, **kwargs):
        changed = []
        for queryset in [
            Event.objects.published(),
            Envoy.objects.published(),
            Mission.objects.published(),
            Agreement.objects.published(),
        ]:
            changed.extend(queryset.order_by("-updated")[: self.latest])
        changed.sort(key=attrgetter("updated"), reverse=True)
        return super().get_context_data(
            key_dates=Event.objects.published().filter(category=Event.Category.DIPLOMATIC)[: self.latest],
            latest_changes=changed[: self.latest],
            counts={
                "events": Event.objects.published().count(),
                "envoys": Envoy.objects.published().count(),
                "missions": Mission.objects.published().count(),
                "agreements": Agreement.objects.published().count(),
                "sources": Source.objects.count(),
            },
            **kwargs,
        )
