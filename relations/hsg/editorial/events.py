"""Notes on trips and visits, and the events made of the Milestones paragraphs that name Peru."""

from relations.models import Event

# Notes on trips and visits, by record id. DISAGREEMENTS §17 and §28 among them.
TRIP_NOTES = {
    "947": (
        "The record says “President Benvenidez”: the President of Peru at the time was Óscar R. "
        "Benavides, as the site writes his name."
    ),
    "1774": (
        "The FRUS persons lists date Velasco's presidency differently: “President of the "
        "Revolutionary Government of the Armed Forces of Peru from October 4, 1968” (1964–68, "
        "vol. 31) and “General, Peruvian President from 1969” (1969–76, vol. E-10). Edgardo "
        "Mercado Jarrin, Prime Minister at the time of this visit, is “Foreign Minister of Peru "
        "from October 1968” in one and “from January 1969” in another. Neither date is shown here."
    ),
}
VISIT_NOTES = {
    "2443": (
        "The Embassy of Peru's caption calls this “the official visit of the President of Peru to "
        "Washington, D.C.”; the Office of the Historian's record calls it a “State visit.”"
    ),
    "3194": (
        "“APEP” is the Americas Partnership for Economic Prosperity, not a slip for APEC; the "
        "summary keeps the record's words."
    ),
}
# The Office's words for a claim of an entry that another source words differently: where that
# source's value and these cannot both be true, the Office's citation that states them carries
# the claim, so that the page shows both. {(model, slug): {claim: words}}; DISAGREEMENTS §6, §11, §17.
OFFICE_WORDS = {
    ("event", "visit-us-1961-09-19-prado"): {"summary": "State visit"},
    ("event", "lima-legation-raised-to-embassy"): {
        "summary": (
            "raised to an Embassy on April 24, 1920, when Ambassador William E. Gonzales presented his "
            "credentials"
        )
    },
    ("event", "us-reaction-to-1962-coup"): {
        "summary": "diplomatic ties have never been severed between the two countries"
    },
}
# The people database's words on a visit: {visit: (people record, remark opening)}.
VISIT_PEOPLE = {"574": ("113457", "President, Peru. Visited U.S. once, 1984")}

MILESTONES = {
    "blaine": {
        "slug": "war-of-the-pacific",
        "title": "The War of the Pacific between Chile, Peru and Bolivia",
        "date": "1879",
        "end_date": "1883",
        "dated_by": "1879–1883 War of the Pacific",
        "category": Event.Category.CONFLICT,
        "topics": ["security"],
        "summary": (
            "Secretary of State Blaine tried and failed to resolve the 1879–1883 War of the Pacific "
            "between Chile, Peru and Bolivia."
        ),
    },
    "south-atlantic": {
        "slug": "south-atlantic-crisis-peace-initiatives",
        "title": "The United States backs Peruvian and U.N. peace initiatives in the South Atlantic crisis",
        "date": "1982",
        "dated_by": "Anglo-Argentine War of 1982",
        "category": Event.Category.DIPLOMATIC,
        "topics": ["security"],
        "summary": (
            "During the Anglo-Argentine War of 1982, the Reagan administration offered broad "
            "support for peace initiatives undertaken by the Peruvian president and U.N. General "
            "Secretary Javier Pérez de Cuéllar, and pressed the belligerents to draw down their "
            "military engagement."
        ),
    },
    "apec": {
        "slug": "peru-joins-apec",
        "title": "Peru joins Asia Pacific Economic Cooperation (APEC)",
        "date": "199",
        "dated_by": "Over the course of the 1990s",
        "also_quoted": ["The founding members were"],
        "category": Event.Category.TRADE,
        "topics": ["trade"],
        "summary": (
            "Over the course of the 1990s Peru, with Chile, Mexico, Papua New Guinea and Russia, "
            "entered Asia Pacific Economic Cooperation (APEC), the forum of which the United States "
            "was a founding member in 1989."
        ),
        "editorial_note": (
            "Milestones says only that Peru entered APEC “over the course of the 1990s”, without a "
            "year: the site dates it to the decade."
        ),
    },
}
