"""
The plain forms of the public pages: years and year ranges, the timeline's filters and the
search box. The lists' own filters are FilterSets (see ``filters``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .limits import MAX_SEARCH_LENGTH, SEARCH_HELP, validate_search_words

FIRST_YEAR, LAST_YEAR = 1, 9999


class YearField(forms.IntegerField):
    # A year is typed, not stepped through: a text box with a numeric keyboard, no spinner.
    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="numeric", size=5, placeholder=_("YYYY"))


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

    # Which period of the timeline to show, by a year in it; set by the links between periods.
    period = forms.IntegerField(
        required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR, widget=forms.HiddenInput
    )


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
