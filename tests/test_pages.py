"""The public pages: what each shows, what every page has, and how few queries it takes."""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Appointment, Mission

from .factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    CountryFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    RatificationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self, html):
        super().__init__()
        self.tags = []  # (tag, attrs) in document order
        self.text_of = {}  # index in self.tags -> text inside that element (h1, title, time)
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in {"h1", "title", "time", "a"}:
            self._open.append((tag, len(self.tags) - 1))
            self.text_of[len(self.tags) - 1] = ""

    def handle_endtag(self, tag):
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == tag:
                del self._open[position]
                break

    def handle_data(self, data):
        for _tag, index in self._open:
            self.text_of[index] += data

    def find_all(self, tag, **attrs):
        return [
            (index, found)
            for index, (name, found) in enumerate(self.tags)
            if name == tag and all(found.get(key) == value for key, value in attrs.items())
        ]

    def texts(self, tag, **attrs):
        return [self.text_of[index].strip() for index, _attrs in self.find_all(tag, **attrs)]

    def times(self):
        return [(found["datetime"], self.text_of[index].strip()) for index, found in self.find_all("time")]


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return Page(response.content.decode())


@pytest.fixture
def record():
    """A small record with something of every type, related to each other, and one draft of each."""
    CountryFactory()
    pe = CountryFactory(peru=True)
    trade = TopicFactory(name="Trade")
    oh = SourceFactory(title="Chiefs of Mission for Peru", slug="pocom-peru")
    fact_sheet = SourceFactory(title="U.S. Relations With Peru", slug="state-fact-sheet")
    legation = MissionFactory(
        name="U.S. Legation in Lima", slug="us-legation-lima", opened="1827-05-21", closed="1920-04-24"
    )
    embassy = MissionFactory(
        name="U.S. Embassy in Lima",
        slug="us-embassy-lima",
        kind=Mission.Kind.EMBASSY,
        opened="1920-04-24",
        predecessor=legation,
    )
    draft_mission = MissionFactory(name="Planned consulate", slug="planned-consulate", draft=True)
    cooley = EnvoyFactory(
        name="James Cooley", slug="james-cooley", birth_year=1791, death_year=1828, citation=None
    )
    CitationFactory(entry=cooley, source=oh, locator="pe-1826-cool-01", quotation="James Cooley")
    first = AppointmentFactory(
        envoy=cooley,
        mission=legation,
        slug="cooley-1826",
        rank=Appointment.Rank.CHARGE,
        appointed="1826-05-02",
        credentials_presented="1827-05-21",
        credentials_note="Officially recognized on",
        ended="1828-02-24",
        ended_note="Died at post on",
        outcome=Appointment.Outcome.DIED,
    )
    CitationFactory(
        entry=first,
        source=oh,
        locator="pe-1826-cool-01",
        quotation="Appointment: May 2, 1826",
        claim="appointed",
        value="1826-05-02",
    )
    AppointmentFactory(
        envoy=cooley,
        mission=draft_mission,
        slug="cooley-1828",
        rank=Appointment.Rank.MINISTER_RESIDENT,
        appointed="1828-01",
        credentials_presented=None,
        arrived="1828",
        ended=None,
    )
    recognition = EventFactory(
        title="The United States recognizes Peru",
        slug="recognition",
        date="1826-05-02",
        summary="The appointment of a chargé d'affaires recognizes Peru's independence.",
        envoys=[cooley],
        missions=[legation, draft_mission],
        topics=[trade],
        citation=None,
        editorial_note="The site follows the Office of the Historian.",
    )
    CitationFactory(
        entry=recognition,
        source=oh,
        locator="rdcr-pe-04",
        quotation="recognized by the United States",
        claim="date",
        value="1826-05-02",
    )
    CitationFactory(
        entry=recognition,
        source=fact_sheet,
        locator="paragraph 1",
        quotation="established diplomatic relations with Peru in 1827",
        claim="date",
        value="1827",
    )
    CitationFactory(entry=recognition, source=fact_sheet, locator="paragraph 2", quotation="six years after")
    treaty = AgreementFactory(
        title="Treaty of Friendship, Commerce and Navigation",
        slug="treaty-1851",
        short_name="1851 treaty",
        signed="1851-07-26",
        place_signed="Lima",
        in_force="1852",
        topics=[trade],
    )
    RatificationFactory(agreement=treaty, country=pe, date="1852-06")
    draft_event = EventFactory(title="Unpublished", slug="unpublished", draft=True, citation=None)
    CitationFactory(entry=draft_event, source=oh, locator="secret")
    draft_envoy = EnvoyFactory(name="Draft Person", slug="draft-person", draft=True)
    AppointmentFactory(envoy=draft_envoy, mission=legation, slug="draft-1830", appointed="1830")
    return {
        "oh": oh,
        "fact_sheet": fact_sheet,
        "legation": legation,
        "embassy": embassy,
        "cooley": cooley,
        "recognition": recognition,
        "treaty": treaty,
        "draft_event": draft_event,
        "draft_envoy": draft_envoy,
        "draft_mission": draft_mission,
    }


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
def test_every_page_has_title_description_canonical_one_h1_and_landmarks(client, record, url):
    html = page(client, url)
    assert len(html.texts("title")) == 1 and html.texts("title")[0]
    descriptions = [attrs for _i, attrs in html.find_all("meta", name="description")]
    assert len(descriptions) == 1 and len(descriptions[0]["content"]) > 20
    canonical = [attrs for _i, attrs in html.find_all("link", rel="canonical")]
    assert len(canonical) == 1 and canonical[0]["href"] == "http://testserver" + url.split("?")[0]
    assert len(html.find_all("h1")) == 1 and html.texts("h1")[0]
    for landmark in ["header", "nav", "main", "footer"]:
        assert html.find_all(landmark), f"no <{landmark}> on {url}"
    assert html.find_all("a", href="#main", **{"class": "skip-link"})
    assert html.find_all("html")[0][1]["lang"] == "en"


