"""
Editorial safety: revisions with their citations, compare and revert, recover deleted,
stale forms refused, edits flowing back into the fixtures, and who may do what.

The admin is driven as a browser would: each form is read from the page and submitted
with the editor's changes.
"""

import datetime
import difflib
import json
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from reversion.models import Revision, Version

from relations import comparison, fixtures, revisions
from relations.models import (
    Agreement,
    Appointment,
    Citation,
    Country,
    Envoy,
    Event,
    Mission,
    Ratification,
    Source,
)
from relations.permissions import EDITORS, SENIOR_EDITORS, ensure_editor_groups

CITATIONS = "relations-citation-content_type-object_id"


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self.select = None
        self.select_options = []
        self.textarea = None
        self.text = []

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "reset", "file"}:
                self.add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select, self.select_options = (name, "multiple" in attrs), []
        elif tag == "option" and self.select:
            self.select_options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            (name, multiple), options = self.select, self.select_options
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.data[name] = chosen
            self.select = None
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.add(self.textarea, text[1:] if text.startswith("\n") else text)
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def form_data(response, form_id):
    """What a browser would submit from the form ``form_id`` of the page, unchanged."""
    assert response.status_code == 200, response.status_code
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    assert reader.data, f"no form #{form_id} on the page"
    return {name: values[0] if len(values) == 1 else values for name, values in reader.data.items()}


def change_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/change/"


def history_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/"


def compare_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/compare/"


def revision_url(obj, version):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/{version.pk}/"


