"""
Hostile input, fuzzed: random and malicious query strings and paths on every public page.

Whatever the query string, a page answers 200 or 400 (never a server error), shows the
form's own message for what it cannot read, echoes nothing unescaped, and does a bounded
number of queries. A page added later joins by one line in ``FUZZED_PAGES``.
"""

import re
import string
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relations.limits import MAX_QUERY_STRING

from .factories import AgreementFactory, AppointmentFactory, EventFactory, SourceFactory

pytestmark = pytest.mark.django_db

# Each page and the parameters its form reads.
FUZZED_PAGES = {
    "/events/": ["q", "category", "topic", "year_from", "year_to", "sort", "page"],
    "/envoys/": ["q", "sending", "rank", "in_office", "sort", "page"],
    "/missions/": ["q", "country", "host", "kind", "status", "sort", "page"],
    "/agreements/": ["q", "kind", "status", "topic", "year_from", "year_to", "sort", "page"],
    "/sources/": ["q", "kind", "page"],
    "/sources/fuzzed-source/": ["page"],
    "/timeline/": ["year_from", "year_to", "type"],
    "/search/": ["q"],
}
# However odd the input, no page needs more queries than this.
QUERY_BUDGET = 15
FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def record():
    source = SourceFactory(title="Fuzzed source", slug="fuzzed-source")
    EventFactory(date="1900", end_date="1910", citation__source=source)
    AppointmentFactory()
    AgreementFactory(citation__source=source)


markers = st.text(alphabet=string.ascii_lowercase, min_size=10, max_size=10)
# Payloads that must come back escaped, if at all; each carries a marker found nowhere else.
PAYLOADS = [
    "<script>{}</script>",
    '"><img src=x onerror={}>',
    "' onmouseover='{}",
    "</textarea><svg onload={}>",
    "{{{{ request.META }}}}{}",
    "{{% debug %}}{}",
    "' OR '1'='1' -- {}",
    "1; DROP TABLE relations_event; -- {}",
    "\x00{}\x00",
]
# Those that would be markup if echoed as they are.
MARKUP_PAYLOADS = [payload for payload in PAYLOADS if set(payload) & set("<>\"'")]
payloads = st.tuples(st.sampled_from(PAYLOADS), markers).map(lambda pair: pair[0].format(pair[1]))
values = st.one_of(
    payloads,
    st.text(max_size=40),
    st.text(alphabet="ab ", min_size=150, max_size=400),  # long, and many words
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "0", "-1", "9999", "10000", "1e5", "us", "pe", "event", "open", "-date", "trade"]),
)
# Fragments a browser would never send: broken percent-escapes, bare separators.
RAW_FRAGMENTS = ["%", "%zz", "%e9%80", "%ff%fe", "%00", "=", "&", "q", "==%", "page=%2"]


def query_strings(parameters):
    """Query strings of the page's parameters, unknown ones, repeats and raw fragments."""
    names = st.one_of(st.sampled_from(parameters), st.sampled_from(["utm_source", "x", "q[]", ""]))
    pair = st.tuples(names, values).map(lambda nv: f"{quote(nv[0])}={quote(nv[1], safe='')}")
    part = st.one_of(pair, st.sampled_from(RAW_FRAGMENTS))
    repeated = st.tuples(pair, st.integers(min_value=2, max_value=60)).map(lambda pr: [pr[0]] * pr[1])
    parts = st.lists(st.one_of(part.map(lambda p: [p]), repeated), max_size=8)
    return parts.map(lambda groups: "&".join(p for group in groups for p in group)[:MAX_QUERY_STRING])


pages_and_queries = st.sampled_from(sorted(FUZZED_PAGES)).flatmap(
    lambda url: st.tuples(st.just(url), query_strings(FUZZED_PAGES[url]))
)


def form_of(response):
    """The form of a list, the timeline or search; None for a page or download without one."""
    context = response.context
    if context is None:
        return None
    if "filter" in context:
        return context["filter"].form
    return context.get("form")


def form_html(page):
    """The page's own form (not the site header's search box), as HTML."""
    match = re.search(r'<form[^>]*class="(?:filter-form|search-form)".*?</form>', page, re.S)
    assert match, "no form on the page"
    return match.group(0)


