"""Downloads: every list's filter as CSV and JSON, streamed, documented, and the whole record."""

import csv
import io
import json
import math

import lxml.html
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from relations import columns, downloads
from relations.models import LISTED_MODELS, Citation, Event, Mission, Source

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


def body(response):
    assert response.status_code == 200, response.content if not response.streaming else ""
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(body(response))))


def json_of(response):
    return json.loads(body(response))


@pytest.fixture
def record():
    CountryFactory(), CountryFactory(peru=True)
    trade = TopicFactory(name="Trade")
    source = SourceFactory(title="Chiefs of Mission", slug="pocom")
    legation = MissionFactory(name="Legation in Lima", slug="legation", opened="1827-05-21", closed="1920")
    draft_mission = MissionFactory(name="Planned consulate", slug="planned", draft=True)
    cooley = EnvoyFactory(name="James Cooley", slug="james-cooley", citation=None)
    CitationFactory(entry=cooley, source=source, locator="pe-1826-cool-01", quotation="James Cooley")
    appointment = AppointmentFactory(
        envoy=cooley,
        mission=legation,
        slug="cooley-1826",
        appointed="1826-05-02",
        credentials_presented="1827-05",
    )
    CitationFactory(entry=appointment, source=source, locator="pe-1826-cool-01", quotation="May 2, 1826")
    for number in range(60):
        EventFactory(
            title=f"Visit {number:02d}",
            slug=f"visit-{number:02d}",
            date=f"{1900 + number}-0{number % 9 + 1}",
            category=Event.Category.VISIT,
            topics=[trade] if number % 2 else [],
            citation__source=source,
        )
    EventFactory(
        title="Recognition",
        slug="recognition",
        date="1826-05-02",
        end_date="c. 1827",
        envoys=[cooley],
        missions=[legation, draft_mission],
        citation__source=source,
        citation__locator="rdcr-pe-04",
        citation__quotation="recognized by the United States",
        citation__claim="date",
        citation__value="1826-05-02",
    )
    EventFactory(title="A draft", slug="a-draft", draft=True)
    treaty = AgreementFactory(
        title="Treaty", slug="treaty", signed="1851-07-26", in_force="1852", topics=[trade]
    )
    RatificationFactory(agreement=treaty, date="1852-06")
    return {"source": source, "trade": trade}


LIST_FILTERS = [
    ("events", ""),
    ("events", "category=visit&year_from=1910&year_to=1949&sort=-date"),
    ("events", "topic=trade&page=2"),
    ("events", "q=visit+0"),
    ("envoys", "sending=us&in_office=1827"),
    ("missions", "status=closed"),
    ("agreements", "topic=trade&year_from=1850"),
    ("sources", "q=chiefs"),
]


@pytest.mark.parametrize("name,query", LIST_FILTERS)
def test_a_download_holds_every_entry_the_list_counts_in_its_order(client, record, name, query):
    page = client.get(f"/{name}/?{query}")
    paginator = page.context["paginator"]
    expected = [entry.pk for number in paginator.page_range for entry in paginator.page(number).object_list]
    assert len(expected) == paginator.count
    rows = csv_rows(client.get(f"/{name}.csv?{query}"))
    assert [row["slug"] for row in rows] == expected
    document = json_of(client.get(f"/{name}.json?{query}"))
    assert document["count"] == paginator.count
    assert [entry["slug"] for entry in document["results"]] == expected


def test_the_list_links_to_its_downloads_with_its_filters_and_its_count(client, record):
    document = lxml.html.fromstring(client.get("/events/?category=visit&year_from=1905&page=2").content)
    (paragraph,) = document.xpath('//p[@class="downloads"]')
    assert " ".join(paragraph.text_content().split()).startswith("Download these 55 results: CSV · JSON")
    hrefs = [a.get("href") for a in paragraph.xpath("./a[@download]")]
    assert hrefs == [
        "/events.csv?category=visit&year_from=1905",
        "/events.json?category=visit&year_from=1905",
    ]


