"""
``load_initial_data``: the committed fixtures load into an empty database; a load brings a
database into line with changed fixtures, never over an editor's work; a broken fixture
(invalid, a key given twice, a control character) stops with its file and object and
changes nothing.

The committed fixtures are loaded once, for the first tests; the others work on a few
entries exported to files of their own.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from relations import baselines, fixtures
from relations.models import Citation, Country, Event, LoadedState, Source
from tests.editorial import CITATIONS, change, fixture_files
from tests.editorial import form_of as form_data
from tests.factories import CitationFactory, CountryFactory, EventFactory, SourceFactory

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(*args):
    out = StringIO()
    call_command("load_initial_data", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model._meta.label: model.objects.count() for model in apps.get_app_config("relations").get_models()
    }


def rows():
    """Every row of the content, as the fixtures would write it."""
    return {
        label: fixtures.serialize(apps.get_model(label)._default_manager.order_by("pk"))
        for _, labels in fixtures.FIXTURE_FILES
        for label in labels
    }


# The committed fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="class")
def committed(django_db_setup, django_db_blocker):
    """The committed fixtures loaded into an empty database, once; the command's output."""
    with django_db_blocker.unblock():
        output = run()
        yield output
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
class TestTheCommittedFixtures:
    def test_they_load_into_an_empty_database(self, committed):
        assert "The database now matches the fixtures." in committed
        for name, labels in fixtures.FIXTURE_FILES:
            data = json.loads((FIXTURES / name).read_text())
            for label in labels:
                expected = sum(1 for item in data if item["model"] == label)
                assert apps.get_model(label).objects.count() == expected, label

    def test_each_entry_is_stored_as_loaded_so_that_none_counts_as_edited(self, committed):
        stored = {(state.model, state.object_id): state.content for state in LoadedState.objects.all()}
        assert stored == baselines.contents()

    def test_a_second_run_changes_nothing_and_says_so(self, committed):
        before = {model: list(model.objects.values_list("pk", "updated")) for model in (Source, Event)}
        output = run()
        assert "Nothing to change: the database already matches the fixtures." in output
        assert "relations.citation: 0 created, 0 updated, 0 deleted," in output
        assert before == {model: list(model.objects.values_list("pk", "updated")) for model in before}

    def test_exporting_them_changes_no_file(self, committed, tmp_path):
        call_command("export_fixtures", directory=str(tmp_path))
        files = fixture_files(FIXTURES)
        assert sorted(files) == sorted(path.name for path in fixtures.fixture_paths(FIXTURES))
        assert fixture_files(tmp_path) == files


# A few entries of their own ------------------------------------------------------------------------------


@pytest.fixture
def own(tmp_path, settings):
    """Two events with their citations, exported: the database is as loaded from these files."""
    CountryFactory()
    source = SourceFactory(slug="guide", title="The guide")
    EventFactory(
        title="Recognition", slug="recognition", citation__source=source, citation__quotation="Said."
    )
    relations = EventFactory(title="Relations", slug="relations", citation__source=source)
    CitationFactory(entry=relations, source=source, locator="p. 2", quotation="Said again.")
    directory = tmp_path / "fixtures"
    fixtures.export(directory)
    settings.FIXTURE_DIRS = [directory]
    return directory


def edit(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))


def fields_of(data, pk):
    return next(item["fields"] for item in data if item.get("pk") == pk)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "ana", "ana@example.org", "pw", first_name="Ana", last_name="Ruiz"
    )
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_an_admin_edit_survives_a_load_is_reported_and_only_overwrite_replaces_it(client, editor, own):
    assert change(client, Event.objects.get(pk="recognition"), title="Recognition of Peru").status_code == 302
    edit(
        own / "events.json", lambda data: fields_of(data, "relations").update(title="Relations, newly titled")
    )
    output = run()
    assert Event.objects.get(pk="recognition").title == "Recognition of Peru"
    # Nobody edited the other event: it takes the fixtures' new title.
    assert Event.objects.get(pk="relations").title == "Relations, newly titled"
    kept = output.split("Edited since the last load, left as the editor made them:")[1]
    assert "relations.event “recognition”: title (Ana Ruiz on" in kept
    assert "      title: Recognition of Peru → Recognition" in kept
    assert "1 edited entry was left as the editors made them; run with --overwrite" in output

    output = run("--overwrite")
    assert Event.objects.get(pk="recognition").title == "Recognition"
    discarded = output.split("Edits discarded (--overwrite):")[1]
    assert "relations.event “recognition”: title (Ana Ruiz on" in discarded
    assert "Nothing to change" in run()


@pytest.mark.django_db
def test_an_edit_of_a_citation_is_an_edit_of_its_entry(client, editor, own):
    event = Event.objects.get(pk="recognition")
    form = form_data(client.get(f"/admin/relations/event/{event.pk}/change/"), "event_form")
    form[f"{CITATIONS}-0-quotation"] = "Said, in the editor's words."
    assert client.post(f"/admin/relations/event/{event.pk}/change/", form).status_code == 302
    edit(own / "events.json", lambda data: fields_of(data, "recognition").update(summary="A new summary."))
    output = run()
    event.refresh_from_db()
    assert event.summary != "A new summary."
    assert event.citations.get().quotation == "Said, in the editor's words."
    assert "relations.event “recognition”: citation 1: quotation (Ana Ruiz on" in output


