"""
The sample content of the page tests and the browser tests: a small site with something of
every kind, related to each other, and a draft of every kind that has drafts.

``build()`` makes it and returns its entries by name. The page tests build it once per module
inside a transaction that is rolled back; the browser tests build it once per module for
their live server. Both read the same content, so what a page test proves of a page is
what a reader sees in the browser.

What it holds:

- two sources, the Office of the Historian's register (``pocom``) and the State Department's
  fact sheet (``fact_sheet``), and one generic source for each entry cited by default;
- the legation in Lima (1827–1920), the embassy it became (1920) and Peru's embassy in
  Washington (1919), both open, as a citation of each states them now; a planned consulate
  that is a draft;
- four published envoys: James Cooley (chargé d'affaires 1826, then minister resident at the
  draft consulate; died at post in February 1828), William E. Gonzales (at the legation, then ambassador at
  the embassy), Federico Alfonso Pezet (Peru's ambassador, 1918–1921) and Carlos Later (no
  appointment yet); a draft envoy appointed to the legation;
- the recognition of Peru (2 May 1826), on whose date the two sources differ (1826 and
  1827), with an editorial note; sixty official visits (1900–1959, two pages of the list)
  and trade talks (1930); a draft event;
- the Treaty of Friendship, Commerce and Navigation (1851), ratified by Peru in June 1852,
  the Rio Pact, undated, whose short name is its title, and a draft treaty.
"""

from types import SimpleNamespace

from relations.models import Agreement, Appointment, Event, Mission, Source

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

VISITS = 60


def build():
    """Make the sample content and return its entries by name."""
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
        citation__current=True,
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
        citation__current=True,
    )
    planned_consulate = MissionFactory(name="Planned consulate", slug="planned-consulate", draft=True)

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
        citation__quotation="Cooley, James",
    )
    first_appointment = AppointmentFactory(
        envoy=cooley,
        mission=legation,
        slug="cooley-1826",
        rank=Appointment.Rank.CHARGE,
        appointed="1826-05-02",
        credentials_presented="1827-05-21",
        credentials_note="Officially recognized on",
        ended="1828-02-24",
        ended_note="Died at post on",
        outcome=Appointment.Outcome.DIED,
    )
    CitationFactory(
        entry=first_appointment,
        source=pocom,
        locator="pe-1826-cool-01",
        quotation="Appointment: May 2, 1826",
        claim="appointed",
        value="1826-05-02",
    )
    AppointmentFactory(
        envoy=cooley,
        mission=planned_consulate,
        slug="cooley-1828",
        rank=Appointment.Rank.MINISTER_RESIDENT,
        appointed="1828-01",
        credentials_presented=None,
        arrived="1828",
        ended="1828-02-24",
        ended_note="Died at post on",
    )
    gonzales = EnvoyFactory(
        name="William E. Gonzales",
        sort_name="Gonzales, William E.",
        slug="william-gonzales",
        birth_year=1866,
        death_year=1937,
        citation__source=pocom,
        biography="William E. Gonzales (1866–1937), of South Carolina.",
    )
    # Two notes side by side at the end of the biography, to be told apart by touch.
    for quotation in ["Gonzales, William Elliott (1866–1937)", "State of Residence: South Carolina"]:
        CitationFactory(
            entry=gonzales, source=pocom, locator="pe-1919-gonz", quotation=quotation, claim="biography"
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
    draft_envoy = EnvoyFactory(
        name="Draft Person", sort_name="Person, Draft", slug="draft-person", draft=True
    )
    AppointmentFactory(envoy=draft_envoy, mission=legation, slug="draft-1830", appointed="1830")

    recognition = EventFactory(
        title="The United States recognizes Peru",
        slug="recognition",
        date="1826-05-02",
        category=Event.Category.DIPLOMATIC,
        summary="The appointment of James Cooley as chargé d'affaires recognizes Peru's independence.",
        envoys=[cooley],
        missions=[legation, planned_consulate],
        topics=[trade],
        citation=None,
        editorial_note="The site follows the Office of the Historian.",
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
    CitationFactory(
        entry=recognition, source=fact_sheet, locator="paragraph 2", quotation="six years after independence"
    )
    for number in range(1, VISITS + 1):
        EventFactory(
            title=f"Official visit number {number}",
            slug=f"visit-{number:02d}",
            date=f"{1899 + number}-0{(number - 1) % 9 + 1}",
            category=Event.Category.VISIT,
            summary="A visit between the two governments, one of a series.",
            envoys=[gonzales] if number == 56 else [],
            citation__source=fact_sheet if number == 56 else pocom,
            citation__locator=f"visit record {number}",
        )
    EventFactory(title="Trade talks", slug="trade-talks", date="1930", category=Event.Category.TRADE)
    draft_event = EventFactory(title="Unpublished", slug="unpublished", draft=True, citation=None)
    CitationFactory(entry=draft_event, source=pocom, locator="secret record")

    rio_pact = AgreementFactory(
        title="Rio Pact",
        slug="rio-pact",
        short_name="Rio Pact",
        kind=Agreement.Kind.MULTILATERAL,
        signed=None,
        citation__source=fact_sheet,
    )
    AgreementFactory(title="Draft treaty", slug="draft-treaty", signed="1900", draft=True)
    treaty = AgreementFactory(
        title="Treaty of Friendship, Commerce and Navigation",
        slug="treaty-1851",
        short_name="1851 treaty",
        signed="1851-07-26",
        place_signed="Lima",
        in_force="1852",
        agreement_status="terminated",
        topics=[trade],
        citation__source=pocom,
    )
    RatificationFactory(agreement=treaty, country=pe, date="1852-06", body="the Peruvian Congress")
    return SimpleNamespace(
        pocom=pocom,
        fact_sheet=fact_sheet,
        legation=legation,
        embassy=embassy,
        peru_embassy=peru_embassy,
        planned_consulate=planned_consulate,
        cooley=cooley,
        gonzales=gonzales,
        pezet=pezet,
        draft_envoy=draft_envoy,
        recognition=recognition,
        draft_event=draft_event,
        rio_pact=rio_pact,
        treaty=treaty,
    )
