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
    assert len(html.select(first, "main .citing-list > li")) == 40
    assert html.hrefs(first, 'main .pagination a[rel="next"]') == ["?page=2"]
    last = html.get(client, "/sources/big/?page=99")
    assert html.texts(last, "main .citing-list > li > a") == [f"Cited {n:03d}" for n in range(80, 105)]


def test_search_links_to_the_whole_list_when_there_are_more(client):
    for number in range(12):
        EventFactory(title=f"Guano shipment {number}")
    page = html.get(client, "/search/?q=guano")
    [group] = html.select(page, "main .search-group")
    assert len(html.select(group, ".items > li")) == 10
    [more] = html.select(group, ".more a")
    assert more.get("href") == "/events/?q=guano"
    assert html.text(more) == "All 12 events matching “guano”"


def test_the_timeline_is_paged_by_period_with_links_between_periods(client):
    from relations.timeline import Period

    for decade, count in [(1820, 10), (1830, 20), (1840, 50)]:
        for number in range(count):
            EventFactory(title=f"{decade}s event {number:03d}", date=f"{decade + number % 10}", citation=None)
    for number in range(130):
        EventFactory(title=f"1900 event {number:03d}", date="1900-01-01", citation=None)

    response = client.get("/timeline/")
    assert response.context["periods"] == [
        Period(1820, 1839, 30),
        Period(1840, 1849, 50),
        Period(1900, 1900, 130),
    ]
    assert len(response.context["items"]) == 30
    page = html.parse(response)
    periods = html.select(page, "nav.periods li")
    assert [item.text_content().strip() for item in periods] == ["1820–1839", "1840–1849", "1900"]
    assert html.select(periods[0], "[aria-current=page]")
    assert html.hrefs(page, "nav.periods a") == ["?period=1840", "?period=1900"]

    later = client.get("/timeline/?period=1900&page=3")
    assert later.context["period"] == Period(1900, 1900, 130)
    assert [item.title for item in later.context["items"]][0] == "1900 event 100"
    assert len(later.context["items"]) == 30


def test_a_decade_cut_into_periods_is_one_link_unless_it_holds_the_period_shown(client, monkeypatch):
    from relations.timeline import Timeline

    monkeypatch.setattr(Timeline, "page_size", 2)
    for year, count in [(1825, 1), (1900, 2), (1901, 2), (1905, 2), (1912, 2), (1913, 2)]:
        for number in range(count):
            EventFactory(title=f"{year} event {number}", date=f"{year}-01-01", citation=None)

    def links(address):
        page = html.get(client, address)
        shown = [html.text(item) for item in html.select(page, "nav.periods li")]
        return shown, html.texts(page, "nav.periods [aria-current=page]"), html.hrefs(page, "nav.periods a")

    assert links("/timeline/") == (
        ["1820–1825", "1900s", "1910s"],
        ["1820–1825"],
        ["?period=1900", "?period=1912"],
    )
    assert links("/timeline/?period=1901") == (
        ["1820–1825", "1900", "1901", "1905", "1910s"],
        ["1901"],
        ["?period=1820", "?period=1900", "?period=1905", "?period=1912"],
    )
    spanish, _current, _hrefs = links("/es/timeline/?period=1913")
    assert spanish == ["1820–1825", "Década de 1900", "1912", "1913"]
