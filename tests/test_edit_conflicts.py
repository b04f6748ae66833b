"""
Edit conflicts: a change form opened before someone else's save is refused, and keeps the
editor's input for them to save again once they have read what changed.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from relations import revisions
from relations.models import Event

from . import html
from .editorial import change_url, form_of, versions

CITATIONS = "relations-citation-content_type-object_id"


# Edit conflicts.


@pytest.mark.django_db
def test_a_stale_form_is_refused_and_keeps_the_editors_input(client, editor, other_editor, event):

    ana, ben = client, Client()
    ana.force_login(editor)
    ben.force_login(other_editor)
    anas_form = form_of(ana.get(change_url(event)), "event_form")
    bens_form = form_of(ben.get(change_url(event)), "event_form")

    bens_form["title"] = "Washington recognizes Peru"
    assert ben.post(change_url(event), bens_form).status_code == 302

    anas_form["summary"] = "Ana's better summary of the recognition."
    response = ana.post(change_url(event), anas_form)
    assert response.status_code == 200
    page = html.parse(response)
    [refusal] = html.texts(page, "#content-main .errorlist.nonfield li")
    assert refusal.startswith("Someone else changed this event after you opened it: ben on ")
    assert "They changed: Title. See exactly what changed." in refusal
    # Still in her form.
    assert form_of(response, "event_form")["summary"] == ["Ana's better summary of the recognition."]
    event.refresh_from_db()
    assert event.title == "Washington recognizes Peru"
    assert event.summary == "Recognition with the reception of José Domingo Cáceres."

    # Having read what changed, she saves again on purpose; Ben's version stays in the history.
    assert ana.post(change_url(event), form_of(response, "event_form")).status_code == 302
    event.refresh_from_db()
    assert event.summary == "Ana's better summary of the recognition."
    assert "Washington recognizes Peru" in [v.field_dict["title"] for v in versions(event)]


@pytest.mark.django_db(transaction=True)
def test_of_two_saves_at_the_same_moment_the_second_is_refused(client, editor, event):
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite locks the whole database: a second writer fails, it never overwrites.")
    client.force_login(editor)
    form = form_of(client.get(change_url(event)), "event_form")
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
    [refusal] = html.texts(html.parse(response), "#content-main .errorlist.nonfield li")
    assert refusal.startswith("Someone else changed this event after you opened it")
    event.refresh_from_db()
    assert event.title == "Saved by the other process"
    assert event.summary == "Recognition with the reception of José Domingo Cáceres."


@pytest.mark.django_db
def test_a_form_is_refused_after_a_save_outside_the_admin(client, editor, event):
    client.force_login(editor)
    form = form_of(client.get(change_url(event)), "event_form")
    Event.objects.filter(pk=event.pk).get().save()  # a script, with no revision recorded
    form["title"] = "A change made on a stale form"
    response = client.post(change_url(event), form)
    assert response.status_code == 200
    [refusal] = html.texts(html.parse(response), "#content-main .errorlist.nonfield li")
    assert refusal.startswith("Someone else changed this event after you opened it: someone, on ")
    assert "The saved event now differs from your form in: Title." in refusal
    event.refresh_from_db()
    assert event.title == "The United States recognizes Peru"


@pytest.mark.django_db
def test_a_form_whose_opened_state_was_tampered_with_is_refused(client, editor, event):
    client.force_login(editor)
    form = form_of(client.get(change_url(event)), "event_form")
    form["edited_from"] = ""
    form["title"] = "From a form of unknown age"
    response = client.post(change_url(event), form)
    assert response.status_code == 200
    [refusal] = html.texts(html.parse(response), "#content-main .errorlist.nonfield li")
    assert refusal.startswith("Someone else changed this event after you opened it")
    event.refresh_from_db()
    assert event.title == "The United States recognizes Peru"
