"""
The filters of the public lists: one FilterSet per entry type, read from the query string.

The same FilterSets serve the HTML lists and, later, their downloads, so every rule about
what a filter matches lives here. Each FilterSet starts from the published entries only.
"""

import django_filters
from django import forms
from django.db.models import Min, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .limits import MAX_SEARCH_LENGTH, SEARCH_HELP, validate_search_words
from .models import Agreement, Appointment, Country, Envoy, Event, Mission, Source, Topic
from .partial_dates import overlapping_years

FIRST_YEAR, LAST_YEAR = 1, 9999


def capitalized(choices):
    """Choices as a form shows them: the model's lower-case labels with a capital."""
    return [(value, capfirst(label)) for value, label in choices]


class YearField(forms.IntegerField):
    # A year is typed, not stepped through: a text box with a numeric keyboard, no spinner.
    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="numeric", size=5, placeholder=_("YYYY"))


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class TextSearchFilter(django_filters.CharFilter):
    """
    Free text matched against several fields: every word must occur in one of them.

    "cooley chargé" finds James Cooley, chargé d'affaires, whatever the order of the words.
    """

    def __init__(self, *args, search_fields, **kwargs):
        kwargs.setdefault("label", _("Words"))
        kwargs.setdefault("lookup_expr", "icontains")
        # Each word is a condition on every field: the words are bounded, see relations.limits.
        kwargs.setdefault("max_length", MAX_SEARCH_LENGTH)
        kwargs.setdefault("validators", [validate_search_words])
        kwargs.setdefault("help_text", SEARCH_HELP)
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        for word in (value or "").split():
            qs = qs.filter(matching_any(self.search_fields, word, self.lookup_expr))
        return qs


def matching_any(fields, word, lookup_expr="icontains"):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__{lookup_expr}": word})
    return condition


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


class YearRangeForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        year_from, year_to = cleaned_data.get("year_from"), cleaned_data.get("year_to")
        if year_from is not None and year_to is not None and year_to < year_from:
            raise forms.ValidationError(
                _("The years are the wrong way round: %(to)s comes before %(from)s.")
                % {"to": year_to, "from": year_from},
                code="years_reversed",
            )
        return cleaned_data


class PublicFilterSet(django_filters.FilterSet):
    """
    A FilterSet of public entries: the published ones unless given another queryset,
    in the order of the first ``sort`` choice unless sorted otherwise.
    """

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
            if hasattr(queryset, "published"):
                queryset = queryset.published()
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
    q = TextSearchFilter(search_fields=["title", "summary", "body"])
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


def serving_during(year):
    """
    Return a Q object for appointments whose time in office overlaps ``year``.

    Time in office runs from the presentation of credentials (or, where that is not
    known, the appointment) to the end of mission; with no end of mission recorded the
    envoy is taken to be still in office. Nominees who never served are left out.
    """
    began = overlapping_years("credentials_presented", year_to=year) | (
        Q(credentials_presented__isnull=True) & overlapping_years("appointed", year_to=year)
    )
    not_yet_ended = overlapping_years("ended", year_from=year) | Q(ended__isnull=True)
    return began & not_yet_ended & Q(is_nominee_only=False)


class EnvoyFilter(PublicFilterSet):
    q = TextSearchFilter(search_fields=["name", "sort_name", "biography"])
    sending = django_filters.ModelChoiceFilter(
        label=_("Sent by"),
        field_name="sending_country",
        queryset=Country.objects.filter(envoys__isnull=False).distinct(),
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
            "start": (_("First appointed"), ["first_appointed", "sort_name", "slug"]),
            "-start": (_("Most recently appointed"), ["-first_appointed", "sort_name", "slug"]),
        }
    )

    class Meta:
        model = Envoy
        fields = ["q", "sending", "rank", "in_office", "sort"]

    def prepare(self, queryset):
        return queryset.annotate(first_appointed=Min("appointments__appointed"))

    def filter_rank(self, queryset, name, value):
        return queryset.filter(pk__in=Appointment.objects.filter(rank=value).values("envoy"))

    def filter_in_office(self, queryset, name, value):
        serving = Appointment.objects.filter(serving_during(value)).values("envoy")
        return queryset.filter(pk__in=serving)


class MissionFilter(PublicFilterSet):
    q = TextSearchFilter(search_fields=["name", "city", "summary"])
    country = django_filters.ModelChoiceFilter(
        label=_("Sent by"),
        field_name="sending_country",
        queryset=Country.objects.filter(missions_sent__isnull=False).distinct(),
        empty_label=_("Either country"),
    )
    host = django_filters.ModelChoiceFilter(
        label=_("Host country"),
        field_name="host_country",
        queryset=Country.objects.filter(missions_hosted__isnull=False).distinct(),
        empty_label=_("Either country"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=capitalized(Mission.Kind.choices), empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("open", _("Open today")), ("closed", _("Closed"))],
        empty_label=_("Open or closed"),
        method="filter_status",
    )
    sort = SortFilter(
        orderings={
            "name": (_("Name"), ["name", "slug"]),
            "opened": (_("Opened, oldest first"), ["opened", "name", "slug"]),
            "-opened": (_("Opened, newest first"), ["-opened", "name", "slug"]),
        }
    )

    class Meta:
        model = Mission
        fields = ["q", "country", "host", "kind", "status", "sort"]

    def filter_status(self, queryset, name, value):
        # A post is open today unless a closing date is recorded.
        return queryset.filter(closed__isnull=(value == "open"))


class AgreementFilter(YearRangeFilterSet):
    q = TextSearchFilter(search_fields=["title", "short_name", "summary"])
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
            "signed": (_("Signed, oldest first"), ["signed", "title", "slug"]),
            "-signed": (_("Signed, newest first"), ["-signed", "title", "slug"]),
            "title": (_("Title"), ["title", "slug"]),
        }
    )

    date_field, end_date_field = "signed", None

    class Meta:
        model = Agreement
        form = YearRangeForm
        fields = ["q", "kind", "status", "topic", "year_from", "year_to", "sort"]


class SourceFilter(PublicFilterSet):
    q = TextSearchFilter(search_fields=["title", "author", "publisher", "description"])
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=capitalized(Source.Kind.choices), empty_label=_("Any kind")
    )

    class Meta:
        model = Source
        fields = ["q", "kind"]


TIMELINE_TYPES = ["event", "appointment", "agreement", "mission"]


class TimelineForm(YearRangeForm):
    """The timeline's filters: a range of years and the types of entry to show."""

    year_from = YearField(label=_("From year"), required=False)
    year_to = YearField(label=_("To year"), required=False)
    type = forms.MultipleChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("event", _("Events")),
            ("appointment", _("Appointments")),
            ("agreement", _("Agreements signed")),
            ("mission", _("Missions opened and closed")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_type(self):
        # ?type=event&type=event shows the events once, however often it is repeated.
        return list(dict.fromkeys(self.cleaned_data["type"]))


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words to look for in titles, names and summaries"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        validators=[validate_search_words],
        help_text=SEARCH_HELP,
        widget=SearchInput,
    )