@pytest.mark.django_db
def test_an_entry_an_editor_deleted_stays_deleted_unless_overwritten(client, editor, own):
    assert client.post("/admin/relations/event/recognition/delete/", {"post": "yes"}).status_code == 302
    output = run()
    assert not Event.objects.filter(pk="recognition").exists()
    assert "relations.event “recognition”: deleted (Ana Ruiz on" in output
    run("--overwrite")
    assert Event.objects.get(pk="recognition").citations.count() == 1


@pytest.mark.django_db
def test_a_citation_the_fixtures_drop_leaves_an_entry_nobody_edited(own):
    edit(own / "citations.json", lambda data: data.pop())
    output = run()
    assert "relations.citation: 0 created, 0 updated, 1 deleted, 2 unchanged" in output
    assert list(Event.objects.get(pk="relations").citations.values_list("quotation", flat=True)) == [
        "The words of the source that support the entry."
    ]


@pytest.mark.django_db
def test_plain_loaddata_of_the_fixture_files_works_too(own):
    files = [str(path) for path in fixtures.fixture_paths(own) if json.loads(path.read_text())]
    Event.objects.all().delete()
    Citation.objects.all().delete()
    call_command("loaddata", *files, verbosity=0)
    assert "Nothing to change" in run()


# Broken fixtures --------------------------------------------------------------------------------------


def citation_object(sources_path, **fields):
    return {
        "model": "relations.citation",
        "fields": {
            "content_type": ["relations", "event"],
            "object_id": "relations",
            "position": 9,
            "source": json.loads(sources_path.read_text())[0]["pk"],
            "locator": "p. 1",
            "quotation": "q",
            "claim": "",
            "value": "",
            **fields,
        },
    }


BREAKAGES = {
    "not json": ("sources.json", lambda path: path.write_text("[{not json"), "sources.json: "),
    "impossible date": (
        "sources.json",
        lambda path: edit(path, lambda data: data[-1]["fields"].update(published_on="2021-02-30")),
        "February 2021 has no day 30",
    ),
    "unknown country": (
        "events.json",
        lambda path: edit(
            path,
            lambda data: data.append(
                {
                    "model": "relations.mission",
                    "pk": "nowhere",
                    "fields": {
                        "name": "Nowhere",
                        "kind": "embassy",
                        "sending_country": "atlantis",
                        "host_country": "us",
                    },
                }
            ),
        ),
        "events.json: relations.mission “nowhere”",
    ),
    "published without a citation": (
        "events.json",
        lambda path: edit(
            path,
            lambda data: data.append(
                {
                    "model": "relations.event",
                    "pk": "uncited",
                    "fields": {
                        "title": "Uncited",
                        "date": "1900",
                        "category": "visit",
                        "summary": "s",
                        "status": "published",
                    },
                }
            ),
        ),
        "is published but has no citation",
    ),
    "citation of a missing entry": (
        "citations.json",
        lambda path: edit(
            path,
            lambda data: data.append(
                citation_object(path.with_name("sources.json"), object_id="no-such-event")
            ),
        ),
        "“no-such-event” that this citation is for does not exist",
    ),
    "a key given twice": (
        "citations.json",
        lambda path: path.write_text(
            path.read_text().replace(
                '"quotation": "Said.",', '"quotation": "Said.",\n      "quotation": "Other.",'
            )
        ),
        "citations.json: object 1 (relations.citation “relations.event/recognition/1”): the key “quotation” "
        "is given twice",
    ),
    "an object given twice": (
        "citations.json",
        lambda path: edit(path, lambda data: data.append(dict(data[0]))),
        "citations.json: relations.citation “relations/event/recognition/1” is given twice",
    ),
    "a control character": (
        "events.json",
        lambda path: edit(path, lambda data: fields_of(data, "recognition").update(title="Recog\x00nition")),
        "events.json: object 1 (relations.event “recognition”): fields.title holds the control character "
        "U+0000",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_a_broken_fixture_stops_with_its_file_and_object_and_changes_nothing(own, breakage):
    name, breaks, message = BREAKAGES[breakage]
    # Also change a valid file, so that a partial load would show.
    edit(own / "countries.json", lambda data: data[0]["fields"].update(name_es="CAMBIADO"))
    breaks(own / name)
    before = rows()
    with pytest.raises(CommandError) as error:
        run()
    assert message in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert rows() == before


@pytest.mark.django_db
def test_a_broken_fixture_on_an_empty_database_leaves_it_empty(own):
    for model in (Citation, Event, Source, Country):
        model.objects.all().delete()
    edit(own / "countries.json", lambda data: data[0]["fields"].update(iso_code="TOOLONG"))
    with pytest.raises(CommandError, match="countries.json: relations.country"):
        run()
    assert not any(count for label, count in counts().items() if label != "relations.LoadedState")