def test_the_page_title_is_the_entry(client, record):
    html = page(client, "/envoys/james-cooley/")
    assert html.texts("h1") == ["James Cooley"]
    assert html.texts("title")[0].startswith("James Cooley")


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
    ],
)
def test_unknown_and_draft_entries_are_not_found(client, record, url):
    assert client.get(url).status_code == 404


def test_a_draft_agreement_is_not_found(client):
    AgreementFactory(slug="draft-treaty", draft=True)
    assert client.get("/agreements/draft-treaty/").status_code == 404


# Detail pages


def test_event_page_shows_dates_to_their_precision_related_entries_and_numbered_notes(client, record):
    response = client.get("/events/recognition/")
    html = Page(response.content.decode())
    content = response.content.decode()
    assert ("1826-05-02", "2 May 1826") in html.times()
    assert ("1827", "1827") in html.times()
    # Related entries are links; drafts are left out.
    assert html.find_all("a", href="/envoys/james-cooley/")
    assert html.find_all("a", href="/missions/us-legation-lima/")
    assert not html.find_all("a", href="/missions/planned-consulate/")
    assert "Planned consulate" not in content
    assert html.find_all("a", href="/events/?topic=trade")
    # Notes numbered in order, each source linking to its page, with locator and quotation.
    notes = [attrs["id"] for _i, attrs in html.find_all("li") if attrs.get("id", "").startswith("note-")]
    assert notes == ["note-1", "note-2", "note-3"]
    assert html.find_all("a", href="/sources/pocom-peru/")
    assert html.find_all("a", href="/sources/state-fact-sheet/")
    assert "rdcr-pe-04" in content and "recognized by the United States" in content
    assert html.find_all("a", href="#note-1", id="ref-1")
    # The claim with two values says so beside it, with each value and its source.
    assert content.count("Sources differ") == 1
    differ = content[content.index("Sources differ") :]
    differ = differ[: differ.index("</div>")]
    assert (
        '<time datetime="1826-05-02">2 May 1826</time>' in differ and "Chiefs of Mission for Peru" in differ
    )
    assert '<time datetime="1827">1827</time>' in differ and "U.S. Relations With Peru" in differ
    assert "The site follows the Office of the Historian." in content


