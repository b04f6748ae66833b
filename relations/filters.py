"""
The filters of the public lists: one FilterSet per entry type, read from the query string.

The same FilterSets serve the HTML lists, the search and the downloads, so every rule about
what a filter matches lives here. Each FilterSet starts from the published entries only.
"""

import django_filters
from django.db.models import F, Min, OuterRef, Subquery
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .forms import YearField, YearRangeForm
from .limits import MAX_SEARCH_LENGTH, SEARCH_HELP, validate_search_words
from .models import Agreement, Appointment, Country, Envoy, Event, Mission, Source, Topic
from .models.search import plain
from .year_ranges import overlapping_years


def capitalized(choices):
    """Choices as a form shows them: the model's lower-case labels with a capital."""
    return [(value, capfirst(label)) for value, label in choices]


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class TextSearchFilter(django_filters.CharFilter):
    """
    Free text looked for in an entry's searchable text (see ``models.search``): every word
    must occur in it, in either language, whatever its accents and case.

    "cooley chargé" finds James Cooley, chargé d'affaires, whatever the order of the words,
    and "belaunde peru" finds Belaúnde in Perú.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Words"))
        kwargs.setdefault("field_name", "search_text")
        # Each word is one more condition: the words are bounded, see relations.limits.
        kwargs.setdefault("max_length", MAX_SEARCH_LENGTH)
        kwargs.setdefault("validators", [validate_search_words])
        kwargs.setdefault("help_text", SEARCH_HELP)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        for word in plain(value or "").split():
            qs = qs.filter(**{f"{self.field_name}__contains": word})
        return qs


def undated_last(field, descending=False):
    """An ordering by the date ``field`` that puts rows without a date last, either way."""
    expression = F(field)
    return expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)


class SortFilter(django_filters.ChoiceFilter):
    """A choice of orderings: each choice value maps to the fields to order by."""

    def __init__(self, *args, orderings, **kwargs):
        self.orderings = orderings
        kwargs.setdefault("label", _("Sort by"))
        kwargs.setdefault("empty_label", None)
        kwargs["choices"] = [(value, label) for value, (label, _fields) in orderings.items()]
        self.default_ordering = next(iter(orderings.values()))[1]
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*self.orderings[value][1])


class PublicFilterSet(django_filters.FilterSet):
    """
    A FilterSet of public entries: the published ones, with what their list shows, unless
    given another queryset; in the order of the first ``sort`` choice unless sorted otherwise.
    """

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = self._meta.model.objects.listed()
        queryset = self.prepare(queryset)
        sort = self.base_filters.get("sort")
        if sort is not None:
            queryset = queryset.order_by(*sort.default_ordering)
        super().__init__(data, queryset, **kwargs)

    def prepare(self, queryset):
        """Return ``queryset`` with what the filters and orderings need added to it."""
        return queryset


class YearRangeFilterSet(PublicFilterSet):
    """
    A FilterSet with ``year_from`` and ``year_to``: entries whose date, or span, overlaps them.

    Each bound narrows the list on its own, so either may be given without the other.
    """

    year_from = YearFilter(label=_("From year"), method="filter_year_from")
    year_to = YearFilter(label=_("To year"), method="filter_year_to")

    date_field = None
    end_date_field = None

    def filter_year_from(self, queryset, name, value):
        return queryset.filter(overlapping_years(self.date_field, self.end_date_field, year_from=value))

    def filter_year_to(self, queryset, name, value):
        return queryset.filter(overlapping_years(self.date_field, self.end_date_field, year_to=value))


class EventFilter(YearRangeFilterSet):
    q = TextSearchFilter()
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=capitalized(Event.Category.choices), empty_label=_("Any category")
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topics", queryset=Topic.objects.all(), empty_label=_("Any topic")
    )
    sort = SortFilter(
        orderings={
            "date": (_("Date, oldest first"), ["date", "title", "slug"]),
            "-date": (_("Date, newest first"), ["-date", "title", "slug"]),
            "title": (_("Title"), ["title", "slug"]),
        }
    )

    date_field, end_date_field = "date", "end_date"

    class Meta:
        model = Event
        form = YearRangeForm
        fields = ["q", "category", "topic", "year_from", "year_to", "sort"]


class EnvoyFilter(PublicFilterSet):
    q = TextSearchFilter()
    sending = django_filters.ModelChoiceFilter(
        label=_("Sent by"),
        field_name="sending_country",
        queryset=Country.objects.named_by(Envoy.objects.all(), "sending_country"),
        empty_label=_("Either country"),
    )
    rank = django_filters.ChoiceFilter(
        label=_("Rank"),
        choices=capitalized(Appointment.Rank.choices),
        empty_label=_("Any rank"),
        method="filter_rank",
    )
    in_office = YearFilter(label=_("In office during"), method="filter_in_office")
    sort = SortFilter(
        orderings={
            "name": (_("Name"), ["sort_name", "slug"]),
            "start": (_("First appointed"), [undated_last("first_appointed"), "sort_name", "slug"]),
            "-start": (
                _("Most recently appointed"),
                [undated_last("first_appointed", descending=True), "sort_name", "slug"],
            ),
        }
    )

    class Meta:
        model = Envoy
        fields = ["q", "sending", "rank", "in_office", "sort"]

    def prepare(self, queryset):
        # A subquery for each envoy shown, not a join grouped over every envoy: a page of the
        # list sorted by name reads the appointments of its own envoys alone.
        first = (
            Appointment.objects.filter(envoy=OuterRef("pk"))
            .order_by()
            .values("envoy")
            .annotate(first=Min("appointed"))
            .values("first")
        )
        return queryset.annotate(first_appointed=Subquery(first))

    def filter_rank(self, queryset, name, value):
        return queryset.filter(pk__in=Appointment.objects.filter(rank=value).values("envoy"))

    def filter_in_office(self, queryset, name, value):
        return queryset.filter(pk__in=Appointment.objects.serving_during(value).values("envoy"))


class MissionFilter(PublicFilterSet):
    q = TextSearchFilter()
    country = django_filters.ModelChoiceFilter(
        label=_("Sent by"),
        field_name="sending_country",
        queryset=Country.objects.named_by(Mission.objects.all(), "sending_country"),
        empty_label=_("Either country"),
    )
    host = django_filters.ModelChoiceFilter(
        label=_("Host country"),
        field_name="host_country",
        queryset=Country.objects.named_by(Mission.objects.all(), "host_country"),
        empty_label=_("Either country"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=capitalized(Mission.Kind.choices), empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            ("open", pgettext_lazy("mission status", "Open")),
            ("closed", pgettext_lazy("mission status", "Closed")),
            ("unrecorded", _("No closing recorded")),
        ],
        empty_label=_("Any status"),
        method="filter_status",
    )
    sort = SortFilter(
        orderings={
            "name": (_("Name"), ["name", "slug"]),
            "opened": (_("Opened, oldest first"), [undated_last("opened"), "name", "slug"]),
            "-opened": (_("Opened, newest first"), [undated_last("opened", descending=True), "name", "slug"]),
        }
    )

    class Meta:
        model = Mission
        fields = ["q", "country", "host", "kind", "status", "sort"]

    def filter_status(self, queryset, name, value):
        by_status = {
            "open": queryset.open_now,
            "closed": queryset.closed,
            "unrecorded": queryset.closing_not_recorded,
        }
        return by_status[value]()


class AgreementFilter(YearRangeFilterSet):
    q = TextSearchFilter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=capitalized(Agreement.Kind.choices), empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="agreement_status",
        choices=capitalized(Agreement.AgreementStatus.choices),
        empty_label=_("Any status"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topics", queryset=Topic.objects.all(), empty_label=_("Any topic")
    )
    sort = SortFilter(
        orderings={
            "signed": (_("Signed, oldest first"), [undated_last("signed"), "title", "slug"]),
            "-signed": (
                _("Signed, newest first"),
                [undated_last("signed", descending=True), "title", "slug"],
            ),
            "title": (_("Title"), ["title", "slug"]),
        }
    )

    date_field, end_date_field = "signed", None

    class Meta:
        model = Agreement
        form = YearRangeForm
        fields = ["q", "kind", "status", "topic", "year_from", "year_to", "sort"]


class SourceFilter(PublicFilterSet):
    q = TextSearchFilter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=capitalized(Source.Kind.choices), empty_label=_("Any kind")
    )

    class Meta:
        model = Source
        fields = ["q", "kind"]


#: The FilterSet of each listed model's list page, by model.
FILTERSETS = {
    filterset._meta.model: filterset
    for filterset in (EventFilter, EnvoyFilter, MissionFilter, AgreementFilter, SourceFilter)
}
