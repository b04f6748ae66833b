"""The sources the repositories make, the countries and topics, and how the site spells names."""

from relations.models import Source

PUBLISHER = "U.S. Department of State, Office of the Historian"

# Each repository's source: slug, title, kind, address, and what the site read of it.
SOURCES = {
    "pocom": (
        "hsg-chiefs-of-mission",
        "Principal Officers and Chiefs of Mission",
        Source.Kind.DATASET,
        "https://history.state.gov/departmenthistory/people/principals-chiefs",
        "The Office of the Historian's register of U.S. chiefs of mission and principal officers, "
        "with the dates of each appointment: its records of the mission to Peru, the files of the "
        "people named in them, and their other posts.",
    ),
    "rdcr": (
        "hsg-country-guide-peru",
        None,  # the article's own title
        Source.Kind.ARTICLE,
        "https://history.state.gov/countries/peru",
        "The Peru article of the Office of the Historian's guide to recognition and relations.",
    ),
    "travels": (
        "hsg-travels",
        "Travels Abroad of U.S. Presidents and Secretaries of State",
        Source.Kind.DATASET,
        "https://history.state.gov/departmenthistory/travels",
        "The Office of the Historian's record of the trips abroad of U.S. Presidents and "
        "Secretaries of State: the trips to Peru, and trips elsewhere whose remarks name Peru or Lima.",
    ),
    "visits": (
        "hsg-visits",
        "Visits by Foreign Leaders: Peru",
        Source.Kind.DATASET,
        "https://history.state.gov/departmenthistory/visits",
        "The Office of the Historian's record of visits to the United States by foreign leaders: "
        "the visits by leaders of Peru, and visits by other leaders whose description names Peru.",
    ),
    "milestones": (
        "hsg-milestones",
        "Milestones in the History of U.S. Foreign Relations",
        Source.Kind.WEB_PAGE,
        "https://history.state.gov/milestones",
        "The Office of the Historian's Milestones in the History of U.S. Foreign Relations: the "
        "paragraphs that name Peru.",
    ),
    "people": (
        "hsg-people",
        "Office of the Historian People Database",
        Source.Kind.DATASET,
        "https://history.state.gov/people",
        "Person records compiled from the persons lists of Foreign Relations of the United States "
        "(FRUS), from the visits and from the register of chiefs of mission: the records that "
        "mention Peru. Its repository calls it early beta and says its ids may change.",
    ),
}

COUNTRIES = {
    "us": {"name": "United States", "name_es": "Estados Unidos", "iso_code": "US"},
    "pe": {"name": "Peru", "name_es": "Perú", "iso_code": "PE"},
    "pe-bo": {
        "name": "Peru-Bolivian Confederation",
        "name_es": "Confederación Perú-Boliviana",
        "iso_code": "",
        "existed_from": 1836,
        "existed_to": 1839,
    },
}

TOPICS = {
    "trade": "Trade",
    "counter-narcotics": "Counter-narcotics",
    "security": "Security and defence",
    "environment": "Environment",
}

# Words in a trip's remarks or a visit's description that place it under a topic.
TOPIC_WORDS = [
    ("apec", "trade"),
    ("asia-pacific econom", "trade"),
    ("trans-pacific partnership", "trade"),
    ("andean pact", "trade"),
    ("drug", "counter-narcotics"),
    ("cop-20", "environment"),
    ("hostage crisis", "security"),
    ("border dispute", "security"),
    ("border agreement", "security"),
]

# One spelling of each name in the site's own text; quotations keep the record's.
SPELLINGS = {
    "Benvenidez": "Benavides",
    "Belaunde": "Belaúnde",
    "Alan Garcia": "Alan García",
    "President Garcia": "President García",
    "Alberto K. Fujimori": "Alberto Fujimori",
    "Morales Bermudez": "Morales Bermúdez",
    "Montagne Sanchez": "Montagne Sánchez",
    "Mariategui": "Mariátegui",
}
