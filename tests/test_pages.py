"""
The public pages of the sample content: what every page has, what each page shows, and that
drafts stay out of sight.

Every test here reads the sample content of ``tests.sample``, built once for the module.
"""

import pytest

from . import html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample_content")]


PAGES = [
    "/",
    "/events/",
    "/events/recognition/",
    "/envoys/",
    "/envoys/james-cooley/",
    "/missions/",
    "/missions/us-legation-lima/",
    "/agreements/",
    "/agreements/treaty-1851/",
    "/sources/",
    "/sources/pocom-peru/",
    "/timeline/",
    "/search/",
    "/search/?q=lima",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_title_description_canonical_address_one_h1_and_landmarks(client, url):
    page = html.get(client, url)
    [title] = html.texts(page, "head title")
    assert title.endswith(": a cited record" if url == "/" else " · Peru–United States relations")
    [description] = html.select(page, 'head meta[name="description"]')
    assert len(description.get("content")) > 20
    [canonical] = html.select(page, 'head link[rel="canonical"]')
    assert canonical.get("href") == "http://testserver" + url.split("?")[0]
    [heading] = html.texts(page, "h1")
    assert heading
    assert html.select(page, "main h1") == html.select(page, "h1")
    for landmark in ["body > header", "header nav", "body > main#main", "body > footer"]:
        assert html.select(page, landmark), f"no {landmark} on {url}"
    assert html.hrefs(page, "body > a.skip-link") == ["#main"]
    assert page.get("lang") == "en"


def test_the_page_title_names_the_entry(client):
    page = html.get(client, "/envoys/james-cooley/")
    assert html.texts(page, "h1") == ["James Cooley"]
    assert html.texts(page, "title") == ["James Cooley · Peru–United States relations"]


@pytest.mark.parametrize(
    "url",
    [
        "/events/no-such-event/",
        "/envoys/nobody/",
        "/missions/nowhere/",
        "/agreements/no-treaty/",
        "/sources/no-source/",
        "/events/unpublished/",
        "/envoys/draft-person/",
        "/missions/planned-consulate/",
        "/agreements/draft-treaty/",
    ],
)
def test_unknown_and_draft_entries_are_not_found(client, url):
    assert client.get(url).status_code == 404


# Detail pages


def test_an_event_shows_its_dates_to_their_precision(client):
    page = html.get(client, "/events/recognition/")
    facts = html.one(page, "main article > dl.facts")
    assert ("1826-05-02", "2 May 1826") in html.times(facts)


def test_an_event_links_its_published_related_entries_and_names_no_draft(client):
    page = html.get(client, "/events/recognition/")
    related = html.one(page, "main .related")
    assert html.hrefs(related) == ["/envoys/james-cooley/", "/missions/us-legation-lima/"]
    assert "Planned consulate" not in html.text(related)
    assert html.hrefs(page, "main article > dl.facts dd > a:not(.date-link)") == ["/events/?topic=trade"]
    assert html.hrefs(page, "main article > dl.facts dd > a.date-link") == ["/on/1826-05-02/"]


def test_an_event_numbers_its_notes_and_each_names_its_source_locator_and_words(client):
    page = html.get(client, "/events/recognition/")
    notes = html.select(page, "main .notes-list > li")
    assert [note.get("id") for note in notes] == ["note-1", "note-2", "note-3"]
    assert html.hrefs(notes[0], "cite a") == ["/sources/pocom-peru/"]
    assert html.hrefs(notes[1], "cite a") == ["/sources/state-fact-sheet/"]
    assert "rdcr-pe-04" in html.text(notes[0])
    assert "recognized by the United States" in html.text(html.one(notes[0], "blockquote"))
    assert html.select(page, 'main a#ref-1[href="#note-1"]')


def test_an_event_says_where_its_sources_differ_with_each_value_and_its_source(client):
    page = html.get(client, "/events/recognition/")
    [differ] = html.select(page, "main .differ")
    items = html.select(differ, ".differ-item")
    assert html.times(items[0]) == [("1826-05-02", "2 May 1826")]
    assert html.texts(items[0], "a:not(.date-link)") == ["Chiefs of Mission for Peru"]
    assert html.times(items[1]) == [("1827", "1827")]
    assert html.texts(items[1], "a") == ["U.S. Relations With Peru"]
    assert len(items) == 2


def test_an_event_shows_its_editorial_note_with_its_sources(client):
    page = html.get(client, "/events/recognition/")
    assert html.texts(page, "main .notes .editorial-note p:not(.editorial-note-title)") == [
        "The site follows the Office of the Historian."
    ]


def test_an_envoy_page_lists_every_appointment_with_every_date(client):
    page = html.get(client, "/envoys/james-cooley/")
    table = html.one(page, "main .appointments-table")
    assert [row.get("id") for row in html.select(table, "tbody tr[id]")] == ["cooley-1826", "cooley-1828"]
    first = html.one(table, "tr#cooley-1826")
    assert html.times(first) == [
        ("1826-05-02", "2 May 1826"),
        ("1827-05-21", "21 May 1827"),
        ("1828-02-24", "24 February 1828"),
    ]
    assert html.texts(first, ".qualifier") == ["Officially recognized on", "Died at post on"]
    assert html.text(html.one(first, "th")).startswith("Chargé d’affaires")
    second = html.one(table, "tr#cooley-1828")
    assert html.times(second) == [
        ("1828-01", "January 1828"),
        ("1828", "1828"),
        ("1828-02-24", "24 February 1828"),
    ]
    assert html.text(html.one(second, "th")).startswith("Minister resident")


def test_an_envoy_page_gives_the_years_of_the_envoys_life(client):
    page = html.get(client, "/envoys/james-cooley/")
    assert html.times(page, "main article > dl.facts time") == [("1791", "1791"), ("1828", "1828")]


def test_an_envoy_page_names_a_draft_post_without_linking_it(client):
    page = html.get(client, "/envoys/james-cooley/")
    post = html.one(page, "main tr#cooley-1828 td[data-label=Post]")
    assert html.text(post) == "Planned consulate"
    assert html.hrefs(post) == []
    assert html.hrefs(page, "main tr#cooley-1826 td[data-label=Post] a") == ["/missions/us-legation-lima/"]


def test_an_appointments_citation_is_numbered_after_the_envoys_own_beside_its_date(client):
    page = html.get(client, "/envoys/james-cooley/")
    appointed = html.one(page, "main tr#cooley-1826 td[data-label=Appointed]")
    assert html.hrefs(appointed, "sup.ref a") == ["#note-2"]
    assert [note.get("id") for note in html.select(page, "main .notes-list > li")] == ["note-1", "note-2"]
    assert html.hrefs(page, "main .related a:not(.date-link)") == ["/events/recognition/"]


def test_a_mission_page_gives_its_dates_envoys_and_what_it_became(client):
    page = html.get(client, "/missions/us-legation-lima/")
    assert ("1920-04-24", "24 April 1920") in html.times(html.one(page, "main article > dl.facts"))
    assert html.hrefs(page, "main article > dl.facts dd > a:not(.date-link)") == [
        "/missions/us-embassy-lima/"
    ]
    envoys = html.one(page, "main .appointments-table")
    assert html.hrefs(envoys, "a:not(.date-link)") == [
        "/envoys/james-cooley/#cooley-1826",
        "/envoys/william-gonzales/#gonzales-1919",
    ]
    assert "Draft Person" not in html.text(envoys)


def test_a_mission_page_links_what_it_grew_from(client):
    page = html.get(client, "/missions/us-embassy-lima/")
    assert html.hrefs(page, "main article > dl.facts dd > a:not(.date-link)") == [
        "/missions/us-legation-lima/"
    ]


def test_an_agreement_page_gives_its_dates_names_and_ratifications(client):
    page = html.get(client, "/agreements/treaty-1851/")
    facts = html.one(page, "main article > dl.facts")
    assert html.times(facts) == [("1851-07-26", "26 July 1851"), ("1852-06", "June 1852"), ("1852", "1852")]
    assert {html.text(row.find("dt")): html.text(row.find("dd")) for row in facts.iterchildren("div")} == {
        "Short name": "1851 treaty",
        "Kind": "Treaty",
        "Status": "Terminated",
        "Parties": "Peru, United States",
        "Signed": "26 July 1851, Lima",
        "Ratified": "Peru (the Peruvian Congress): June 1852",
        "Entered into force": "1852",
        "Topics": "Trade",
    }
    assert html.hrefs(facts, "dd > a:not(.date-link)") == ["/agreements/?topic=trade"]


def test_a_source_page_lists_every_published_entry_that_cites_it(client):
    page = html.get(client, "/sources/pocom-peru/")
    citing = html.one(page, "main .citing")
    assert html.texts(citing, "h2") == ["Cited 68 times on this site"]
    # Fifty citations a page: the events' on the first, the envoys' after them.
    rest = html.one(html.get(client, "/sources/pocom-peru/?page=2"), "main .citing")
    links = html.hrefs(citing, ".citing-list a") + html.hrefs(rest, ".citing-list a")
    assert "/events/recognition/" in links
    assert "/envoys/james-cooley/" in links
    assert "/envoys/james-cooley/#cooley-1826" in links
    assert "/events/unpublished/" not in links
    locators = html.texts(citing, ".citing-locator") + html.texts(rest, ".citing-locator")
    assert "— rdcr-pe-04" in locators
    assert "— pe-1826-cool-01" in locators
    assert "— secret record" not in locators


# Timeline, search, home


def timeline_items(page):
    return [html.text(link) for link in html.select(page, "main .timeline-item a:not(.date-link)")]


def test_the_timeline_has_every_dated_entry_in_order(client):
    titles = timeline_items(html.get(client, "/timeline/"))
    assert titles[:3] == [
        "The United States recognizes Peru",
        "James Cooley appointed chargé d’affaires",
        "Legation of the United States in Lima",
    ]
    assert "James Cooley appointed minister resident" in titles
    assert "Treaty of Friendship, Commerce and Navigation" in titles
    assert titles.count("Legation of the United States in Lima") == 2  # opened and closed


def test_the_timeline_leaves_drafts_out(client):
    titles = timeline_items(html.get(client, "/timeline/"))
    assert "Unpublished" not in titles
    assert "Planned consulate" not in titles
    assert "Draft treaty" not in titles
    assert [title for title in titles if "Draft Person" in title] == []


def test_the_timeline_is_grouped_by_decade_and_year(client):
    page = html.get(client, "/timeline/")
    decades = html.texts(page, "main .decade > h3")
    assert decades[:4] == ["1820s", "1850s", "1900s", "1910s"]
    first = html.select(page, "main .decade")[0]
    assert html.texts(first, "h4") == ["1826", "1827", "1828"]
    assert html.times(first, ".timeline-item .item-date time")[0] == ("1826-05-02", "2 May 1826")


def test_the_timeline_filters_by_years_and_type(client):
    treaty = html.get(client, "/timeline/?year_from=1850&year_to=1860")
    assert timeline_items(treaty) == ["Treaty of Friendship, Commerce and Navigation"]
    kinds = html.select(html.get(client, "/timeline/?type=mission&type=agreement"), "main .timeline-item")
    assert {item.get("class") for item in kinds} == {
        "timeline-item timeline-mission",
        "timeline-item timeline-agreement",
    }
    appointments = html.get(client, "/timeline/?type=appointment&year_from=1828&year_to=1828")
    assert timeline_items(appointments) == ["James Cooley appointed minister resident"]


def search_groups(page):
    """Each group of results: its heading and the addresses of its results."""
    return {
        html.text(group.find("h2")): html.hrefs(group, ".item-title a")
        for group in html.select(page, "main .search-group")
    }


def test_search_finds_entries_of_every_type_grouped_by_type(client):
    groups = search_groups(html.get(client, "/search/?q=lima"))
    assert groups == {
        "Missions (2)": ["/missions/us-embassy-lima/", "/missions/us-legation-lima/"],
    }


def test_search_leaves_drafts_out(client):
    groups = search_groups(html.get(client, "/search/?q=peru"))
    assert groups["Events (1)"] == ["/events/recognition/"]
    assert groups["Sources (2)"] == ["/sources/pocom-peru/", "/sources/state-fact-sheet/"]
    assert search_groups(html.get(client, "/search/?q=unpublished")) == {}
    assert search_groups(html.get(client, "/search/?q=draft")) == {}


def test_the_home_page_says_what_the_site_is(client):
    page = html.get(client, "/")
    assert "Every fact is cited to the source that states it" in html.text(
        html.one(page, "main .home-intro .lead")
    )


def test_the_home_page_shows_the_ways_in_with_how_many_entries_each_holds(client):
    ways_in = html.one(html.get(client, "/"), "main .ways-in")
    cards = {html.text(card.find("a")): card for card in html.select(ways_in, ".cards > li")}
    assert {name: card.find("a").get("href") for name, card in cards.items()} == {
        "Events": "/events/",
        "Envoys": "/envoys/",
        "Missions": "/missions/",
        "Agreements": "/agreements/",
        "Timeline": "/timeline/",
        "Sources": "/sources/",
    }
    counts = {name: html.texts(card, ".card-count") for name, card in cards.items()}
    assert counts == {
        "Events": ["62 events"],
        "Envoys": ["4 envoys"],
        "Missions": ["3 missions"],
        "Agreements": ["2 agreements"],
        "Timeline": [],
        "Sources": ["7 sources"],  # the two named, and one for each entry cited by default
    }


def test_the_home_page_lists_the_key_dates_and_the_latest_published_changes(client):
    page = html.get(client, "/")
    assert html.hrefs(page, "main [aria-labelledby=key-dates-heading] li a:not(.date-link)") == [
        "/events/recognition/"
    ]
    latest = html.hrefs(page, "main [aria-labelledby=latest-heading] li a")
    assert latest[0] == "/agreements/treaty-1851/"
    assert "/events/unpublished/" not in latest
    assert "/envoys/draft-person/" not in latest
    assert "/missions/planned-consulate/" not in latest
    assert "/agreements/draft-treaty/" not in latest
