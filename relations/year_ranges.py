"""
Ranges of whole years over partial dates, as database conditions.

Partial dates are stored as strings that sort chronologically (see ``partial_dates``), so
a range of years is a pair of string bounds: "in 1836 or later" is ``>= "1836"`` and "in
1840 or earlier" is ``< "1841"``, and a date known only to the year counts as that whole
year. A decade ("199") sorts before its years, and is matched by its own value where a
bound falls inside it.
"""

from django.db import models


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


def not_before(field, low):
    """
    A Q object for dates in the year ``low`` or later. A decade sorts before its years, so
    the decade that holds ``low`` is matched by its own stored value.
    """
    return models.Q(**{f"{field}__gte": low}) | models.Q(**{field: low[:3]})


def before(field, high):
    """
    A Q object for dates that begin before the year ``high``. A decade sorts before its
    years, so the one that begins in ``high`` ("199" for 1990) is left out by its own value.
    """
    condition = models.Q(**{f"{field}__lt": high})
    if high.endswith("0"):
        condition &= ~models.Q(**{field: high[:3]})
    return condition


def overlapping_years(start_field, end_field=None, year_from=None, year_to=None):
    """
    Return a Q object for entries whose date, or span, overlaps the years given.

    An entry with no end date is taken to last its start date's whole extent.
    """
    low, high = year_bounds(year_from, year_to)
    condition = models.Q()
    if high is not None:
        condition &= before(start_field, high)
    if low is not None:
        starts_in_range = not_before(start_field, low)
        if end_field:
            condition &= not_before(end_field, low) | (
                models.Q(**{f"{end_field}__isnull": True}) & starts_in_range
            )
        else:
            condition &= starts_in_range
    return condition
