"""
The public pages: filtered lists, cited detail pages, the timeline, search and the home page.

Only published entries are public (``published()`` on each model's QuerySet says which).
Every page runs a small, fixed number of queries whatever the size of the database: related
entries are fetched with ``select_related``/``prefetch_related``, never one query per row.
"""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import citing, downloads, filters, forms
from .feeds import latest_changes
from .figures import Paginator, figure
from .fragments import form_key, fragment_version, page_entries
from .models import (
    CITED_MODELS,
    ENTRY_MODELS,
    LISTED_MODELS,
    Agreement,
    Appointment,
    Envoy,
    Event,
    Mission,
    Source,
)
from .models.envoys import began_or_held
from .search import search
from .timeline import Timeline, period_links

# Lists


class PublicListView(FilterView):
    """
    A filtered, paginated list of published entries.

    Invalid filter input is answered with the form's message and HTTP 400; a page number
    past the end gives the last page, and one that is not a number the first.
    """

    # 40 entries a page: the fullest list, in Spanish, stays under 50 KB with its style sheet.
    paginate_by = 40
    paginator_class = Paginator
    template_name_suffix = "_list"
    page_title = ""
    page_description = ""

    def get_filterset_class(self):
        return filters.FILTERSETS[self.model]

    def get_queryset(self):
        return self.model.objects.listed()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.page_title, page_description=self.page_description)
        context["downloads"] = downloads.download_links(self.model, self.request.GET)
        version = context["fragment_version"] = fragment_version(self.model)
        context["filter_form_key"] = form_key(self.filterset.form, self.request.path)
        # Whole entries for the items not cached only: a cached item needs its key.
        context["object_list"] = page_entries(self.object_list, context["object_list"], version)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class EventListView(PublicListView):
    model = Event
    page_title = _("Events")
    page_description = _(
        "Events in the relations between Peru and the United States, filtered by category, topic and years."
    )


class EnvoyListView(PublicListView):
    model = Envoy
    page_title = _("Envoys")
    page_description = _(
        "The envoys of the United States to Peru and of Peru to the United States, with their appointments."
    )


class MissionListView(PublicListView):
    model = Mission
    page_title = _("Missions")
    page_description = _(
        "The embassies, legations and consulates of Peru and the United States in each other."
    )


class AgreementListView(PublicListView):
    model = Agreement
    page_title = _("Agreements")
    page_description = _(
        "Treaties and agreements between Peru and the United States, by kind, status, topic and year signed."
    )


class SourceListView(PublicListView):
    model = Source
    page_title = _("Sources")
    page_description = _("The bibliography: every source that the facts on this site are cited to.")


# Detail pages


class PublishedDetailView(DetailView):
    """A published entry, with its citations and their sources; drafts and unknown slugs are 404."""

    def get_queryset(self):
        return super().get_queryset().published().prefetch_related("citations__source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # How to cite the page, its permanent link and its structured data.
        parts = kwargs.get("citation_parts", ())
        context.update(citing.about_the_page(self.object, self.request, parts, self.shown_version()))
        return context

    def shown_version(self):
        """The stored version the page shows; None for the entry as it is now."""
        return None


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
        appointments = Appointment.objects.select_related("mission__host_country").prefetch_related(
            "citations__source"
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
                # With their citations, which say where the sources differ on a date of the table.
                Prefetch(
                    "appointments",
                    Appointment.objects.published()
                    .select_related("envoy")
                    .prefetch_related("citations")
                    .order_by(began_or_held().asc(nulls_last=True), "slug"),
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
    citations_per_page = 40

    def get_context_data(self, **kwargs):
        paginator = Paginator(self.citing(), self.citations_per_page)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            citations=page.object_list, page_obj=page, paginator=paginator, **kwargs
        )

    def citing(self):
        """The citations of this source by published entries, grouped by the entry's type."""
        owners = [model.objects.published() for model in ENTRY_MODELS]
        owners.append(Appointment.objects.published().select_related("envoy", "mission"))
        return (
            self.object.citations.published()
            .select_related("content_type")
            .prefetch_related(GenericPrefetch("entry", owners))
            .order_by(
                ordering_by([model._meta.model_name for model in CITED_MODELS], "content_type__model"),
                "object_id",
                "position",
            )
        )


def ordering_by(values, field):
    """An expression ordering rows by where ``field``'s value comes in ``values``."""
    return Case(
        *[When(**{field: value}, then=Value(index)) for index, value in enumerate(values)],
        default=Value(len(values)),
        output_field=IntegerField(),
    )


# Timeline, search and home


class TimelineView(TemplateView):
    """Every dated entry in chronological order, grouped by decade and year, a period at a time."""

    template_name = "relations/timeline.html"

    def get(self, request, *args, **kwargs):
        form = forms.TimelineForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            context = self.get_context_data(form=form, items=[], periods=[], period=None)
            return self.render_to_response(context, status=400)
        data = form.cleaned_data if form.is_bound else {}
        timeline = Timeline(data.get("year_from"), data.get("year_to"), data.get("type"))
        periods = timeline.periods()
        period = timeline.period(periods, data.get("period"))
        page = Paginator(range(period.count if period else 0), timeline.page_size).get_page(
            request.GET.get("page")
        )
        at = periods.index(period) if period else 0
        version = fragment_version("timeline")
        context = self.get_context_data(
            form=form,
            items=timeline.items(period, page.number, version) if period else [],
            period_links=period_links(periods, period),
            fragment_version=version,
            periods=periods,
            period=period,
            page_obj=page,
            previous_period=periods[at - 1] if period and at > 0 else None,
            next_period=periods[at + 1] if period and at + 1 < len(periods) else None,
        )
        return self.render_to_response(context)


class SearchView(TemplateView):
    """One query across every entry type; the first results of each type, and how many in all."""

    template_name = "relations/search.html"

    def get(self, request, *args, **kwargs):
        form = forms.SearchForm(request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        groups = search(query)
        context = self.get_context_data(
            form=form,
            query=query,
            groups=groups,
            total=sum(group.count for group in groups),
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


def published_counts():
    """How many published entries of each listed kind there are, by model name, in one query."""
    counts = [
        model.objects.published()
        .order_by()
        .annotate(entry_type=Value(model._meta.model_name))
        .values("entry_type")
        # Counting rows, not keys: the status index alone answers it, without the table.
        .annotate(n=Count("*"))
        .values_list("entry_type", "n")
        for model in LISTED_MODELS
    ]
    found = dict(counts[0].union(*counts[1:], all=True))
    return {model._meta.model_name: found.get(model._meta.model_name, 0) for model in LISTED_MODELS}


class HomeView(TemplateView):
    template_name = "relations/home.html"
    latest = 8

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            key_dates=Event.objects.published().filter(category=Event.Category.DIPLOMATIC)[: self.latest],
            latest_changes=latest_changes(self.latest),
            counts=figure(published_counts, "published-counts"),
            **kwargs,
        )
