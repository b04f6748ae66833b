"""
What ``import_hsg`` makes of an excerpt of the Office of the Historian's repositories
(tests/hsg_excerpt), imported once into an empty database: appointments with the register's
dates, citations that name their records and quote them, the kinds of date kept apart, the
envoys of both countries with their biographies, the breaks in relations, one event per
trip, titles that tell events apart, and names spelt one way.
"""

import pytest

from relations.citations import Notes
from relations.hsg.dates import span, written_dates
from relations.models import Appointment, Citation, Envoy, Event, Mission
from relations.partial_dates import PartialDate
from tests import hsg_support
from tests.factories import CitationFactory, SourceFactory
from tests.hsg_support import EXCERPT, citations_of, claims, run_import

first_import = hsg_support.first_import
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_import")]


# What the import makes of the records ----------------------------------------------------------------


def test_the_register_gives_each_appointment_its_dates_precisions_and_qualifiers():
    cooley = Appointment.objects.get(pk="pe-1826-cool-01")
    assert (cooley.envoy_id, cooley.mission_id, cooley.rank) == (
        "cooley-james",
        "us-legation-lima",
        Appointment.Rank.CHARGE,
    )
    assert (cooley.appointed, cooley.credentials_presented, cooley.ended) == (
        PartialDate(1826, 5, 2),
        PartialDate(1827, 5, 21),
        PartialDate(1828, 2, 24),
    )
    assert (cooley.ended_note, cooley.outcome) == ("Died at post on", Appointment.Outcome.DIED)
    brayshaw = Appointment.objects.get(pk="pe-1992-bray-01")
    assert (brayshaw.credentials_presented.isoformat(), brayshaw.ended.isoformat()) == ("1992-09", "1993-12")
    assert brayshaw.mission_id == "us-embassy-lima"
    thornton = Appointment.objects.get(pk="pe-1836-thor-01")
    assert thornton.mission.host_country_id == "pe-bo"
    assert thornton.credentials_note == "Officially recognized on"
    prevost = Appointment.objects.get(pk="pe--prev-01")
    assert (prevost.is_nominee_only, prevost.outcome) == (True, Appointment.Outcome.DID_NOT_SERVE)
    envoy = Envoy.objects.get(pk="cooley-james")
    assert (envoy.name, envoy.sort_name, envoy.birth_year, envoy.death_year, envoy.residence) == (
        "James Cooley",
        "Cooley, James",
        1791,
        1828,
        "Ohio",
    )


def test_citations_name_repository_file_and_record_and_quote_the_record():
    citation = citations_of(Appointment.objects.get(pk="pe-1826-cool-01")).get(claim="")
    assert citation.locator == "HistoryAtState/pocom, missions-countries/peru.xml, pe-1826-cool-01"
    assert citation.quotation == (
        "Chargé d’Affaires. Appointed: 1826-05-02. Credentials presented: 1827-05-21. "
        "Termination of mission: Died at post on 1828-02-24."
    )
    trip = citations_of(Event.objects.get(pk="visit-1934-hull-lima")).get()
    assert trip.locator == "HistoryAtState/travels, secretary-travels/hull-cordell.xml, trip 947"


def test_each_dated_claim_is_cited_to_words_that_state_its_date():
    checked = 0
    for citation in Citation.objects.exclude(claim="").exclude(value=""):
        date = PartialDate.parse(citation.value)
        stated = {w.partial().isoformat() for w in written_dates(citation.quotation) if w.year}
        for clause in citation.quotation.split(";"):
            stated |= {end.isoformat() for end in (span(clause).start, span(clause).end) if end}
        assert date.isoformat() in citation.quotation or date.isoformat() in stated, citation.quotation
        checked += 1
    assert checked > 20
    legation = Mission.objects.get(pk="us-legation-lima")
    [closed] = citations_of(legation).filter(claim="closed")
    assert (closed.value, "April 24, 1920" in closed.quotation) == ("1920-04-24", True)
    assert "1827" not in closed.quotation


def test_the_register_and_frus_keep_their_own_kinds_of_date():
    loeb = Appointment.objects.get(pk="pe-1961-loeb-01")
    assert (loeb.credentials_presented, loeb.ended) == (PartialDate(1961, 5, 23), PartialDate(1962, 7, 18))
    assert (loeb.held_from, loeb.held_to) == (PartialDate(1961, 5, 23), PartialDate(1962, 7, 26))
    assert loeb.held_note == "Ambassador to Peru, May 23, 1961-July 26, 1962"
    assert claims(loeb, "held_from") == {("hsg-people", "1961-05-23")}
    assert loeb.editorial_note.startswith("FRUS has Loeb Ambassador to Peru until July 26, 1962")


