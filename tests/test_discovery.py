"""Discovery: the Atom feed of changes, the sitemap of every published page in each language, robots.txt."""

import datetime
import time
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from relations.models import Event, Source

from .factories import AgreementFactory, EnvoyFactory, EventFactory, MissionFactory, SourceFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def dated(entry, when):
    type(entry).objects.filter(pk=entry.pk).update(last_changed=when)


@pytest.fixture
def record():
    record = {
        "old": EventFactory(slug="recognition", title="Recognition", summary="Peru is recognized."),
        "envoy": EnvoyFactory(slug="james-cooley", name="James Cooley"),
        "mission": MissionFactory(slug="legation", name="Legation in Lima"),
        "agreement": AgreementFactory(slug="treaty", title="Treaty"),
        "draft": EventFactory(slug="a-draft", title="A draft", draft=True),
        "source": SourceFactory(slug="pocom"),
    }
    for number, name in enumerate(["old", "envoy", "mission", "agreement", "draft"]):
        dated(record[name], datetime.datetime(2020, 1, 1 + number, 12, tzinfo=datetime.UTC))
    return record


def test_the_feed_is_atom_with_each_entry_dated_by_its_content_change(client, record):
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Peru–United States relations: new and changed entries"
    entries = [(entry.title, entry.link, entry.updated_parsed[:4]) for entry in feed.entries]
    assert entries == [
        ("Agreement: Treaty", "http://testserver/agreements/treaty/", (2020, 1, 4, 12)),
        ("Mission: Legation in Lima", "http://testserver/missions/legation/", (2020, 1, 3, 12)),
        ("Envoy: James Cooley", "http://testserver/envoys/james-cooley/", (2020, 1, 2, 12)),
        ("Event: Recognition", "http://testserver/events/recognition/", (2020, 1, 1, 12)),
    ]
    assert feed.feed.updated_parsed[:4] == (2020, 1, 4, 12)
    assert feed.entries[-1].summary == "Peru is recognized."


def test_a_changed_entry_comes_first_with_its_new_date_and_the_same_id(client, record):
    before = feedparser.parse(client.get("/feed/").content)
    old_id = [entry.id for entry in before.entries if entry.title == "Event: Recognition"][0]
    record["old"].note_content_changed(datetime.datetime(2021, 5, 6, 7, 8, 9, tzinfo=datetime.UTC))
    first = feedparser.parse(client.get("/feed/").content).entries[0]
    assert first.title == "Event: Recognition"
    assert first.id == old_id
    assert time.strftime("%Y-%m-%dT%H:%M:%S", first.updated_parsed) == "2021-05-06T07:08:09"


def test_every_page_links_to_the_feed(client, record):
    document = lxml.etree.HTML(client.get("/events/recognition/").content)
    assert document.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href') == ["/feed/"]


def sitemap_urls(client):
    """{location: (lastmod, {hreflang: href})} of every URL of every section of the sitemap."""
    index = lxml.etree.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == f"{SITEMAP}sitemapindex"
    urls = {}
    for location in index.iter(f"{SITEMAP}loc"):
        response = client.get(urlsplit(location.text).path)
        assert response.status_code == 200, location.text
        section = lxml.etree.fromstring(response.content)
        for url in section.iter(f"{SITEMAP}url"):
            loc = url.findtext(f"{SITEMAP}loc")
            assert loc not in urls, f"{loc} is listed twice"
            alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            urls[loc] = (url.findtext(f"{SITEMAP}lastmod"), alternates)
    return urls


PAGES = [
    "/",
    "/events/",
    "/envoys/",
    "/missions/",
    "/agreements/",
    "/sources/",
    "/timeline/",
    "/on/",
    "/about/data/",
]


def published_paths():
    entries = ["/events/recognition/", "/envoys/james-cooley/", "/missions/legation/", "/agreements/treaty/"]
    sources = [f"/sources/{slug}/" for slug in Source.objects.values_list("slug", flat=True)]
    return [*PAGES, *entries, *sources]


def test_the_sitemap_lists_every_published_page_once_in_each_language_with_its_last_change(client, record):
    urls = sitemap_urls(client)
    english = {f"http://testserver{path}" for path in published_paths()}
    spanish = {f"http://testserver/es{path}" for path in published_paths()}
    assert set(urls) == english | spanish
    assert urls["http://testserver/envoys/james-cooley/"][0] == "2020-01-02"
    assert "http://testserver/events/a-draft/" not in urls
    # Each page names itself in both languages, English the default.
    assert urls["http://testserver/es/events/recognition/"][1] == {
        "en": "http://testserver/events/recognition/",
        "es": "http://testserver/es/events/recognition/",
        "x-default": "http://testserver/events/recognition/",
    }
    for location, (_lastmod, alternates) in urls.items():
        assert location in alternates.values()


@override_settings(ROOT_URLCONF="tests.i18n_urls")
def test_with_pages_in_each_language_the_sitemap_lists_each_with_its_alternates(client, record):
    urls = sitemap_urls(client)
    assert "http://testserver/es/events/recognition/" in urls
    assert urls["http://testserver/events/recognition/"][1] == {
        "en": "http://testserver/events/recognition/",
        "es": "http://testserver/es/events/recognition/",
        "x-default": "http://testserver/events/recognition/",
    }
    assert set(urls) == {
        f"http://testserver{prefix}{path}" for path in published_paths() for prefix in ("", "/es")
    }


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_the_sitemap_takes_few_queries_however_many_entries(client, record):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/sitemap.xml")
            client.get("/sitemap-events.xml")
        return len(queries)

    small = count()
    Event.objects.bulk_create(
        Event(
            slug=f"more-{n}",
            title=f"More {n}",
            date="1900",
            category="trade",
            summary="-",
            status="published",
        )
        for n in range(200)
    )
    assert count() == small


def test_the_feed_takes_one_query_for_each_type_of_entry_however_many(client, record):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/feed/").status_code == 200
        return len(queries)

    small = count()
    Event.objects.bulk_create(
        Event(
            slug=f"more-{n}",
            title=f"More {n}",
            date="1900",
            category="trade",
            summary="-",
            status="published",
        )
        for n in range(80)
    )
    assert count() == small == 4
