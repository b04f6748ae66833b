"""
Downloads: every list's current filter as CSV and JSON (``/events.csv?category=visit``), and
the whole published record as one JSON file (``/dataset.json``).

A download reads the same FilterSet as its list page, so it holds exactly the rows the page
counts, every one of them, not one page. It is streamed: rows are read from the database a
chunk at a time, with what they need fetched for each chunk, and written out as they come, so
memory does not grow with the record. Filters that cannot be read are answered with the
form's messages and HTTP 400.
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from . import columns, figures, filters
from .citing import site_of
from .models import ENTRY_MODELS, LISTED_MODELS, Country, Source, Topic
from .serving import cache_public_page

CHUNK_SIZE = 500
FORMATS = ("csv", "json")


def list_name(model):
    """The name of a list in addresses and files: "events", "sources"."""
    return model._meta.model_name + "s"


def download_links(model, query):
    """The downloads of the list of ``model`` with the filters in ``query`` (a QueryDict): {format: url}."""
    query = query.copy() if query else None
    if query:
        query.pop("page", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return {fmt: reverse(f"shared:{model._meta.model_name}-{fmt}") + suffix for fmt in FORMATS}


def rows(queryset):
    """Each row of ``queryset``, read a chunk at a time with its prefetches done for each chunk."""
    yield from queryset.iterator(chunk_size=CHUNK_SIZE)


class Echo:
    """A file-like object that hands back what is written, for a csv.writer that streams."""

    def write(self, value):
        return value


def csv_lines(model, queryset, site):
    table = columns.COLUMNS[model]
    writer = csv.writer(Echo())
    yield writer.writerow(columns.csv_header(table))
    for obj in rows(queryset):
        yield writer.writerow(columns.csv_cells(table, obj, site))


def to_json(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def json_items(model, queryset, site):
    """The JSON of each row of ``queryset``, separated by commas, a row at a time."""
    table = columns.COLUMNS[model]
    separator = ""
    for obj in rows(queryset):
        yield separator + to_json({column.name: columns.json_value(column, obj, site) for column in table})
        separator = ",\n"


def json_document(header, parts):
    """
    A JSON object written as it is produced: ``header`` first, then each (key, strings of
    items) of ``parts`` as an array.
    """
    yield to_json(header)[:-1]
    for key, items in parts:
        yield f",\n{to_json(key)}: [\n"
        yield from items
        yield "\n]"
    yield "}\n"


def applied_filters(filterset, query):
    """The filters that ``query`` gives a value, with their values: {"category": ["visit"]}."""
    applied = {}
    for name in filterset.form.fields:
        values = [value for value in query.getlist(name) if value]
        if values:
            applied[name] = values
    return applied


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ListDownloadView(View):
    """A list's current filter, all matching rows, as CSV or JSON."""

    model = None
    format = "csv"

    def get(self, request):
        filterset = filters.FILTERSETS[self.model](request.GET or None)
        if filterset.is_bound and not filterset.is_valid():
            return self.invalid(filterset)
        queryset = columns.prefetched(self.model, filterset.qs)
        site = site_of(request)
        name = list_name(self.model)
        if self.format == "csv":
            response = StreamingHttpResponse(csv_lines(self.model, queryset, site), content_type="text/csv")
        else:
            header = {
                "list": name,
                "url": site + reverse(f"relations:{self.model._meta.model_name}-list"),
                "filters": applied_filters(filterset, request.GET),
                "count": figures.count(filterset.qs),
                "documentation": site + reverse("relations:about-data"),
            }
            parts = [("results", json_items(self.model, queryset, site))]
            response = StreamingHttpResponse(json_document(header, parts), content_type="application/json")
        return attachment(response, f"{name}.{self.format}")

    def invalid(self, filterset):
        """The form's messages, in the format asked for, with HTTP 400."""
        errors = filterset.form.errors
        if self.format == "json":
            return JsonResponse({"errors": errors.get_json_data()}, status=400)
        lines = ["The filters could not be read:"]
        for name, messages in errors.items():
            field = filterset.form.fields.get(name)
            lines.extend(f"{field.label}: {message}" if field else message for message in messages)
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8", status=400)


class DatasetView(View):
    """Every published entry with its citations, every source, topic and country, in one JSON file."""

    def get(self, request):
        site = site_of(request)
        header = {
            "title": "Peru–United States relations",
            "url": site + reverse("relations:home"),
            "documentation": site + reverse("relations:about-data"),
            "countries": [
                {
                    "code": country.code,
                    "name": country.name,
                    "name_es": country.name_es,
                    "iso_code": country.iso_code,
                }
                for country in Country.objects.all()
            ],
            "topics": [
                {"slug": topic.slug, "name": topic.name, "name_es": topic.name_es}
                for topic in Topic.objects.all()
            ],
        }
        parts = [
            (list_name(model), json_items(model, columns.prefetched(model, model.objects.listed()), site))
            for model in [Source, *ENTRY_MODELS]
        ]
        response = StreamingHttpResponse(json_document(header, parts), content_type="application/json")
        return attachment(response, "dataset.json")


class AboutDataView(TemplateView):
    """What every download holds, column by column, and on what terms it may be reused."""

    template_name = "relations/about_data.html"

    def get_context_data(self, **kwargs):
        lists = [
            {
                "name": list_name(model),
                "label": model._meta.verbose_name_plural,
                "list_url": reverse(f"relations:{model._meta.model_name}-list"),
                "downloads": download_links(model, {}),
                "columns": columns.COLUMNS[model],
            }
            for model in LISTED_MODELS
        ]
        return super().get_context_data(
            lists=lists,
            date_terms=columns.DATE_TERMS,
            list_separator=columns.LIST_SEPARATOR,
            page_title=_("The data and its licence"),
            **kwargs,
        )


def urlpatterns():
    """The addresses of the downloads: /events.csv, /events.json, ... and /dataset.json."""
    patterns = [
        path(
            f"{list_name(model)}.{fmt}",
            cache_public_page(ListDownloadView.as_view(model=model, format=fmt)),
            name=f"{model._meta.model_name}-{fmt}",
        )
        for model in LISTED_MODELS
        for fmt in FORMATS
    ]
    return [*patterns, path("dataset.json", cache_public_page(DatasetView.as_view()), name="dataset")]