def test_the_briggs_credentials_date_is_the_sites_deliberate_choice_with_both_values_cited():
    briggs = Appointment.objects.get(pk="pe-1955-brig-01")
    assert briggs.credentials_presented == PartialDate(1955, 5, 27)
    assert claims(briggs, "credentials_presented") == {
        ("hsg-chiefs-of-mission", "1955-03-27"),
        ("hsg-people", "1955-05-27"),
    }
    assert (briggs.held_from, briggs.held_to) == (PartialDate(1955, 5, 27), PartialDate(1956, 6, 5))
    assert "slip of the month" in briggs.editorial_note


def test_chargés_and_envoys_of_peru_come_from_the_people_database():
    henderson = Appointment.objects.get(pk="henderson-douglas-1962")
    assert (henderson.rank, henderson.mission_id, henderson.credentials_presented) == (
        Appointment.Rank.CHARGE,
        "us-embassy-lima",
        None,
    )
    assert (henderson.held_from, henderson.held_to) == (PartialDate(1962, 7, 26), PartialDate(1962, 11, 29))
    first, second = Envoy.objects.get(pk="berckemeyer-pazos-fernando").appointments.order_by("slug")
    assert (first.rank, first.mission_id) == (
        Appointment.Rank.AMBASSADOR_AS_STATED,
        "peru-embassy-washington",
    )
    assert (first.held_from, first.held_to) == (PartialDate(1949, 1, 18), PartialDate(1963, 12))
    assert (second.held_from, second.held_to) == (PartialDate(1969, 1), PartialDate(1975))
    assert claims(second, "held_to") == {("hsg-people", "1975")}
    assert Envoy.objects.get(pk="berckemeyer-pazos-fernando").sending_country_id == "pe"
    pezet = Appointment.objects.get(pk="pezet-federico-alfonso")
    assert (pezet.rank, pezet.mission_id, pezet.held_note) == (
        Appointment.Rank.MINISTER_AS_STATED,
        "peru-legation-washington",
        "Peruvian Minister at Washington.",
    )


def test_a_biography_gives_life_career_other_posts_and_frus_each_cited():
    briggs = Envoy.objects.get(pk="briggs-ellis-ormsbee")
    life, posts, frus = briggs.biography.split("\n\n")[:3]
    assert life == "Ellis Ormsbee Briggs (1899–1976), of Maine. Career Foreign Service Officer."
    assert "– Career Ambassador: appointed 24 June 1960." in posts.splitlines()
    assert "“Ambassador to Peru, May 27, 1955-June 5, 1956; Ambassador to Brazil from July 24, 1956”" in frus
    cited = {citation.locator for citation in citations_of(briggs).filter(claim="biography")}
    assert "HistoryAtState/pocom, positions-principals/career-ambassador.xml, amba-1960-brig" in cited
    clay = Envoy.objects.get(pk="clay-john-randolph")
    assert "– Chargé d’Affaires, Russia: appointed 29 June 1836;" in clay.biography


def test_the_breaks_in_relations_the_register_records_are_events():
    interruptions = {
        "us-suspends-relations-with-peru-1860": "1860-10-19",
        "normal-relations-interrupted-1865": "1865-11-26",
        "us-reaction-to-1962-coup": "1962-07-18",
    }
    for slug, date in interruptions.items():
        event = Event.objects.get(pk=slug)
        assert event.date.isoformat() == date
        assert ("hsg-chiefs-of-mission", date) in claims(event, "date")
        assert "never been severed" in event.editorial_note
        assert citations_of(event).filter(source="hsg-country-guide-peru").count() == 2
    coup = Event.objects.get(pk="us-reaction-to-1962-coup")
    assert coup.title == "The 1962 coup: the United States interrupts normal relations with Peru"
    # A request to recall an envoy is no interruption: the guide's words on severance are not cited.
    recall = Event.objects.get(pk="peru-requests-recall-of-us-charge-1846")
    assert ("hsg-chiefs-of-mission", "1846-04-11") in claims(recall, "date")
    assert not citations_of(recall).filter(source="hsg-country-guide-peru").exists()
    assert recall.editorial_note == ""


def test_the_import_keeps_one_event_for_each_break_under_the_slug_the_site_gave_it():
    for envoy in ["jewett-albert-gallatin", "clay-john-randolph", "loeb-james-isaac"]:
        assert Event.objects.filter(envoys=envoy).count() == 1, envoy
    for default in [
        "peru-requests-recall-of-us-envoy-1846",
        "relations-suspended-1860",
        "normal-relations-interrupted-1962",
    ]:
        assert not Event.objects.filter(pk=default).exists()