def assert_answers_sanely(client, url, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}?{query}")
    assert response.status_code in (200, 400), (url, query, response.status_code)
    assert len(queries) <= QUERY_BUDGET, (url, query, len(queries))
    page = response.content.decode()
    for payload in MARKUP_PAYLOADS:
        prefix = payload.split("{}")[0]
        for marker in re.findall(re.escape(quote(prefix, safe="")) + r"([a-z]{10})", query):
            assert prefix + marker not in page, (url, query)
    form = form_of(response)
    if form is None:
        # No form to show a message in (a download, say): the answer itself is the message.
        if response.status_code == 400:
            assert response.content.strip(), (url, query)
    elif response.status_code == 400:
        assert form.errors, (url, query)
        shown = form_html(page)
        for messages in form.errors.values():
            for message in messages:
                assert escape(message) in shown, (url, query, message)
    else:
        assert form.is_valid() or not form.is_bound, (url, query)
    return response


@FUZZ
@given(page_and_query=pages_and_queries)
def test_any_query_string_gets_a_page_or_the_forms_message(client, record, page_and_query):
    url, query = page_and_query
    assert_answers_sanely(client, url, query)


markup_requests = st.sampled_from(
    sorted((url, name) for url, names in FUZZED_PAGES.items() for name in names)
).flatmap(
    lambda page: st.tuples(
        st.just(page),
        st.tuples(st.sampled_from(MARKUP_PAYLOADS), markers).map(lambda pair: pair[0].format(pair[1])),
        st.booleans(),
    )
)


@FUZZ
@given(request=markup_requests)
def test_markup_in_any_parameter_comes_back_escaped(client, record, request):
    (url, name), payload, alone = request
    # Alone, a search for the payload is valid and shown as the query; among filters, it is
    # also the value of a parameter the form cannot accept.
    query = f"{name}={quote(payload, safe='')}" + ("" if alone else "&sort=nonsense&year_from=x")
    response = assert_answers_sanely(client, url, query)
    assert payload not in response.content.decode()


# A value each of these parameters can never accept, and the message the form gives for it.
INVALID_VALUES = {
    "year_from": (markers.map(lambda m: f"year {m}"), "Enter a whole number."),
    "year_to": (st.integers(max_value=0).map(str), "Ensure this value is greater than or equal to 1."),
    "in_office": (st.integers(min_value=10000).map(str), "Ensure this value is less than or equal to 9999."),
    "category": (markers, "Select a valid choice."),
    "kind": (markers, "Select a valid choice."),
    "sort": (markers, "Select a valid choice."),
    "type": (markers, "Select a valid choice."),
    "q": (st.just("word " * 13), "Search for at most 12 words at a time (this search has 13)."),
}
invalid_requests = st.sampled_from(
    sorted((url, name) for url, names in FUZZED_PAGES.items() for name in names if name in INVALID_VALUES)
).flatmap(
    lambda page: st.tuples(st.just(page), INVALID_VALUES[page[1]][0], query_strings(FUZZED_PAGES[page[0]]))
)


@FUZZ
@given(request=invalid_requests)
def test_a_value_a_filter_cannot_accept_always_gets_its_message(client, record, request):
    (url, name), value, other = request
    message = INVALID_VALUES[name][1]
    # Last, so that it is the value read for the parameter, whatever the others repeat.
    query = f"{other[: MAX_QUERY_STRING - 200]}&{name}={quote(value)}"
    response = assert_answers_sanely(client, url, query)
    assert response.status_code == 400
    assert escape(message) in form_html(response.content.decode())


segments = st.one_of(
    st.text(min_size=1, max_size=60).map(lambda text: quote(text, safe="")),
    st.sampled_from(["..", "%2e%2e", "..%2F..%2Fconfig", "a%2Fb", "%00", "%ff", "%c0%af", "x" * 3000]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(["/events/", "/envoys/", "/missions/", "/agreements/", "/sources/", "/static/"]),
    segment=segments,
)
def test_odd_paths_are_not_found(client, record, prefix, segment):
    response = client.get(f"{prefix}{segment}/")
    assert response.status_code == 404, (prefix, segment)


@pytest.mark.parametrize(
    "path",
    [
        "/events/../admin/",
        "/static/../config/settings.py",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/sources/" + "s" * 10000 + "/",
    ],
)
def test_paths_that_climb_or_run_long_are_not_found(client, record, path):
    assert client.get(path).status_code == 404
