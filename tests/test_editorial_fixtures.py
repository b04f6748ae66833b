"""
Edits flow back into the fixtures: an admin edit shows in them as a diff of that entry only.
That exporting the committed fixtures, loaded, changes no file is tested with their load
(test_load_initial_data.py).
"""

import datetime
import difflib
import json

import pytest
from django.core.management import call_command

from relations import fixtures, revisions
from relations.models import CITED_MODELS, Citation, Event

from .editorial import change, fixture_files
from .factories import CitationFactory, EventFactory

pytestmark = pytest.mark.django_db


def diff(before, after):
    """The lines removed and added between two versions of a text, without context."""
    lines = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm="")
    return [line for line in lines if line[:1] in "+-" and line[:3] not in {"+++", "---"}]


def test_an_admin_edit_shows_in_the_fixtures_as_a_diff_of_that_entry_only(client, tmp_path, editor, source):
    with revisions.recording("Imported"):
        for year in (1826, 1827, 1828):
            event = EventFactory(
                slug=f"event-{year}",
                title=f"An event of {year}",
                date=str(year),
                summary=f"What happened in {year}.",
                citation=None,
            )
            CitationFactory(entry=event, source=source, locator=str(year), quotation="Stated.")
    before, after, again = tmp_path / "before", tmp_path / "after", tmp_path / "again"
    Event.objects.filter(pk="event-1827").update(
        last_changed=datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC)
    )
    call_command("export_fixtures", directory=str(before))

    client.force_login(editor)
    assert change(client, Event.objects.get(pk="event-1827"), title="Relations in 1827").status_code == 302
    call_command("export_fixtures", directory=str(after))

    old, new = fixture_files(before), fixture_files(after)
    assert [name for name in old if old[name] != new[name]] == ["events.json"]
    # The edit dates the entry's content change, which the fixtures carry with it.
    changed_on = Event.objects.get(pk="event-1827").last_changed.isoformat().replace("+00:00", "Z")
    assert diff(old["events.json"], new["events.json"]) == [
        '-      "last_changed": "2020-01-02T00:00:00Z",',
        '-      "title": "An event of 1827",',
        f'+      "last_changed": "{changed_on}",',
        '+      "title": "Relations in 1827",',
    ]
    edited = [item for item in json.loads(new["events.json"]) if item["pk"] == "event-1827"]
    assert edited[0]["fields"]["title"] == "Relations in 1827"

    # The exported files load into an empty database and export unchanged.
    Citation.objects.all().delete()
    for model in reversed(CITED_MODELS):
        model.objects.all().delete()
    call_command("load_initial_data", *sorted(map(str, fixtures.fixture_paths(after))))
    call_command("export_fixtures", directory=str(again))
    assert fixture_files(again) == new
