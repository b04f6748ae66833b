"""
Browser tests: the public pages in a real Chromium, driven by Playwright's sync API.

Chromium is the system's (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``); axe-core comes from
npm (``npm ci`` at the repository root). Without Chromium the tests are skipped, except on
CI (``CI`` set), where they fail.
"""

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
AXE = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
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


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        unavailable(
            f"Chromium is not installed at {executable}: install Debian's chromium package "
            "or set CHROMIUM_PATH to a Chromium executable."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing ({AXE.relative_to(REPOSITORY)}): run `npm ci` at the repository root.",
            pytrace=False,
        )
    return AXE.read_text()


@pytest.fixture
def browse(chromium, live_server):
    """Open pages of the live site: ``browse(viewport=PHONE, javascript=False)`` gives a new page."""
    contexts = []

    def open_page(viewport=DESKTOP, javascript=True, color_scheme="light"):
        context = chromium.new_context(
            base_url=live_server.url,
            viewport=viewport,
            java_script_enabled=javascript,
            color_scheme=color_scheme,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def axe(axe_source):
    """Run axe-core in a page and return its violations (WCAG 2 A and AA, and best practice)."""

    def run(page):
        # Evaluated, not added as an inline <script>: the site's policy forbids inline scripts.
        page.evaluate(axe_source)
        return page.evaluate(
            """async () => {
                const results = await axe.run(document, {
                    runOnly: {
                        type: "tag",
                        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
                    },
                });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary),
                }));
            }"""
        )

    return run


@pytest.fixture
def site_record(transactional_db):
    """
    A record a reader can browse: sixty visits to page through, a disagreement between
    sources, envoys of both countries with their appointments, missions and an agreement.
    """
    from relations.models import Appointment, Event, Mission, Source
    from tests.factories import (
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

    us, pe = CountryFactory(), CountryFactory(peru=True)
    trade = TopicFactory(name="Trade")
    pocom = SourceFactory(
        title="Chiefs of Mission for Peru",
        slug="pocom-peru",
        kind=Source.Kind.DATASET,
        description="The Office of the Historian's record of every U.S. chief of mission to Peru.",
    )
    fact_sheet = SourceFactory(
        title="U.S. Relations With Peru", slug="state-fact-sheet", kind=Source.Kind.FACT_SHEET
    )
    legation = MissionFactory(
        name="Legation of the United States in Lima",
        slug="us-legation-lima",
        opened="1827-05-21",
        closed="1920-04-24",
        citation__source=pocom,
    )
    embassy = MissionFactory(
        name="Embassy of the United States in Lima",
        slug="us-embassy-lima",
        kind=Mission.Kind.EMBASSY,
        opened="1920-04-24",
        predecessor=legation,
        address="Avenida La Encalada cdra. 17, Surco",
        citation__source=pocom,
    )
    peru_embassy = MissionFactory(
        name="Embassy of Peru in Washington",
        slug="pe-embassy-washington",
        kind=Mission.Kind.EMBASSY,
        sending_country=pe,
        host_country=us,
        city="Washington",
        opened="1919",
        citation__source=fact_sheet,
    )
    cooley = EnvoyFactory(
        name="James Cooley",
        sort_name="Cooley, James",
        slug="james-cooley",
        birth_year=1791,
        death_year=1828,
        career_status="pre-1915",
        residence="Ohio",
        citation__source=pocom,
        citation__locator="pe-1826-cool-01",
    )
    first = AppointmentFactory(
        envoy=cooley,
        mission=legation,
        slug="cooley-1826",
        appointed="1826-05-02",
        credentials_presented="1827-05-21",
        credentials_note="Officially recognized on",
        ended="1828-02-24",
        ended_note="Died at post on",
        outcome=Appointment.Outcome.DIED,
    )
    CitationFactory(
        entry=first,
        source=pocom,
        locator="pe-1826-cool-01",
        quotation="Credentials presented: May 21, 1827",
        claim="credentials_presented",
        value="1827-05-21",
    )
    gonzales = EnvoyFactory(
        name="William E. Gonzales",
        sort_name="Gonzales, William E.",
        slug="william-gonzales",
        birth_year=1866,
        death_year=1937,
        citation__source=pocom,
    )
    AppointmentFactory(
        envoy=gonzales,
        mission=legation,
        slug="gonzales-1919",
        rank=Appointment.Rank.ENVOY,
        appointed="1919-07-08",
        credentials_presented="1919-09-22",
        ended="1920-04-24",
    )
    AppointmentFactory(
        envoy=gonzales,
        mission=embassy,
        slug="gonzales-1920",
        rank=Appointment.Rank.AMBASSADOR,
        appointed="1920-04-24",
        credentials_presented="1920-04-24",
        ended="1921-09-15",
        ended_note="Left post on",
    )
    pezet = EnvoyFactory(
        name="Federico Alfonso Pezet",
        sort_name="Pezet, Federico Alfonso",
        slug="federico-pezet",
        sending_country=pe,
        birth_year=1859,
        death_year=1929,
        citation__source=fact_sheet,
    )
    AppointmentFactory(
        envoy=pezet,
        mission=peru_embassy,
        slug="pezet-1918",
        rank=Appointment.Rank.AMBASSADOR,
        appointed="1918",
        credentials_presented="1919",
        ended="1921",
    )
    EnvoyFactory(name="Carlos Later", sort_name="Later, Carlos", slug="carlos-later", sending_country=pe)
    recognition = EventFactory(
        title="The United States recognizes Peru",
        slug="recognition",
        date="1826-05-02",
        category=Event.Category.DIPLOMATIC,
        summary="The appointment of James Cooley as chargé d'affaires recognizes Peru's independence.",
        envoys=[cooley],
        missions=[legation],
        topics=[trade],
        citation=None,
    )
    CitationFactory(
        entry=recognition,
        source=pocom,
        locator="rdcr-pe-04",
        quotation=(
            "The independence of Peru was recognized by the United States by the appointment of James Cooley"
        ),
        claim="date",
        value="1826-05-02",
    )
    CitationFactory(
        entry=recognition,
        source=fact_sheet,
        locator="paragraph 1",
        quotation="The United States established diplomatic relations with Peru in 1827.",
        claim="date",
        value="1827",
    )
    for number in range(60):
        EventFactory(
            title=f"Official visit number {number + 1}",
            slug=f"visit-{number + 1:02d}",
            date=f"{1900 + number}-0{number % 9 + 1}",
            category=Event.Category.VISIT,
            summary="A visit between the two governments, one of a series.",
            envoys=[gonzales] if number == 55 else [],
            citation__source=fact_sheet if number == 55 else pocom,
            citation__locator=f"visit record {number + 1}",
        )
    EventFactory(title="Trade talks", slug="trade-talks", date="1930", category=Event.Category.TRADE)
    EventFactory(title="A draft", slug="a-draft", draft=True)
    treaty = AgreementFactory(
        title="Treaty of Friendship, Commerce and Navigation",
        slug="treaty-1851",
        signed="1851-07-26",
        place_signed="Lima",
        in_force="1852",
        agreement_status="terminated",
        topics=[trade],
        citation__source=pocom,
    )
    RatificationFactory(agreement=treaty, country=pe, date="1852-06")
    return {"cooley": cooley, "recognition": recognition, "pocom": pocom, "fact_sheet": fact_sheet}
