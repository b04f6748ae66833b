"""
What the downloads hold: the columns of each list's CSV and the keys of its JSON, each with
what it means, listed once for the downloads and for the page that documents them.

Dates are written as ISO 8601 to the precision known ("1838", "1838-06", "1826-05-02"; a
decade as its first three digits, "199"), with the precision named beside them and, for a
date no source states, how the site derived it. Codes of choices are written as stored; the
documentation page lists their labels.
"""

from dataclasses import dataclass, field, replace

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Appointment, Citation, Envoy, Event, Mission, Ratification, Source
from .partial_dates import PRECISION_CHOICES, QUALIFIER_CHOICES

PLAIN, DATE, LIST, NESTED = "plain", "date", "list", "nested"

# How a list of values is written in one CSV cell.
LIST_SEPARATOR = "; "


@dataclass
class Column:
    """One column of a download: its name, what it means, and how its value is read from an entry."""

    name: str
    description: str
    value: object  # a function of (entry, site), site being the site's address, "https://host"
    kind: str = PLAIN
    choices: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # the keys of each item of a NESTED column

    @property
    def in_csv(self):
        return self.kind != NESTED

    def renamed(self, name):
        return replace(self, name=name)


def attribute(name):
    return lambda obj, site: getattr(obj, name)


def model_field(model, name, description=None, **kwargs):
    """A column holding the field ``name`` of ``model`` as stored, with its choices if it has any."""
    model_field = model._meta.get_field(name)
    if description is None:
        description = model_field.help_text or model_field.verbose_name
    choices = [(code, label) for code, label in model_field.choices or [] if code]
    return Column(name, description, attribute(name), choices=choices, **kwargs)


def date(model, name, description=None):
    return model_field(model, name, description, kind=DATE)


def date_value(date):
    """A partial date as the JSON download holds it, or None."""
    if date is None:
        return None
    return {"value": date.isoformat(), "precision": date.precision, "derived": date.qualifier}


def date_cells(date):
    """A partial date as the CSV download holds it: the date, its precision, how it was derived."""
    if date is None:
        return ["", "", ""]
    return [date.isoformat(), date.precision, date.qualifier or ""]


def public_slugs(name):
    """The slugs of the published entries (or the topics, countries) that ``name`` relates the entry to."""

    def value(obj, site):
        related = getattr(obj, name).all()
        return sorted(str(item.pk) for item in related if getattr(item, "is_published", lambda: True)())

    return value


def public_slug(name):
    """The slug of the entry ``name`` points to, if the public may see it."""

    def value(obj, site):
        related = getattr(obj, name)
        return related.pk if related is not None and related.is_published() else ""

    return value


def page_url(obj, site):
    return site + obj.get_absolute_url()


def citation_items(obj, site):
    return [
        {
            "note": citation.position,
            "source": citation.source_id,
            "source_title": citation.source.title,
            "locator": citation.locator,
            "quotation": citation.quotation,
            "claim": citation.claim,
            "value": citation.value,
            "current": citation.current,
        }
        for citation in sorted(obj.citations.all(), key=lambda citation: citation.position)
    ]


CITATION_KEYS = [
    Column("note", _("The note number of the citation on the entry's page."), None),
    Column("source", _("The slug of the source cited: its page is /sources/<slug>/."), None),
    Column("source_title", _("The title of the source."), None),
    Column("locator", _("Where in the source: page, section, paragraph or record id."), None),
    Column("quotation", _("The source's own words that support the entry."), None),
    Column("claim", _("The field the citation supports; empty for the entry as a whole."), None),
    Column("value", _("What the source gives for the claim, where it differs or may differ."), None),
    Column("current", _("True if the source gives it as true when it was written (“the current …”)."), None),
]


def citations_column():
    return Column(
        "citations",
        _("The citations of the entry, each with its source, locator and quotation (JSON only)."),
        citation_items,
        kind=NESTED,
        columns=CITATION_KEYS,
    )


def cited_sources(obj, site):
    return sorted({citation.source_id for citation in obj.citations.all()})


