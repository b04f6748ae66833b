"""Reading the parts of a page the page cache's tests look at."""

from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext


class Headings(HTMLParser):
    """The text of the page's h1."""

    def __init__(self, html):
        super().__init__()
        self.h1, self.inside = [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.inside = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.h1[-1] += data


def heading(response):
    assert response.status_code == 200, response.status_code
    return Headings(response.content.decode()).h1[0].strip()


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def downloaded(client, url):
    """A download's response, its whole content and the queries making it took, streamed or not."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content, len(queries)