def test_dates_are_iso_with_their_precision_and_whether_derived(client, record):
    (row,) = [row for row in csv_rows(client.get("/events.csv")) if row["slug"] == "recognition"]
    assert (row["date"], row["date_precision"], row["date_derived"]) == ("1826-05-02", "day", "")
    assert (row["end_date"], row["end_date_precision"], row["end_date_derived"]) == ("1827", "year", "circa")
    (entry,) = [e for e in json_of(client.get("/events.json"))["results"] if e["slug"] == "recognition"]
    assert entry["date"] == {"value": "1826-05-02", "precision": "day", "derived": None}
    assert entry["end_date"] == {"value": "1827", "precision": "year", "derived": "circa"}
    (envoy,) = json_of(client.get("/envoys.json"))["results"]
    assert envoy["appointments"][0]["credentials_presented"] == {
        "value": "1827-05",
        "precision": "month",
        "derived": None,
    }


def test_the_json_carries_each_entrys_citations_and_its_parts(client, record):
    (entry,) = [e for e in json_of(client.get("/events.json"))["results"] if e["slug"] == "recognition"]
    assert entry["citations"] == [
        {
            "note": 1,
            "source": "pocom",
            "source_title": "Chiefs of Mission",
            "locator": "rdcr-pe-04",
            "quotation": "recognized by the United States",
            "claim": "date",
            "value": "1826-05-02",
            "current": False,
        }
    ]
    (envoy,) = json_of(client.get("/envoys.json"))["results"]
    assert [c["quotation"] for c in envoy["appointments"][0]["citations"]] == ["May 2, 1826"]
    (treaty,) = json_of(client.get("/agreements.json"))["results"]
    assert treaty["ratifications"] == [
        {
            "country": "pe",
            "date": {"value": "1852-06", "precision": "month", "derived": None},
            "body": "the Peruvian Congress",
            "editorial_note": "",
        }
    ]


def test_drafts_are_left_out_of_the_rows_and_of_what_they_relate_to(client, record):
    slugs = [row["slug"] for row in csv_rows(client.get("/events.csv"))]
    assert "a-draft" not in slugs
    (row,) = [row for row in csv_rows(client.get("/events.csv")) if row["slug"] == "recognition"]
    assert row["missions"] == "legation"
    assert row["envoys"] == "james-cooley"
    assert row["url"] == "http://testserver/events/recognition/"


@pytest.mark.parametrize(
    "query,field,message",
    [
        ("year_from=abc", "From year", "Enter a whole number."),
        ("year_from=1900&year_to=1800", None, "The years are the wrong way round: 1800 comes before 1900."),
        (
            "category=nonsense",
            "Category",
            "Select a valid choice. nonsense is not one of the available choices.",
        ),
    ],
)
def test_filters_that_cannot_be_read_get_the_forms_message(client, record, query, field, message):
    response = client.get(f"/events.csv?{query}")
    assert response.status_code == 400
    assert (f"{field}: {message}" if field else message) in response.content.decode().splitlines()
    response = client.get(f"/events.json?{query}")
    assert response.status_code == 400
    messages = [error["message"] for errors in response.json()["errors"].values() for error in errors]
    assert messages == [message]


def test_the_whole_record_downloads_with_every_published_entry_and_its_citations(client, record):
    document = json_of(client.get("/dataset.json"))
    assert {item["code"] for item in document["countries"]} == {"us", "pe"}
    assert [item["slug"] for item in document["topics"]] == ["trade"]
    assert len(document["events"]) == 61
    assert "a-draft" not in {item["slug"] for item in document["events"]}
    assert [item["slug"] for item in document["missions"]] == ["legation"]
    assert {item["slug"] for item in document["sources"]} == set(
        Source.objects.values_list("slug", flat=True)
    )
    assert all(
        entry["citations"]
        for kind in ("events", "envoys", "missions", "agreements")
        for entry in document[kind]
    )


def test_the_data_page_documents_every_column_of_every_download(client):
    document = lxml.html.fromstring(client.get("/about/data/").content)
    for model in LISTED_MODELS:
        name = downloads.list_name(model)
        (section,) = document.xpath(f'//section[@aria-labelledby="columns-{name}"]')
        documented = {code.text_content() for code in section.xpath(".//dl/div/dt/code")}
        table = columns.COLUMNS[model]
        header = [n for n in columns.csv_header(table) if not n.endswith(("_precision", "_derived"))]
        assert set(header) <= documented, name
        assert {column.name for column in table} <= documented, name
        for column in table:
            for nested in column.columns:
                assert section.xpath(f'.//div[@id="{name}-{column.name}-{nested.name}"]'), (name, nested.name)
    # Each column's id is its own: a link to one column finds that one.
    ids = document.xpath("//@id")
    assert len(ids) == len(set(ids))
    # Codes of choices are listed with their labels.
    (kinds,) = document.xpath('//section[@aria-labelledby="columns-missions"]//div[@id="missions-kind"]')
    assert "consulate-general: consulate-general" in " ".join(kinds.text_content().split())


