"""When content changed: part of each entry, carried by the fixtures, dated by editors' saves."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from reversion.models import Version

from relations import fixtures, revisions
from relations.models import ENTRY_MODELS, Citation, Envoy, Event
from relations.permissions import EDITORS, SENIOR_EDITORS, ensure_editor_groups

from .factories import AppointmentFactory, EnvoyFactory, EventFactory
from .forms import form_data, submit

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)


def log_in(client, group=EDITORS):
    ensure_editor_groups()
    user = User.objects.create_user(f"user-{group}", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def change_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/change/"


def dated_long_ago(entry):
    type(entry).objects.filter(pk=entry.pk).update(last_changed=LONG_AGO)
    with revisions.recording("Imported"):
        entry.refresh_from_db()
        entry.save()
    return entry


@pytest.fixture
def event():
    return dated_long_ago(EventFactory(slug="recognition", title="The United States recognizes Peru"))


def last_changed(entry):
    return type(entry).objects.get(pk=entry.pk).last_changed


def test_an_admin_save_that_changes_a_field_dates_the_change(client, event):
    log_in(client)
    before = timezone.now().replace(microsecond=0)
    response = submit(client, change_url(event), {"title": "Peru recognized"}, form_id="event_form")
    assert response.status_code == 302
    assert last_changed(event) >= before
    # The version the save recorded carries the new date too, so a revert to it restores it.
    latest = Version.objects.get_for_object(event).first()
    assert latest.field_dict["last_changed"] == last_changed(event)


def test_an_admin_save_that_changes_nothing_keeps_the_date(client, event):
    log_in(client)
    assert submit(client, change_url(event), form_id="event_form").status_code == 302
    assert last_changed(event) == LONG_AGO


def test_a_change_to_a_citation_alone_dates_the_entry(client, event):
    log_in(client)
    prefix = "relations-citation-content_type-object_id-0"
    changes = {f"{prefix}-quotation": "The words of the source, corrected."}
    assert submit(client, change_url(event), changes, form_id="event_form").status_code == 302
    assert Citation.objects.get(object_id=event.pk).quotation == "The words of the source, corrected."
    assert last_changed(event) > LONG_AGO


def test_saving_an_appointment_dates_its_envoy(client):
    envoy = dated_long_ago(EnvoyFactory(slug="james-cooley"))
    appointment = AppointmentFactory(envoy=envoy, slug="cooley-1826")
    Envoy.objects.filter(pk=envoy.pk).update(last_changed=LONG_AGO)
    log_in(client)
    changes = {"ended_note": "Died at post on"}
    assert submit(client, change_url(appointment), changes, form_id="appointment_form").status_code == 302
    assert last_changed(envoy) > LONG_AGO


def test_deleting_an_appointment_dates_its_envoy(client):
    envoy = EnvoyFactory(slug="james-cooley")
    appointment = AppointmentFactory(envoy=envoy, slug="cooley-1826")
    Envoy.objects.filter(pk=envoy.pk).update(last_changed=LONG_AGO)
    log_in(client, SENIOR_EDITORS)
    client.post(f"/admin/relations/appointment/{appointment.pk}/delete/", {"post": "yes"})
    assert not envoy.appointments.exists()
    assert last_changed(envoy) > LONG_AGO


def test_a_revert_dates_the_change_now_not_when_the_version_was_saved(client, event):
    log_in(client)
    old = Version.objects.get_for_object(event).first()
    assert old.field_dict["last_changed"] == LONG_AGO
    submit(client, change_url(event), {"title": "Peru recognized"}, form_id="event_form")
    Event.objects.filter(pk=event.pk).update(last_changed=LONG_AGO + datetime.timedelta(days=1))
    revision_url = f"/admin/relations/event/{event.pk}/history/{old.pk}/"
    data = form_data(client.get(revision_url).content.decode(), "event_form")
    before = timezone.now().replace(microsecond=0)
    assert client.post(revision_url, data).status_code == 302
    reverted = Event.objects.get(pk=event.pk)
    assert reverted.title == "The United States recognizes Peru"
    assert reverted.last_changed >= before


def test_the_fixtures_carry_the_date_out_and_back_in(tmp_path, event):
    fixtures.export(tmp_path)
    exported = json.loads((tmp_path / "events.json").read_text())
    assert [item["fields"]["last_changed"] for item in exported] == ["2020-03-04T05:06:07Z"]
    exported[0]["fields"]["last_changed"] = "2021-07-28T12:00:00Z"
    (tmp_path / "events.json").write_text(json.dumps(exported))
    report = fixtures.load(fixtures.fixture_paths(tmp_path))
    assert report.updated["relations.event"] == 1
    assert last_changed(event) == datetime.datetime(2021, 7, 28, 12, tzinfo=datetime.UTC)


def test_every_entry_of_the_committed_fixtures_has_its_date():
    for name, labels in fixtures.FIXTURE_FILES:
        entry_labels = {model._meta.label_lower for model in ENTRY_MODELS} & set(labels)
        if not entry_labels:
            continue
        items = json.loads((fixtures.fixture_dir() / name).read_text())
        for item in items:
            if item["model"] in entry_labels:
                when = datetime.datetime.fromisoformat(item["fields"]["last_changed"])
                assert when.tzinfo is not None, item["pk"]


def test_the_home_page_lists_the_latest_changes_by_their_content_date(client):
    older = EventFactory(slug="older", title="Older event")
    newer = EventFactory(slug="newer", title="Newer event")
    Event.objects.filter(pk=newer.pk).update(last_changed=LONG_AGO)
    Event.objects.filter(pk=older.pk).update(last_changed=LONG_AGO + datetime.timedelta(days=400))
    response = client.get("/")
    assert [entry.slug for entry in response.context["latest_changes"]] == ["older", "newer"]
    section = response.content.decode().split('id="latest-heading"', 1)[1].split("</section>", 1)[0]
    assert '<time datetime="2021-04-08T05:06:07+00:00">8 Apr 2021</time>' in section
