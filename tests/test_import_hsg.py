import copy
import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from relations.models import (
    Appointment,
    Citation,
    Country,
    Envoy,
    Event,
    Mission,
    Source,
    Topic,
)
from relations.partial_dates import PartialDate

pytestmark = pytest.mark.django_db

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "hsg"
needs_real_data = pytest.mark.skipif(
    not REAL_DATA.is_dir(),
    reason="The Office of the Historian data is not in ../shared/data/hsg beside this clone.",
)

IMPORTED_MODELS = [Source, Country, Topic, Mission, Envoy, Appointment, Event, Citation]


def run_import(directory):
    out = StringIO()
    call_command("import_hsg", str(directory), stdout=out)
    return out.getvalue()


def snapshot():
    """Every row an import can write, timestamps included."""
    return {
        model.__name__: serializers.serialize("json", model.objects.order_by("pk"))
        for model in IMPORTED_MODELS
    }


def claims(entry, claim):
    """The values the citations of ``entry`` give for ``claim``, by source."""
    content_type = ContentType.objects.get_for_model(entry)
    citations = Citation.objects.filter(content_type=content_type, object_id=entry.pk, claim=claim)
    return {(citation.source_id, citation.value) for citation in citations}


def citations_of(entry):
    content_type = ContentType.objects.get_for_model(entry)
    return Citation.objects.filter(content_type=content_type, object_id=entry.pk).order_by("position")


# The real data ---------------------------------------------------------------------------------


@pytest.fixture
def imported():
    return run_import(REAL_DATA)


@needs_real_data
def test_every_chief_of_mission_is_imported(imported):
    us_appointments = Appointment.objects.filter(envoy__sending_country="us")
    assert us_appointments.filter(is_nominee_only=False).count() == 56
    assert us_appointments.filter(is_nominee_only=True).count() == 3
    assert Envoy.objects.filter(sending_country="us").count() == 58
    assert set(us_appointments.filter(is_nominee_only=True).values_list("outcome", flat=True)) == {
        Appointment.Outcome.DID_NOT_SERVE
    }
    clay = Envoy.objects.get(pk="clay-john-randolph")
    assert list(clay.appointments.order_by("appointed").values_list("slug", "rank")) == [
        ("pe-1847-clay-01", Appointment.Rank.CHARGE),
        ("pe-1853-clay-01", Appointment.Rank.ENVOY),
    ]
    assert clay.appointments.get(slug="pe-1847-clay-01").outcome == Appointment.Outcome.PROMOTED
    assert Appointment.objects.get(slug="pe-2002-daws-01").outcome == Appointment.Outcome.DIED_AWAY


@needs_real_data
def test_cooley_has_the_dates_and_precisions_of_the_register(imported):
    cooley = Envoy.objects.get(pk="cooley-james")
    assert (cooley.name, cooley.sort_name, cooley.birth_year, cooley.death_year) == (
        "James Cooley",
        "Cooley, James",
        1791,
        1828,
    )
    assert cooley.career_status == Envoy.CareerStatus.PRE_1915
    assert cooley.residence == "Ohio"
    assert cooley.external_url == "https://history.state.gov/departmenthistory/people/cooley-james"
    appointment = Appointment.objects.get(pk="pe-1826-cool-01")
    assert appointment.envoy == cooley
    assert appointment.mission_id == "us-legation-lima"
    assert appointment.rank == Appointment.Rank.CHARGE
    assert appointment.appointed == PartialDate(1826, 5, 2)
    assert appointment.appointed.precision == "day"
    assert appointment.arrived is None
    assert appointment.credentials_presented == PartialDate(1827, 5, 21)
    assert appointment.ended == PartialDate(1828, 2, 24)
    assert (appointment.ended_note, appointment.outcome) == ("Died at post on", Appointment.Outcome.DIED)
    citation = citations_of(appointment).get(source="hsg-chiefs-of-mission", claim="")
    assert citation.locator == "missions-countries/peru.xml, pe-1826-cool-01"
    assert "1827-05-21" in citation.quotation


