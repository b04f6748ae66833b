"""
Dates known only to the decade, the year, the month or the day, and how they are known.

History is often known only as "1836" or "June 1838". A ``PartialDate`` keeps exactly
what is known and never invents the rest. It is stored as the ISO 8601 prefix of the date
("1836", "1838-06", "1826-05-02"), so that the database sorts and compares partial dates
chronologically as plain strings: a year sorts before any month or day within it, and
"any time in 1836" is everything from "1836" up to, but not including, "1837". A decade
is its first three digits ("199", the 1990s), which sorts before the years in it.

A date that no source states, but that the site derives, says so with a qualifier, stored
as one mark after the date and shown in words:

- ``~`` "c. 1998": derived from its context, about then;
- ``<`` "by 2022": derived from the date of the document that mentions it, so no later;
- ``>`` "2024 or later": derived from the latest event the document mentions, so no earlier.

The mark sorts after every finer date of the same period ("2022<" after "2022-12-31",
before "2023"), so sorting and year ranges work on derived dates as on stated ones. A
derived date's basis belongs in the editorial note of the entry that holds it.
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

DECADE = "decade"
YEAR = "year"
MONTH = "month"
DAY = "day"
PRECISIONS = (DECADE, YEAR, MONTH, DAY)
PRECISION_CHOICES = [(DECADE, _("decade")), (YEAR, _("year")), (MONTH, _("month")), (DAY, _("day"))]
PRECISION_LABELS = dict(PRECISION_CHOICES)

CIRCA = "circa"
BY = "by"
OR_LATER = "or-later"
QUALIFIER_MARKS = {CIRCA: "~", BY: "<", OR_LATER: ">"}
QUALIFIER_CHOICES = [
    (CIRCA, _("about then, derived from its context")),
    (BY, _("no later, derived from the date of the document that mentions it")),
    (OR_LATER, _("no earlier, derived from the latest event the document mentions")),
]
MARK_QUALIFIERS = {mark: qualifier for qualifier, mark in QUALIFIER_MARKS.items()}

STORED_PATTERN = re.compile(
    r"^(?:(?P<decade>\d{3})|(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?)(?P<mark>[~<>])?$",
    re.ASCII,
)
# What an editor may type: the stored form, or the words the site shows ("c. 1998",
# "by 2022-06", "1990s", "2024 or later").
WRITTEN_PATTERN = re.compile(
    r"^(?:(?P<circa>c\.|ca\.|circa)\s*|(?P<by>by)\s+)?"
    r"(?:(?P<decade>\d{3})0s|(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?))"
    r"(?:\s+(?P<later>or later))?$",
    re.ASCII | re.IGNORECASE,
)


def _invalid_format(text):
    return ValidationError(
        gettext(
            "“%(value)s” is not a date: write it as YYYY (1836), YYYY-MM (1838-06) or "
            "YYYY-MM-DD (1826-05-02); a decade as 1990s; a derived date as c. 1998, by 2022 "
            "or 2024 or later."
        )
        % {"value": text},
        code="invalid_format",
    )


@total_ordering
class PartialDate:
    """A calendar date known to the decade, year, month or day, stated or derived."""

    __slots__ = ("year", "month", "day", "decade", "qualifier")

    def __init__(self, year, month=None, day=None, *, decade=False, qualifier=None):
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
        if decade and (month is not None or year % 10):
            raise ValidationError(
                gettext("A decade is known by its first year alone, e.g. 1990 for the 1990s."),
                code="invalid_decade",
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
        if qualifier is not None and qualifier not in QUALIFIER_MARKS:
            raise ValidationError(
                gettext("“%(qualifier)s” is not a way a date is derived.") % {"qualifier": qualifier},
                code="invalid_qualifier",
            )
        self.year, self.month, self.day = year, month, day
        self.decade, self.qualifier = bool(decade), qualifier

    @classmethod
    def parse(cls, value, precision=None):
        """
        Return the PartialDate stored as "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYY" (a decade),
        with an optional qualifier mark, or written as the site shows it ("c. 1998").

        When ``precision`` is given, the value must be written to exactly that precision.
        """
        if isinstance(value, PartialDate):
            partial = value
        elif isinstance(value, datetime.date):
            partial = cls(value.year, value.month, value.day)
        else:
            partial = cls._from_text(str(value).strip())
        if precision is not None and precision != partial.precision:
            if precision not in PRECISIONS:
                raise ValidationError(
                    gettext("“%(precision)s” is not a precision: use decade, year, month or day.")
                    % {"precision": precision},
                    code="invalid_precision",
                )
            raise ValidationError(
                gettext("“%(value)s” is known to the %(actual)s, not to the %(precision)s.")
                % {
                    "value": partial.isoformat(),
                    "actual": PRECISION_LABELS[partial.precision],
                    "precision": PRECISION_LABELS[precision],
                },
                code="precision_mismatch",
            )
        return partial

    @classmethod
    def _from_text(cls, text):
        stored = STORED_PATTERN.match(text)
        if stored:
            qualifier = MARK_QUALIFIERS.get(stored.group("mark"))
            if stored.group("decade"):
                return cls(int(stored.group("decade")) * 10, decade=True, qualifier=qualifier)
            parts = [int(part) if part else None for part in stored.group("year", "month", "day")]
            return cls(*parts, qualifier=qualifier)
        written = WRITTEN_PATTERN.match(text)
        if not written or sum(bool(written.group(name)) for name in ("circa", "by", "later")) > 1:
            raise _invalid_format(text)
        qualifier = next(
            (q for name, q in [("circa", CIRCA), ("by", BY), ("later", OR_LATER)] if written.group(name)),
            None,
        )
        if written.group("decade"):
            return cls(int(written.group("decade")) * 10, decade=True, qualifier=qualifier)
        date = cls._from_text(written.group("date"))
        return cls(date.year, date.month, date.day, qualifier=qualifier)

    @property
    def precision(self):
        if self.decade:
            return DECADE
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return YEAR

    @property
    def is_derived(self):
        """True if no source states this date: the site derived it, and says how."""
        return self.qualifier is not None

    def stated(self):
        """The same date without its qualifier, as a source would state it."""
        return PartialDate(self.year, self.month, self.day, decade=self.decade)

    def isoformat(self):
        """
        The date itself, without its qualifier: "1836", "1838-06", "1826-05-02", or "199"
        for the 1990s. Except for a decade, it is the value of a ``<time datetime>`` attribute.
        """
        if self.decade:
            return f"{self.year // 10:03d}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def stored(self):
        """How the database and the fixtures hold the date: "1998~" for c. 1998."""
        return self.isoformat() + QUALIFIER_MARKS.get(self.qualifier, "")

    def earliest(self):
        """The first day this date may denote (for a derived date, the period it names)."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self):
        """The last day this date may denote (for a derived date, the period it names)."""
        if self.decade:
            return datetime.date(self.year + 9, 12, 31)
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def stated_text(self):
        """The date in words, without its qualifier: "1836", "June 1838", "2 May 1826", "1990s"."""
        if self.decade:
            # Translators: a decade, e.g. “1990s”; %(year)s is its first year.
            return gettext("%(year)ss") % {"year": self.year}
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

    def __str__(self):
        text = self.stated_text()
        if self.qualifier == CIRCA:
            # Translators: a date derived from its context, e.g. “c. 1998” (circa).
            return gettext("c. %(date)s") % {"date": text}
        if self.qualifier == BY:
            # Translators: a date no later than the document that mentions it, e.g. “by 2022”.
            return gettext("by %(date)s") % {"date": text}
        if self.qualifier == OR_LATER:
            # Translators: a date no earlier than the latest event its document mentions.
            return gettext("%(date)s or later") % {"date": text}
        return text

    def __repr__(self):
        return f"PartialDate({self.stored()!r})"

    def _key(self):
        # The stored form sorts as the database sorts it.
        return self.stored()

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
    if start.is_derived or end.is_derived or start.decade or end.decade:
        return str(start), str(end)
    same_year = start.year == end.year
    if same_year and start.precision == end.precision == DAY:
        if start.month == end.month:
            return str(start.day), str(end)
        # Translators: a day and month whose year follows later, e.g. "10 September" (– 16 October 1906).
        return gettext("%(day)s %(month)s") % {"day": start.day, "month": MONTHS[start.month]}, str(end)
    if same_year and start.precision == end.precision == MONTH:
        return str(MONTHS[start.month]), str(end)
    return str(start), str(end)


