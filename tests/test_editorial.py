"""
Editorial history: each change of an entry recorded with its citations as one revision,
compared with another, reverted; deleted entries recovered; commands that record their work.

The admin is driven as a browser would: each form is read from the page and submitted
with the editor's changes.
"""

import itertools
from datetime import UTC, datetime

import pytest
import reversion
from django.core.management import call_command
from reversion.models import Revision, Version

from relations import comparison, fixtures, revisions
from relations.models import Agreement, Appointment, Citation, Envoy, Event, Source, base

from . import html
from .editorial import (
    CITATIONS,
    change,
    change_url,
    compare_url,
    form_of,
    history_url,
    revision_url,
    versions,
)
from .factories import AgreementFactory, CitationFactory, EventFactory, RatificationFactory, SourceFactory

# Revisions, compare, revert.


@pytest.mark.django_db
def test_an_edit_of_an_entry_and_its_citations_is_compared_and_reverted(client, editor, source, monkeypatch):
    # Each save a minute after the last: when the content last changed is not a change shown.
    minutes = (datetime(2026, 5, 2, 12, minute, tzinfo=UTC) for minute in itertools.count())
    monkeypatch.setattr(base, "content_now", lambda: next(minutes))
    client.force_login(editor)
    data = form_of(client.get("/admin/relations/event/add/"), "event_form")
    data.update(
        {
            "title": "The United States recognizes Peru",
            "slug": "relations-established",
            "status": "published",
            "date": "1826-05-02",
            "category": "diplomatic",
            "summary": "Recognition with the reception of José Domingo Cáceres.",
            f"{CITATIONS}-0-source": source.pk,
            f"{CITATIONS}-0-locator": "Recognition",
            f"{CITATIONS}-0-quotation": "The U.S. recognized Peru in 1826.",
        }
    )
    assert client.post("/admin/relations/event/add/", data).status_code == 302
    event = Event.objects.get(pk="relations-established")

    data = form_of(client.get(change_url(event)), "event_form")
    data.update(
        {
            "title": "The United States recognizes the Republic of Peru",
            f"{CITATIONS}-0-quotation": "Recognition came on 2 May 1826.",
            f"{CITATIONS}-1-source": source.pk,
            f"{CITATIONS}-1-locator": "Establishment of relations",
            f"{CITATIONS}-1-quotation": "Chargé d'affaires James Cooley presented credentials.",
        }
    )
    assert client.post(change_url(event), data).status_code == 302
    assert event.citations.count() == 2

    first, second = versions(event)
    assert [version.revision.user for version in (first, second)] == [editor, editor]
    assert {v._model for v in first.revision.version_set.all()} == {Event, Citation}

    history = html.get(client, history_url(event))
    # Newest first, the two latest chosen for comparing: from the first version to the second.
    [from_first] = html.select(history, "#content-main input[name=from]")
    [to_second] = html.select(history, "#content-main input[name=to]")
    assert (from_first.get("value"), from_first.get("checked")) == (str(first.pk), "checked")
    assert (to_second.get("value"), to_second.get("checked")) == (str(second.pk), "checked")

    compared = html.get(client, f"{compare_url(event)}?from={first.pk}&to={second.pk}")
    entry_changes, part_changes = html.select(compared, "#content-main > .module")
    [title] = html.select(entry_changes, ".version-diff tbody tr")
    assert html.texts(title, "th") == ["Title"]
    assert html.texts(title, "td:nth-child(3) ins") == ["the Republic of"]
    assert html.texts(part_changes, ".part-change h3") == [
        f"Citation changed: [1] {source.title}, Recognition",
        f"Citation added: [2] {source.title}, Establishment of relations",
    ]
    [quotation] = html.select(part_changes, ".part-changed .version-diff tbody tr")
    assert html.texts(quotation, "td:nth-child(2) del") == ["The", "U.S.", "recognized", "Peru", "in"]
    assert html.texts(quotation, "td:nth-child(3) ins") == ["Recognition", "came", "on", "2", "May"]

    revert_form = form_of(client.get(revision_url(event, first)), "event_form")
    assert client.post(revision_url(event, first), revert_form).status_code == 302

    event.refresh_from_db()
    assert event.title == "The United States recognizes Peru"
    assert [(c.locator, c.quotation) for c in event.citations.all()] == [
        ("Recognition", "The U.S. recognized Peru in 1826.")
    ]
    assert len(versions(event)) == 3
    assert "Reverted" in versions(event)[-1].revision.get_comment()


