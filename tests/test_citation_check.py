"""The site's check of its own quotations and cited values against its sources."""

import pytest
from django.core.management import CommandError, call_command

from relations.partial_dates import PartialDate
from relations.quotations import dates_stated, is_quoted_from, states_date

from .factories import AppointmentFactory, CitationFactory, EventFactory, SourceFactory

TEXT = """Peru–United States relations

Diplomatic relations and the American Legation in Lima were established on May 21, 1827, when James \
Cooley presented his credentials as Chargé d’Affaires.
The current U.S. ambassador is
Lisa D. Kenna
Lisa S. Dougherty Kenna (born August 19, 1965) is the United States Ambassador to Peru since 2021.
, who was confirmed by the Senate."""


def test_a_quotation_is_found_whatever_its_quote_marks_dashes_and_spacing():
    quotation = "as Chargé d'Affaires"
    assert is_quoted_from(quotation, TEXT)
    assert is_quoted_from("Peru-United States   relations", TEXT)


def test_an_altered_quotation_is_not_found():
    assert not is_quoted_from("established on May 12, 1827", TEXT)


def test_a_quotation_may_leave_words_out_where_an_ellipsis_says_so_but_not_reorder_them():
    assert is_quoted_from("Diplomatic relations … were established on May 21, 1827", TEXT)
    assert not is_quoted_from("were established on May 21, 1827 … Diplomatic relations", TEXT)


def test_a_quotation_runs_on_across_inlined_lines_only_where_the_text_is_interleaved():
    quotation = "The current U.S. ambassador is Lisa D. Kenna, who was confirmed by the Senate."
    assert is_quoted_from(quotation, TEXT, interleaved=True)
    assert not is_quoted_from(quotation, TEXT)
    assert not is_quoted_from("The current U.S. ambassador is Krishna Urs", TEXT, interleaved=True)


@pytest.mark.parametrize(
    ("text", "date", "stated"),
    [
        ("established on May 21, 1827, when", "1827-05-21", True),
        ("on 21 May 1827", "1827-05-21", True),
        ("Credentials presented: 1827-05-21.", "1827-05-21", True),
        ("established on May 21, 1827", "1827-05", True),
        ("established on May 21, 1827", "1827", True),
        ("established in 1827", "1827-05-21", False),
        ("established on May 12, 1827", "1827-05-21", False),
        ("over the course of the 1990s", "199", True),
        ("September 10-16, 1906", "1906-09-16", True),
        ("Charge d'Affaires, July 26-November 29, 1962", "1962-07-26", True),
        ("Charge d'Affaires, July 26-November 29, 1962", "1962-11-29", True),
        ("December 20-January 5, 1963", "1962-12-20", True),
        ("December 20-January 5, 1963", "1963-12-20", False),
        ("in June 2013", "2013-06", True),
    ],
)
def test_a_date_is_stated_by_the_same_date_or_a_finer_one_within_it(text, date, stated):
    assert states_date(text, PartialDate.parse(date)) is stated


def test_impossible_dates_in_a_text_state_nothing():
    assert {date.stored() for date in dates_stated("on February 29, 1900")} == {"1900"}


@pytest.fixture
def stored_source(db):
    return SourceFactory(title="Older revision", text=TEXT, text_interleaved=True)


@pytest.mark.django_db
def test_check_citations_passes_on_quotations_found_and_values_stated(stored_source, capsys):
    event = EventFactory(date="1827-05-21", citation=None)
    CitationFactory(
        entry=event,
        source=stored_source,
        quotation="established on May 21, 1827",
        claim="date",
        value="1827-05-21",
    )
    call_command("check_citations")
    assert "Every citation checked holds." in capsys.readouterr().out


@pytest.mark.django_db
def test_check_citations_fails_on_an_altered_quotation_and_names_the_entry(stored_source, capsys):
    event = EventFactory(slug="relations-established", date="1827", citation=None)
    CitationFactory(entry=event, source=stored_source, quotation="established in 1827 by treaty")
    with pytest.raises(CommandError, match="1 citation check failed"):
        call_command("check_citations")
    assert "event “relations-established”: citation 1 (Older revision" in capsys.readouterr().out


@pytest.mark.django_db
def test_check_citations_fails_on_a_value_its_quotation_does_not_state(stored_source, capsys):
    event = EventFactory(slug="relations-established", date="1827-05-21", citation=None)
    CitationFactory(
        entry=event, source=stored_source, quotation="May 21, 1827", claim="date", value="1827-05-12"
    )
    with pytest.raises(CommandError):
        call_command("check_citations")
    assert "does not state the value it gives for the date, “1827-05-12”" in capsys.readouterr().out


@pytest.mark.django_db
def test_check_citations_fails_on_a_date_shown_that_no_quotation_states(stored_source, capsys):
    appointment = AppointmentFactory(slug="cooley-1826", appointed="1826-05-02", credentials_presented=None)
    appointment.ended = None
    appointment.save()
    CitationFactory(entry=appointment, source=stored_source, quotation="James Cooley")
    with pytest.raises(CommandError):
        call_command("check_citations")
    output = capsys.readouterr().out
    assert "appointment “cooley-1826”: no quotation of its citations states the appointed shown" in output


@pytest.mark.django_db
def test_check_citations_fails_on_a_derived_date_without_an_editorial_note(stored_source, capsys):
    event = EventFactory(slug="ambassador-in-post", date="2022<", citation=None)
    CitationFactory(entry=event, source=stored_source, quotation="The current U.S. ambassador is")
    with pytest.raises(CommandError):
        call_command("check_citations")
    assert "the date “by 2022” is derived, and no editorial note says how" in capsys.readouterr().out
    event.editorial_note = "Dated by the revision that calls her the current ambassador."
    event.save()
    call_command("check_citations")


@pytest.mark.django_db
def test_check_citations_fails_on_a_passage_cited_twice_on_one_entry(stored_source, capsys):
    event = EventFactory(date="1827-05-21", citation=None)
    for claim in ["", "date"]:
        CitationFactory(
            entry=event, source=stored_source, locator="p. 1", quotation="May 21, 1827", claim=claim
        )
    with pytest.raises(CommandError):
        call_command("check_citations")
    assert "citation 2 (Older revision, p. 1) repeats citation 1" in capsys.readouterr().out


def test_a_passage_cited_twice_is_found_whatever_its_quote_marks_and_spacing(stored_source, capsys):
    """As the page would show them: one note, so one passage."""
    event = EventFactory(date="1827-05-21", citation=None)
    for claim, quotation in [
        ("", "Cooley presented his credentials as Chargé d’Affaires"),
        ("date", "Cooley presented  his credentials as Chargé d'Affaires"),
    ]:
        CitationFactory(entry=event, source=stored_source, locator="p. 1", quotation=quotation, claim=claim)
    with pytest.raises(CommandError):
        call_command("check_citations")
    assert "citation 2 (Older revision, p. 1) repeats citation 1" in capsys.readouterr().out


@pytest.mark.django_db
def test_quotations_of_sources_without_a_stored_text_are_counted_as_unchecked(capsys):
    EventFactory(date="1900", citation__quotation="In 1900 nothing happened.")
    call_command("check_citations")
    assert "1 quotation of sources with no stored text could not be checked" in capsys.readouterr().out
