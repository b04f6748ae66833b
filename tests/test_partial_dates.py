"""Partial dates: what is known of a date, how it reads, sorts, is stored, matched and refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from relations.models import Event
from relations.partial_dates import PartialDate, PartialDateFormField
from relations.year_ranges import overlapping_years

from .factories import EventFactory


@pytest.mark.parametrize(
    ("text", "shown", "precision"),
    [
        ("1836", "1836", "year"),
        ("1838-06", "June 1838", "month"),
        ("1826-05-02", "2 May 1826", "day"),
    ],
)
def test_renders_exactly_what_is_known(text, shown, precision):
    date = PartialDate.parse(text)
    assert str(date) == shown
    assert date.isoformat() == text
    assert date.precision == precision


def test_the_partial_date_filter_gives_a_time_element_with_what_is_known_and_a_day_its_link():
    html = Template("{% load relations_tags %}{% for d in dates %}{{ d|partial_date }}{% endfor %}").render(
        Context({"dates": [PartialDate.parse(v) for v in ["1836", "1838-06", "1826-05-02"]]})
    )
    assert html == (
        '<time datetime="1836">1836</time>'
        '<time datetime="1838-06">June 1838</time>'
        '<a class="date-link" href="/on/1826-05-02/"><time datetime="1826-05-02">2 May 1826</time></a>'
    )


def test_sorts_chronologically_in_python():
    values = ["1838-06", "1826-05-02", "1836", "1838", "1838-06-01", "1827"]
    assert [d.isoformat() for d in sorted(map(PartialDate.parse, values))] == [
        "1826-05-02",
        "1827",
        "1836",
        "1838",
        "1838-06",
        "1838-06-01",
    ]


def make_event(slug, date, end_date=None):
    return EventFactory(slug=slug, title=slug, date=date, end_date=end_date, citation=None)


@pytest.mark.django_db
def test_sorts_chronologically_in_the_database():
    for slug, date in [
        ("b", "1838-06"),
        ("a", "1826-05-02"),
        ("c", "1836"),
        ("d", "1838-06-15"),
        ("e", "1838"),
    ]:
        make_event(slug, date)
    assert [e.date.isoformat() for e in Event.objects.order_by("date")] == [
        "1826-05-02",
        "1836",
        "1838",
        "1838-06",
        "1838-06-15",
    ]


@pytest.mark.django_db
def test_values_come_back_from_the_database_as_partial_dates():
    make_event("x", "1838-06")
    event = Event.objects.get(slug="x")
    assert event.date == PartialDate(1838, 6)
    assert event.end_date is None


@pytest.mark.django_db
def test_year_range_treats_a_year_as_the_whole_year():
    make_event("in-1836", "1836")
    make_event("december-1836", "1836-12-31")
    make_event("january-1837", "1837-01")
    make_event("1835", "1835-12-31")
    make_event("span", "1830", end_date="1836-02")

    def matching(**years):
        return set(
            Event.objects.filter(overlapping_years("date", "end_date", **years)).values_list(
                "slug", flat=True
            )
        )

    assert matching(year_from=1836, year_to=1836) == {"in-1836", "december-1836", "span"}
    assert matching(year_from=1837) == {"january-1837"}
    assert matching(year_to=1835) == {"1835", "span"}
    assert matching(year_from=1831, year_to=1835) == {"span", "1835"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1838-02-30", "February 1838 has no day 30"),
        ("1900-02-29", "February 1900 has no day 29"),
        ("1838-13", "not a month"),
        ("June 1838", "is not a date"),
        ("18-6-1", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_impossible_dates_are_refused_clearly(text, message):
    with pytest.raises(ValidationError) as error:
        PartialDate.parse(text)
    assert message in error.value.messages[0]


def test_a_leap_day_is_a_date():
    assert str(PartialDate.parse("1828-02-29")) == "29 February 1828"


def test_precision_must_match_the_value():
    assert PartialDate.parse("1992-09", precision="month").isoformat() == "1992-09"
    with pytest.raises(ValidationError, match="known to the month, not to the day"):
        PartialDate.parse("1992-09", precision="day")
    with pytest.raises(ValidationError, match="is not a precision"):
        PartialDate.parse("1992", precision="century")


def test_a_day_needs_a_month():
    with pytest.raises(ValidationError, match="A day needs a month"):
        PartialDate(1838, None, 4)


@pytest.mark.django_db
def test_model_validation_reports_a_bad_date_on_its_field():
    event = Event(slug="bad", title="Bad", date="1838-02-30", category="diplomatic", summary="s")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "February 1838 has no day 30" in error.value.message_dict["date"][0]


def test_bounds():
    date = PartialDate.parse("1838-02")
    assert date.earliest() == datetime.date(1838, 2, 1)
    assert date.latest() == datetime.date(1838, 2, 28)
    assert PartialDate.parse("1836").latest() == datetime.date(1836, 12, 31)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_clear_validation_error(text):
    try:
        date = PartialDate.parse(text)
    except ValidationError as error:
        assert error.messages
        assert all(error.messages)
    else:
        assert PartialDate.parse(date.isoformat()) == date


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_every_real_date_round_trips_at_every_precision(day, precision):
    text = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": f"{day:%Y-%m-%d}"}[precision]
    date = PartialDate.parse(text, precision=precision)
    assert date.isoformat() == text
    assert date.earliest() <= day <= date.latest()


@pytest.mark.django_db
def test_year_range_up_to_the_last_year_has_no_upper_bound():
    make_event("late", "2024-11")
    assert Event.objects.filter(overlapping_years("date", year_from=2000, year_to=9999)).count() == 1


@pytest.mark.parametrize(
    ("start", "end", "html"),
    [
        (
            "1906-09-10",
            "1906-09-16",
            '<a class="date-link" href="/on/1906-09-10/"><time datetime="1906-09-10">10</time></a>–'
            '<a class="date-link" href="/on/1906-09-16/">'
            '<time datetime="1906-09-16">16 September 1906</time></a>',
        ),
        (
            "1938-11-30",
            "1938-12-27",
            '<a class="date-link" href="/on/1938-11-30/"><time datetime="1938-11-30">30 November</time></a>–'
            '<a class="date-link" href="/on/1938-12-27/">'
            '<time datetime="1938-12-27">27 December 1938</time></a>',
        ),
        ("1879", "1883", '<time datetime="1879">1879</time>–<time datetime="1883">1883</time>'),
        (
            "2006-04",
            "2006-06",
            '<time datetime="2006-04">April</time>–<time datetime="2006-06">June 2006</time>',
        ),
        (
            "1836",
            "1836-12-31",
            '<time datetime="1836">1836</time>–'
            '<a class="date-link" href="/on/1836-12-31/">'
            '<time datetime="1836-12-31">31 December 1836</time></a>',
        ),
        (
            "1826-05-02",
            None,
            '<a class="date-link" href="/on/1826-05-02/"><time datetime="1826-05-02">2 May 1826</time></a>',
        ),
    ],
)
def test_a_span_reads_without_repeating_what_both_ends_share(start, end, html):
    template = Template("{% load relations_tags %}{% partial_date_range start end %}")
    context = Context({"start": PartialDate.parse(start), "end": PartialDate.parse(end) if end else None})
    assert template.render(context) == html


@pytest.mark.parametrize(
    ("stored", "shown", "precision"),
    [
        ("199", "1990s", "decade"),
        ("1998~", "c. 1998", "year"),
        ("2022<", "by 2022", "year"),
        ("2022-06<", "by June 2022", "month"),
        ("2024-11>", "November 2024 or later", "month"),
        ("1962-07-18~", "c. 18 July 1962", "day"),
    ],
)
def test_decades_and_derived_dates_read_as_what_is_known(stored, shown, precision):
    date = PartialDate.parse(stored)
    assert str(date) == shown
    assert date.precision == precision
    assert date.stored() == stored
    assert date.is_derived == (stored[-1] in "~<>")


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("c. 1998", "1998~"),
        ("ca. 1998-06", "1998-06~"),
        ("by 2022", "2022<"),
        ("2024 or later", "2024>"),
        ("1990s", "199"),
        ("1826-05-02", "1826-05-02"),
    ],
)
def test_editors_write_derived_dates_in_the_words_the_site_shows(written, stored):
    field = PartialDateFormField(required=False)
    assert field.clean(written).stored() == stored
    assert field.prepare_value(field.clean(written)) == written.replace("ca. ", "c. ")


@pytest.mark.parametrize("text", ["c. by 2022", "by 2022 or later", "1995s", "about 1998", "199", "2022<<"])
def test_a_date_written_wrongly_is_refused_with_the_forms_it_may_take(text):
    with pytest.raises(ValidationError) as error:
        PartialDateFormField(required=False).clean(text)
    assert "1990s" in " ".join(error.value.messages)


def test_a_decade_is_its_first_year():
    with pytest.raises(ValidationError, match="A decade is known by its first year"):
        PartialDate(1995, decade=True)


def test_decades_and_derived_dates_sort_among_stated_ones():
    values = ["2022<", "2022-12-31", "2023", "199", "1990", "1989-12-31", "1998~", "1998"]
    assert [d.stored() for d in sorted(map(PartialDate.parse, values))] == [
        "1989-12-31",
        "199",
        "1990",
        "1998",
        "1998~",
        "2022-12-31",
        "2022<",
        "2023",
    ]
    assert PartialDate.parse("1998~") != PartialDate.parse("1998")


def test_a_decade_spans_its_ten_years():
    decade = PartialDate.parse("199")
    assert (decade.earliest(), decade.latest()) == (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))


@pytest.mark.django_db
def test_year_ranges_match_decades_and_derived_dates_like_stated_ones():
    make_event("the-1990s", "199")
    make_event("by-2022", "2022<")
    make_event("c-1998", "1998~")
    make_event("1989", "1989")

    def matching(**years):
        query = overlapping_years("date", "end_date", **years)
        return set(Event.objects.filter(query).values_list("slug", flat=True))

    assert matching(year_from=1995, year_to=1995) == {"the-1990s"}
    assert matching(year_from=1998, year_to=1998) == {"the-1990s", "c-1998"}
    assert matching(year_from=2000) == {"by-2022"}
    assert matching(year_to=1989) == {"1989"}
    assert matching(year_from=1990, year_to=1990) == {"the-1990s"}
    assert [e.slug for e in Event.objects.order_by("date")] == ["1989", "the-1990s", "c-1998", "by-2022"]


@pytest.mark.django_db
def test_the_longest_stored_date_fits_its_column():
    event = make_event("long", "2022-06-30<")
    event.refresh_from_db()
    assert event.date.stored() == "2022-06-30<"