def versions(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def make_user(username, group_name):
    ensure_editor_groups()
    user = User.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return make_user("ana", EDITORS)


@pytest.fixture
def other_editor():
    return make_user("ben", EDITORS)


@pytest.fixture
def senior():
    return make_user("carla", SENIOR_EDITORS)


@pytest.fixture
def countries():
    return {
        code: Country.objects.get_or_create(code=code, defaults={"name": name, "name_es": name_es})[0]
        for code, name, name_es in [("us", "United States", "Estados Unidos"), ("pe", "Peru", "Perú")]
    }


@pytest.fixture
def source():
    return Source.objects.create(
        slug="hsg-peru", title="A Guide to the United States' History of Recognition: Peru", kind="web-page"
    )


@pytest.fixture
def event(source):
    with revisions.recording("Created for the test"):
        event = Event.objects.create(
            slug="relations-established",
            title="The United States recognizes Peru",
            date="1826-05-02",
            category="diplomatic",
            summary="Recognition with the reception of José Domingo Cáceres.",
            status="published",
        )
        Citation.objects.create(
            entry=event, source=source, locator="Recognition", quotation="The U.S. recognized Peru in 1826."
        )
    return event


@pytest.fixture
def appointment(countries, source):
    """James Cooley's appointment to the legation in Lima, with its citation, as imported."""
    us, pe = countries["us"], countries["pe"]
    with revisions.recording("Imported"):
        mission = Mission.objects.create(
            slug="us-legation-lima",
            name="Legation in Lima",
            kind="legation",
            sending_country=us,
            host_country=pe,
        )
        envoy = Envoy.objects.create(
            slug="james-cooley", name="James Cooley", sort_name="Cooley, James", sending_country=us
        )
        appointment = Appointment.objects.create(
            envoy=envoy, mission=mission, rank="charge-d-affaires", appointed="1826-05-02"
        )
        Citation.objects.create(entry=appointment, source=source, locator="Cooley", quotation="Appointed.")
    return appointment


def change(client, obj, **changes):
    """Open ``obj``'s change form, make ``changes`` and save it; return the response."""
    data = form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")
    data.update(changes)
    return client.post(change_url(obj), data)


# Revisions, compare, revert.


@pytest.mark.django_db
def test_an_edit_of_an_entry_and_its_citations_is_compared_and_reverted(client, editor, source):
    client.force_login(editor)
    data = form_data(client.get("/admin/relations/event/add/"), "event_form")
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

    data = form_data(client.get(change_url(event)), "event_form")
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
    assert first.revision.user == second.revision.user == editor
    assert {v._model for v in first.revision.version_set.all()} == {Event, Citation}

    history = client.get(history_url(event))
    assert history.status_code == 200
    assert len(history.context["action_list"]) == 2
    assert f'value="{first.pk}"' in history.content.decode()

    compared = client.get(compare_url(event), {"from": first.pk, "to": second.pk})
    assert compared.status_code == 200
    page = compared.content.decode()
    assert "<ins>the Republic of </ins>" in page or "<ins>the</ins>" in page
    assert "Citation added" in page and "Establishment of relations" in page
    assert "Citation changed" in page and "<del>The</del>" in page
    changes = compared.context["comparison"]
    assert [change.name for change in changes.fields] == ["title"]
    assert sorted(part.kind for part in changes.parts) == ["added", "changed"]

    revert_form = form_data(client.get(revision_url(event, first)), "event_form")
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
        agreement = Agreement.objects.create(
            slug="ptpa",
            title="United States–Peru Trade Promotion Agreement",
            short_name="PTPA",
            kind="trade-agreement",
            agreement_status="in-force",
            signed="2006-04-12",
            status="published",
        )
        agreement.parties.set([countries["us"], countries["pe"]])
        Ratification.objects.create(agreement=agreement, country=countries["pe"], date="2006-06-28")
        Citation.objects.create(entry=agreement, source=source, locator="Trade", quotation="Signed in 2006.")

    client.force_login(senior)
    response = client.post("/admin/relations/agreement/ptpa/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Agreement.objects.exists() and not Citation.objects.exists()

    client.force_login(editor)
    recover_list = client.get("/admin/relations/agreement/recover/")
    assert recover_list.status_code == 200
    assert "PTPA" in recover_list.content.decode()
    deleted = Version.objects.get_deleted(Agreement).get(object_id="ptpa")
    assert deleted.revision.user == senior
    recover_url = f"/admin/relations/agreement/recover/{deleted.pk}/"
    data = form_data(client.get(recover_url), "agreement_form")
    assert client.post(recover_url, data).status_code == 302

    agreement = Agreement.objects.get(pk="ptpa")
    assert agreement.title == "United States–Peru Trade Promotion Agreement"
    assert set(agreement.parties.values_list("code", flat=True)) == {"us", "pe"}
    assert [c.quotation for c in agreement.citations.all()] == ["Signed in 2006."]
    assert agreement.ratifications.get().country_id == "pe"


@pytest.mark.django_db
def test_entries_deleted_together_from_the_list_are_each_recoverable(client, senior, event, source):
    other = Event.objects.create(
        slug="cooley-arrives", title="Cooley arrives", date="1827", category="diplomatic", summary="."
    )
    client.force_login(senior)
    response = client.post(
        "/admin/relations/event/",
        {"action": "delete_selected", "_selected_action": [event.pk, other.pk], "post": "yes"},
    )
    assert response.status_code == 302 and not Event.objects.exists()
    deleted = Version.objects.get_deleted(Event)
    assert sorted(version.object_id for version in deleted) == ["cooley-arrives", "relations-established"]
    assert all(version.revision.user == senior for version in deleted)
    [citation] = [
        v for v in deleted.get(object_id=event.pk).revision.version_set.all() if v._model is Citation
    ]
    assert citation.field_dict["quotation"] == "The U.S. recognized Peru in 1826."


@pytest.mark.django_db
def test_a_draft_action_records_one_revision_for_each_entry(client, editor, event, source):
    other = Event.objects.create(
        slug="cooley-arrives", title="Cooley arrives", date="1827", category="diplomatic", summary="."
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
    assert response.status_code == 302 and response.url == history_url(event)


def test_word_diff_marks_what_was_removed_and_added():
    old, new = comparison.word_diff(
        "Relations were established in 1826.", "Relations were <b>restored</b> in 1827."
    )
    assert old == "Relations were <del>established</del> in <del>1826</del>."
    assert new == "Relations were <ins>&lt;b&gt;restored&lt;/b&gt;</ins> in <ins>1827</ins>."


# Edit conflicts.


@pytest.mark.django_db
def test_a_stale_form_is_refused_and_keeps_the_editors_input(client, editor, other_editor, event):
    from django.test import Client

    ana, ben = client, Client()
    ana.force_login(editor)
    ben.force_login(other_editor)
    anas_form = form_data(ana.get(change_url(event)), "event_form")
    bens_form = form_data(ben.get(change_url(event)), "event_form")

    bens_form["title"] = "Washington recognizes Peru"
    assert ben.post(change_url(event), bens_form).status_code == 302

    anas_form["summary"] = "Ana's better summary of the recognition."
    response = ana.post(change_url(event), anas_form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this event after you opened it" in page
    assert "ben on " in page and "They changed: Title." in page
    assert "Ana&#x27;s better summary of the recognition." in page  # still in her form
    event.refresh_from_db()
    assert event.title == "Washington recognizes Peru"
    assert event.summary == "Recognition with the reception of José Domingo Cáceres."

    # Having read what changed, she saves again on purpose; Ben's version stays in the history.
    assert ana.post(change_url(event), form_data(response, "event_form")).status_code == 302
    event.refresh_from_db()
    assert event.summary == "Ana's better summary of the recognition."
    assert "Washington recognizes Peru" in [v.field_dict["title"] for v in versions(event)]


@pytest.mark.django_db(transaction=True)
def test_of_two_saves_at_the_same_moment_the_second_is_refused(client, editor, event):
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite locks the whole database: a second writer fails, it never overwrites.")
    client.force_login(editor)
    form = form_data(client.get(change_url(event)), "event_form")
    locked, release = threading.Event(), threading.Event()

    def save_at_the_same_moment():
        try:
            with revisions.recording("Saved at the same moment"):
                row = Event.objects.select_for_update().get(pk=event.pk)
                locked.set()
                release.wait(10)
                row.title = "Saved by the other process"
                row.save()
        finally:
            connection.close()

    other = threading.Thread(target=save_at_the_same_moment)
    other.start()
    assert locked.wait(10)
    # The other save commits while this one waits for the row: this one must then see it.
    threading.Timer(0.5, release.set).start()
    form["summary"] = "Saved on a form opened before the other save."
    response = client.post(change_url(event), form)
    other.join()

    assert response.status_code == 200
    assert "Someone else changed this event" in response.content.decode()
    event.refresh_from_db()
    assert event.title == "Saved by the other process"
    assert event.summary == "Recognition with the reception of José Domingo Cáceres."


@pytest.mark.django_db
def test_a_form_is_refused_after_a_save_outside_the_admin(client, editor, event):
    client.force_login(editor)
    form = form_data(client.get(change_url(event)), "event_form")
    Event.objects.filter(pk=event.pk).get().save()  # a script, with no revision recorded
    form["title"] = "A change made on a stale form"
    response = client.post(change_url(event), form)
    assert response.status_code == 200
    assert "Someone else changed this event" in response.content.decode()
    assert "now differs from your form in: Title" in response.content.decode()
    event.refresh_from_db()
    assert event.title == "The United States recognizes Peru"


@pytest.mark.django_db
def test_a_form_whose_opened_state_was_tampered_with_is_refused(client, editor, event):
    client.force_login(editor)
    form = form_data(client.get(change_url(event)), "event_form")
    form["edited_from"] = ""
    form["title"] = "From a form of unknown age"
    assert client.post(change_url(event), form).status_code == 200
    event.refresh_from_db()
    assert event.title == "The United States recognizes Peru"


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
        Citation.objects.create(entry=appointment, source=source, locator="p. 2", quotation="Q.")
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
            Source.objects.create(slug="s", title="S", kind="book")
    assert [revision.comment for revision in Revision.objects.all()] == ["The open revision"]


@pytest.mark.django_db
def test_reverting_one_entry_of_an_import_leaves_the_other_entries_alone(client, editor, source):
    with reversion.create_revision():
        reversion.set_comment("Imported")
        for slug in ("first", "second"):
            event = Event.objects.create(
                slug=slug, title=f"The {slug} event", date="1826", category="diplomatic", summary="."
            )
            Citation.objects.create(entry=event, source=source, locator=slug, quotation="Stated.")
    first, second = Event.objects.order_by("slug")
    [first_import], [second_import] = versions(first), versions(second)
    assert first_import.revision != second_import.revision
    assert first_import.revision.comment == second_import.revision.comment == "Imported"

    client.force_login(editor)
    assert change(client, first, title="The first event, edited").status_code == 302
    assert change(client, second, title="The second event, edited").status_code == 302
    revert_form = form_data(client.get(revision_url(first, first_import)), "event_form")
    assert client.post(revision_url(first, first_import), revert_form).status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title == "The first event"
    assert second.title == "The second event, edited"
    assert second.citations.count() == 1


# Edits flow back into the fixtures.


def fixture_files(directory):
    return {path.name: path.read_bytes() for path in sorted(Path(directory).glob("*.json"))}


@pytest.mark.django_db
def test_exporting_the_loaded_fixtures_changes_no_file(tmp_path):
    call_command("load_initial_data")
    call_command("export_fixtures", directory=str(tmp_path))
    committed = fixture_files(settings.FIXTURE_DIRS[0])
    assert committed and fixture_files(tmp_path) == committed


def diff(before, after):
    """The lines removed and added between two versions of a text, without context."""
    lines = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm="")
    return [line for line in lines if line[:1] in "+-" and line[:3] not in {"+++", "---"}]


@pytest.mark.django_db
def test_an_admin_edit_shows_in_the_fixtures_as_a_diff_of_that_entry_only(
    client, tmp_path, editor, source, appointment
):
    call_command("load_initial_data")
    with revisions.recording("Imported"):
        for year in (1826, 1827, 1828):
            event = Event.objects.create(
                slug=f"event-{year}",
                title=f"An event of {year}",
                date=str(year),
                category="diplomatic",
                summary=f"What happened in {year}.",
                status="published",
            )
            Citation.objects.create(entry=event, source=source, locator=str(year), quotation="Stated.")
    before, after, again = tmp_path / "before", tmp_path / "after", tmp_path / "again"

    client.force_login(editor)
    event = Event.objects.get(pk="event-1827")
    Event.objects.filter(pk=event.pk).update(last_changed=datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC))
    call_command("export_fixtures", directory=str(before))
    assert change(client, event, title="Relations in 1827").status_code == 302
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
    for model in (Citation, Appointment, Envoy, Mission, Event):
        model.objects.all().delete()
    call_command("load_initial_data", *sorted(map(str, fixtures.fixture_paths(after))))
    call_command("export_fixtures", directory=str(again))
    assert fixture_files(again) == new


# Who may do what.


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/relations/event/",
        "/admin/relations/event/relations-established/change/",
        "/admin/relations/event/relations-established/history/",
        "/admin/relations/event/relations-established/history/compare/",
        "/admin/relations/event/recover/",
        "/admin/auth/user/",
    ],
)
def test_anonymous_users_are_sent_to_the_login_page(client, event, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/") and "next=" in response.url


@pytest.mark.django_db
def test_editors_change_revert_and_see_history_but_do_not_delete_or_manage_users(client, editor, event):
    client.force_login(editor)
    change(client, event, title="Recognition of Peru")
    first, second = versions(event)
    for url in [
        "/admin/relations/event/",
        "/admin/relations/event/add/",
        change_url(event),
        history_url(event),
        f"{compare_url(event)}?from={first.pk}&to={second.pk}",
        revision_url(event, first),
        "/admin/relations/event/recover/",
        "/admin/relations/agreement/recover/",
    ]:
        assert client.get(url).status_code == 200, url

    assert client.get(f"/admin/relations/event/{event.pk}/delete/").status_code == 403
    assert client.post(f"/admin/relations/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    changelist = client.get("/admin/relations/event/")
    assert "delete_selected" not in changelist.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()

    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get(f"/admin/auth/user/{editor.pk}/delete/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert not editor.has_perm("auth.change_permission") and not editor.has_perm("auth.delete_user")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", ["event", "envoy", "appointment", "mission", "agreement", "source", "topic"]
)
def test_editors_may_recover_every_kind_of_entry_but_not_delete_it(client, editor, model):
    client.force_login(editor)
    assert client.get(f"/admin/relations/{model}/recover/").status_code == 200
    assert not editor.has_perm(f"relations.delete_{model}")


@pytest.mark.django_db
def test_only_senior_editors_delete_entries(client, editor, senior, event):
    client.force_login(senior)
    assert client.get(f"/admin/relations/event/{event.pk}/delete/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert senior.has_perm("relations.delete_event") and not editor.has_perm("relations.delete_event")
    assert not editor.has_perm("relations.delete_source") and not editor.has_perm("relations.delete_envoy")
