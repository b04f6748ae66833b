"""
Dates known only to the year, the month or the day.

History is often known only as "1836" or "June 1838". A ``PartialDate`` keeps exactly
what is known and never invents the rest. It is stored as the ISO 8601 prefix of the date
("1836", "1838-06", "1826-05-02"), so that the database sorts and compares partial dates
chronologically as plain strings: a year sorts before any month or day within it, and
"any time in 1836" is everything from "1836" up to, but not including, "1837".
"""

import calendar
import datetime
import re
from functools import total_ordering

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

YEAR = "year"
MONTH = "month"
DAY = "day"
PRECISIONS = (YEAR, MONTH, DAY)
PRECISION_CHOICES = [(YEAR, _("year")), (MONTH, _("month")), (DAY, _("day"))]

ISO_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$", re.ASCII)


@total_ordering
class PartialDate:
    """A calendar date known to the year, the month, or the day."""

    __slots__ = ("year", "month", "day")

    def __init__(self, year, month=None, day=None):
        if day is not None and month is None:
            raise ValidationError(
                gettext("A day needs a month: give the month too, or leave the day out."),
                code="day_without_month",
            )
        if not 1 <= year <= 9999:
            raise ValidationError(
                gettext("%(year)s is not a year between 1 and 9999.") % {"year": year},
                code="invalid_year",
            )
        if month is not None and not 1 <= month <= 12:
            raise ValidationError(
                gettext("%(month)s is not a month: months run from 01 to 12.") % {"month": month},
                code="invalid_month",
            )
        if day is not None:
            days_in_month = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days_in_month:
                raise ValidationError(
                    gettext("%(month)s %(year)s has no day %(day)s: it has %(days)s days.")
                    % {"month": MONTHS[month], "year": year, "day": day, "days": days_in_month},
                    code="invalid_day",
                )
        self.year, self.month, self.day = year, month, day

    @classmethod
    def parse(cls, value, precision=None):
        """
        Return the PartialDate written as "YYYY", "YYYY-MM" or "YYYY-MM-DD".

        When ``precision`` is given, the value must be written to exactly that precision.
        """
        if isinstance(value, PartialDate):
            partial = value
        elif isinstance(value, datetime.date):
            partial = cls(value.year, value.month, value.day)
        else:
            text = str(value).strip()
            match = ISO_PATTERN.match(text)
            if not match:
                raise ValidationError(
                    gettext(
                        "“%(value)s” is not a date: write it as YYYY (1836), "
                        "YYYY-MM (1838-06) or YYYY-MM-DD (1826-05-02)."
                    )
                    % {"value": text},
                    code="invalid_format",
                )
            parts = [int(part) if part else None for part in match.group("year", "month", "day")]
            partial = cls(*parts)
        if precision is not None and precision != partial.precision:
            if precision not in PRECISIONS:
                raise ValidationError(
                    gettext("“%(precision)s” is not a precision: use year, month or day.")
                    % {"precision": precision},
                    code="invalid_precision",
                )
            raise ValidationError(
                gettext("“%(value)s” is known to the %(actual)s, not to the %(precision)s.")
                % {
                    "value": partial.isoformat(),
                    "actual": partial.precision,
                    "precision": precision,
                },
                code="precision_mismatch",
            )
        return partial

    @property
    def precision(self):
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return YEAR

    def isoformat(self):
        """The value of a ``<time datetime>`` attribute: "1836", "1838-06", "1826-05-02"."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def earliest(self):
        """The first day this date may denote."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self):
        """The last day this date may denote."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def __str__(self):
        values = {"year": self.year}
        if self.precision == YEAR:
            return str(self.year)
        values["month"] = MONTHS[self.month]
        if self.precision == MONTH:
            # Translators: a month and year, e.g. "June 1838".
            return gettext("%(month)s %(year)s") % values
        values["day"] = self.day
        # Translators: a full date, e.g. "2 May 1826".
        return gettext("%(day)s %(month)s %(year)s") % values

    def __repr__(self):
        return f"PartialDate({self.isoformat()!r})"

    def _key(self):
        return (self.year, self.month or 0, self.day or 0)

    def __eq__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())


def range_texts(start, end):
    """
    Return how a span from ``start`` to ``end`` reads, without repeating what both share:
    ("10", "16 September 1906"), ("10 September", "16 October 1906"), ("1879", "1883").
    """
    same_year = start.year == end.year
    if same_year and start.precision == end.precision == DAY:
        if start.month == end.month:
            return str(start.day), str(end)
        # Translators: a day and month whose year follows later, e.g. "10 September" (– 16 October 1906).
        return gettext("%(day)s %(month)s") % {"day": start.day, "month": MONTHS[start.month]}, str(end)
    if same_year and start.precision == end.precision == MONTH:
        return str(MONTHS[start.month]), str(end)
    return str(start), str(end)


def year_bounds(year_from=None, year_to=None):
    """
    Return the (lowest, highest-exclusive) stored strings of a range of whole years.

    Stored partial dates compare as strings, so "in 1836 or later" is ``>= "1836"`` and
    "in 1840 or earlier" is ``< "1841"``: a year-only date counts as the whole year.
    """
    low = f"{year_from:04d}" if year_from is not None else None
    # Nothing comes after 9999 that four digits can write: through 9999 has no upper bound.
    high = f"{year_to + 1:04d}" if year_to is not None and year_to < 9999 else None
    return low, high


def overlapping_years(start_field, end_field=None, year_from=None, year_to=None):
    """
    Return a Q object for entries whose date, or span, overlaps the years given.

    An entry with no end date is taken to last its start date's whole extent.
    """
    low, high = year_bounds(year_from, year_to)
    condition = models.Q()
    if high is not None:
        condition &= models.Q(**{f"{start_field}__lt": high})
    if low is not None:
        starts_in_range = models.Q(**{f"{start_field}__gte": low})
        if end_field:
            condition &= models.Q(**{f"{end_field}__gte": low}) | (
                models.Q(**{f"{end_field}__isnull": True}) & starts_in_range
            )
        else:
            condition &= starts_in_range
    return condition


class PartialDateFormField(forms.CharField):
    default_error_messages = {"invalid": _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")}

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)  # The value is a PartialDate, checked by to_python.
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", 10)
        self.widget.attrs.setdefault("placeholder", _("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.widget.attrs.setdefault("size", 12)

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return value.isoformat()
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return PartialDate.parse(value)


class PartialDateDescriptor(DeferredAttribute):
    """Turn strings assigned to the field into PartialDates, as soon as they are assigned."""

    def __set__(self, instance, value):
        if isinstance(value, str | datetime.date) and value != "":
            try:
                value = PartialDate.parse(value)
            except ValidationError:
                pass  # Kept as given, for full_clean() to report on the field.
        instance.__dict__[self.field.attname] = value or None


class PartialDateField(models.Field):
    """
    A model field holding a PartialDate, stored as its ISO 8601 prefix.

    Lookups accept PartialDate objects or strings ("1836", "1838-06"); range lookups on
    strings follow the calendar (see ``overlapping_years``).
    """

    description = _("Date known to the year, month or day")
    descriptor_class = PartialDateDescriptor

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def get_internal_type(self):
        return "CharField"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return None
        return PartialDate.parse(value)

    def to_python(self, value):
        if value is None or value == "" or isinstance(value, PartialDate):
            return value or None
        return PartialDate.parse(value)

    def get_prep_value(self, value):
        if isinstance(value, PartialDate):
            return value.isoformat()
        if isinstance(value, datetime.date):
            return PartialDate.parse(value).isoformat()
        return super().get_prep_value(value) or None

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else None

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})