class PartialDateFormField(forms.CharField):
    """
    A date as an editor writes it: "1836", "1838-06", "1826-05-02", "1990s", and a derived
    date with the words the site shows: "c. 1998", "by 2022", "2024 or later".
    """

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)  # The value is a PartialDate, checked by to_python.
        kwargs.setdefault(
            "help_text",
            _(
                "YYYY, YYYY-MM or YYYY-MM-DD; 1990s for a decade. A date no source states: "
                "c. 1998, by 2022 or 2024 or later."
            ),
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", 24)
        self.widget.attrs.setdefault("placeholder", _("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.widget.attrs.setdefault("size", 14)

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return written(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if re.match(r"^\d{3}[~<>]?$", value.strip()):
            # Three digits are the stored form of a decade; typed, they are more likely a slip.
            raise ValidationError(
                gettext("Write a decade as 1990s, and a year with four digits."), code="invalid_format"
            )
        return PartialDate.parse(value)


WRITTEN_FORMS = {None: "{}", CIRCA: "c. {}", BY: "by {}", OR_LATER: "{} or later"}


def written(date):
    """A date as an editor writes it in a form: "1836", "c. 1998", "by 2022-06", "1990s"."""
    return WRITTEN_FORMS[date.qualifier].format(f"{date.isoformat()}0s" if date.decade else date.isoformat())


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
    A model field holding a PartialDate, stored as its ISO 8601 prefix and qualifier mark.

    Lookups accept PartialDate objects or strings ("1836", "1838-06"); range lookups on
    strings follow the calendar (see ``overlapping_years``).
    """

    description = _("Date known to the year, month or day")
    descriptor_class = PartialDateDescriptor

    # The longest stored value is a day with its qualifier mark: "2022-06-30<".
    stored_length = 12

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.stored_length)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == self.stored_length:
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
            return value.stored()
        if isinstance(value, datetime.date):
            return PartialDate.parse(value).stored()
        return super().get_prep_value(value) or None

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.stored() if value else None

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})