def test_the_data_page_says_what_licence_applies_to_what(client):
    document = lxml.html.fromstring(client.get("/about/data/").content)
    (licence,) = document.xpath('//section[@id="licence"]')
    terms = {
        dt.text_content(): " ".join(dd.text_content().split())
        for dt, dd in zip(licence.xpath(".//dt"), licence.xpath(".//dd"), strict=True)
    }
    assert (
        "public domain in the United States (17 U.S.C. § 105)"
        in terms["Quotations from the U.S. Department of State"]
    )
    assert "Attribution-ShareAlike (CC BY-SA" in terms["Quotations from Wikipedia"]
    assert "No licence for them has been declared yet" in terms["The site's own text"]


# Streaming: rows are read and written a chunk at a time.


@pytest.fixture
def many_events(monkeypatch):
    """Six chunks of published events, each with a citation, made in bulk (chunks of 50 here)."""
    monkeypatch.setattr(downloads, "CHUNK_SIZE", 50)
    source = SourceFactory(slug="bulk-source")
    count = 6 * downloads.CHUNK_SIZE
    Event.objects.bulk_create(
        Event(
            slug=f"bulk-{number:04d}",
            title=f"Bulk event {number:04d}",
            date=f"{1800 + number % 200}-01-01",
            category=Event.Category.TRADE,
            summary="One of many.",
            status=Event.Status.PUBLISHED,
        )
        for number in range(count)
    )
    event_type = ContentType.objects.get_for_model(Event)
    Citation.objects.bulk_create(
        Citation(
            content_type=event_type,
            object_id=f"bulk-{number:04d}",
            position=1,
            source=source,
            locator=f"record {number}",
            quotation="Stated.",
        )
        for number in range(count)
    )
    return count


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_large_download_is_streamed_a_chunk_at_a_time(client, many_events, fmt):
    response = client.get(f"/events.{fmt}?category=trade")
    assert isinstance(response, StreamingHttpResponse)
    queries_before_each_part = []
    with CaptureQueriesContext(connection) as queries:
        parts = iter(response.streaming_content)
        written = []
        for part in parts:
            queries_before_each_part.append(len(queries))
            written.append(part)
    chunks = math.ceil(many_events / downloads.CHUNK_SIZE)
    citation_queries = [q for q in queries.captured_queries if "relations_citation" in q["sql"]]
    # One fetch of citations per chunk of rows, each done before that chunk is written out.
    assert len(citation_queries) == chunks
    assert len(set(queries_before_each_part)) > chunks // 2
    assert queries_before_each_part[-1] == len(queries)
    first_row = 1 if fmt == "csv" else 0  # the CSV's header row comes first
    assert queries_before_each_part[first_row + 1] < len(queries)
    text = b"".join(written).decode()
    if fmt == "csv":
        assert text.count("\n") == many_events + 1
    else:
        assert len(json.loads(text)["results"]) == many_events


@pytest.mark.parametrize("name", ["events", "envoys", "missions", "agreements", "sources"])
def test_a_download_takes_the_same_queries_however_many_rows(client, record, name):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            body(client.get(f"/{name}.json"))
        return len(captured)

    small = queries()
    source = SourceFactory()
    for number in range(30):
        mission = MissionFactory(slug=f"more-mission-{number}", citation__source=source)
        envoy = EnvoyFactory(slug=f"more-envoy-{number}")
        AppointmentFactory(envoy=envoy, mission=mission, slug=f"more-{number}")
        EventFactory(slug=f"more-event-{number}", missions=[mission], envoys=[envoy])
        agreement = AgreementFactory(slug=f"more-agreement-{number}")
        RatificationFactory(agreement=agreement, date="1852")
    assert queries() == small
    assert Mission.objects.count() > 30