def entry_columns(model):
    """What every entry's download begins and ends with."""
    return (
        [
            Column(
                "slug", _("The entry's stable identifier, the last part of its address."), attribute("pk")
            ),
            Column("url", _("The entry's page on this site."), page_url),
        ],
        [
            model_field(model, "editorial_note", _("Why the site prefers a value where sources differ.")),
            Column(
                "last_changed",
                _("When the entry's content last changed (ISO 8601, UTC)."),
                lambda obj, site: obj.last_changed.isoformat(),
            ),
            Column(
                "sources",
                _("The slugs of the sources cited (in CSV, separated by “; ”)."),
                cited_sources,
                kind=LIST,
            ),
            citations_column(),
        ],
    )


def with_entry_columns(model, columns):
    first, last = entry_columns(model)
    return [*first, *columns, *last]


def appointment_items(envoy, site):
    return [
        {column.name: json_value(column, appointment, site) for column in APPOINTMENT_KEYS}
        for appointment in envoy.appointments.all()
    ]


def ratification_items(agreement, site):
    return [
        {column.name: json_value(column, ratification, site) for column in RATIFICATION_KEYS}
        for ratification in agreement.ratifications.all()
    ]


APPOINTMENT_KEYS = [
    Column("slug", _("The appointment's identifier; the envoy's page has it as an anchor."), attribute("pk")),
    Column("mission", _("The slug of the post."), public_slug("mission")),
    model_field(Appointment, "rank"),
    date(Appointment, "appointed"),
    model_field(Appointment, "appointed_note", _("The source's qualifier of the appointment.")),
    date(Appointment, "arrived"),
    model_field(Appointment, "arrived_note", _("The source's qualifier of the arrival.")),
    date(Appointment, "credentials_presented"),
    model_field(Appointment, "credentials_note"),
    date(Appointment, "ended", _("The end of mission.")),
    model_field(Appointment, "ended_note"),
    model_field(Appointment, "outcome", _("How the mission ended.")),
    model_field(
        Appointment, "is_nominee_only", _("True for a nominee who never took up or completed the mission.")
    ),
    model_field(Appointment, "note"),
    model_field(Appointment, "editorial_note", _("Why the site prefers a date where sources differ.")),
    citations_column(),
]

RATIFICATION_KEYS = [
    Column("country", _("The code of the party that ratified it."), attribute("country_id")),
    date(Ratification, "date"),
    model_field(Ratification, "body", _("Who ratified or approved it.")),
    model_field(Ratification, "editorial_note"),
]


