"""
Whether a partial date had come, or had passed, by a given day: database conditions for
"in post on", "open on", "in force on" and "happened during".

A partial date denotes a period: "1838" any day of that year, "c. 1838" a year either side
too, "by 2022" any day up to the end of 2022 (``citations.period`` says what each denotes).
A span that runs from a ``start`` date to an ``end`` date therefore covers a day

- certainly, if the start's period is over by that day and the end's has not begun before it
  (``had_begun`` and ``had_not_ended``);
- possibly, if the start's period has begun by that day and the end's is not over before it
  (``may_have_begun`` and ``may_not_have_ended``).

Partial dates are stored as strings that sort chronologically within one precision and
qualifier (see ``partial_dates``). Each condition is therefore one string bound for each
precision and qualifier, found by asking ``citations.period`` itself, so that the database
and the rest of the site agree on what every kind of date means.
"""

import datetime
import functools

from django.db.models import BooleanField, Case, Q, Value, When
from django.db.models.functions import Length, Right
from django.db.models.lookups import Exact, In

from .citations import period
from .partial_dates import DAY, DECADE, MONTH, PRECISIONS, QUALIFIER_MARKS, YEAR, PartialDate

# How long the stored date of each precision is, without its qualifier mark.
STORED_LENGTHS = {DECADE: 3, YEAR: 4, MONTH: 7, DAY: 10}
QUALIFIERS = (None, *QUALIFIER_MARKS)
DIGITS = list("0123456789")

# Far enough either side of a day's own period to hold every bound: "c." reaches one unit.
WINDOW = range(-3, 4)

ALWAYS, NEVER = "always", "never"

#: The days the conditions can be asked about: a day either side must be a date too.
FIRST_DAY = datetime.date(1000, 1, 1)
LAST_DAY = datetime.date(9998, 12, 31)


