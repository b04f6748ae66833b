"""Reading the parts of a page the page cache's tests look at."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..html import one, parse, text


def heading(response):
    """The text of the page's one h1."""
    assert response.status_code == 200, response.status_code
    return text(one(parse(response), "h1"))


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