@needs_real_data
def test_qualifiers_notes_and_posts_are_kept(imported):
    thornton = Appointment.objects.get(pk="pe-1836-thor-01")
    assert thornton.credentials_note == "Officially recognized on"
    assert thornton.mission_id == "us-legation-peru-bolivian-confederation"
    assert thornton.mission.host_country_id == "pe-bo"
    assert thornton.note.startswith("Commissioned to Peru, but received by the Government")
    brayshaw = Appointment.objects.get(pk="pe-1992-bray-01")
    assert brayshaw.credentials_presented == PartialDate(1992, 9)
    assert brayshaw.credentials_presented.precision == "month"
    assert brayshaw.ended.precision == "month"
    assert brayshaw.rank == Appointment.Rank.CHARGE_AD_INTERIM
    assert Appointment.objects.get(pk="pe-1913-mcmi-01").mission_id == "us-legation-lima"
    assert Appointment.objects.get(pk="pe-1919-gonz-01").mission_id == "us-embassy-lima"
    assert Appointment.objects.get(pk="pe-1838-pick-01").mission_id == "us-legation-lima"
    assert Appointment.objects.get(pk="pe-1853-clay-01").outcome == Appointment.Outcome.SUSPENDED
    osma = Appointment.objects.get(envoy="osma-joaquin-jose-de")
    assert (osma.mission_id, osma.appointed) == ("peru-legation-washington", PartialDate(1846, 12))
    assert osma.mission.sending_country_id == "pe"
    embassy = Mission.objects.get(pk="us-embassy-lima")
    assert embassy.predecessor_id == "us-legation-lima"
    assert embassy.opened == Mission.objects.get(pk="us-legation-lima").closed == PartialDate(1920, 4, 24)


@needs_real_data
def test_the_key_events_have_the_slugs_and_dates_others_cite(imported):
    expected = {
        "us-recognizes-peru-independence": PartialDate(1826, 5, 2),
        "diplomatic-relations-established": PartialDate(1827, 5, 21),
        "us-recognizes-peru-bolivian-confederation": PartialDate(1837, 3, 16),
        "peru-legation-in-washington-established": PartialDate(1846, 12),
        "lima-legation-raised-to-embassy": PartialDate(1920, 4, 24),
    }
    for slug, date in expected.items():
        event = Event.objects.get(pk=slug)
        assert (event.date, event.date.precision) == (date, date.precision)
        assert event.is_published()


@needs_real_data
def test_travels_visits_and_milestones_become_events(imported):
    trips_to_peru = Event.objects.filter(slug__regex=r"^visit-\d{4}-[a-z]")
    assert trips_to_peru.count() == 22
    assert set(trips_to_peru.values_list("category", flat=True)) == {Event.Category.VISIT}
    root = Event.objects.get(pk="visit-1906-root-lima")
    assert (root.date, root.end_date) == (PartialDate(1906, 9, 10), PartialDate(1906, 9, 16))
    assert Event.objects.filter(slug__startswith="trip-").count() == 5
    assert Event.objects.get(pk="trip-1990-bush-cartagena").is_published()
    assert not Event.objects.get(pk="trip-1938-hull-panama-city").is_published()
    assert Event.objects.filter(slug__startswith="visit-us-").count() == 30
    war = Event.objects.get(pk="war-of-the-pacific")
    assert (war.date, war.end_date) == (PartialDate(1879), PartialDate(1883))
    apec = Event.objects.get(pk="peru-joins-apec")
    assert (apec.date.precision, apec.end_date.precision) == ("year", "year")
    assert apec.editorial_note
    assert Event.objects.get(pk="south-atlantic-crisis-peace-initiatives").date == PartialDate(1982)
    assert Topic.objects.get(pk="trade").events.filter(pk="visit-2016-obama-lima").exists()


