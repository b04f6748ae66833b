"""
The admin as an editor uses it: logging in, adding and changing an event with its citations,
the rules a save must keep, and what an editor may open.
"""

import pytest
from django.contrib.auth.models import Group

from relations.models import Citation, Event, Source
from relations.permissions import EDITORS

from . import forms, html
from .factories import PASSWORD, CountryFactory, SourceFactory

pytestmark = pytest.mark.django_db

PREFIX = "relations-citation-content_type-object_id"


@pytest.fixture
def logged_in_editor(client, editor):
    """An editor, logged in with ``client``."""
    client.force_login(editor)
    return editor


@pytest.fixture
def sources():
    return [
        SourceFactory(slug="hsg-guide", title="Country guide: Peru", kind=Source.Kind.WEB_PAGE),
        SourceFactory(slug="fact-sheet", title="U.S. Relations With Peru", kind=Source.Kind.FACT_SHEET),
    ]


ADD = "/admin/relations/event/add/"
CHANGE = "/admin/relations/event/diplomatic-relations-established/change/"
FORM = "event_form"

EVENT = {
    "title": "Diplomatic relations established",
    "slug": "diplomatic-relations-established",
    "status": "published",
    "date": "1827-05-21",
    "category": "diplomatic",
    "summary": "James Cooley presented his credentials in Lima.",
}


def add_event(client, *citations, **fields):
    """
    Fill in the add form as an editor does and save it: the event's fields, and a row of the
    citations inline for each citation (pressing "Add another" where the page has too few).
    """
    data = forms.form_data(client.get(ADD).content.decode(), FORM)
    shown = int(data[f"{PREFIX}-TOTAL_FORMS"][0])
    data.update({name: [value] for name, value in {**EVENT, **fields}.items()})
    data[f"{PREFIX}-TOTAL_FORMS"] = [str(max(shown, len(citations)))]
    for index, citation in enumerate(citations):
        data.update({f"{PREFIX}-{index}-{name}": [value] for name, value in citation.items()})
    return client.post(ADD, data)


NEEDS_A_CITATION = (
    "A published entry needs at least one citation: add the source that states it, "
    "with the locator and quotation, or save the entry as a draft."
)


def refusal(response):
    """The reasons the admin gives for not saving a form, as the page shows them."""
    assert response.status_code == 200, response.status_code
    return html.texts(html.parse(response), "#content-main .errornote, #content-main .errorlist li")


TWO_CITATIONS = [
    {
        "source": "hsg-guide",
        "locator": "Diplomatic Relations",
        "quotation": "Diplomatic relations and the American Legation in Lima were established on May 21, 1827",  # noqa: E501
        "claim": "date",
        "value": "21 May 1827",
    },
    {
        "source": "fact-sheet",
        "locator": "paragraph 1",
        "quotation": "The United States established diplomatic relations with Peru in 1827",
        "claim": "date",
        "value": "1827",
    },
]


def test_editors_group_exists_with_content_permissions_only():
    group = Group.objects.get(name=EDITORS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_event", "change_event", "add_citation", "change_citation", "delete_citation"} <= codenames
    assert not {"delete_event", "add_user", "change_user", "delete_user", "change_group"} & codenames
    assert set(group.permissions.values_list("content_type__app_label", flat=True)) == {"relations"}


def test_editor_logs_in_through_the_login_page_and_sees_the_content_but_not_the_users(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": editor.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response.url == "/admin/"
    index = html.get(client, "/admin/")
    models = html.texts(index, "#content-main .module th[scope=row] a")
    assert "Events" in models
    assert "Users" not in models


def test_editor_adds_an_event_with_two_citations_then_edits_it(client, logged_in_editor, sources):
    response = add_event(client, *TWO_CITATIONS)
    assert response.status_code == 302, refusal(response)
    event = Event.objects.get(slug="diplomatic-relations-established")
    assert str(event.date) == "21 May 1827"
    assert [(c.position, c.source_id, c.value) for c in event.citations.all()] == [
        (1, "hsg-guide", "21 May 1827"),
        (2, "fact-sheet", "1827"),
    ]

    [view_on_site] = html.hrefs(html.get(client, CHANGE), "#content-main .object-tools a.viewsitelink")
    assert client.get(view_on_site).url.endswith("/events/diplomatic-relations-established/")
    changes = {"title": "Relations established", f"{PREFIX}-1-locator": "Bilateral relations, paragraph 1"}
    response = forms.submit(client, CHANGE, changes, FORM)
    assert response.status_code == 302, refusal(response)
    event.refresh_from_db()
    assert event.title == "Relations established"
    assert event.slug == "diplomatic-relations-established"
    assert event.citations.get(position=2).locator == "Bilateral relations, paragraph 1"


def test_publishing_without_a_citation_is_refused_with_the_reason(client, logged_in_editor):
    response = add_event(client)
    assert refusal(response) == ["Please correct the error below.", NEEDS_A_CITATION]
    assert not Event.objects.exists()


def test_a_draft_may_be_saved_without_citations(client, logged_in_editor):
    response = add_event(client, status="draft")
    assert response.status_code == 302, refusal(response)
    assert Event.objects.get().status == "draft"


def test_removing_the_last_citation_of_a_published_entry_is_refused(client, logged_in_editor, sources):
    assert add_event(client, TWO_CITATIONS[0]).status_code == 302
    response = forms.submit(client, CHANGE, {f"{PREFIX}-0-DELETE": "on"}, FORM)
    assert refusal(response) == ["Please correct the error below.", NEEDS_A_CITATION]
    assert Citation.objects.count() == 1


def test_a_change_without_the_version_it_started_from_is_refused(client, logged_in_editor, sources):
    assert add_event(client, TWO_CITATIONS[0]).status_code == 302
    data = forms.form_data(client.get(CHANGE).content.decode(), FORM)
    del data["edited_from"]
    data["title"] = ["Overwritten blindly"]
    assert client.post(CHANGE, data).status_code == 200
    assert Event.objects.get().title == "Diplomatic relations established"


def test_an_impossible_date_is_refused_in_the_form(client, logged_in_editor, sources):
    response = add_event(client, *TWO_CITATIONS, date="1827-02-30")
    assert response.status_code == 200
    assert html.texts(html.parse(response), "#content-main .field-date .errorlist li") == [
        "February 1827 has no day 30: it has 28 days."
    ]
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/relations/event/",
        "/admin/relations/envoy/",
        "/admin/relations/appointment/",
        "/admin/relations/mission/",
        "/admin/relations/agreement/",
        "/admin/relations/source/",
        "/admin/relations/topic/",
        "/admin/relations/event/add/",
        "/admin/relations/envoy/add/",
        "/admin/relations/mission/add/",
        "/admin/relations/agreement/add/",
        "/admin/relations/appointment/add/",
        "/admin/relations/event/?q=lima&status=published",
    ],
)
def test_every_admin_page_opens_for_an_editor(client, logged_in_editor, url):
    assert client.get(url).status_code == 200


def test_autocomplete_finds_related_entries(client, logged_in_editor, sources):
    CountryFactory(peru=True)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "relations with",
            "app_label": "relations",
            "model_name": "citation",
            "field_name": "source",
        },
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == ["fact-sheet"]


def test_editor_cannot_manage_users(client, logged_in_editor):
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
