"""
The posts the country guide (rdcr) describes: the U.S. Legation in Lima and the embassy it
became, the legation received by the Peru-Bolivian Confederation, and Peru's legation in the
United States with its first minister.
"""

from relations.hsg import editorial
from relations.hsg.words import formatted, partial
from relations.models import Appointment, Entry, Envoy, Mission

from .base import Step

PUBLISHED = {"status": Entry.Status.PUBLISHED}
ARTICLE = "articles/peru.xml"


class Posts(Step):
    needs = ("rdcr",)

    def __init__(self, run):
        super().__init__(run)
        self.missions = run.missions
        self.us, self.peru = run.countries["us"], run.countries["pe"]
        self.confederation = run.countries["pe-bo"]
        self.opened = self.guide_date(editorial.LEGATION)
        self.raised = self.guide_date(editorial.EMBASSY)

    def run(self):
        with self.record("rdcr", ARTICLE, self.passage(editorial.LEGATION)[0].record):
            self.legation()
        with self.record("rdcr", ARTICLE, self.passage(editorial.EMBASSY)[0].record):
            self.embassy()
        with self.record("rdcr", ARTICLE, self.passage(editorial.CONFEDERATION)[0].record):
            self.confederation_legation()
        with self.record("rdcr", ARTICLE, self.passage(editorial.PERU_LEGATION)[0].record):
            self.peru_legation()

    def legation(self):
        legation = self.importer.upsert(
            Mission,
            "us-legation-lima",
            {
                "name": "United States Legation in Lima",
                "kind": Mission.Kind.LEGATION,
                "sending_country": self.us,
                "host_country": self.peru,
                "city": "Lima",
                "opened": self.opened,
                "closed": self.raised,
                "predecessor": None,
                "summary": (
                    f"The American Legation in Lima, established on {formatted(self.opened)} when "
                    f"James Cooley presented his credentials as chargé d’affaires, and raised to an "
                    f"embassy on {formatted(self.raised)}."
                ),
            },
            on_create=PUBLISHED,
        )
        self.cite_guide(legation, editorial.LEGATION, claim="opened")
        self.cite_guide(legation, editorial.EMBASSY, claim="closed")
        self.missions[legation.pk] = legation

    def embassy(self):
        values = {
            "name": "Embassy of the United States in Lima",
            "kind": Mission.Kind.EMBASSY,
            "sending_country": self.us,
            "host_country": self.peru,
            "city": "Lima",
            "opened": self.raised,
            "predecessor": self.missions["us-legation-lima"],
            "summary": (
                f"The Legation at Lima was raised to an embassy on {formatted(self.raised)}, when "
                f"Ambassador William E. Gonzales presented his credentials to the Peruvian Government."
            ),
        }
        if "pocom" in self.data:
            values["editorial_note"] = self.register_ends()
        embassy = self.importer.upsert(Mission, "us-embassy-lima", values, on_create=PUBLISHED)
        self.cite_guide(embassy, editorial.EMBASSY, claim="opened")
        self.missions[embassy.pk] = embassy

    def register_ends(self):
        """The note on where the register of chiefs of mission ends (DISAGREEMENTS §30)."""
        register = self.data["pocom"]
        chiefs = [chief for chief in register.chiefs if chief.listed == "chiefs" and chief.ended.date]
        last = max(chiefs, key=lambda chief: chief.ended.date)
        person = register.people[last.person_id]
        later = register.people.get(editorial.PERSON_WITHOUT_PERU_POST)
        if later is None or later.id in {chief.person_id for chief in register.chiefs}:
            return ""
        return editorial.EMBASSY_NOTE.format(
            last=person.name, ended=formatted(partial(last.ended.date)), kenna=later.name
        )

    def confederation_legation(self):
        """
        The post of the chargé d'affaires received by the Peru-Bolivian Confederation:
        Thornton was commissioned to Peru but received by the Confederation (the guide and
        the register say so), so his mission was to the Confederation.
        """
        recognized = self.guide_date(editorial.CONFEDERATION)
        dissolved = self.guide_date(editorial.DISSOLUTION)
        mission = self.importer.upsert(
            Mission,
            "us-legation-peru-bolivian-confederation",
            {
                "name": "United States Legation to the Peru-Bolivian Confederation",
                "kind": Mission.Kind.LEGATION,
                "sending_country": self.us,
                "host_country": self.confederation,
                "city": "",
                "opened": recognized,
                "closed": dissolved,
                "summary": (
                    "The mission of James B. Thornton, commissioned as chargé d’affaires to Peru "
                    "but received by the Government of the Peru-Bolivian Confederation, which the "
                    f"United States recognized on {formatted(recognized)}."
                ),
                "editorial_note": editorial.CONFEDERATION_NOTE,
            },
            on_create=PUBLISHED,
        )
        self.cite_guide(mission, editorial.CONFEDERATION, claim="opened")
        self.cite_guide(mission, ("recognition", editorial.CONFEDERATION[1], "Thornton was", ""))
        self.cite_guide(mission, editorial.DISSOLUTION, claim="closed")
        self.missions[mission.pk] = mission

    def peru_legation(self):
        heading_date = self.passage(editorial.PERU_LEGATION)[0].heading_date
        established = partial(heading_date)
        named = self.guide_date(editorial.PERU_LEGATION)
        mission = self.importer.upsert(
            Mission,
            "peru-legation-washington",
            {
                "name": "Legation of Peru in the United States",
                "kind": Mission.Kind.LEGATION,
                "sending_country": self.peru,
                "host_country": self.us,
                "opened": established,
                "summary": (
                    f"Peru's legation in the United States, established in {formatted(established)}; "
                    f"in {formatted(named)} the Government of Peru named Joaquin José de Osma its "
                    f"first Plenipotentiary Minister to the United States."
                ),
            },
            on_create=PUBLISHED,
        )
        self.cite_heading(mission, editorial.PERU_LEGATION, claim="opened", value=established.isoformat())
        self.cite_guide(mission, editorial.PERU_LEGATION)
        self.missions[mission.pk] = mission
        envoy = self.importer.upsert(
            Envoy,
            "osma-joaquin-jose-de",
            {
                "name": "Joaquin José de Osma",
                "sort_name": "Osma, Joaquin José de",
                "sending_country": self.peru,
            },
            on_create=PUBLISHED,
        )
        self.cite_guide(envoy, editorial.PERU_LEGATION)
        self.batch.envoys[envoy.pk] = envoy
        appointment = self.importer.upsert(
            Appointment,
            "osma-joaquin-jose-de-1846",
            {
                "envoy": envoy,
                "mission": mission,
                "rank": Appointment.Rank.MINISTER_PLENIPOTENTIARY,
                "appointed": named,
            },
        )
        self.cite_guide(appointment, editorial.PERU_LEGATION, claim="appointed")
