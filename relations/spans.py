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

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, Case, Expression, F, Value, When

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


# A condition is SQL over one column, written ``{col}``, with its parameters. Each is the same
# for every query that asks it, so it is written once for each day and test (``condition_sql``).


def of_qualifier(qualifier):
    """The dates with ``qualifier``, or, for None, the stated ones: known by their last character."""
    mark = QUALIFIER_MARKS.get(qualifier)
    if mark:
        return "SUBSTR({col}, LENGTH({col}), 1) = %s", [mark]
    return "SUBSTR({col}, LENGTH({col}), 1) " + placeholders(DIGITS), DIGITS


def of_kind(precision, qualifier):
    """The dates of one precision with one qualifier (or none)."""
    length = STORED_LENGTHS[precision] + (1 if QUALIFIER_MARKS.get(qualifier) else 0)
    return both(("LENGTH({col}) = %s", [length]), of_qualifier(qualifier))


def placeholders(values, negated=False):
    return ("NOT IN" if negated else "IN") + f" ({', '.join(['%s'] * len(values))})"


def compared(operator, value):
    return f"{{col}} {operator} %s", [value]


def among(values, negated=False):
    return "{col} " + placeholders(values, negated), list(values)


def both(*conditions):
    return " AND ".join(f"({sql})" for sql, _params in conditions), [p for _sql, ps in conditions for p in ps]


def either(*conditions):
    return " OR ".join(f"({sql})" for sql, _params in conditions), [p for _sql, ps in conditions for p in ps]


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


def _bound_condition(qualifier, near, own, up_to, negate):
    """The dates with ``qualifier`` whose period is up to (or before) that holding ``near``."""
    stated = qualifier is None
    if not negate:
        if up_to and stated:
            return compared("<=", near)
        if up_to:
            return either(compared("<=", near), among(own))
        if stated:
            return both(compared("<", near), among(own, negated=True))
        return compared("<=", near)
    # The complement among the dates of this qualifier.
    if up_to and stated:
        return compared(">", near)
    if up_to:
        return both(compared(">", near), among(own, negated=True))
    if stated:
        return either(compared(">=", near), among(own))
    return compared(">", near)


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


@functools.lru_cache(maxsize=4096)
def condition_sql(day, test, negate=False):
    """
    The SQL for the dates whose period passes ``TESTS[test]`` on ``day`` (or, with
    ``negate``, does not), for a test that early dates pass and later ones do not: its pieces
    either side of each place the column goes, and the parameters of each piece; None where
    no date can. An empty date passes no test and fails none, and the condition is never NULL.
    """
    everything, nothing = (NEVER, ALWAYS) if negate else (ALWAYS, NEVER)
    conditions = []
    for qualifier, bounds in bounds_for(day, test).items():
        values = set(bounds.values())
        if values == {everything}:
            conditions.append(of_qualifier(qualifier))
            continue
        if values == {nothing}:
            continue
        shared = None if values & {ALWAYS, NEVER} else one_bound(day, qualifier, bounds)
        if shared:
            conditions.append(both(of_qualifier(qualifier), _bound_condition(qualifier, *shared, negate)))
            continue
        for precision, bound in bounds.items():
            if bound == everything:
                conditions.append(of_kind(precision, qualifier))
            elif bound != nothing:
                conditions.append(
                    both(of_kind(precision, qualifier), compared(">" if negate else "<=", bound))
                )
    if not conditions:
        return None
    sql, params = either(*conditions)
    # Cut where the column goes, each piece with its own parameters, for ``DateCondition``.
    segments, segment_params, taken = f"{{col}} IS NOT NULL AND ({sql})".split("{col}"), [], 0
    for segment in segments:
        segment_params.append(tuple(params[taken : taken + segment.count("%s")]))
        taken += segment.count("%s")
    return tuple(segments), tuple(segment_params)


class DateCondition(Expression):
    """Whether the partial date in a field (or an expression) passes one of ``TESTS`` on a day."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, expression, day, test, negate=False):
        super().__init__()
        self.expression = F(expression) if isinstance(expression, str) else expression
        self.day, self.test, self.negate = day, test, negate

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, expressions):
        (self.expression,) = expressions

    def as_sql(self, compiler, connection):
        condition = condition_sql(self.day, self.test, self.negate)
        if condition is None:
            raise EmptyResultSet
        segments, segment_params = condition
        column_sql, column_params = compiler.compile(self.expression)
        # The condition's parameters in order, with the column's own wherever it appears.
        params = list(segment_params[0])
        for following in segment_params[1:]:
            params += [*column_params, *following]
        return column_sql.join(segments), params


def may_have_begun(field, day):
    """The dates in ``field`` whose period may have begun by ``day``: "1838" on 1 January 1838."""
    return DateCondition(field, day, "begun by")


def had_begun(field, day):
    """The dates in ``field`` whose period was over by ``day``: "1838" from 31 December 1838."""
    return DateCondition(field, day, "over by")


def may_not_have_ended(field, day):
    """The dates in ``field`` whose period was not over before ``day``: "1838" until 31 December 1838."""
    return DateCondition(field, day, "over before", negate=True)


def had_not_ended(field, day):
    """The dates in ``field`` whose period had not begun before ``day``: "1838" until 1 January 1838."""
    return DateCondition(field, day, "begun before", negate=True)


def as_boolean(condition):
    """
    ``condition`` as a True or False annotation: never NULL, as a plain boolean expression
    over empty dates would be.
    """
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())
