"""
Dates as the Office of the Historian writes them in English, and the spans of its
persons lists: "May 2, 1826", "January, 1838", "December 1846", "1836"; "from January 18,
1949 until December 1963", "May 27, 1955-June 5, 1956", "July 26-November 29, 1962".

Every date is read to the precision written, never more: "December 1846" is a month.
"""

import calendar
import re
from dataclasses import dataclass

from relations.partial_dates import PartialDate

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(_MONTHS)

# Longest forms first, so that "May 2, 1826" is not read as "May" and "1826".
DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}}))?(?:,?\s*(?P<year>\d{{4}}))?|(?P<year_only>\d{{4}}))\b"
)
_DASH = r"\s*[-–—]\s*"
_SPAN_WORDS = {
    "from": re.compile(r"\b(?:from|after|since)\s*$", re.IGNORECASE),
    "until": re.compile(r"\b(?:until|to|till|through)\s*$", re.IGNORECASE),
}


@dataclass(frozen=True)
class Written:
    """A date as written in a text: its words, where they stand, and what they say."""

    words: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    def partial(self, year=None):
        """The PartialDate written, taking ``year`` where the words give none."""
        year = self.year or year
        if year is None:
            return None
        return PartialDate(year, self.month, self.day if self.month else None)


def written_dates(text):
    """Every date written in ``text``, in order; a month alone counts only with a day or year."""
    found = []
    for match in DATE.finditer(text or ""):
        if match["year_only"]:
            found.append(
                Written(match.group(), match.start(), match.end(), int(match["year_only"]), None, None)
            )
            continue
        year = int(match["year"]) if match["year"] else None
        day = int(match["day"]) if match["day"] else None
        month = _MONTHS[match["month"]]
        if year is None and day is None:
            # "March" alone is a date only as the first end of a span: "March-July 1963".
            if not re.match(_DASH + rf"(?:{_MONTH})", text[match.end() :]):
                continue
        found.append(Written(match.group().rstrip(", "), match.start(), match.end(), year, month, day))
    return found


def date_after(text, words):
    """
    The date written first after the words ``words`` in ``text``, or None if the words are
    not there; they are matched as whole words, so that "on" is not the end of "Thornton".
    """
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text or "")
    if found is None:
        return None
    for written in written_dates(text):
        if written.start >= found.end() and written.year:
            return written
    return None


@dataclass(frozen=True)
class Span:
    """A time in a post as a source writes it: either end may be unknown."""

    start: PartialDate | None
    end: PartialDate | None

    def __bool__(self):
        return bool(self.start or self.end)


def span(clause):
    """
    The span of time ``clause`` gives: "from X until Y", "X-Y", "from X", "until X", or
    one date alone ("November 1963": within that month). An empty Span if it gives none.
    """
    dates = written_dates(clause)
    if not dates:
        return Span(None, None)
    for first, second in zip(dates, dates[1:], strict=False):
        between = clause[first.end : second.start]
        if re.fullmatch(_DASH, between) or re.fullmatch(r",?\s*(?:until|to|till|through)\s+", between):
            year = second.year
            return Span(first.partial(year), second.partial())
    first = dates[0]
    before = clause[: first.start]
    if first.year is None:
        return Span(None, None)
    if _SPAN_WORDS["from"].search(before):
        return Span(first.partial(), None)
    if _SPAN_WORDS["until"].search(before):
        return Span(None, first.partial())
    if len(dates) == 1 and re.search(r"(?:,|\bin)\s*$", before):
        return Span(first.partial(), first.partial())
    return Span(None, None)
