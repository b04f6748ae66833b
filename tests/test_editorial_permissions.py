"""
Who may do what in the admin: anonymous users are sent to log in, editors change, revert
and recover but do not delete or manage users, senior editors delete entries.
"""

import pytest

from relations import revisions
from relations.models import Appointment, Event

from . import html
from .editorial import change, change_url, compare_url, history_url, revision_url, versions
from .factories import AppointmentFactory, CitationFactory

CITATIONS = "relations-citation-content_type-object_id"


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
    assert response.url == f"/admin/login/?next={url}"


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
    changelist = html.get(client, "/admin/relations/event/")
    actions = [
        option.get("value")
        for option in html.select(changelist, "#changelist-form select[name=action] option")
    ]
    assert "make_draft" in actions
    assert "delete_selected" not in actions
    assert Event.objects.filter(pk=event.pk).exists()

    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get(f"/admin/auth/user/{editor.pk}/delete/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert not editor.has_perm("auth.change_permission")
    assert not editor.has_perm("auth.delete_user")


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
    assert senior.has_perm("relations.delete_event")
    for model in ["event", "source", "envoy"]:
        assert not editor.has_perm(f"relations.delete_{model}")


@pytest.mark.django_db
def test_reverting_never_deletes_what_the_role_may_not_delete(client, editor, senior, appointment, source):
    envoy = appointment.envoy
    [before] = versions(envoy)
    # A second appointment, added since the version an editor would revert to.
    with revisions.recording("Imported"):
        later = AppointmentFactory(
            envoy=envoy, mission=appointment.mission, slug="cooley-1828", appointed="1828"
        )
        CitationFactory(entry=later, source=source, locator="Cooley", quotation="Appointed again.")
    client.force_login(editor)
    page = client.get(revision_url(envoy, before))
    assert page.status_code == 302
    refused = client.post(revision_url(envoy, before), follow=True)
    messages = html.texts(html.parse(refused), ".messagelist li")
    refusals = [message for message in messages if "may not delete" in message]
    assert refusals
    assert all("chargé d’affaires (1828)" in message for message in refusals)
    assert Appointment.objects.filter(pk="cooley-1828").exists()

    # A senior editor, who may delete appointments, may revert to it.
    client.force_login(senior)
    assert client.get(revision_url(envoy, before)).status_code == 200