@needs_real_data
def test_every_entry_is_cited_with_a_locator_and_the_source_s_words(imported):
    for model in (Envoy, Appointment, Mission, Event):
        for entry in model.objects.all():
            citations = citations_of(entry)
            assert citations, f"{model.__name__} {entry.pk} has no citation"
            for citation in citations:
                assert citation.locator and citation.quotation, f"{citation} of {entry.pk}"
    assert set(Source.objects.values_list("publisher", flat=True)) == {
        "U.S. Department of State, Office of the Historian"
    }
    assert (
        "44d2226df6b26f8f5807215ec40e3a6c4d706bbb"
        in Source.objects.get(pk="hsg-chiefs-of-mission").description
    )


@needs_real_data
def test_disagreements_inside_the_office_s_data_are_recorded(imported):
    established = Event.objects.get(pk="diplomatic-relations-established")
    assert {value for _, value in claims(established, "date")} == {"1826", "1827-05-21"}
    assert established.date == PartialDate(1827, 5, 21)
    assert established.editorial_note

    confederation = Event.objects.get(pk="us-recognizes-peru-bolivian-confederation")
    assert {value for _, value in claims(confederation, "date")} == {"1837-03-16", "1838"}

    briggs = Appointment.objects.get(pk="pe-1955-brig-01")
    assert claims(briggs, "credentials_presented") == {
        ("hsg-chiefs-of-mission", "1955-03-27"),
        ("hsg-people", "1955-05-27"),
    }
    assert briggs.credentials_presented == PartialDate(1955, 5, 27)
    assert briggs.editorial_note

    pickett = Appointment.objects.get(pk="pe-1838-pick-01")
    assert claims(pickett, "appointed") == {
        ("hsg-country-guide-peru", "1838-06-08"),
        ("hsg-chiefs-of-mission", "1838-06-09"),
    }
    assert pickett.appointed == PartialDate(1838, 6, 9)
    thornton = Appointment.objects.get(pk="pe-1836-thor-01")
    assert {value for _, value in claims(thornton, "appointed")} == {"1836-06-15", "1837-03-16"}


@needs_real_data
def test_a_second_run_changes_nothing(imported):
    before = snapshot()
    output = run_import(REAL_DATA)
    assert snapshot() == before
    report = [line for line in output.splitlines() if line.startswith("relations.")]
    assert report and all(" 0 created, 0 updated," in line for line in report)
    assert "Nothing to change" in output


# Small data for the edge cases -----------------------------------------------------------------


def meta(path):
    return {
        "published_at": "https://history.state.gov/",
        "sources": [
            {
                "repository": "HistoryAtState/example",
                "url": "https://github.com/HistoryAtState/example",
                "commit": "0" * 40,
                "commit_date": "2026-01-01T00:00:00+00:00",
                "paths": [
                    {
                        "path": path,
                        "last_changed_in_commit": "1" * 40,
                        "last_changed_date": "2022-02-15T00:00:00-05:00",
                    }
                ],
            }
        ],
    }


def given(date=None, precision=None, note=None):
    return {"date": date, "precision": precision, "note": note}


def chief(chief_id, person_id, full, surname, forename, role, **dates):
    return {
        "list": "chiefs",
        "pocom_chief_id": chief_id,
        "person_id": person_id,
        "hsg_person_url": f"https://history.state.gov/departmenthistory/people/{person_id}",
        "person_source_path": f"people/{person_id[0]}/{person_id}.xml",
        "name": {"full": full, "surname": surname, "forename": forename, "gen_name": None, "altnames": []},
        "birth_year": None,
        "death_year": None,
        "career_type": "career",
        "career_type_label": "Foreign Service Officer",
        "residence_state": None,
        "role_title_id": role,
        "role_title": role,
        "appointed": dates.get("appointed", given()),
        "arrived": given(),
        "credentials_presented": dates.get("credentials_presented", given()),
        "termination": dates.get("termination", given()),
        "note": None,
    }


