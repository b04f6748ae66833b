"""
Reading the sources' words: whether a quotation is in a source's stored text, and what a
passage states.

Texts are compared after normalising what copies of one text differ in without changing
its words: Unicode forms, curly and straight quote marks, dashes, ellipses and spacing.
A quotation may leave words out where it says so with an ellipsis ("…"); each part must
then be found in order. In a stored text that interrupts the source's sentences with whole
lines of other material (a mirror's inlined link previews), a quotation may also run on
across those lines.
"""

import re
import unicodedata

from .partial_dates import PRECISIONS, PartialDate

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACES = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*")

# How many whole lines of other material a quotation may run on across, at most.
MAX_INTERRUPTION = 8


def normalized(text):
    """``text`` with quote marks, dashes and spacing made uniform, for comparing copies."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def parts_of(quotation):
    """The runs of words of ``quotation`` between the ellipses that mark words left out."""
    return [part for part in (normalized(piece) for piece in _ELLIPSIS.split(quotation)) if part]


def is_quoted_from(quotation, text, interleaved=False):
    """
    Return True if every part of ``quotation`` occurs in ``text``, in order.

    With ``interleaved``, a part may also be split across lines of ``text`` with up to
    MAX_INTERRUPTION whole lines of other material between its pieces.
    """
    parts = parts_of(quotation)
    if not parts:
        return False
    if interleaved:
        lines = [normalized(line) for line in (text or "").splitlines()]
        lines = [line for line in lines if line]
        position = (0, 0)
        for part in parts:
            position = _find_across_lines(part, lines, position)
            if position is None:
                return False
        return True
    flat, position = normalized(text), 0
    for part in parts:
        found = flat.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _find_across_lines(part, lines, start):
    """
    Find ``part`` at or after (line, column) ``start``: in one line, or begun at the end
    of a line and carried on at the start of later lines. Return where it ends, or None.
    """
    first_line, first_column = start
    for index in range(first_line, len(lines)):
        line = lines[index]
        column = first_column if index == first_line else 0
        found = line.find(part, column)
        if found >= 0:
            return (index, found + len(part))
        # Begun at the end of this line: the longest end of the line that begins the part.
        for begin in range(column, len(line)):
            head = line[begin:]
            if part.startswith(head) and (begin == 0 or line[begin - 1] == " "):
                end = _continue_at_line_starts(part[len(head) :].lstrip(), lines, index + 1)
                if end is not None:
                    return end
                break
    return None


def _continue_at_line_starts(rest, lines, index):
    """Carry ``rest`` on at the start of one of the next lines, after skipping others whole."""
    if not rest:
        return (index - 1, len(lines[index - 1]))
    for skip in range(MAX_INTERRUPTION + 1):
        at = index + skip
        if at >= len(lines):
            return None
        line = lines[at]
        if line.startswith(rest):
            return (at, len(rest))
        if rest.startswith(line) and len(line) > 0:
            end = _continue_at_line_starts(rest[len(line) :].lstrip(), lines, at + 1)
            if end is not None:
                return end
    return None


# What a passage states: dates.

_MONTH_NAMES = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATE_PATTERNS = [
    # 1827-05-21, 1827-05
    re.compile(r"\b(?P<year>\d{4})-(?P<nmonth>\d{2})(?:-(?P<day>\d{2}))?\b"),
    # May 21, 1827; May 21st 1827; September 10-16, 1906 (both days)
    re.compile(_MONTH + r"\s+" + _DAY + r"(?:\s*-\s*(?P<day2>\d{1,2}))?,?\s+" + _YEAR, re.IGNORECASE),
    # July 26-November 29, 1962 (both days, in the year the span ends in)
    re.compile(
        _MONTH + r"\s+" + _DAY + r"\s*-\s*" + _MONTH.replace("month", "month2") + r"\s+"
        r"(?P<day2>\d{1,2}),?\s+" + _YEAR,
        re.IGNORECASE,
    ),
    # 21 May 1827; 10-16 September 1906
    re.compile(
        r"\b" + _DAY + r"(?:\s*-\s*(?P<day2>\d{1,2}))?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,
        re.IGNORECASE,
    ),
    # May 1827; May, 1827; May of 1827
    re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR, re.IGNORECASE),
    # 1990s
    re.compile(r"\b(?P<decade>\d{3})0s\b"),
    # 1827
    re.compile(r"\b" + _YEAR + r"\b"),
]


def dates_stated(text):
    """Every date ``text`` states, as PartialDates, to the precision it states them."""
    found = set()
    flat = normalized(text)
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(flat):
            groups = match.groupdict()
            try:
                found.update(_dates_of(groups))
            except Exception:  # noqa: BLE001 - a number that is no date ("31 February") states none.
                continue
    return found


def _dates_of(groups):
    if groups.get("decade"):
        return [PartialDate(int(groups["decade"]) * 10, decade=True)]
    year = int(groups["year"])
    month = groups.get("nmonth")
    month = int(month) if month else _MONTH_NAMES.get((groups.get("month") or "").lower().rstrip("."))
    days = [groups.get("day"), groups.get("day2")]
    days = [int(day) for day in days if day]
    if month is None:
        return [PartialDate(year)]
    if not days:
        return [PartialDate(year, month)]
    if groups.get("month2"):
        # A span across months ends in the year written; it began in the year before if its
        # first month comes later in the year than its last ("December 20-January 5, 1963").
        last_month = _MONTH_NAMES[groups["month2"].lower().rstrip(".")]
        first_year = year - 1 if month > last_month else year
        return [PartialDate(first_year, month, days[0]), PartialDate(year, last_month, days[1])]
    return [PartialDate(year, month, day) for day in days]


def states_date(text, date):
    """
    Return True if ``text`` states ``date``: the same date to its precision, or a finer one
    within it ("May 21, 1827" states May 1827 and 1827).
    """
    date = date.stated()
    for stated in dates_stated(text):
        if stated.precision == date.precision and stated == date:
            return True
        if _finer(stated, date) and date.earliest() <= stated.earliest() <= date.latest():
            return True
    return False


def _finer(stated, date):
    return PRECISIONS.index(stated.precision) > PRECISIONS.index(date.precision)


def states_words(text, words):
    """Return True if ``text`` contains ``words``, ignoring case, spacing, quotes and dashes."""
    wanted = normalized(words).casefold()
    return bool(wanted) and wanted in normalized(text).casefold()


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_stated(text):
    """The numbers ``text`` states, as strings without thousands separators: "200,000" → "200000"."""
    return {match.group().replace(",", "") for match in _NUMBER.finditer(normalized(text))}
