"""
``import_hsg`` over a database that holds the excerpt already: a second run, an upstream
correction and a new chief of mission (with the dry run that reviews them and the small
diff they make in the fixtures), the refusal of malformed data, a missing repository, the
commit of a clone in the locators, and editors' work left alone.
"""

import datetime
import difflib
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management.base import CommandError

from relations import fixtures
from relations.hsg.dates import span
from relations.hsg.repository import git_commit
from relations.models import Appointment, Citation, Entry, Envoy, Event, Source
from relations.partial_dates import PartialDate
from tests import hsg_support
from tests.editorial import CITATIONS, change
from tests.editorial import form_of as form_data
from tests.hsg_support import EXCERPT, citations_of, run_import, snapshot

first_import = hsg_support.first_import
data = hsg_support.data
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_import")]


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


# Running again, and upstream changes -----------------------------------------------------------------------


def test_a_second_run_changes_nothing_and_says_so():
    before = snapshot()
    output = run_import(EXCERPT)
    assert snapshot() == before
    assert "pocom (HistoryAtState/pocom, no commit known (not a git clone)): nothing to change" in output
    assert "Nothing to change: the database already says what the data say." in output


def test_a_corrected_date_is_reviewed_in_a_dry_run_then_applied_as_a_small_diff(data, tmp_path):
    # Dated well before the import, so that the import's new date shows however fast it runs.
    Envoy.objects.filter(appointments="pe-2017-urs-01").update(
        last_changed=datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC)
    )
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
    envoys = changed.pop("envoys.json")
    # The envoy's content changed, and its last change says when.
    assert [line.split(":")[0] for line in envoys if "last_changed" in line] == [
        '-"last_changed"',
        '+"last_changed"',
    ]
    assert [line for line in envoys if "last_changed" not in line] == [
        '-"ended": "2020-07-29",',
        '+"ended": "2020-07-30",',
    ]
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
    event = Event.objects.get(pk="us-reaction-to-1962-coup")
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
    assert "relations.event “us-reaction-to-1962-coup”: title (Ana Ruiz on" in kept
    assert "relations.event “us-reaction-to-1962-coup”: date" in kept
    # Nobody edited the appointment: it takes the correction.
    assert Appointment.objects.get(pk="pe-1961-loeb-01").ended == PartialDate(1962, 7, 19)

    output = run_import(data, "--overwrite")
    event.refresh_from_db()
    assert event.title == "The 1962 coup: the United States interrupts normal relations with Peru"
    assert event.date == PartialDate(1962, 7, 19)
    discarded = output.split("Edits discarded (--overwrite):")[1]
    assert "relations.event “us-reaction-to-1962-coup”: title (Ana Ruiz on" in discarded
    assert "Nothing to change" in run_import(data)


def test_an_import_that_corrects_the_english_keeps_the_editors_translation_even_with_overwrite(
    client, editor, data
):
    event = Event.objects.get(pk="us-reaction-to-1962-coup")
    translation = {"title_es": "El golpe de 1962", "summary_es": "Las relaciones se interrumpen en 1962."}
    assert change(client, event, **translation).status_code == 302
    data.rewrite("pocom/missions-countries/peru.xml", "<date>1962-07-18</date>", "<date>1962-07-19</date>")
    run_import(data, "--overwrite")
    event.refresh_from_db()
    assert event.date == PartialDate(1962, 7, 19)
    assert (event.title_es, event.summary_es) == (translation["title_es"], translation["summary_es"])


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


def test_citations_the_import_no_longer_makes_are_pruned_only_when_asked_and_never_an_editors(
    client, editor, data
):
    travels = Source.objects.get(pk="hsg-travels")
    stale = {}
    for slug in ("visit-1934-hull-lima", "visit-2001-powell-lima"):
        stale[slug] = Citation.objects.create(
            entry=Event.objects.get(pk=slug),
            source=travels,
            locator="secretary-travels, trip 0",
            quotation="Old.",
        )
    hull = Event.objects.get(pk="visit-1934-hull-lima")
    assert change(client, hull, title="Secretary of State Cordell Hull in Peru (1934)").status_code == 302
    output = run_import(data)
    assert (
        "citation 2 of event “visit-2001-powell-lima”, secretary-travels, trip 0 (--prune deletes it)"
        in output
    )
    assert Citation.objects.filter(pk=stale["visit-2001-powell-lima"].pk).exists()

    output = run_import(data, "--prune")
    assert "deleted citation 2 of event “visit-2001-powell-lima” (secretary-travels, trip 0)" in output
    assert not Citation.objects.filter(pk=stale["visit-2001-powell-lima"].pk).exists()
    # The editor's entry keeps all its citations.
    assert Citation.objects.filter(pk=stale["visit-1934-hull-lima"].pk).exists()
    assert (
        "citation 2 of event “visit-1934-hull-lima”, secretary-travels, trip 0 (--prune deletes it)" in output
    )


def test_pruning_needs_every_repository(data):
    shutil.rmtree(data / "visits")
    travels = Source.objects.get(pk="hsg-travels")
    old = Citation.objects.create(
        entry=Event.objects.get(pk="visit-2001-powell-lima"),
        source=travels,
        locator="trip 0",
        quotation="Old.",
    )
    output = run_import(data, "--prune")
    assert "--prune: nothing deleted, visits is not in the folder." in output
    assert Citation.objects.filter(pk=old.pk).exists()


def test_pruning_leaves_the_offices_citations_an_editor_added_to_an_entry_the_import_does_not_make(data):
    from tests.factories import EventFactory

    travels = Source.objects.get(pk="hsg-travels")
    seed_event = EventFactory(slug="a-seed-event", citation=None)
    by_hand = Citation.objects.create(
        entry=seed_event, source=travels, locator="president-travels, trip 1", quotation="By hand."
    )
    run_import(data, "--prune")
    assert Citation.objects.filter(pk=by_hand.pk).exists()