def rdcr_event(event_id, date, precision, sentence, people=()):
    return {
        "event_id": event_id,
        "date": date,
        "precision": precision,
        "section": "diplomatic-relations",
        "timeline_head": f"Heading of {event_id}.",
        "timeline_head_date": date[:4],
        "people": [{"name": name, "pocom_person_id": None} for name in people],
        "sentence": sentence,
    }


SMALL_DATA = {
    "pocom_peru_chiefs_of_mission.json": {
        "_meta": meta("missions-countries/peru.xml"),
        "records": [
            chief(
                "pe-1826-cool-01",
                "cooley-james",
                "James Cooley",
                "Cooley",
                "James",
                "charge-daffaires",
                appointed=given("1826-05-02", "day"),
                credentials_presented=given("1827-05-21", "day"),
                termination=given("1828-02-24", "day", "Died at post on"),
            ),
            chief(
                "pe-1992-bray-01",
                "brayshaw-charles-h",
                "Charles H. Brayshaw",
                "Brayshaw",
                "Charles H.",
                "charge-daffaires-ad-interim",
                credentials_presented=given("1992-09", "month"),
                termination=given("1993-12", "month"),
            ),
        ],
    },
    "rdcr_peru.json": {
        "_meta": meta("articles/peru.xml"),
        "article": {
            "title_complete": "A Guide: Peru",
            "publication_statement": "Department of State, 2008",
            "source_description": "Researched and written by A. Historian, February 2009",
            "hsg_url": "https://history.state.gov/countries/peru",
            "sections": [],
            "events": [
                rdcr_event("rdcr-pe-06", "1837-03-16", "day", "The Confederation was recognized."),
                rdcr_event("rdcr-pe-11", "1827-05-21", "day", "Relations were established."),
                rdcr_event("rdcr-pe-12", "1846-12", "month", "Peru named its first minister."),
                rdcr_event("rdcr-pe-13", "1920-04-24", "day", "The legation was raised to an embassy."),
            ],
        },
    },
    "travels_peru.json": {"_meta": meta("secretary-travels/root-elihu.xml"), "records": []},
    "visits_peru.json": {"_meta": meta("data/1900.xml"), "records": []},
    "milestones_peru.json": {"_meta": meta("chapters/1866-1898.xml"), "records": []},
    "people_peru_mentions.json": {"_meta": meta("data/100000.xml"), "records": []},
}


def trip(trip_id, year, locale="Lima"):
    return {
        "trip_id": trip_id,
        "relation": "trip_to_peru",
        "role": "secretary",
        "traveler_id": "root-elihu",
        "traveler_name": "Elihu Root",
        "start_date": f"{year}-09-10",
        "end_date": f"{year}-09-16",
        "country_id": "peru",
        "country": "Peru",
        "locale": locale,
        "remarks": "Met with President Pardo.",
        "source_path": "secretary-travels/root-elihu.xml",
    }


@pytest.fixture
def small_data(tmp_path):
    """Write the small data set into ``tmp_path``; return a function that rewrites one file."""
    data = copy.deepcopy(SMALL_DATA)

    def write(change=None):
        if change:
            change(data)
        for filename, content in data.items():
            (tmp_path / filename).write_text(json.dumps(content), encoding="utf-8")
        return tmp_path

    write()
    return write


def test_month_only_dates_keep_their_precision(small_data):
    run_import(small_data())
    brayshaw = Appointment.objects.get(pk="pe-1992-bray-01")
    assert brayshaw.appointed is None
    assert (brayshaw.credentials_presented.isoformat(), brayshaw.credentials_presented.precision) == (
        "1992-09",
        "month",
    )
    assert (brayshaw.ended.isoformat(), brayshaw.ended.precision) == ("1993-12", "month")
    assert (brayshaw.ended_note, brayshaw.outcome) == ("", "")
    assert brayshaw.mission_id == "us-embassy-lima"
    assert Envoy.objects.get(pk="brayshaw-charles-h").sort_name == "Brayshaw, Charles H."
    # Nothing here is cited to the people database, so it is not among the sources.
    assert not Source.objects.filter(pk="hsg-people").exists()


