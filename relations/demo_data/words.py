"""
What demonstration data is made of (see generator.py): names, places and the patterns of
titles, each for the entry types and countries they suit, and the shapes its dates take.
"""

import calendar


def to_the_decade(rng, year):
    return f"{year // 10:03d}"


def year_only(rng, year):
    return f"{year:04d}"


def to_the_month(rng, year):
    return f"{year:04d}-{rng.randint(1, 12):02d}"


def to_the_day(rng, year):
    month = rng.randint(1, 12)
    return f"{year:04d}-{month:02d}-{rng.randint(1, calendar.monthrange(year, month)[1]):02d}"


# How the dates the sources state are known, and how often: each shape writes the stored
# form of a partial date within a year (see partial_dates.py). Another precision is one more
# line here.
DATE_SHAPES = [(to_the_decade, 1), (year_only, 3), (to_the_month, 2), (to_the_day, 5)]

# Dates that no source states and the site derives: the mark of each kind after the year,
# and the editorial note that gives its basis.
DERIVED_DATES = [
    ("~", "No source dates the event: the date is derived from its context, about then."),
    ("<", "No source dates the event: no later than the document that mentions it."),
    (">", "No source dates the event: no earlier than the latest event its document mentions."),
]

TOPICS = [
    "Trade",
    "Counter-narcotics",
    "Security and defence",
    "Democracy and human rights",
    "Migration",
    "Environment",
    "Health",
    "Culture and education",
    "Development and aid",
]

CITIES = {
    "pe": [
        "Lima",
        "Cusco",
        "Arequipa",
        "Trujillo",
        "Iquitos",
        "Piura",
        "Callao",
        "Tacna",
        "Puno",
        "Chiclayo",
    ],
    "us": [
        "Washington",
        "New York",
        "Miami",
        "Los Angeles",
        "San Francisco",
        "Houston",
        "Chicago",
        "Atlanta",
        "Boston",
        "Denver",
    ],
}

FIRST_NAMES = {
    "us": ["James", "Samuel", "John", "Richard", "Mary", "William", "Robert", "Alice", "Henry", "Frances"],
    "pe": ["José", "Manuel", "Luis", "Carlos", "Rosa", "Felipe", "Augusto", "María", "Javier", "Ana"],
}

LAST_NAMES = {
    "us": [
        "Cooley",
        "Larned",
        "Clay",
        "Randolph",
        "Hubbard",
        "Whitaker",
        "Moreland",
        "Fairfax",
        "Bennett",
        "Crane",
    ],
    "pe": [
        "Cáceres",
        "Pardo",
        "Paz Soldán",
        "Ugarte",
        "Benavides",
        "Osma",
        "Basadre",
        "Tudela",
        "Vargas",
        "Riva",
    ],
}

SOURCE_SERIES = [
    "Demonstration archive of diplomatic correspondence",
    "Demonstration register of treaties",
    "Demonstration gazette of consular reports",
    "Demonstration chronicle of bilateral relations",
    "Demonstration dataset of official visits",
]

AGREEMENT_SUBJECTS = [
    "Trade Promotion",
    "Extradition",
    "Civil Aviation",
    "Scientific Cooperation",
    "Cultural Exchange",
    "Counter-Narcotics Cooperation",
    "Environmental Protection",
    "Customs Assistance",
    "Peace Corps Programme",
    "Defence Cooperation",
]

AGREEMENT_TITLES = [
    ("treaty", "Treaty of {subject}"),
    ("executive-agreement", "Agreement on {subject}"),
    ("memorandum", "Memorandum of Understanding on {subject}"),
    ("trade-agreement", "Trade Agreement on {subject}"),
    ("multilateral", "Inter-American Convention on {subject}"),
]

MATTERS = [
    "the boundary question",
    "fishing rights",
    "guano",
    "copper",
    "tariffs",
    "the foreign debt",
    "railways",
    "civil aviation",
    "vaccines",
    "scholarships",
    "elections",
    "migration",
    "the Amazon",
    "mining",
    "coca",
]

EVENT_TITLES = [
    ("visit", "The Secretary of State visits {place} to discuss {matter}"),
    ("visit", "Peru's President on an official visit to {place}"),
    ("diplomatic", "Envoys exchange notes on {matter} in {place}"),
    ("diplomatic", "Talks on {matter} open in {place}"),
    ("political", "Election observers report from {place}"),
    ("trade", "A trade mission on {matter} reaches {place}"),
    ("trade", "Shipments of {matter} from {place} resume in {year}"),
    ("security", "Joint naval exercise off {place}"),
    ("counter-narcotics", "Programme against coca growing around {place}"),
    ("development", "A development project on {matter} opens in {place}"),
    ("culture", "Exchange scholars arrive in {place} to study {matter}"),
    ("health", "A medical mission works in {place}"),
    ("conflict", "A dispute over {matter} near {place} strains relations"),
]