def truncated(day, precision):
    """The period of ``precision`` that holds ``day``: 1838-06-09 is in June 1838, in 1838, in the 1830s."""
    if precision == DECADE:
        return PartialDate(day.year // 10 * 10, decade=True)
    if precision == YEAR:
        return PartialDate(day.year)
    if precision == MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


def shifted(date, steps, qualifier=None):
    """The period ``steps`` periods of the same precision after (or before) ``date``, with ``qualifier``."""
    if date.precision == DECADE:
        return PartialDate(date.year + 10 * steps, decade=True, qualifier=qualifier)
    if date.precision == YEAR:
        return PartialDate(date.year + steps, qualifier=qualifier)
    if date.precision == MONTH:
        year, month = divmod(date.year * 12 + date.month - 1 + steps, 12)
        return PartialDate(year, month + 1, qualifier=qualifier)
    day = date.earliest() + datetime.timedelta(days=steps)
    return PartialDate(day.year, day.month, day.day, qualifier=qualifier)


def latest_holding(day, precision, qualifier, holds):
    """
    The stored form of the latest date of ``precision`` and ``qualifier`` whose period
    ``holds(earliest, latest)``, for a condition that holds for early dates and not for
    later ones; ALWAYS or NEVER where it holds for every such date or none.
    """
    anchor = truncated(day, precision)
    results = [(holds(*period(shifted(anchor, step, qualifier))), step) for step in WINDOW]
    if all(result for result, _step in results):
        return ALWAYS
    if not any(result for result, _step in results):
        return NEVER
    last_step = max(step for result, step in results if result)
    if any(result for result, step in results if step > last_step) or not all(
        result for result, step in results if step < last_step
    ):
        raise ValueError("The condition must hold for early dates and not for later ones.")
    return shifted(anchor, last_step, qualifier).stored()


def of_kind(field, precision, qualifier):
    """A Q object for the dates in ``field`` of one precision with one qualifier (or none)."""
    mark = QUALIFIER_MARKS.get(qualifier)
    length = STORED_LENGTHS[precision] + (1 if mark else 0)
    return Q(Exact(Length(field), length)) & of_qualifier(field, qualifier)


def of_qualifier(field, qualifier):
    """A Q object for the dates in ``field`` with ``qualifier``, or, for None, stated ones."""
    mark = QUALIFIER_MARKS.get(qualifier)
    return Q(**{f"{field}__endswith": mark}) if mark else Q(In(Right(field, 1), DIGITS))


def one_bound(day, qualifier, bounds):
    """
    One condition for the dates of every precision with ``qualifier``, where their bounds are
    the periods that hold one day near ``day`` (up to it, or before it); else None.

    The stored forms sort so that a date's period comes before every day in it, and a date
    with a mark after them: "1838" <= "1838-06-09" < "1838~". So "in the year, month or day
    of 9 June 1838 or before" is one comparison with "1838-06-09" for stated dates, and one
    for derived dates with the periods that hold the day themselves named besides.
    """
    for near in (day - datetime.timedelta(days=1), day, day + datetime.timedelta(days=1)):
        holding = {precision: truncated(near, precision) for precision in PRECISIONS}
        up_to = all(bounds[p] == shifted(holding[p], 0, qualifier).stored() for p in PRECISIONS)
        before = all(bounds[p] == shifted(holding[p], -1, qualifier).stored() for p in PRECISIONS)
        if up_to or before:
            own = [shifted(holding[p], 0, qualifier).stored() for p in PRECISIONS]
            return near.isoformat(), own, up_to
    return None


def _bound_condition(field, qualifier, near, own, up_to, negate):
    """The dates in ``field`` with ``qualifier`` whose period is up to (or before) that holding ``near``."""
    stated = qualifier is None
    if up_to and stated:
        held = Q(**{f"{field}__lte": near})
    elif up_to:
        held = Q(**{f"{field}__lte": near}) | Q(**{f"{field}__in": own})
    elif stated:
        held = Q(**{f"{field}__lt": near}) & ~Q(**{f"{field}__in": own})
    else:
        held = Q(**{f"{field}__lte": near})
    if not negate:
        return held
    # The complement among the dates of this qualifier, written without NOT so NULL stays out.
    if up_to and stated:
        return Q(**{f"{field}__gt": near})
    if up_to:
        return Q(**{f"{field}__gt": near}) & ~Q(**{f"{field}__in": own})
    if stated:
        return Q(**{f"{field}__gte": near}) | Q(**{f"{field}__in": own})
    return Q(**{f"{field}__gt": near})


# What each condition asks of a date's period (earliest day, latest day) for a given day.
TESTS = {
    "begun by": lambda earliest, latest, day: earliest <= day,
    "over by": lambda earliest, latest, day: latest <= day,
    "over before": lambda earliest, latest, day: latest < day,
    "begun before": lambda earliest, latest, day: earliest < day,
}


@functools.lru_cache(maxsize=4096)
def bounds_for(day, test):
    """The bounds of ``TESTS[test]`` on ``day``, by qualifier and then by precision."""
    holds = TESTS[test]
    return {
        qualifier: {
            precision: latest_holding(
                day, precision, qualifier, lambda earliest, latest: holds(earliest, latest, day)
            )
            for precision in PRECISIONS
        }
        for qualifier in QUALIFIERS
    }


def _where(field, day, test, negate=False):
    """
    A Q object for the dates in ``field`` whose period passes ``TESTS[test]`` on ``day`` (or,
    with ``negate``, does not), for a test that early dates pass and later ones do not.
    """
    condition = Q(pk__in=[])
    everything, nothing = (NEVER, ALWAYS) if negate else (ALWAYS, NEVER)
    for qualifier, bounds in bounds_for(day, test).items():
        values = set(bounds.values())
        if values == {everything}:
            condition |= Q(**{f"{field}__isnull": False}) & of_qualifier(field, qualifier)
            continue
        if values == {nothing}:
            continue
        shared = None if values & {ALWAYS, NEVER} else one_bound(day, qualifier, bounds)
        if shared:
            condition |= of_qualifier(field, qualifier) & _bound_condition(field, qualifier, *shared, negate)
            continue
        for precision, bound in bounds.items():
            if bound == everything:
                condition |= of_kind(field, precision, qualifier)
            elif bound != nothing:
                lookup = "gt" if negate else "lte"
                condition |= of_kind(field, precision, qualifier) & Q(**{f"{field}__{lookup}": bound})
    return condition


def may_have_begun(field, day):
    """The dates in ``field`` whose period may have begun by ``day``: "1838" on 1 January 1838."""
    return _where(field, day, "begun by")


def had_begun(field, day):
    """The dates in ``field`` whose period was over by ``day``: "1838" from 31 December 1838."""
    return _where(field, day, "over by")


def may_not_have_ended(field, day):
    """The dates in ``field`` whose period was not over before ``day``: "1838" until 31 December 1838."""
    return _where(field, day, "over before", negate=True)


def had_not_ended(field, day):
    """The dates in ``field`` whose period had not begun before ``day``: "1838" until 1 January 1838."""
    return _where(field, day, "begun before", negate=True)


def as_boolean(condition):
    """
    ``condition`` as a True or False annotation: never NULL, as a plain boolean expression
    over empty dates would be.
    """
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())