@pytest.mark.django_db
def test_an_envoys_revision_holds_its_appointments_and_their_citations(client, editor, appointment):
    envoy = appointment.envoy
    [version] = versions(envoy)
    assert {v._model for v in version.revision.version_set.all()} >= {Envoy, Appointment, Citation}

    client.force_login(editor)
    assert change(client, appointment, appointed_note="Commissioned on").status_code == 302
    old, new = versions(envoy)
    changes = comparison.compare(old, new)
    assert [(part.model, part.kind) for part in changes.parts] == [(Appointment, "changed")]
    assert changes.parts[0].changes[0].new == "Commissioned on"


@pytest.mark.django_db
def test_a_deleted_agreement_is_recovered_with_its_citations(client, editor, senior, source, countries):
    with revisions.recording("Imported"):
        agreement = AgreementFactory(
            slug="ptpa",
            title="United States–Peru Trade Promotion Agreement",
            short_name="PTPA",
            kind=Agreement.Kind.TRADE,
            agreement_status=Agreement.AgreementStatus.IN_FORCE,
            signed="2006-04-12",
            parties=[countries["us"], countries["pe"]],
            citation=None,
        )
        RatificationFactory(agreement=agreement, country=countries["pe"], date="2006-06-28")
        CitationFactory(entry=agreement, source=source, locator="Trade", quotation="Signed in 2006.")

    client.force_login(senior)
    response = client.post("/admin/relations/agreement/ptpa/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Agreement.objects.exists()
    assert not Citation.objects.exists()

    client.force_login(editor)
    recover_list = html.get(client, "/admin/relations/agreement/recover/")
    assert html.texts(recover_list, "#content-main tbody td") == ["PTPA"]
    deleted = Version.objects.get_deleted(Agreement).get(object_id="ptpa")
    assert deleted.revision.user == senior
    recover_url = f"/admin/relations/agreement/recover/{deleted.pk}/"
    data = form_of(client.get(recover_url), "agreement_form")
    assert client.post(recover_url, data).status_code == 302

    agreement = Agreement.objects.get(pk="ptpa")
    assert agreement.title == "United States–Peru Trade Promotion Agreement"
    assert set(agreement.parties.values_list("code", flat=True)) == {"us", "pe"}
    assert [c.quotation for c in agreement.citations.all()] == ["Signed in 2006."]
    assert agreement.ratifications.get().country_id == "pe"


@pytest.mark.django_db
def test_entries_deleted_together_from_the_list_are_each_recoverable(client, senior, event, source):
    other = EventFactory(
        slug="cooley-arrives", title="Cooley arrives", date="1827", draft=True, citation=None
    )
    client.force_login(senior)
    response = client.post(
        "/admin/relations/event/",
        {"action": "delete_selected", "_selected_action": [event.pk, other.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Event.objects.exists()
    deleted = Version.objects.get_deleted(Event)
    assert sorted(version.object_id for version in deleted) == ["cooley-arrives", "relations-established"]
    assert [version.revision.user for version in deleted] == [senior, senior]
    [citation] = [
        v for v in deleted.get(object_id=event.pk).revision.version_set.all() if v._model is Citation
    ]
    assert citation.field_dict["quotation"] == "The U.S. recognized Peru in 1826."


@pytest.mark.django_db
def test_a_draft_action_records_one_revision_for_each_entry(client, editor, event, source):
    other = EventFactory(
        slug="cooley-arrives", title="Cooley arrives", date="1827", draft=True, citation=None
    )
    client.force_login(editor)
    before = Revision.objects.count()
    response = client.post(
        "/admin/relations/event/",
        {"action": "make_draft", "_selected_action": [event.pk, other.pk], "index": 0},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "draft"
    assert Revision.objects.count() == before + 1
    latest = versions(event)[-1]
    assert latest.revision.user == editor
    recorded_events = latest.revision.version_set.filter(content_type__model="event")
    assert [version.object_id for version in recorded_events] == [event.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?from=abc&to=1", "?from=999999&to=999998", "?to=0"])
def test_comparing_without_two_versions_of_the_entry_goes_back_to_its_history(client, editor, event, query):
    client.force_login(editor)
    response = client.get(compare_url(event) + query)
    assert response.status_code == 302
    assert response.url == history_url(event)


def test_word_diff_marks_what_was_removed_and_added():
    old, new = comparison.word_diff(
        "Relations were established in 1826.", "Relations were <b>restored</b> in 1827."
    )
    assert old == "Relations were <del>established</del> in <del>1826</del>."
    assert new == "Relations were <ins>&lt;b&gt;restored&lt;/b&gt;</ins> in <ins>1827</ins>."


# Commands record revisions.


@pytest.mark.django_db
def test_loading_fixtures_records_a_revision_per_entry_changed_and_none_when_unchanged(tmp_path, event):
    fixtures.export(tmp_path)
    Event.objects.all().delete()
    Source.objects.all().delete()
    Revision.objects.all().delete()

    call_command("load_initial_data", *sorted(map(str, fixtures.fixture_paths(tmp_path))))
    [version] = versions(Event.objects.get())
    assert version.revision.get_comment() == "Loaded from fixtures"
    assert {v._model for v in version.revision.version_set.all()} == {Event, Citation}
    assert Revision.objects.count() == 2  # the event with its citation, and the source
    count = Revision.objects.count()

    call_command("load_initial_data", *sorted(map(str, fixtures.fixture_paths(tmp_path))))
    assert Revision.objects.count() == count

    citations = tmp_path / "citations.json"
    citations.write_text(citations.read_text().replace("in 1826.", "on 2 May 1826."))
    call_command("load_initial_data", *sorted(map(str, fixtures.fixture_paths(tmp_path))))
    assert Revision.objects.count() == count + 1
    old, new = versions(Event.objects.get())
    assert [(part.model, part.kind) for part in comparison.compare(old, new).parts] == [(Citation, "changed")]


@pytest.mark.django_db
def test_a_command_recording_its_work_gets_one_revision_per_entry_with_its_parts(event, appointment, source):
    before = Revision.objects.count()
    with revisions.recording("Tidied the citations"):
        event.citations.get().delete()
        CitationFactory(entry=appointment, source=source, locator="p. 2", quotation="Q.")
    assert Revision.objects.count() == before + 2
    old, new = versions(event)
    assert new.revision.get_comment() == "Tidied the citations"
    assert [(part.model, part.kind) for part in comparison.compare(old, new).parts] == [(Citation, "removed")]
    old, new = versions(appointment.envoy)
    assert [(part.model, part.kind) for part in comparison.compare(old, new).parts] == [(Citation, "added")]


@pytest.mark.django_db
def test_recording_records_nothing_when_nothing_is_saved_and_joins_an_open_revision():
    with revisions.recording("Nothing"):
        pass
    assert not Revision.objects.exists()
    with reversion.create_revision():
        reversion.set_comment("The open revision")
        with revisions.recording("Inside an open revision"):
            SourceFactory(slug="s", title="S", kind=Source.Kind.BOOK)
    assert [revision.comment for revision in Revision.objects.all()] == ["The open revision"]


@pytest.mark.django_db
def test_reverting_one_entry_of_an_import_leaves_the_other_entries_alone(client, editor, source):
    with reversion.create_revision():
        reversion.set_comment("Imported")
        for slug in ("first", "second"):
            event = EventFactory(slug=slug, title=f"The {slug} event", draft=True, citation=None)
            CitationFactory(entry=event, source=source, locator=slug, quotation="Stated.")
    first, second = Event.objects.order_by("slug")
    [first_import], [second_import] = versions(first), versions(second)
    assert first_import.revision != second_import.revision
    assert first_import.revision.comment == "Imported"
    assert second_import.revision.comment == "Imported"

    client.force_login(editor)
    assert change(client, first, title="The first event, edited").status_code == 302
    assert change(client, second, title="The second event, edited").status_code == 302
    revert_form = form_of(client.get(revision_url(first, first_import)), "event_form")
    assert client.post(revision_url(first, first_import), revert_form).status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title == "The first event"
    assert second.title == "The second event, edited"
    assert second.citations.count() == 1
