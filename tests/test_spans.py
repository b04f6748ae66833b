"""The database conditions over partial dates agree with what each kind of date denotes."""

import datetime

import pytest
from django.db.models import Value
from django.db.models.functions import Coalesce

from relations import spans
from relations.citations import period
from relations.models import Event
from relations.partial_dates import BY, CIRCA, OR_LATER, PartialDate

QUALIFIERS = [None, CIRCA, BY, OR_LATER]


def dates_of_every_kind():
    """Decades, years, months and days around 1838, each stated and derived in every way."""
    stated = [PartialDate(1820, decade=True), PartialDate(1830, decade=True), PartialDate(1840, decade=True)]
    stated += [PartialDate(year) for year in range(1835, 1842)]
    stated += [PartialDate(1838, month) for month in range(1, 13)]
    stated += [PartialDate(1837, 12), PartialDate(1839, 1)]
    stated += [PartialDate(1838, 6, day) for day in (1, 8, 9, 10, 30)]
    stated += [
        PartialDate(1837, 12, 31),
        PartialDate(1838, 1, 1),
        PartialDate(1838, 12, 31),
        PartialDate(1839, 1, 1),
    ]
    return [
        PartialDate(date.year, date.month, date.day, decade=date.decade, qualifier=qualifier)
        for date in stated
        for qualifier in QUALIFIERS
    ]


DAYS = [
    datetime.date(1829, 12, 31),
    datetime.date(1830, 1, 1),
    datetime.date(1837, 12, 31),
    datetime.date(1838, 1, 1),
    datetime.date(1838, 6, 8),
    datetime.date(1838, 6, 9),
    datetime.date(1838, 6, 30),
    datetime.date(1838, 7, 1),
    datetime.date(1838, 12, 31),
    datetime.date(1839, 1, 1),
    datetime.date(1839, 12, 31),
    datetime.date(1840, 1, 1),
]

CONDITIONS = {
    "may_have_begun": lambda earliest, latest, day: earliest <= day,
    "had_begun": lambda earliest, latest, day: latest <= day,
    "may_not_have_ended": lambda earliest, latest, day: latest >= day,
    "had_not_ended": lambda earliest, latest, day: earliest >= day,
}


@pytest.fixture(scope="module")
def dated(django_db_setup, django_db_blocker):
    """One event for each date: its slug names the date as stored."""
    with django_db_blocker.unblock():
        Event.objects.bulk_create(
            Event(slug=f"d{number}", title=date.stored(), date=date, category="diplomatic", summary="-")
            for number, date in enumerate(dates_of_every_kind())
        )
        yield {event.slug: event.date for event in Event.objects.all()}
        Event.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize("name", CONDITIONS)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_each_condition_picks_the_dates_whose_period_meets_it(dated, name, day):
    condition = getattr(spans, name)("date", day)
    found = set(Event.objects.filter(condition).values_list("title", flat=True))
    expected = {date.stored() for date in dated.values() if CONDITIONS[name](*period(date), day)}
    assert found == expected


def test_a_derived_date_reaches_as_far_as_it_says():
    day = datetime.date(1837, 3, 1)
    assert spans.latest_holding(day, "year", CIRCA, lambda earliest, latest: earliest <= day) == "1838~"
    assert spans.latest_holding(day, "year", BY, lambda earliest, latest: earliest <= day) == spans.ALWAYS
    assert spans.latest_holding(day, "year", OR_LATER, lambda earliest, latest: latest <= day) == spans.NEVER


@pytest.mark.django_db
@pytest.mark.parametrize("name", CONDITIONS)
def test_a_condition_over_an_expression_with_parameters_of_its_own_reads_them_in_place(dated, name):
    # A date of its own stands in for every missing end date: each row reads the day after.
    day, stand_in = datetime.date(1838, 6, 9), PartialDate(1838, 6, 10)
    condition = getattr(spans, name)(Coalesce("end_date", Value(stand_in.stored())), day)
    expected = CONDITIONS[name](*period(stand_in), day)
    assert Event.objects.filter(condition).count() == (len(dated) if expected else 0)
