"""
``import_hsg`` on an excerpt of the Office of the Historian's repositories (tests/hsg_excerpt):
what it makes of the records, that it changes nothing the second time, how an upstream
correction or a new chief of mission comes in, its dry run, its refusals, a repository
missing, and editors' work left alone.

The excerpt is imported once for the module; each test works on that database and on its
own copy of the folder when it needs to change the data.
"""

import difflib
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from relations import fixtures
from relations.hsg.dates import span, written_dates
from relations.hsg.repository import git_commit
from relations.models import Appointment, Citation, Entry, Envoy, Event, LoadedState, Mission, Source
from relations.partial_dates import PartialDate
from tests.test_editorial import CITATIONS, change, form_data

EXCERPT = Path(__file__).resolve().parent / "hsg_excerpt"
ROWS = [Source, Mission, Envoy, Appointment, Event, Citation, LoadedState]


def run_import(directory, *options):
    out = StringIO()
    call_command("import_hsg", str(directory), *options, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row an import can write, timestamps included."""
    return {model.__name__: serializers.serialize("json", model.objects.order_by("pk")) for model in ROWS}


def citations_of(entry):
    content_type = ContentType.objects.get_for_model(entry)
    return Citation.objects.filter(content_type=content_type, object_id=entry.pk).order_by("position")


def claims(entry, claim):
    return {(citation.source_id, citation.value) for citation in citations_of(entry).filter(claim=claim)}


@pytest.fixture(scope="module")
def first_import(django_db_setup, django_db_blocker):
    """The excerpt imported into an empty database, once; the output of that import."""
    with django_db_blocker.unblock():
        output = run_import(EXCERPT)
        yield output
        call_command("flush", interactive=False, verbosity=0)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_import")]


class Clones(type(Path())):
    """A copy of the excerpt, whose files a test may rewrite."""

    def rewrite(self, path, old, new):
        file = self / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path):
    directory = Clones(tmp_path / "clones")
    shutil.copytree(EXCERPT, directory)
    return directory


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("ana", "ana@example.org", "pw", first_name="Ana", last_name="Ruiz")
    client.force_login(user)
    return user


def exported(directory):
    fixtures.export(directory)
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(Path(directory).glob("*.json"))}


def diff(before, after):
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [
        line[0] + line[1:].strip() for line in lines if line[:1] in "+-" and line[:3] not in {"+++", "---"}
    ]


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
    expected = {
        "peru-requests-recall-of-us-envoy-1846": "1846-04-11",
        "relations-suspended-1860": "1860-10-19",
        "normal-relations-interrupted-1865": "1865-11-26",
        "normal-relations-interrupted-1962": "1962-07-18",
    }
    for slug, date in expected.items():
        event = Event.objects.get(pk=slug)
        assert event.date.isoformat() == date
        assert ("hsg-chiefs-of-mission", date) in claims(event, "date")
        assert "never been severed" in event.editorial_note
    assert "1962" in Event.objects.get(pk="normal-relations-interrupted-1962").title


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
    assert claims(belaunde, "date") == {("hsg-people", "1984")}


# Running again, and upstream changes -----------------------------------------------------------------------


def test_a_second_run_changes_nothing_and_says_so():
    before = snapshot()
    output = run_import(EXCERPT)
    assert snapshot() == before
    assert "pocom (HistoryAtState/pocom, no commit known (not a git clone)): nothing to change" in output
    assert "Nothing to change: the database already says what the data say." in output


def test_a_corrected_date_is_reviewed_in_a_dry_run_then_applied_as_a_small_diff(data, tmp_path):
    before_files = exported(tmp_path / "before")
    data.rewrite("pocom/missions-countries/peru.xml", "<date>2020-07-29</date>", "<date>2020-07-30</date>")
    before = snapshot()
    review = run_import(data, "--dry-run")
    assert snapshot() == before
    assert "pocom (HistoryAtState/pocom, no commit known (not a git clone)): 2 would change" in review
    assert (
        "  missions-countries/peru.xml, pe-2017-urs-01: changed relations.appointment “pe-2017-urs-01”"
        in review
    )
    assert "      ended: 2020-07-29 → 2020-07-30" in review
    assert "travels (HistoryAtState/travels, no commit known (not a git clone)): nothing to change" in review
    run_import(data)
    assert Appointment.objects.get(pk="pe-2017-urs-01").ended == PartialDate(2020, 7, 30)
    after_files = exported(tmp_path / "after")
    changed = {name: diff(before_files[name], after_files[name]) for name in before_files}
    assert changed.pop("envoys.json") == ['-"ended": "2020-07-29",', '+"ended": "2020-07-30",']
    [removed, added] = changed.pop("citations.json")
    assert removed.replace("2020-07-29", "2020-07-30")[1:] == added[1:]
    assert not any(changed.values())


NEW_CHIEF = """        <chief>
            <id>{id}</id>
            <person-id>{person}</person-id>
            <role-title-id>ambassador-e-p</role-title-id>
            <contemporary-territory-id>peru</contemporary-territory-id>
            <appointed>
                <date>{appointed}</date>
                <note/>
            </appointed>
            <arrived>
                <date/>
                <note/>
            </arrived>
            <started>
                <date>{started}</date>
                <note/>
            </started>
            <ended>
                <date/>
                <note/>
            </ended>
            <note/>
        </chief>
"""


def test_a_new_chief_of_mission_comes_in_with_the_envoy_and_a_readable_diff(data, tmp_path):
    before_files = exported(tmp_path / "before")
    new = NEW_CHIEF.format(
        id="pe-2022-kenn-01", person="kenna-lisa-d", appointed="2022-01-18", started="2022-02-10"
    )
    data.rewrite("pocom/missions-countries/peru.xml", "    </chiefs>", f"{new}    </chiefs>")
    output = run_import(data)
    assert "created relations.appointment “pe-2022-kenn-01”" in output
    kenna = Appointment.objects.get(pk="pe-2022-kenn-01")
    assert (kenna.envoy.name, kenna.appointed, kenna.envoy.status) == (
        "Lisa D. Kenna",
        PartialDate(2022, 1, 18),
        Entry.Status.PUBLISHED,
    )
    assert (
        citations_of(kenna).get().locator
        == "HistoryAtState/pocom, missions-countries/peru.xml, pe-2022-kenn-01"
    )
    after_files = exported(tmp_path / "after")
    assert [name for name in before_files if before_files[name] != after_files[name]] == [
        "citations.json",
        "envoys.json",
    ]
    added = diff(before_files["envoys.json"], after_files["envoys.json"])
    assert '+"pk": "pe-2022-kenn-01",' in added
    assert '+"pk": "kenna-lisa-d",' in added
    assert all(
        line.startswith("+") or "description" in line
        for line in diff(before_files["sources.json"], after_files["sources.json"])
    )


# Refusals -------------------------------------------------------------------------------------------------


def test_a_malformed_file_stops_the_import_with_the_file_and_the_reason_and_changes_nothing(data):
    data.rewrite("pocom/missions-countries/peru.xml", "<date>2020-07-29</date>", "<date>2020-07-30</date>")
    data.rewrite("travels/secretary-travels/hull-cordell.xml", "</trips>", "")
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_import(data)
    assert "travels/secretary-travels/hull-cordell.xml: is not well-formed XML (line" in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (
            "pocom/missions-countries/peru.xml",
            "<person-id>cooley-james</person-id>",
            "<person-id/>",
            "pocom/missions-countries/peru.xml, record pe-1826-cool-01: the record names no <person-id>",
        ),
        (
            "travels/secretary-travels/hull-cordell.xml",
            "<id>957</id>",
            "<id>947</id>",
            "travels/secretary-travels/hull-cordell.xml, record 947: this id is given to two records",
        ),
        (
            "visits/data/1980.xml",
            "Private visit. Accompanied",
            "Private visit.&#1; Accompanied",
            "visits/data/1980.xml: is not well-formed XML",
        ),
        (
            "pocom/missions-countries/peru.xml",
            "<date>1992-09</date>",
            "<date>1992-13</date>",
            "pocom/missions-countries/peru.xml, record pe-1992-bray-01: 13 is not a month",
        ),
    ],
    ids=["record without a person", "id given twice", "control character", "impossible date"],
)
def test_a_bad_record_is_named_and_changes_nothing(data, path, old, new, message):
    data.rewrite(path, old, new)
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape(message)):
        run_import(data)
    assert snapshot() == before


def test_a_missing_repository_is_skipped_and_its_entries_left_as_they_are(data):
    shutil.rmtree(data / "travels")
    before = snapshot()
    output = run_import(data)
    assert "travels: not in the folder; skipped, its entries left as they are." in output
    assert (
        "Travels: skipped, travels is not in the folder; the entries it makes are left as they are." in output
    )
    assert snapshot() == before
    assert Event.objects.filter(pk="visit-2002-bush-lima").exists()


def test_a_folder_without_any_repository_is_refused():
    with pytest.raises(CommandError, match="holds none of the repositories"):
        run_import(EXCERPT / "pocom" / "code-tables")


# Editors' work ---------------------------------------------------------------------------------------------


def test_an_editors_edit_survives_the_import_is_reported_and_only_overwrite_replaces_it(client, editor, data):
    event = Event.objects.get(pk="normal-relations-interrupted-1962")
    assert (
        change(client, event, title="The United States suspends relations after the coup (1962)").status_code
        == 302
    )
    data.rewrite("pocom/missions-countries/peru.xml", "<date>1962-07-18</date>", "<date>1962-07-19</date>")
    output = run_import(data)
    event.refresh_from_db()
    assert (event.title, event.date) == (
        "The United States suspends relations after the coup (1962)",
        PartialDate(1962, 7, 18),
    )
    kept = output.split("Edited since the last load, left as the editor made them:")[1]
    assert "relations.event “normal-relations-interrupted-1962”: title (Ana Ruiz on" in kept
    assert "relations.event “normal-relations-interrupted-1962”: date" in kept
    # Nobody edited the appointment: it takes the correction.
    assert Appointment.objects.get(pk="pe-1961-loeb-01").ended == PartialDate(1962, 7, 19)

    output = run_import(data, "--overwrite")
    event.refresh_from_db()
    assert event.title == "Normal relations between the United States and Peru interrupted (1962)"
    assert event.date == PartialDate(1962, 7, 19)
    discarded = output.split("Edits discarded (--overwrite):")[1]
    assert "relations.event “normal-relations-interrupted-1962”: title (Ana Ruiz on" in discarded
    assert "Nothing to change" in run_import(data)


def test_an_edit_of_a_citation_is_an_edit_of_its_entry(client, editor, data):
    event = Event.objects.get(pk="visit-1934-hull-lima")
    form = form_data(client.get(f"/admin/relations/event/{event.pk}/change/"), "event_form")
    form[f"{CITATIONS}-0-quotation"] = "Cordell Hull; Lima; 1934; met President Benavides."
    assert client.post(f"/admin/relations/event/{event.pk}/change/", form).status_code == 302
    data.rewrite("travels/secretary-travels/hull-cordell.xml", "delivered several", "gave several")
    output = run_import(data)
    event.refresh_from_db()
    assert "delivered several" in event.summary
    assert citations_of(event).get().quotation == "Cordell Hull; Lima; 1934; met President Benavides."
    assert "relations.event “visit-1934-hull-lima”: citation 1: quotation (Ana Ruiz on" in output


def test_an_entry_an_editor_deleted_stays_deleted(client, editor, data):
    response = client.post("/admin/relations/event/visit-2001-powell-lima/delete/", {"post": "yes"})
    assert response.status_code == 302
    output = run_import(data)
    assert not Event.objects.filter(pk="visit-2001-powell-lima").exists()
    assert "relations.event “visit-2001-powell-lima”: deleted (Ana Ruiz on" in output


# Clones ----------------------------------------------------------------------------------------------------


def test_locators_carry_the_commit_of_a_clone_and_stay_the_same_citations(data):
    commit = "0123456789abcdef0123456789abcdef01234567"
    (data / "pocom" / ".git" / "refs" / "heads").mkdir(parents=True)
    (data / "pocom" / ".git" / "HEAD").write_text("ref: refs/heads/master\n")
    (data / "pocom" / ".git" / "refs" / "heads" / "master").write_text(commit + "\n")
    count = Citation.objects.count()
    output = run_import(data)
    assert f"pocom (HistoryAtState/pocom, {commit}):" in output
    assert Citation.objects.count() == count
    cooley = citations_of(Appointment.objects.get(pk="pe-1826-cool-01")).get(claim="")
    assert cooley.locator == f"HistoryAtState/pocom@{commit}, missions-countries/peru.xml, pe-1826-cool-01"
    assert f"at commit {commit}" in Source.objects.get(pk="hsg-chiefs-of-mission").description


def test_the_commit_is_read_from_packed_refs_and_a_folder_without_git_has_none(tmp_path):
    commit = "89abcdef0123456789abcdef0123456789abcdef"
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".git" / "packed-refs").write_text(f"# pack-refs with: peeled\n{commit} refs/heads/main\n")
    assert git_commit(tmp_path) == commit
    assert git_commit(tmp_path / ".git") is None


@pytest.mark.parametrize(
    ("clause", "start", "end"),
    [
        (
            "Peruvian Ambassador in the United States from January 18, 1949 until December 1963.",
            "1949-01-18",
            "1963-12",
        ),
        ("Charge d'Affaires, July 26-November 29, 1962", "1962-07-26", "1962-11-29"),
        ("Special Emissary to the President of Peru from 1969 to 1970", "1969", "1970"),
        ("U.S. Ambassador to Peru from August 29, 1969, until April 4, 1974", "1969-08-29", "1974-04-04"),
        ("Ambassador to Peru until January 1960", None, "1960-01"),
        ("special envoy of Peruvian President Belaunde to Washington, November 1963", "1963-11", "1963-11"),
        ("Ambassador to Peru", None, None),
    ],
)
def test_the_spans_of_the_persons_lists_are_read_to_the_precision_written(clause, start, end):
    given = span(clause)
    assert (
        given.start.isoformat() if given.start else None,
        given.end.isoformat() if given.end else None,
    ) == (
        start,
        end,
    )
