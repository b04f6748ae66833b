import pytest
from django.contrib.auth.models import Group, User
from django.http import HttpRequest

from relations.models import Citation, Country, Event, Source

pytestmark = pytest.mark.django_db

PREFIX = "relations-citation-content_type-object_id"


@pytest.fixture
def editor(client):
    user = User.objects.create_user("ana", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    # django-axes throttles sign-ins by the request's address, so signing in needs a request.
    assert client.login(request=HttpRequest(), username="ana", password="a-long-test-password")
    return user


@pytest.fixture
def sources():
    return [
        Source.objects.create(slug="hsg-guide", title="Country guide: Peru", kind="web-page"),
        Source.objects.create(slug="fact-sheet", title="U.S. Relations With Peru", kind="fact-sheet"),
    ]


def citation_forms(*citations, initial=0):
    data = {
        f"{PREFIX}-TOTAL_FORMS": str(len(citations)),
        f"{PREFIX}-INITIAL_FORMS": str(initial),
        f"{PREFIX}-MIN_NUM_FORMS": "0",
        f"{PREFIX}-MAX_NUM_FORMS": "1000",
    }
    for index, citation in enumerate(citations):
        for name, value in citation.items():
            data[f"{PREFIX}-{index}-{name}"] = value
    return data


def event_form(**overrides):
    return {
        "title": "Diplomatic relations established",
        "slug": "diplomatic-relations-established",
        "status": "published",
        "date": "1827-05-21",
        "end_date": "",
        "category": "diplomatic",
        "summary": "James Cooley presented his credentials in Lima.",
        "body": "",
        "editorial_note": "",
        **overrides,
    }


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
    group = Group.objects.get(name="Editors")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_event", "change_event", "add_citation", "change_citation", "delete_citation"} <= codenames
    assert not {"delete_event", "add_user", "change_user", "delete_user", "change_group"} & codenames
    assert all(p.content_type.app_label == "relations" for p in group.permissions.all())


def test_editor_logs_in_through_the_login_page(client):
    user = User.objects.create_user("ana", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "ana", "password": "a-long-test-password", "next": "/admin/"},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    index = client.get("/admin/")
    assert b"Events" in index.content
    assert b"Users" not in index.content


def test_editor_adds_an_event_with_two_citations_then_edits_it(client, editor, sources):
    response = client.post("/admin/relations/event/add/", {**event_form(), **citation_forms(*TWO_CITATIONS)})
    assert response.status_code == 302, response.context["errors"] if response.context else response
    event = Event.objects.get(slug="diplomatic-relations-established")
    assert str(event.date) == "21 May 1827"
    assert [(c.position, c.source_id, c.value) for c in event.citations.all()] == [
        (1, "hsg-guide", "21 May 1827"),
        (2, "fact-sheet", "1827"),
    ]

    change_url = "/admin/relations/event/diplomatic-relations-established/change/"
    page = client.get(change_url)
    assert page.status_code == 200
    assert b"View on site" in page.content
    existing = [
        {**citation, "id": str(c.pk), "position": str(c.position)}
        for citation, c in zip(TWO_CITATIONS, event.citations.all(), strict=True)
    ]
    existing[1]["locator"] = "Bilateral relations, paragraph 1"
    opened_on = page.context["adminform"].form["edited_from"].value()
    response = client.post(
        change_url,
        {
            **event_form(title="Relations established", edited_from=opened_on),
            **citation_forms(*existing, initial=2),
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Relations established"
    assert event.slug == "diplomatic-relations-established"
    assert event.citations.get(position=2).locator == "Bilateral relations, paragraph 1"


def test_publishing_without_a_citation_is_refused_with_the_reason(client, editor):
    response = client.post("/admin/relations/event/add/", {**event_form(), **citation_forms()})
    assert response.status_code == 200
    assert "A published entry needs at least one citation" in response.content.decode()
    assert not Event.objects.exists()


def test_a_draft_may_be_saved_without_citations(client, editor):
    response = client.post("/admin/relations/event/add/", {**event_form(status="draft"), **citation_forms()})
    assert response.status_code == 302
    assert Event.objects.get().status == "draft"


def test_removing_the_last_citation_of_a_published_entry_is_refused(client, editor, sources):
    client.post("/admin/relations/event/add/", {**event_form(), **citation_forms(TWO_CITATIONS[0])})
    citation = Citation.objects.get()
    page = client.get("/admin/relations/event/diplomatic-relations-established/change/")
    response = client.post(
        "/admin/relations/event/diplomatic-relations-established/change/",
        {
            **event_form(edited_from=page.context["adminform"].form["edited_from"].value()),
            **citation_forms(
                {**TWO_CITATIONS[0], "id": str(citation.pk), "position": "1", "DELETE": "on"}, initial=1
            ),
        },
    )
    assert "A published entry needs at least one citation" in response.content.decode()
    assert Citation.objects.count() == 1


def test_a_change_without_the_version_it_started_from_is_refused(client, editor, sources):
    client.post("/admin/relations/event/add/", {**event_form(), **citation_forms(TWO_CITATIONS[0])})
    citation = Citation.objects.get()
    response = client.post(
        "/admin/relations/event/diplomatic-relations-established/change/",
        {
            **event_form(title="Overwritten blindly"),
            **citation_forms({**TWO_CITATIONS[0], "id": str(citation.pk), "position": "1"}, initial=1),
        },
    )
    assert response.status_code == 200
    assert Event.objects.get().title == "Diplomatic relations established"


def test_an_impossible_date_is_refused_in_the_form(client, editor, sources):
    response = client.post(
        "/admin/relations/event/add/", {**event_form(date="1827-02-30"), **citation_forms(*TWO_CITATIONS)}
    )
    assert response.status_code == 200
    assert "February 1827 has no day 30" in response.content.decode()
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
def test_every_admin_page_opens_for_an_editor(client, editor, url):
    assert client.get(url).status_code == 200


def test_autocomplete_finds_related_entries(client, editor, sources):
    Country.objects.create(code="pe", name="Peru", name_es="Perú", iso_code="PE")
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


def test_editor_cannot_manage_users(client, editor):
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
