"""
The browser tests hold no database connection they do not use: the site's server for them
closes each request's connection, even while a browser keeps its own connections open, and
the tests use one connection before and while the browser runs. Else, at the end of the run,
a connection would still hold the test database that is then dropped.
"""

import asyncio
import time

import pytest
from django.db import connection, connections

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


def test_while_the_browser_runs_the_tests_use_the_connection_of_their_thread(chromium):
    used = connections["default"]
    # Playwright's event loop runs in this thread; without it, Django gives the thread's own.
    loop = asyncio.get_running_loop()
    asyncio._set_running_loop(None)
    try:
        own = connections["default"]
    finally:
        asyncio._set_running_loop(loop)
    assert used is own