def test_sources_differ_is_shown_even_for_a_claim_the_page_has_no_place_for(client):
    event = EventFactory(slug="moot", citation=None)
    CitationFactory(entry=event, claim="body", value="One telling")
    CitationFactory(entry=event, claim="body", value="Another telling")
    content = client.get("/events/moot/").content.decode()
    assert "Sources differ on the body" in content
    assert "One telling" in content and "Another telling" in content


def test_differing_choices_are_shown_by_their_labels(client):
    agreement = AgreementFactory(slug="pending", citation=None)
    CitationFactory(entry=agreement, claim="agreement_status", value="in-force")
    CitationFactory(entry=agreement, claim="agreement_status", value="signed")
    content = client.get("/agreements/pending/").content.decode()
    shown = re.findall(r'<span class="differ-value">([^<]*)</span>', content)
    assert sorted(shown) == ["In force", "Signed"]


def test_agreeing_sources_are_not_a_difference(client):
    event = EventFactory(slug="agreed", citation=None, date="1900")
    CitationFactory(entry=event, claim="date", value="1900")
    CitationFactory(entry=event, claim="date", value="1900")
    CitationFactory(entry=event, claim="date")
    assert "Sources differ" not in client.get("/events/agreed/").content.decode()


def test_envoy_page_lists_every_appointment_with_every_date(client, record):
    response = client.get("/envoys/james-cooley/")
    content = response.content.decode()
    html = Page(content)
    times = html.times()
    for expected in [
        ("1826-05-02", "2 May 1826"),
        ("1827-05-21", "21 May 1827"),
        ("1828-02-24", "24 February 1828"),
        ("1828-01", "January 1828"),
        ("1828", "1828"),
        ("1791", "1791"),
    ]:
        assert expected in times
    assert (
        "Officially recognized on" in content and "Died at post on" in content and "Died at post" in content
    )
    assert "Chargé d’affaires" in content and "Minister resident" in content
    assert html.find_all("tr", id="cooley-1826") and html.find_all("tr", id="cooley-1828")
    # A post that is a draft is named, not linked.
    assert "Planned consulate" in content and not html.find_all("a", href="/missions/planned-consulate/")
    # The appointment's citation is numbered after the envoy's own, and marked beside its date.
    assert html.find_all("li", id="note-2") and html.find_all("a", href="#note-2", id="ref-2")
    assert html.find_all("a", href="/events/recognition/")


def test_mission_page(client, record):
    content = client.get("/missions/us-legation-lima/").content.decode()
    html = Page(content)
    assert ("1920-04-24", "24 April 1920") in html.times()
    assert html.find_all("a", href="/missions/us-embassy-lima/")  # what it became
    assert html.find_all("a", href="/envoys/james-cooley/#cooley-1826")
    assert "Draft Person" not in content
    embassy = Page(client.get("/missions/us-embassy-lima/").content.decode())
    assert embassy.find_all("a", href="/missions/us-legation-lima/")  # what it grew from


def test_agreement_page(client, record):
    content = client.get("/agreements/treaty-1851/").content.decode()
    html = Page(content)
    assert ("1851-07-26", "26 July 1851") in html.times()
    assert ("1852-06", "June 1852") in html.times()
    assert "1851 treaty" in content and "Lima" in content and "the Peruvian Congress" in content
    assert html.find_all("a", href="/agreements/?topic=trade")


def test_source_page_lists_every_published_entry_that_cites_it(client, record):
    content = client.get("/sources/pocom-peru/").content.decode()
    html = Page(content)
    assert html.find_all("a", href="/events/recognition/")
    assert html.find_all("a", href="/envoys/james-cooley/")
    assert html.find_all("a", href="/envoys/james-cooley/#cooley-1826")
    assert "rdcr-pe-04" in content and "pe-1826-cool-01" in content
    assert "/events/unpublished/" not in content and "secret" not in content
    assert "Cited 3 times" in content