def test_a_trip_of_the_president_with_the_secretary_is_one_event_citing_both_records():
    trip = Event.objects.get(pk="visit-2002-bush-lima")
    assert (
        trip.title == "President George W. Bush and Secretary of State Colin Luther Powell visit Peru (2002)"
    )
    assert (trip.date, trip.end_date) == (PartialDate(2002, 3, 22), PartialDate(2002, 3, 24))
    assert [citation.locator.rsplit(", ", 1)[-1] for citation in citations_of(trip)] == [
        "trip 2396",
        "trip 1289",
    ]
    assert not Event.objects.filter(pk="visit-2002-powell-lima").exists()


def test_titles_carry_the_year_and_no_two_events_share_one():
    titles = list(Event.objects.published().values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    assert Event.objects.get(pk="visit-2001-powell-lima").title.endswith("(2001)")
    toledo = Event.objects.filter(slug__startswith="visit-us-2006").order_by("date")
    assert [event.title for event in toledo] == [
        "President Alejandro Toledo visits the United States (March 2006)",
        "President Alejandro Toledo visits the United States (July 2006)",
    ]


def test_the_sites_text_spells_names_one_way_and_quotations_as_the_records_do():
    hull = Event.objects.get(pk="visit-1934-hull-lima")
    assert "President Benavides" in hull.summary
    assert "Benvenidez" not in hull.summary
    assert "Benvenidez" in citations_of(hull).get().quotation
    belaunde = Event.objects.get(pk="visit-us-1984-09-25-fernando-belaunde-terry")
    assert belaunde.title == "President Fernando Belaúnde Terry visits the United States (1984)"
    assert "Belaunde" in citations_of(belaunde).get(source="hsg-visits").quotation
    assert "Prime Minister Mariátegui" in belaunde.summary
    assert "Prime Minister Mariategui" in citations_of(belaunde).get(source="hsg-visits").quotation
    assert claims(belaunde, "date") == {("hsg-people", "1984")}


def test_the_country_guide_dates_an_appointment_by_the_words_before_its_date_taken_whole():
    # "on" is not the end of "Thornton": the guide appoints Pickett on 8 June, the register on 9 June.
    pickett = Appointment.objects.get(pk="pe-1838-pick-01")
    assert claims(pickett, "appointed") == {
        ("hsg-country-guide-peru", "1838-06-08"),
        ("hsg-chiefs-of-mission", "1838-06-09"),
    }


def test_a_decade_the_office_gives_is_stored_as_the_decade():
    apec = Event.objects.get(pk="peru-joins-apec")
    assert (apec.date.stored(), apec.end_date) == ("199", None)
    assert "1990s" in citations_of(apec).get().quotation


# Where another source disagrees --------------------------------------------------------------------------


def other_account(entry, claim, value, words="Another account of the same happening."):
    source = SourceFactory(title="Another account")
    return CitationFactory(entry=entry, source=source, quotation=words, claim=claim, value=value)


def test_where_another_source_gives_a_date_that_cannot_be_true_the_offices_record_carries_its_own():
    visit = Event.objects.get(pk="visit-us-1984-09-25-fernando-belaunde-terry")
    record = citations_of(visit).get(source="hsg-visits")
    other_account(visit, "date", "1983", "visited President Reagan in Washington in 1983")
    run_import(EXCERPT)
    record.refresh_from_db()
    assert (record.claim, record.value) == ("date", "1984-09-25")
    assert citations_of(visit).filter(source="hsg-visits").count() == 1
    assert "Nothing to change" in run_import(EXCERPT)


@pytest.mark.parametrize("agreeing", ["1984", ""])
def test_where_another_source_agrees_or_gives_no_value_the_offices_record_is_left_as_it_is(agreeing):
    visit = Event.objects.get(pk="visit-us-1984-09-25-fernando-belaunde-terry")
    before = list(citations_of(visit).filter(source="hsg-visits").values_list("pk", "claim", "value"))
    other_account(visit, "date", agreeing)
    assert "Nothing to change" in run_import(EXCERPT)
    assert list(citations_of(visit).filter(source="hsg-visits").values_list("pk", "claim", "value")) == before
    assert before[0][1:] == ("", "")


def test_where_another_source_words_a_claim_differently_the_offices_words_are_cited_for_it():
    visit = Event.objects.get(pk="visit-us-1961-09-19-prado")
    other_account(visit, "summary", "official visit", "during the official visit of the President of Peru")
    run_import(EXCERPT)
    record = citations_of(visit).get(source="hsg-visits")
    assert (record.position, record.claim, record.value) == (1, "summary", "State visit")
    notes = Notes(visit)
    assert notes.difference(visit, "summary") is not None
