"""Path converters for the pages of one day or one year: ``/on/1838-06-09/``, ``/on/1838/``."""

import datetime

from .spans import FIRST_DAY, LAST_DAY


class DayConverter:
    """A calendar day written YYYY-MM-DD; a day that does not exist (30 February) is not found."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        day = datetime.date.fromisoformat(value)  # A ValueError makes the path not match: a 404.
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValueError(f"{value} is outside the days the record can be asked about.")
        return day

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


class YearConverter:
    """A year written with four digits."""

    regex = r"[0-9]{4}"

    def to_python(self, value):
        year = int(value)
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise ValueError(f"{value} is outside the years the record can be asked about.")
        return year

    def to_url(self, value):
        return f"{int(value):04d}"
