"""Pages of many entries: a source cited a hundred times, a long timeline, a search with more results."""

import pytest

from . import html
from .factories import EventFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_a_source_page_pages_through_many_citations(client):
    source = SourceFactory(slug="big")
    for number in range(105):
        EventFactory(title=f"Cited {number:03d}", citation__source=source)
    first = html.get(client, "/sources/big/")
    assert html.texts(first, "main .citing h2") == ["Cited 105 times on this site"]
    assert len(html.select(first, "main .citing-list > li")) == 100
    assert html.hrefs(first, 'main .pagination a[rel="next"]') == ["?page=2"]
    last = html.get(client, "/sources/big/?page=99")
    assert html.texts(last, "main .citing-list > li > a") == [f"Cited {n}" for n in range(100, 105)]


def test_a_long_timeline_continues_from_the_next_year(client):
    for year in range(1900, 1904):
        for number in range(120):
            EventFactory(title=f"{year} event {number:03d}", date=f"{year}-01-01", citation=None)
    first = html.get(client, "/timeline/")
    assert html.texts(first, "main .year-heading") == ["1900", "1901"]
    assert len(html.select(first, "main .timeline-item")) == 240
    assert html.hrefs(first, 'main .pagination a[rel="next"]') == ["?year_from=1902"]
    rest = html.get(client, "/timeline/?year_from=1902")
    assert html.texts(rest, "main .year-heading") == ["1902", "1903"]
    assert len(html.select(rest, "main .timeline-item")) == 240
    assert html.select(rest, "main .pagination") == []


def test_search_links_to_the_whole_list_when_there_are_more(client):
    for number in range(12):
        EventFactory(title=f"Guano shipment {number}")
    page = html.get(client, "/search/?q=guano")
    [group] = html.select(page, "main .search-group")
    assert len(html.select(group, ".items > li")) == 10
    [more] = html.select(group, ".more a")
    assert more.get("href") == "/events/?q=guano"
    assert html.text(more) == "All 12 events matching “guano”"
