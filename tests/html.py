"""
Reading a rendered page as its reader would: parsed once, its parts picked by CSS selector,
their text read with the spacing collapsed.

A test names the part of the page it is about (``main .ways-in``, ``#note-2``, ``.differ``)
and asserts on that part only, so that the same words in the header or the footer cannot
make it pass.
"""

import re

import lxml.html
from lxml.cssselect import CSSSelector


def parse(page):
    """Return the parsed document of a response, or of a string of HTML."""
    content = page.content.decode() if hasattr(page, "content") else page
    return lxml.html.document_fromstring(content)


def get(client, url, status=200):
    """Fetch ``url``, check its status, and return the parsed document."""
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}, not {status}"
    return parse(response)


def select(document, selector):
    """Return the elements of ``document`` (or of an element) that match the CSS ``selector``."""
    return CSSSelector(selector)(document)


def one(document, selector):
    """Return the one element that matches ``selector``; fail if there is none or more than one."""
    found = select(document, selector)
    assert len(found) == 1, f"{len(found)} elements match {selector!r}, not one"
    return found[0]


def text(element):
    """The text of ``element`` as it reads: its words, with runs of spaces and line breaks as one space."""
    return re.sub(r"\s+", " ", element.text_content()).strip()


def texts(document, selector):
    """The text of each element that matches ``selector``, in document order."""
    return [text(element) for element in select(document, selector)]


def hrefs(document, selector="a"):
    """The ``href`` of each link that matches ``selector``, in document order."""
    return [link.get("href") for link in select(document, selector) if link.get("href") is not None]


def times(document, selector="time"):
    """Each ``<time>`` that matches ``selector`` as (its ``datetime`` value, its text)."""
    return [(element.get("datetime"), text(element)) for element in select(document, selector)]


def markup(element):
    """The HTML of ``element`` itself, as a string."""
    return lxml.html.tostring(element, encoding="unicode", with_tail=False)
