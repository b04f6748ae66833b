"""
The country guide (rdcr): the passages that date the posts and events, each as (section,
heading, opening words of the sentence, words the date follows), and the events made of them.
"""

from relations.models import Event

# The posts, and the passages of the country guide that date them: (section, heading,
# sentence opening, words the date follows).
LEGATION = ("diplomatic-relations", "Establishment of Diplomatic Relations", "Diplomatic relations and", "on")
EMBASSY = ("diplomatic-relations", "Elevation of American Legation", "The Legation at Lima", "Embassy on")
CONFEDERATION = (
    "recognition",
    "United States Recognition of the Peru-Bolivian",
    "The United States recognized",
    "on",
)
DISSOLUTION = (
    "recognition",
    "United States Recognition of the Peru-Bolivian",
    "This lapse",
    "Confederation in",
)
PERU_LEGATION = ("diplomatic-relations", "Establishment of the Peruvian Legation", "In December", "In")
SEVERANCE = ("summary", "", "Diplomatic relations have been interrupted", "")
NEVER_SEVERED = ("summary", "", "However, diplomatic ties", "")

CONFEDERATION_NOTE = (
    "The data give no opening or closing date for this post. It is dated from the United States' "
    "recognition of the Confederation, when Thornton was officially received, to the year the "
    "country guide gives for the Confederation's dissolution, when separate relations with Peru "
    "resumed: both are dates of other events, not of the post."
)
# DISAGREEMENTS §2 and §30: the register ends in 2020.
EMBASSY_NOTE = (
    "The Office of the Historian's register of chiefs of mission ends with {last}, whose "
    "mission ended on {ended}; its file for {kenna} is linked to no appointment to Peru. Later "
    "ambassadors are not in the Office's data."
)
PERSON_WITHOUT_PERU_POST = "kenna-lisa-d"

# The country guide's events of the relations: (section, heading, sentence opening, words
# the date follows), and the entry made of each.
GUIDE_EVENTS = [
    {
        "passage": ("summary", "", "Peru and the United States first", "independence in"),
        "slug": "peru-proclaims-independence",
        "title": "Peruvian independence proclaimed",
        "category": Event.Category.POLITICAL,
        "summary": "Peruvian independence was proclaimed in {date} under General San Martin.",
    },
    {
        "passage": ("recognition", "United States Recognition of Peru", "The independence of Peru", "on"),
        "slug": "us-recognizes-peru-independence",
        "title": "The United States recognizes the independence of Peru",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The United States recognized the independence of Peru by appointing James Cooley "
            "chargé d’affaires on {date}."
        ),
        "envoys": ["cooley-james"],
        "pocom": ("pe-1826-cool-01", "appointed"),
    },
    {
        "passage": ("recognition", "United States Recognition of the Peru-Bolivian", "Following its", "in"),
        "slug": "peru-joins-peru-bolivian-confederation",
        "title": "Peru joins the Peru-Bolivian Confederation",
        "category": Event.Category.POLITICAL,
        "summary": (
            "Following its independence from Spain, Peru joined the Peru-Bolivian Confederation in {date}."
        ),
    },
    {
        "passage": CONFEDERATION,
        "slug": "us-recognizes-peru-bolivian-confederation",
        "title": "The United States recognizes the Peru-Bolivian Confederation",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The United States recognized the Peru-Bolivian Confederation on {date}. James B. "
            "Thornton, commissioned as chargé d’affaires to Peru, was received by the Confederation."
        ),
        "envoys": ["thornton-james-b"],
        "missions": ["us-legation-peru-bolivian-confederation"],
        "also": [("recognition", "United States Recognition of the Peru-Bolivian", "Thornton was", "")],
        "heading_disputes": True,
        "pocom": ("pe-1836-thor-01", "started"),
        # DISAGREEMENTS §9 and §23.
        "editorial_note": (
            "The country guide's heading dates this recognition to 1838; the text under it says "
            "16 March 1837, the date the register of chiefs of mission gives for Thornton's "
            "official recognition. The site follows the text and the register."
        ),
    },
    {
        "passage": DISSOLUTION,
        "slug": "peru-bolivian-confederation-dissolved",
        "title": "The Peru-Bolivian Confederation is dissolved",
        "category": Event.Category.POLITICAL,
        "summary": (
            "The Peru-Bolivian Confederation was dissolved in {date} and separate U.S.–Peru "
            "diplomatic relations returned. The Office of the Historian attributes to this the "
            "lapse before the new chargé d’affaires, J.C. Pickett, presented his credentials in "
            "January 1840."
        ),
        "envoys": ["pickett-james-chamberlayne"],
        "missions": ["us-legation-peru-bolivian-confederation", "us-legation-lima"],
        "also": [("recognition", "United States Recognition of the Peru-Bolivian", "He did not", "")],
    },
    {
        "passage": LEGATION,
        "slug": "diplomatic-relations-established",
        "title": "Diplomatic relations established",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "Diplomatic relations and the American Legation in Lima were established on {date}, "
            "when James Cooley presented his credentials as chargé d’affaires."
        ),
        "envoys": ["cooley-james"],
        "missions": ["us-legation-lima"],
        "disputed_by": ("summary", "", "Peru and the United States first", "relations in"),
        "pocom": ("pe-1826-cool-01", "started"),
        # DISAGREEMENTS §1 and §22.
        "editorial_note": (
            "The Office of the Historian's country guide gives two dates. Its summary says the two "
            "countries “first established diplomatic relations in 1826”; its Diplomatic Relations "
            "section dates them to 21 May 1827, when Cooley presented his credentials, the date the "
            "register of chiefs of mission also gives. 1826 is the year the United States "
            "recognized Peru by appointing Cooley (2 May 1826); the site dates the establishment "
            "of relations to the presentation of his credentials."
        ),
    },
    {
        "passage": PERU_LEGATION,
        "slug": "peru-legation-in-washington-established",
        "title": "Peru establishes its legation in the United States",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "In {date} the Government of Peru named Joaquin José de Osma its first "
            "Plenipotentiary Minister to the United States."
        ),
        "envoys": ["osma-joaquin-jose-de"],
        "missions": ["peru-legation-washington"],
    },
    {
        "passage": EMBASSY,
        "slug": "lima-legation-raised-to-embassy",
        "title": "The U.S. Legation in Lima is raised to an embassy",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The Legation at Lima was raised to an embassy on {date}, when Ambassador William E. "
            "Gonzales presented his credentials to the Peruvian Government."
        ),
        "envoys": ["gonzales-william-elliott"],
        "missions": ["us-legation-lima", "us-embassy-lima"],
        "pocom": ("pe-1919-gonz-01", "started"),
    },
]

# The country guide on appointments: (passage, chief of mission, the claim it gives a date for).
GUIDE_ON_APPOINTMENTS = [
    (CONFEDERATION, "pe-1836-thor-01", "appointed"),  # DISAGREEMENTS §24
    (
        ("recognition", "United States Recognition of the Peru-Bolivian", "Succeeding", "on"),
        "pe-1838-pick-01",
        "appointed",
    ),
    (
        ("recognition", "United States Recognition of the Peru-Bolivian", "He did not", "until"),
        "pe-1838-pick-01",
        "credentials_presented",
    ),
]
GUIDE_ON_ENVOYS = [
    (
        ("recognition", "United States Recognition of the Peru-Bolivian", "Succeeding", "Peru in"),
        "thornton-james-b",
    ),
]