def test_source_page_pages_through_many_citations(client):
    source = SourceFactory(slug="big")
    for number in range(105):
        EventFactory(title=f"Cited {number:03d}", citation__source=source)
    first = client.get("/sources/big/")
    assert first.context["page_obj"].paginator.count == 105
    assert 'rel="next"' in first.content.decode()
    last = client.get("/sources/big/?page=99")
    assert last.status_code == 200 and len(last.context["citations"]) == 5


# Timeline, search, home


def test_timeline_has_every_dated_entry_in_order_grouped_by_decade_and_year(client, record):
    response = client.get("/timeline/")
    content = response.content.decode()
    titles = [item.title for item in response.context["items"]]
    assert titles.index("The United States recognizes Peru") < titles.index(
        "James Cooley appointed chargé d’affaires"
    )
    assert "James Cooley appointed minister resident" in titles
    assert "Treaty of Friendship, Commerce and Navigation" in titles
    assert titles.count("U.S. Legation in Lima") == 2  # opened and closed
    assert "Unpublished" not in titles and "Planned consulate" not in titles
    assert not any("Draft Person" in title for title in titles)
    assert "1820s" in content and "1850s" in content and "1920s" in content
    assert ">1826</h4>" in content
    assert '<time datetime="1826-05-02">2 May 1826</time>' in content


def test_timeline_filters_by_years_and_type(client, record):
    items = client.get("/timeline/?year_from=1850&year_to=1860").context["items"]
    assert [item.title for item in items] == ["Treaty of Friendship, Commerce and Navigation"]
    items = client.get("/timeline/?type=mission&type=agreement").context["items"]
    assert {item.kind for item in items} == {"mission", "agreement"}
    items = client.get("/timeline/?type=appointment&year_from=1828&year_to=1828").context["items"]
    assert [item.title for item in items] == ["James Cooley appointed minister resident"]


def test_the_timeline_is_paged_by_period_with_links_between_periods(client):
    import lxml.html

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
    page = lxml.html.fromstring(response.content)
    periods = page.cssselect("nav.periods li")
    assert [item.text_content().strip() for item in periods] == ["1820–1839", "1840–1849", "1900"]
    assert periods[0].cssselect("[aria-current=page]")
    assert [link.get("href") for link in page.cssselect("nav.periods a")] == ["?period=1840", "?period=1900"]

    later = client.get("/timeline/?period=1900&page=3")
    assert later.context["period"] == Period(1900, 1900, 130)
    assert [item.title for item in later.context["items"]][0] == "1900 event 120"
    assert len(later.context["items"]) == 10


def test_search_finds_every_type_grouped(client, record):
    response = client.get("/search/?q=lima")
    groups = {group.model.__name__: group for group in response.context["groups"]}
    assert [entry.slug for entry in groups["Mission"].results] == ["us-embassy-lima", "us-legation-lima"]
    assert [entry.slug for entry in groups["Agreement"].results] == []
    response = client.get("/search/?q=peru")
    groups = {group.model.__name__: group for group in response.context["groups"]}
    assert [entry.slug for entry in groups["Event"].results] == ["recognition"]
    assert [entry.slug for entry in groups["Source"].results] == ["pocom-peru", "state-fact-sheet"]
    content = response.content.decode()
    assert "<h2" in content and "Events" in content and "Sources" in content
    assert "Unpublished" not in content


def test_search_links_to_the_whole_list_when_there_are_more(client):
    for number in range(12):
        EventFactory(title=f"Guano shipment {number}")
    content = client.get("/search/?q=guano").content.decode()
    assert 'href="/events/?q=guano"' in content and "All 12 events" in content


def test_home_page_says_what_the_site_is_and_the_ways_in(client, record):
    response = client.get("/")
    content = response.content.decode()
    assert "cited to the source" in content
    for url in ["/events/", "/envoys/", "/missions/", "/agreements/", "/timeline/", "/sources/"]:
        assert f'href="{url}"' in content
    assert response.context["counts"] == {
        "event": 1,
        "envoy": 1,
        "mission": 2,
        "agreement": 1,
        "source": 7,  # the two named, and one for each entry made with its default citation
    }
    assert [event.slug for event in response.context["key_dates"]] == ["recognition"]
    latest = [entry.slug for entry in response.context["latest_changes"]]
    assert "unpublished" not in latest and "draft-person" not in latest
    assert latest[0] == "treaty-1851"


