"""
Browser tests: the public pages in a real Chromium, driven by Playwright's sync API.

Chromium is the system's (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``); axe-core comes from
npm (``npm ci`` at the repository root). Without Chromium the tests are skipped, except on
CI (``CI`` set), where they fail.

Tests that read the sample content (``tests.sample``) share it: ``sample_site`` builds it once
per module and commits it, so that the site's own server can read it, and empties the
database after the module's last test. ``browse_sample`` opens pages of it in browser
contexts kept for the whole module. A test that makes data of its own uses ``browse``
instead, on pytest-django's ``live_server``, which empties the database after each test.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from tests import sample
from tests.machine import REPOSITORY, npm_file, unavailable

SCREENSHOTS = REPOSITORY / "screenshots"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The rules axe-core checks: WCAG 2 A and AA, and best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        unavailable(
            f"Chromium is not installed at {executable}: install Debian's chromium package "
            "or set CHROMIUM_PATH to a Chromium executable."
        )
    from playwright.sync_api import sync_playwright

    # The database connections of this thread, as Django keeps them while no event loop runs.
    own = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # Playwright's event loop now runs in this thread, and while one runs, Django keeps the
        # thread's connections apart, as an async task's. The tests would then open a second
        # connection to each database beside the first, which would still hold the test
        # database when the run ends and drops it: they go on with the thread's own.
        for alias, connection in own.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_context(chromium, base_url, viewport=DESKTOP, javascript=True, color_scheme="light"):
    """A browser context of its own (cookies, storage) for pages of the site at ``base_url``."""
    context = chromium.new_context(
        base_url=base_url, viewport=viewport, java_script_enabled=javascript, color_scheme=color_scheme
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def browse(chromium, live_server):
    """Open pages of the live site: ``browse(viewport=PHONE, javascript=False)`` gives a new page."""
    contexts = []

    def open_page(**options):
        context = new_context(chromium, live_server.url, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """The site, served on a free port of localhost from the test database, for the whole session."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sample_site(site_server, django_db_blocker):
    """The sample content, committed for ``site_server``; the database is emptied after the module."""
    with django_db_blocker.unblock():
        try:
            yield sample.build()
        finally:
            # Flushing runs post_migrate again, which brings back the content types and groups.
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def sample_contexts(chromium, site_server, sample_site):
    """One browser context for each viewport, JavaScript setting and colour scheme, kept for the module."""
    contexts = {}

    def context(viewport=DESKTOP, javascript=True, color_scheme="light"):
        key = (viewport["width"], viewport["height"], javascript, color_scheme)
        if key not in contexts:
            contexts[key] = new_context(chromium, site_server.url, viewport, javascript, color_scheme)
        return contexts[key]

    yield context
    for opened in contexts.values():
        opened.close()


@pytest.fixture
def browse_sample(sample_contexts):
    """Open a page of the sample site: ``browse_sample(viewport=PHONE, javascript=False)``."""
    pages = []

    def open_page(**options):
        page = sample_contexts(**options).new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def axe_source():
    return npm_file("axe-core/axe.min.js").read_text()


@pytest.fixture(scope="session")
def axe(axe_source):
    """
    Run axe-core in a page and return its violations: ``axe(page)`` checks every rule of
    ``AXE_TAGS``, ``axe(page, rules=[...])`` only the rules named.
    """

    def run(page, rules=None):
        # A context made with ``add_init_script(axe_source)`` has it in every page already.
        # Otherwise it is evaluated, not added as an inline <script>: the site's policy forbids those.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(axe_source)
        only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
        return page.evaluate(
            """async (only) => {
                // Without the selectors, ancestries and paths of the nodes it checks, axe runs in
                // about three quarters of the time; a violation names its element by its markup.
                const results = await axe.run(document, {
                    runOnly: only, resultTypes: ["violations"],
                    selectors: false, ancestry: false, xpath: false,
                });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.html + ": " + n.failureSummary),
                }));
            }""",
            only,
        )

    return run
