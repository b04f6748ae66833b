"""
The figures drawn from the whole record (the home page's counts, the timeline's periods) are
worked out once for each content version, and any change to the content shows in them on the
next request, even with every page rendered afresh.
"""

import itertools

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from relations.models import Event

from .. import html
from ..factories import EventFactory

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)

# A query string of its own for every request: the page cache is defeated, the figures are not.
fresh = (f"?fresh={number}" for number in itertools.count())


def events_count(client):
    ways_in = html.one(html.get(client, f"/{next(fresh)}"), "main .ways-in")
    cards = {html.text(card.find("a")): card for card in html.select(ways_in, ".cards > li")}
    return html.text(html.one(cards["Events"], ".card-count"))


def periods(client):
    return html.texts(html.get(client, f"/timeline/{next(fresh)}"), "nav.periods li")


def counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries if "COUNT(" in query["sql"]]


def test_the_home_pages_counts_are_counted_once_for_the_content(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    assert counting_queries(client, f"/{next(fresh)}")
    assert counting_queries(client, f"/{next(fresh)}") == []


def test_a_figure_is_kept_in_the_processs_own_memory_when_the_shared_cache_loses_it(
    client, shared_figures, fragments
):
    EventFactory(slug="recognition", date="1826-05-02")
    assert counting_queries(client, f"/{next(fresh)}")
    # As in a process that another one's figure reaches through the shared cache alone.
    fragments.clear()
    assert counting_queries(client, f"/{next(fresh)}") == []
    # Read from the shared cache, it was kept in this process's memory too.
    shared_figures.clear()
    assert counting_queries(client, f"/{next(fresh)}") == []
    # Kept in the process's memory, it too goes with the content version.
    EventFactory(slug="the-treaty", date="1851-07-26")
    assert events_count(client) == "2 events"


def test_a_figure_outlasts_the_pages_the_page_cache_culls(client, page_cache, fragments):
    EventFactory(slug="recognition", date="1826-05-02")
    assert counting_queries(client, f"/{next(fresh)}")
    # Another process, as the page cache culls its pages: the figure is still shared.
    fragments.clear()
    page_cache.clear()
    assert counting_queries(client, f"/{next(fresh)}") == []


def test_a_new_event_shows_in_the_home_pages_counts_at_once(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    assert events_count(client) == "1 event"
    EventFactory(slug="the-treaty", date="1851-07-26")
    assert events_count(client) == "2 events"


def test_an_event_unpublished_leaves_the_home_pages_counts_at_once(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    treaty = EventFactory(slug="the-treaty", date="1851-07-26")
    assert events_count(client) == "2 events"
    treaty.status = Event.Status.DRAFT
    treaty.save()
    assert events_count(client) == "1 event"


def test_the_timelines_periods_are_counted_once_for_the_content(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    assert counting_queries(client, f"/timeline/{next(fresh)}")
    assert counting_queries(client, f"/timeline/{next(fresh)}") == []


def test_an_event_in_a_new_decade_shows_in_the_timelines_periods_at_once(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    EventFactory.create_batch(60, date="1900")
    assert periods(client) == ["1820–1826", "1900"]
    EventFactory(slug="the-treaty", date="1851-07-26")
    assert periods(client) == ["1820–1851", "1900"]


def test_figures_are_neither_read_nor_kept_while_changes_are_not_committed(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02")
    assert events_count(client) == "1 event"
    with transaction.atomic():
        EventFactory(slug="the-treaty", date="1851-07-26")
        # This connection sees its own change; others will not until it is committed.
        assert events_count(client) == "2 events"
        transaction.set_rollback(True)
    assert events_count(client) == "1 event"


def result_count(client, url):
    return html.text(html.one(html.get(client, url), "main #result-count"))


def test_a_lists_count_is_counted_once_for_the_content_and_the_filters(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02", category="diplomatic")
    assert counting_queries(client, f"/events/{next(fresh)}")
    assert counting_queries(client, f"/events/{next(fresh)}&page=2") == []
    # Other filters, another count.
    assert counting_queries(client, "/events/?category=visit")


def test_a_lists_count_follows_its_filters_and_the_content(client, page_cache):
    EventFactory(slug="recognition", date="1826-05-02", category="diplomatic")
    assert result_count(client, f"/events/{next(fresh)}") == "1 event"
    # The same filter with another value: the same query but for its parameters.
    assert result_count(client, "/events/?category=diplomatic") == "1 event"
    assert result_count(client, "/events/?category=visit") == "0 events"
    EventFactory(slug="a-visit", date="1851-07-26", category="visit")
    assert result_count(client, f"/events/{next(fresh)}") == "2 events"
    assert result_count(client, f"/events/{next(fresh)}&category=visit") == "1 event"


def test_a_searchs_counts_follow_the_words_and_the_content(client, page_cache):
    EventFactory(slug="recognition", title="Recognition of Peru", date="1826-05-02")
    searched = html.get(client, f"/search/{next(fresh)}&q=recognition")
    assert html.text(html.one(searched, "main h2")) == "Events (1)"
    EventFactory(slug="a-second", title="A second recognition", date="1827-05-02")
    again = html.get(client, f"/search/{next(fresh)}&q=recognition")
    assert html.text(html.one(again, "main h2")) == "Events (2)"


def standings_on(client, day, heading):
    page = html.get(client, f"/on/{day}/{next(fresh)}")
    return html.texts(page, f'section[aria-labelledby="{heading}"] li.standing > a')


def test_the_entries_a_date_shows_are_chosen_once_for_the_content_and_then_read_by_key(client, page_cache):
    EventFactory(title="In March", date="1900-03-01")
    EventFactory(title="In May", date="1900-05-01")
    EventFactory(title="In the 1900s", date="190")
    EventFactory(title="In 1901", date="1901-02-01")
    with CaptureQueriesContext(connection) as first:
        assert standings_on(client, "1900", "events-heading") == ["In March", "In May", "In the 1900s"]
    assert any("ROW_NUMBER" in query["sql"] for query in first.captured_queries)
    # Chosen already: the same entries, each in its list, read by their keys.
    with CaptureQueriesContext(connection) as again:
        page = html.get(client, f"/on/1900/{next(fresh)}")
    assert not any("ROW_NUMBER" in query["sql"] for query in again.captured_queries)
    lists = html.select(page, 'section[aria-labelledby="events-heading"] ul.standings')
    assert [html.texts(found, "li.standing > a") for found in lists] == [
        ["In March", "In May"],
        ["In the 1900s"],
    ]
    # Each period has its own.
    assert standings_on(client, "1901", "events-heading") == ["In 1901", "In the 1900s"]
    # A change to the content shows on the next request.
    EventFactory(title="In April", date="1900-04-01")
    assert standings_on(client, "1900", "events-heading") == [
        "In March",
        "In April",
        "In May",
        "In the 1900s",
    ]


def event_results(client, query):
    with CaptureQueriesContext(connection) as queries:
        page = html.get(client, f"/search/{next(fresh)}&q={query}")
    found = [query["sql"] for query in queries if 'FROM "relations_event"' in query["sql"]]
    return html.texts(page, "main .search-group .item-title"), found


def test_a_searchs_first_results_are_found_once_for_the_content(client, page_cache):
    for title in ["A visit to Lima", "A visit to Cuzco"]:
        EventFactory(title=title)
    titles, first = event_results(client, "visit")
    assert titles == ["A visit to Cuzco", "A visit to Lima"]
    assert [sql for sql in first if "LIMIT" in sql]
    titles, again = event_results(client, "visit")
    assert titles == ["A visit to Cuzco", "A visit to Lima"]
    # Read by key: no query looks for the first of them again.
    assert not [sql for sql in again if "LIMIT" in sql]
    EventFactory(title="A visit to Arequipa")
    titles, _ = event_results(client, "visit")
    assert titles == ["A visit to Arequipa", "A visit to Cuzco", "A visit to Lima"]