def test_an_invalid_date_stops_the_import_and_changes_nothing(small_data):
    def invalid_month(data):
        data["pocom_peru_chiefs_of_mission.json"]["records"][0]["appointed"] = given("1826-13-02", "day")

    with pytest.raises(CommandError) as error:
        run_import(small_data(invalid_month))
    assert "pocom_peru_chiefs_of_mission.json" in str(error.value)
    assert "pe-1826-cool-01" in str(error.value)
    assert all(model.objects.count() == 0 for model in IMPORTED_MODELS)


def test_a_bad_record_after_a_good_import_changes_nothing(small_data):
    run_import(small_data())
    before = snapshot()

    def wrong_precision(data):
        records = data["pocom_peru_chiefs_of_mission.json"]["records"]
        records[0]["note"] = "A new note."
        records[1]["termination"] = given("1993-12", "day")

    with pytest.raises(CommandError, match=r"pe-1992-bray-01.*known to the month, not to the day"):
        run_import(small_data(wrong_precision))
    assert snapshot() == before


def test_a_missing_file_is_named(small_data):
    directory = small_data()
    (directory / "visits_peru.json").unlink()
    with pytest.raises(CommandError, match="visits_peru.json"):
        run_import(directory)


def test_two_records_with_one_slug_are_refused(small_data):
    def two_trips(data):
        data["travels_peru.json"]["records"] = [trip("1", 1906), trip("2", 1906, "Callao, Lima")]

    with pytest.raises(CommandError, match="records 1 and 2.*visit-1906-root-lima"):
        run_import(small_data(two_trips))


def test_a_second_run_on_small_data_changes_nothing(small_data):
    run_import(small_data())
    before = snapshot()
    output = run_import(small_data())
    assert snapshot() == before
    assert "Nothing to change" in output


def test_citations_added_by_others_are_never_touched(small_data):
    run_import(small_data())
    mission = Mission.objects.get(pk="us-legation-peru-bolivian-confederation")
    appointment = Appointment.objects.get(pk="pe-1826-cool-01")
    seed = Source.objects.create(slug="a-seed-text", title="A seed text", kind=Source.Kind.WEB_PAGE)
    editor_citations = []
    for entry in (mission, appointment):
        content_type = ContentType.objects.get_for_model(entry)
        last = citations_of(entry).last().position
        editor_citations.append(
            Citation.objects.create(
                content_type=content_type,
                object_id=entry.pk,
                position=last + 1,
                source=seed,
                locator="paragraph 3",
                quotation="The editor's words.",
                claim="",
            )
        )
    imported_citation = citations_of(appointment).get(source="hsg-chiefs-of-mission")
    kept = [serializers.serialize("json", [citation]) for citation in editor_citations]

    def more_data(data):
        data["pocom_peru_chiefs_of_mission.json"]["records"][0]["note"] = "A new note."
        data["rdcr_peru.json"]["article"]["events"].append(
            rdcr_event("rdcr-pe-10", "1839", "year", "The Confederation was dissolved in 1839.")
        )

    output = run_import(small_data(more_data))
    assert [
        serializers.serialize("json", [c.__class__.objects.get(pk=c.pk)]) for c in editor_citations
    ] == kept
    updated = Citation.objects.get(pk=imported_citation.pk)
    assert updated.position == imported_citation.position
    assert updated.quotation.endswith("Note: A new note.")
    dissolved = citations_of(mission).get(locator__endswith="rdcr-pe-10")
    assert dissolved.position == editor_citations[0].position + 1
    assert (dissolved.claim, dissolved.value) == ("closed", "1839")
    assert Mission.objects.get(pk=mission.pk).closed == PartialDate(1839)
    # The new event of the dissolution has a citation of its own.
    assert Event.objects.get(pk="peru-bolivian-confederation-dissolved").is_published()
    assert "relations.citation: 2 created, 1 updated" in output
