"""
The site's server for the browser tests holds no database connection between requests, even
while a browser keeps its connections open: else, at the end of the run, one would still hold
the test database that is then dropped.
"""

import time

import pytest
from django.db import connection

from .conftest import new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def other_sessions():
    """How many other sessions of PostgreSQL are connected to the test database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_after_its_requests_the_server_holds_no_connection_to_the_database(
    chromium, site_server, sample_site
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL lists the sessions connected to a database; the suite's run on it checks this."
        )
    context = new_context(chromium, site_server.url)
    page = context.new_page()
    page.goto("/events/")
    page.goto("/envoys/")
    # The request's connection is closed just after its response has gone out.
    deadline = time.monotonic() + 5
    while other_sessions() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert other_sessions() == 0
    finally:
        context.close()