# Queries


def make_hubs():
    """One entry of each type, to which ``grow`` ties ever more entries, all citing one source."""
    CountryFactory()
    source = SourceFactory(slug="hub-source")
    topic = TopicFactory(name="Hub topic")
    hubs = {
        "source": source,
        "topic": topic,
        "event": EventFactory(slug="hub-event", citation__source=source, topics=[topic]),
        "envoy": EnvoyFactory(slug="hub-envoy", citation__source=source),
        "mission": MissionFactory(slug="hub-mission", citation__source=source),
        "agreement": AgreementFactory(slug="hub-agreement", citation__source=source, topics=[topic]),
    }
    RatificationFactory(agreement=hubs["agreement"], country=CountryFactory(peru=True))
    return hubs


def grow(hubs, first, count):
    """Add ``count`` entries of every type, each related to the hubs and citing the hub source."""
    source = hubs["source"]
    for number in range(first, first + count):
        envoy = EnvoyFactory(slug=f"envoy-{number}", citation__source=source)
        mission = MissionFactory(
            slug=f"mission-{number}", citation__source=source, predecessor=hubs["mission"]
        )
        appointment = AppointmentFactory(envoy=hubs["envoy"], mission=mission, slug=f"appointment-{number}")
        CitationFactory(entry=appointment, source=source, claim="appointed", value=f"{1800 + number}")
        AppointmentFactory(envoy=envoy, mission=hubs["mission"], slug=f"at-hub-{number}")
        agreement = AgreementFactory(
            slug=f"agreement-{number}", citation__source=source, amends=hubs["agreement"]
        )
        EventFactory(
            slug=f"event-{number}",
            citation__source=source,
            topics=[hubs["topic"]],
            envoys=[hubs["envoy"]],
            missions=[hubs["mission"]],
            agreements=[hubs["agreement"]],
        )
        hubs["event"].envoys.add(envoy)
        hubs["event"].missions.add(mission)
        hubs["event"].agreements.add(agreement)
        CitationFactory(entry=hubs["event"], source=source, claim="date", value=f"{1900 + number}")
        CitationFactory(entry=hubs["mission"], source=SourceFactory())
        CitationFactory(entry=hubs["agreement"], source=SourceFactory())


QUERY_PAGES = [
    "/",
    "/events/",
    "/events/?q=event&category=diplomatic&year_from=1800&year_to=2000&sort=-date",
    "/events/hub-event/",
    "/envoys/",
    "/envoys/?in_office=1827&sending=us&rank=charge-d-affaires&sort=start",
    "/envoys/hub-envoy/",
    "/missions/",
    "/missions/?status=open&kind=legation&country=us&host=pe",
    "/missions/hub-mission/",
    "/agreements/",
    "/agreements/?kind=treaty&status=in-force&year_from=1800",
    "/agreements/hub-agreement/",
    "/sources/",
    "/sources/hub-source/",
    "/timeline/",
    "/timeline/?year_from=1800&year_to=1900&type=event&type=appointment",
    "/search/?q=number",
]


# The pages held to fewer queries than the others' twelve.
QUERY_BUDGETS = {"/": 6}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", QUERY_PAGES)
def test_queries_do_not_grow_with_the_data(client, url):
    hubs = make_hubs()
    grow(hubs, 0, 3)
    client.get(url)  # the first request fills caches (content types) that later ones reuse
    small = count_queries(client, url)
    grow(hubs, 3, 57)
    large = count_queries(client, url)
    message = f"{url}: {small} queries with a small record, {large} with a large one"
    if url.startswith("/sources/hub-source/"):
        # One query per type of entry on the page: a page of many citations may hold fewer types.
        assert large <= small, message
    else:
        assert small == large, message
    assert large <= QUERY_BUDGETS.get(url, 12), f"{url}: {large} queries"
