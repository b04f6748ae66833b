"""
How many queries each public page takes: a small, fixed number, whatever the size of the data.

The counts are taken once for the module: every page with a small amount of data, then again
after twenty entries of every type, rather than three, are tied to the same hubs. Each test then states what
one page's counts must be.
"""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

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

# The django_db mark has the test database created for the module's counts.
pytestmark = pytest.mark.django_db

# The most queries any public page may take.
QUERY_BUDGET = 12


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


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture(scope="module")
def query_counts(django_db_setup, django_db_blocker):
    """The queries of each page with a small and with a large amount of data: {url: (small, large)}."""
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        hubs = make_hubs()
        grow(hubs, 0, 3)
        for url in QUERY_PAGES:
            client.get(url)  # the first request fills caches (content types) that later ones reuse
        small = {url: count_queries(client, url) for url in QUERY_PAGES}
        grow(hubs, 3, 17)
        yield {url: (small[url], count_queries(client, url)) for url in QUERY_PAGES}
        transaction.set_rollback(True)


@pytest.mark.parametrize("url", [url for url in QUERY_PAGES if not url.startswith("/sources/hub-source/")])
def test_queries_do_not_grow_with_the_data(query_counts, url):
    small, large = query_counts[url]
    assert small == large, f"{url}: {small} queries with a little data, {large} with a lot"


def test_a_source_page_takes_no_more_queries_with_more_citations(query_counts):
    # One query per type of entry on the page: a page of many citations may hold fewer types.
    small, large = query_counts["/sources/hub-source/"]
    assert large <= small


# The pages held to fewer queries than the others, and the search, which for each of its five
# kinds of entry counts the results and finds the first of them (figures of the content, found
# once for each version of it: here, with no cache, every time), reads their keys and fetches
# whole those not cached.
QUERY_BUDGETS = {"/": 6, "/search/?q=number": 21}


@pytest.mark.parametrize("url", QUERY_PAGES)
def test_every_page_keeps_to_the_query_budget(query_counts, url):
    assert query_counts[url][1] <= QUERY_BUDGETS.get(url, QUERY_BUDGET)