COLUMNS = {
    Event: with_entry_columns(
        Event,
        [
            model_field(Event, "title"),
            model_field(Event, "title_es"),
            date(Event, "date"),
            date(Event, "end_date"),
            model_field(Event, "category"),
            Column("topics", _("The slugs of its topics."), public_slugs("topics"), kind=LIST),
            model_field(Event, "summary"),
            model_field(Event, "summary_es"),
            model_field(Event, "body"),
            Column("envoys", _("The slugs of the envoys it involves."), public_slugs("envoys"), kind=LIST),
            Column(
                "missions", _("The slugs of the missions it involves."), public_slugs("missions"), kind=LIST
            ),
            Column(
                "agreements",
                _("The slugs of the agreements it involves."),
                public_slugs("agreements"),
                kind=LIST,
            ),
        ],
    ),
    Envoy: with_entry_columns(
        Envoy,
        [
            model_field(Envoy, "name"),
            model_field(Envoy, "sort_name"),
            Column(
                "sending_country",
                _("The code of the country that sent the envoy."),
                attribute("sending_country_id"),
            ),
            model_field(Envoy, "birth_year", _("Year of birth.")),
            model_field(Envoy, "death_year", _("Year of death.")),
            model_field(Envoy, "career_status"),
            model_field(Envoy, "residence"),
            model_field(Envoy, "biography"),
            model_field(Envoy, "external_url"),
            Column(
                "appointments",
                _("The envoy's appointments, each with its dates and citations (JSON only)."),
                appointment_items,
                kind=NESTED,
                columns=APPOINTMENT_KEYS,
            ),
        ],
    ),
    Mission: with_entry_columns(
        Mission,
        [
            model_field(Mission, "name"),
            model_field(Mission, "name_es"),
            model_field(Mission, "kind"),
            Column("sending_country", _("The code of the sending country."), attribute("sending_country_id")),
            Column("host_country", _("The code of the host country."), attribute("host_country_id")),
            model_field(Mission, "city"),
            model_field(Mission, "address"),
            Column("latitude", _("Latitude, in decimal degrees."), lambda obj, site: decimal(obj.latitude)),
            Column(
                "longitude", _("Longitude, in decimal degrees."), lambda obj, site: decimal(obj.longitude)
            ),
            date(Mission, "opened"),
            date(Mission, "closed"),
            Column("predecessor", _("The slug of the post it grew from."), public_slug("predecessor")),
            model_field(Mission, "summary"),
            model_field(Mission, "summary_es"),
        ],
    ),
    Agreement: with_entry_columns(
        Agreement,
        [
            model_field(Agreement, "title"),
            model_field(Agreement, "title_es"),
            model_field(Agreement, "short_name"),
            model_field(Agreement, "kind"),
            Column("parties", _("The codes of its parties."), public_slugs("parties"), kind=LIST),
            date(Agreement, "signed"),
            model_field(Agreement, "place_signed"),
            date(Agreement, "in_force", _("When it entered into force.")),
            date(Agreement, "ended"),
            model_field(Agreement, "agreement_status", _("Its status.")),
            model_field(Agreement, "summary"),
            model_field(Agreement, "summary_es"),
            model_field(Agreement, "text_url", _("The address of its text.")),
            Column("amends", _("The slug of the agreement it amends or supersedes."), public_slug("amends")),
            Column("topics", _("The slugs of its topics."), public_slugs("topics"), kind=LIST),
            Column(
                "ratifications",
                _("Each party's ratification, with its date (JSON only)."),
                ratification_items,
                kind=NESTED,
                columns=RATIFICATION_KEYS,
            ),
        ],
    ),
    Source: [
        Column("slug", _("The source's stable identifier, the last part of its address."), attribute("pk")),
        Column("url", _("The source's page on this site, with every entry that cites it."), page_url),
        model_field(Source, "title"),
        model_field(Source, "author"),
        model_field(Source, "publisher"),
        model_field(Source, "kind"),
        model_field(Source, "url", _("The source's own address.")).renamed("source_url"),
        model_field(Source, "archive_url"),
        date(Source, "published_on", _("When the source was published.")),
        Column(
            "accessed_on",
            _("When the source was read (ISO 8601)."),
            lambda obj, site: obj.accessed_on.isoformat() if obj.accessed_on else None,
        ),
        model_field(Source, "language", _("The source's language (a language code).")),
        model_field(Source, "description"),
    ],
}


def decimal(value):
    return float(value) if value is not None else None


def json_value(column, obj, site):
    value = column.value(obj, site)
    if column.kind == DATE:
        return date_value(value)
    return value


def csv_header(columns):
    names = []
    for column in columns:
        if column.kind == DATE:
            names.extend([column.name, f"{column.name}_precision", f"{column.name}_derived"])
        elif column.in_csv:
            names.append(column.name)
    return names


def csv_cells(columns, obj, site):
    cells = []
    for column in columns:
        if not column.in_csv:
            continue
        value = column.value(obj, site)
        if column.kind == DATE:
            cells.extend(date_cells(value))
        elif column.kind == LIST:
            cells.append(LIST_SEPARATOR.join(value))
        elif value is None:
            cells.append("")
        else:
            cells.append(value)
    return cells


def prefetched(model, queryset):
    """``queryset`` with everything its download reads fetched with each chunk of rows."""
    citations = Prefetch("citations", Citation.objects.select_related("source"))
    queryset = queryset.prefetch_related(None)
    if model is Source:
        return queryset
    queryset = queryset.prefetch_related(citations)
    if model is Event:
        related = [("envoys", Envoy), ("missions", Mission), ("agreements", Agreement)]
        published = [Prefetch(name, model.objects.published()) for name, model in related]
        return queryset.prefetch_related("topics", *published)
    if model is Envoy:
        appointments = Appointment.objects.select_related("mission").prefetch_related(citations)
        return queryset.prefetch_related(Prefetch("appointments", appointments))
    if model is Mission:
        return queryset.select_related("predecessor")
    return queryset.select_related("amends").prefetch_related("parties", "topics", "ratifications")


#: What each precision and derivation of a date is called in the downloads.
DATE_TERMS = {"precision": PRECISION_CHOICES, "derived": QUALIFIER_CHOICES}
