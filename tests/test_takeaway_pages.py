"""What every page has, on the pages of relations on a date, the data page and a stored version."""

import lxml.html
import pytest
from reversion.models import Version

from relations import revisions

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_url():
    with revisions.recording("Imported"):
        event = EventFactory(slug="recognition", date="1826-05-02")
    return f"/events/recognition/versions/{Version.objects.get_for_object(event).first().pk}/"


@pytest.mark.parametrize("url", ["/on/", "/on/1826-05-02/", "/on/1826/", "/about/data/", "version"])
def test_each_page_has_a_title_description_canonical_link_and_one_heading(client, version_url, url):
    url = version_url if url == "version" else url
    response = client.get(url)
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    (title,) = document.xpath("//head/title")
    assert title.text_content().strip().endswith("Peru–United States relations")
    (description,) = document.xpath('//head/meta[@name="description"]/@content')
    assert len(description.strip()) > 20
    assert document.xpath('//head/link[@rel="canonical"]/@href') == [f"http://testserver{url}"]
    (heading,) = document.xpath("//h1")
    assert heading.text_content().strip()
    assert document.xpath("//main") and document.xpath("//footer")


def test_the_footer_leads_to_the_data_the_dates_and_the_feed(client):
    document = lxml.html.fromstring(client.get("/").content)
    hrefs = document.xpath("//footer//a/@href")
    assert {"/on/", "/about/data/", "/feed/"} <= set(hrefs)
