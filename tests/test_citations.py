"""Citations as a page shows them: which values disagree, one note per passage, as of when."""

import pytest

from relations.citations import Notes, agreeing_groups, values_agree
from relations.models import Agreement, Appointment, Envoy, Event, Mission
from relations.partial_dates import PartialDate

from .factories import AgreementFactory, AppointmentFactory, CitationFactory, EventFactory, SourceFactory

DATE = Event._meta.get_field("date")
KIND = Mission._meta.get_field("kind")
BIRTH = Envoy._meta.get_field("birth_year")
SUMMARY = Event._meta.get_field("summary")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2002", "2002-03-23"),
        ("1826", "1826-05"),
        ("1826-05", "1826-05-02"),
        ("199", "1995-06-01"),
        ("2022<", "2019"),
        ("2024>", "2025-01"),
        ("1998~", "1999"),
        ("1998~", "1997-12-31"),
    ],
)
def test_dates_that_can_both_be_true_agree(first, second):
    assert values_agree(DATE, first, second)
    assert values_agree(DATE, second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1826", "1827"),
        ("1826-05-02", "1827-05-21"),
        ("1838-06-08", "1838-06-09"),
        ("1955-03", "1955-05-27"),
        ("199", "2001"),
        ("2022<", "2023"),
        ("2024>", "2023-12-31"),
        ("1998~", "2001"),
    ],
)
def test_dates_that_cannot_both_be_true_disagree(first, second):
    assert not values_agree(DATE, first, second)
    assert not values_agree(DATE, second, first)


def test_choices_compare_as_values_whether_given_by_value_or_label():
    assert values_agree(KIND, "consular-agency", "Consular agency")
    assert not values_agree(KIND, "consular-agency", "consulate")


def test_numbers_compare_as_numbers():
    assert values_agree(BIRTH, "1965", "1965")
    assert not values_agree(BIRTH, "1965", "1966")
    assert values_agree(SUMMARY, "200,000", "200000")
    assert not values_agree(SUMMARY, "200,000", "500,000")


def test_text_compares_without_case_or_spacing():
    assert values_agree(SUMMARY, "State  visit", "state visit")
    assert not values_agree(SUMMARY, "official visit", "state visit")


def test_values_that_agree_at_different_precision_are_one_group_led_by_the_most_precise():
    groups = agreeing_groups(DATE, [("2002", "a"), ("2002-03-23", "b"), ("2002-03", "c")])
    assert len(groups) == 1
    assert groups[0][0] == ("2002-03-23", "b")


def test_a_day_within_a_year_does_not_make_two_other_days_agree():
    groups = agreeing_groups(DATE, [("1826", "a"), ("1826-05-02", "b"), ("1826-06-01", "c")])
    assert [[value for value, _ in group] for group in groups] == [["1826-05-02", "1826"], ["1826-06-01"]]


@pytest.fixture
def sources():
    return SourceFactory(title="Country guide", published_on=PartialDate(2009, 2)), SourceFactory(
        title="Fact sheet", published_on=PartialDate.parse("2022~")
    )


@pytest.mark.django_db
def test_a_year_and_a_day_in_it_are_not_shown_as_differing(sources):
    guide, sheet = sources
    event = EventFactory(date="2002-03-23", citation=None)
    CitationFactory(entry=event, source=guide, claim="date", value="2002-03-23")
    CitationFactory(entry=event, source=sheet, claim="date", value="2002")
    notes = Notes(event)
    assert notes.difference(event, "date") is None
    assert [note.number for note in notes.for_claim(event, "date")] == [1, 2]


@pytest.mark.django_db
def test_values_that_cannot_both_be_true_are_shown_as_differing_with_every_source(sources):
    guide, sheet = sources
    event = EventFactory(date="1827-05-21", citation=None)
    CitationFactory(entry=event, source=guide, claim="date", value="1827-05-21")
    CitationFactory(entry=event, source=sheet, claim="date", value="1826")
    CitationFactory(entry=event, source=sheet, claim="date", value="1827")
    difference = Notes(event).difference(event, "date")
    assert [
        (value.stored(), [(given.note.number, given.value and given.value.stored()) for given in givens])
        for value, givens in difference.values
    ] == [
        ("1827-05-21", [(1, None), (3, "1827")]),
        ("1826", [(2, None)]),
    ]


@pytest.mark.django_db
def test_a_passage_cited_for_the_entry_and_for_a_claim_is_one_note(sources):
    guide, _ = sources
    event = EventFactory(citation=None)
    words = "Diplomatic relations were established on May 21, 1827."
    CitationFactory(entry=event, source=guide, locator="Diplomatic relations", quotation=words)
    CitationFactory(entry=event, source=guide, locator="Diplomatic relations", quotation=words, claim="date")
    notes = Notes(event)
    assert len(notes) == 1
    assert notes.for_claim(event) == notes.for_claim(event, "date")


@pytest.mark.django_db
def test_one_passage_cited_for_an_envoy_and_an_appointment_is_one_note_on_the_page(sources):
    guide, _ = sources
    appointment = AppointmentFactory()
    envoy = appointment.envoy
    envoy.citations.all().delete()
    CitationFactory(entry=envoy, source=guide, locator="pe-1826-cool-01", quotation="Cooley, James")
    CitationFactory(
        entry=appointment, source=guide, locator="pe-1826-cool-01", quotation="Cooley, James", claim="rank"
    )
    notes = Notes(envoy, Appointment.objects.filter(pk=appointment.pk))
    assert len(notes) == 1
    assert [owner for owner, _ in notes.notes[0].citations] == [envoy, appointment]


@pytest.mark.django_db
def test_a_note_is_current_when_its_source_gives_it_as_true_when_written(sources):
    _, sheet = sources
    agreement = AgreementFactory(agreement_status=Agreement.AgreementStatus.SIGNED, draft=True, citation=None)
    CitationFactory(entry=agreement, source=sheet, quotation="is now in force", current=True)
    [note] = Notes(agreement)
    assert note.current
