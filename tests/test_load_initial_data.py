import json
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from relations import fixtures
from relations.models import Citation, Country, Event, Source

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def counts():
    return {
        model._meta.label: model.objects.count() for model in apps.get_app_config("relations").get_models()
    }


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_initial_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def fixture_copy(tmp_path, settings):
    """The real fixtures, copied where a test may break them."""
    directory = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, directory)
    settings.FIXTURE_DIRS = [directory]
    return directory


def edit(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))


def test_loads_every_fixture_into_an_empty_database():
    output = run()
    assert "The database now matches the fixtures." in output
    for name, labels in fixtures.FIXTURE_FILES:
        data = json.loads((FIXTURES / name).read_text())
        for label in labels:
            model = apps.get_model(label)
            expected = sum(1 for item in data if item["model"] == label)
            assert model.objects.count() == expected, label
    assert Country.objects.filter(code__in=["us", "pe"]).count() == 2
    assert Source.objects.count() >= 5


def test_second_run_changes_nothing_and_says_so():
    run()
    before = {
        model: list(model.objects.values_list("pk", "updated"))
        for model in [Country, Source, Event]
        if hasattr(model, "updated")
    }
    output = run()
    assert "Nothing to change: the database already matches the fixtures." in output
    assert "0 created, 0 updated" in output
    assert before == {model: list(model.objects.values_list("pk", "updated")) for model in before}


def test_changed_fixture_updates_a_loaded_database(fixture_copy):
    run()
    edit(fixture_copy / "sources.json", lambda data: data[0]["fields"].update(title="A corrected title"))
    output = run()
    assert "relations.source: 0 created, 1 updated" in output
    assert Source.objects.filter(title="A corrected title").count() == 1


def test_new_content_reaches_a_loaded_database(fixture_copy):
    run()
    edit(
        fixture_copy / "topics.json",
        lambda data: data.append(
            {"model": "relations.topic", "pk": "energy", "fields": {"name": "Energy", "description": ""}}
        ),
    )
    assert "relations.topic: 1 created, 0 updated" in run()


@pytest.mark.parametrize(
    ("file", "breakage", "message"),
    [
        ("sources.json", lambda path: path.write_text("[{not json"), "sources.json"),
        (
            "sources.json",
            lambda path: edit(path, lambda data: data[-1]["fields"].update(published_on="2021-02-30")),
            "February 2021 has no day 30",
        ),
        (
            "topics.json",
            lambda path: edit(path, lambda data: data[0]["fields"].update(name="")),
            "topics.json: relations.topic",
        ),
        (
            "missions.json",
            lambda path: path.write_text(
                json.dumps(
                    [
                        {
                            "model": "relations.mission",
                            "pk": "nowhere",
                            "fields": {
                                "name": "Nowhere",
                                "kind": "embassy",
                                "sending_country": "atlantis",
                                "host_country": "pe",
                                "status": "draft",
                            },
                        }
                    ]
                )
            ),
            "missions.json: relations.mission “nowhere”",
        ),
        (
            "events.json",
            lambda path: path.write_text(
                json.dumps(
                    [
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
                    ]
                )
            ),
            "is published but has no citation",
        ),
    ],
)
def test_a_broken_fixture_stops_with_a_clear_message_and_changes_nothing(
    fixture_copy, file, breakage, message
):
    run()
    loaded = counts()
    # Also edit a valid file, so that a partial load would show.
    edit(fixture_copy / "countries.json", lambda data: data[0]["fields"].update(name_es="CAMBIADO"))
    breakage(fixture_copy / file)
    with pytest.raises(CommandError) as error:
        run()
    assert message in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert counts() == loaded
    assert not Country.objects.filter(name_es="CAMBIADO").exists()


def test_a_broken_fixture_on_an_empty_database_leaves_it_empty(fixture_copy):
    edit(fixture_copy / "countries.json", lambda data: data[0]["fields"].update(iso_code="TOOLONG"))
    with pytest.raises(CommandError, match="countries.json: relations.country"):
        run()
    assert set(counts().values()) == {0}


def test_a_citation_of_a_missing_entry_is_refused(fixture_copy):
    edit(
        fixture_copy / "citations.json",
        lambda data: data.append(
            {
                "model": "relations.citation",
                "fields": {
                    "content_type": ["relations", "event"],
                    "object_id": "no-such-event",
                    "position": 1,
                    "source": json.loads((fixture_copy / "sources.json").read_text())[0]["pk"],
                    "locator": "p. 1",
                    "quotation": "q",
                    "claim": "",
                    "value": "",
                },
            }
        ),
    )
    with pytest.raises(CommandError, match="“no-such-event” that this citation is for does not exist"):
        run()
    assert Citation.objects.count() == 0


def test_plain_loaddata_of_the_fixture_files_works_too():
    call_command("loaddata", *[name for name, _ in fixtures.FIXTURE_FILES], verbosity=0)
    run_output = run()
    assert "Nothing to change" in run_output
