"""Bounded work per request: capped searches and query strings, repeated parameters read once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertInHTML

from relations.limits import MAX_QUERY_STRING, MAX_SEARCH_WORDS

from .factories import AgreementFactory, EventFactory

pytestmark = pytest.mark.django_db

SEARCHED_PAGES = ["/events/", "/envoys/", "/missions/", "/agreements/", "/sources/", "/search/"]


@pytest.fixture
def events():
    return [EventFactory(title=f"Visit {number}", date=f"{1900 + number}") for number in range(3)]


def timeline_titles(response):
    return [item.title for item in response.context["items"]]


def test_a_type_repeated_on_the_timeline_lists_its_entries_once(client, events):
    AgreementFactory(signed="1905")
    once = client.get("/timeline/", {"type": "event"})
    twice = client.get("/timeline/?type=event&type=event")
    assert timeline_titles(once) == ["Visit 0", "Visit 1", "Visit 2"]
    assert timeline_titles(twice) == timeline_titles(once)
    both = client.get("/timeline/?type=agreement&type=event&type=agreement")
    assert len(timeline_titles(both)) == 4


def test_370_repeats_cost_what_one_does(client, events):
    with CaptureQueriesContext(connection) as one:
        single = client.get("/timeline/?type=event")
    with CaptureQueriesContext(connection) as many:
        repeated = client.get("/timeline/?" + "&".join(["type=event"] * 370))
    assert repeated.status_code == 200
    assert len(many) == len(one)
    assert timeline_titles(repeated) == timeline_titles(single)


@pytest.mark.parametrize("url", SEARCHED_PAGES)
def test_a_search_of_a_thousand_words_gets_the_forms_message_without_searching(client, events, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": " ".join(["a"] * 1000)})
    assertContains(response, "Ensure this value has at most 200 characters (it has 1999).", status_code=400)
    assertContains(
        response,
        f"Search for at most {MAX_SEARCH_WORDS} words at a time (this search has 1000).",
        status_code=400,
    )
    assert [query["sql"] for query in queries if "LIKE" in query["sql"].upper()] == []


@pytest.mark.parametrize("url", SEARCHED_PAGES)
def test_a_search_of_too_many_short_words_gets_the_forms_message(client, events, url):
    response = client.get(url, {"q": " ".join(["peru"] * (MAX_SEARCH_WORDS + 1))})
    assertContains(
        response,
        f"Search for at most {MAX_SEARCH_WORDS} words at a time (this search has {MAX_SEARCH_WORDS + 1}).",
        status_code=400,
    )


@pytest.mark.parametrize("url", SEARCHED_PAGES)
def test_a_search_of_as_many_words_as_allowed_is_answered(client, events, url):
    response = client.get(url, {"q": " ".join(["visit"] * MAX_SEARCH_WORDS)})
    assert response.status_code == 200


def test_the_filter_form_says_how_many_words_a_search_may_have(client):
    response = client.get("/events/")
    assertInHTML(
        f'<div class="helptext" id="id_q_helptext">Up to {MAX_SEARCH_WORDS} words.</div>',
        response.content.decode(),
    )


def test_a_query_string_over_the_cap_is_refused_before_any_work(client, events):
    query = "sort=date&" + "x" * MAX_QUERY_STRING
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/events/?{query}")
    assert response.status_code == 400
    assertInHTML(
        '<p class="lead" id="request-problem">This address is too long: the part after “?” may have at '
        "most 4096 characters. Search for fewer words or choose fewer filters.</p>",
        response.content.decode(),
    )
    assert len(queries) == 0
    assert client.get("/events/?" + query[:MAX_QUERY_STRING]).status_code == 200


def test_an_admin_search_of_a_thousand_words_says_it_is_too_long(client, events):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", password="a-long-password"))
    response = client.get("/admin/relations/event/", {"q": " ".join(["a"] * 1000)})
    assert response.status_code == 200
    assertInHTML(
        f'<li class="warning">Search for at most {MAX_SEARCH_WORDS} words at a time '
        "(this search has 1000).</li>",
        response.content.decode(),
    )
    assert list(response.context["cl"].result_list) == []
    found = client.get("/admin/relations/event/", {"q": "visit 1"})
    assert [event.title for event in found.context["cl"].result_list] == ["Visit 1"]
