"""
What the committed content must show, case by case: every case of
../shared/data/hsg/DISAGREEMENTS.md (shown as "Sources differ" on a claim, explained in an
editorial note, or successive holders of a post), the claims whose values agree, the names
spelt one way, the dates the site derives, the facts the seeds state, the breaks in
relations. tests/test_content.py holds the content to them.
"""

import re

from tests.content_support import differs, every, explained, fields, successive

# Claims whose sources give values that can all be true: no "Sources differ" beside them.
COMPATIBLE = [
    ("event", "visit-2002-bush-lima", "date"),
    ("event", "car-bomb-in-lima-before-bush-visit", "date"),
    ("event", "us-recognizes-peru-independence", "date"),
    ("event", "visit-us-2013-06-10-ollanta-humala", "date"),
    ("event", "visit-2024-biden-lima", "date"),
    ("event", "cusco-consulate-assists-american-backpackers", "date"),
    ("event", "lima-legation-raised-to-embassy", "date"),
    ("mission", "us-embassy-lima", "opened"),
    ("agreement", "us-peru-trade-promotion-agreement", "in_force"),
    ("agreement", "us-peru-trade-promotion-agreement", "ratifications"),
    ("appointment", "pe-1838-pick-01", "credentials_presented"),
]


# One row per case of ../shared/data/hsg/DISAGREEMENTS.md: the entry and claim beside which the
# page shows "Sources differ" (with values on both sides), the editorial note that explains a
# case that concerns no shown fact, or, for the current ambassador, successive holders of a post.
DISAGREEMENTS = {
    1: differs(
        "event", "diplomatic-relations-established", "date", "1826-05-02", "1826", "1827", note=["1826"]
    ),
    2: successive("us-pe-kenna-lisa-d", "us-pe-syptak-ramnath-stephanie"),
    3: differs(
        "event",
        "us-presence-in-peru-before-ptpa-approval",
        "summary",
        "About 200,000 U.S. citizens visit Peru annually",
        "Approximately 500,000 U.S. citizens visit Peru annually",
    ),
    4: every(
        explained("event", "two-way-goods-trade-2009-2021", "$9 billion", "$9.1 billion"),
        explained("event", "two-way-trade-nearly-doubles-2009-2014", "different measures"),
    ),
    5: every(
        differs("agreement", "us-peru-trade-promotion-agreement", "summary"),
        explained("agreement", "us-peru-trade-promotion-agreement", "January 2009", "December 2007"),
    ),
    6: differs(
        "event",
        "us-reaction-to-1962-coup",
        "summary",
        "broke off diplomatic relations with Peru",
        "diplomatic ties have never been severed between the two countries",
        note=["broke off", "never been severed"],
    ),
    7: every(
        differs("event", "visit-us-1984-09-25-fernando-belaunde-terry", "date", "1983", "1984-09-25"),
        explained("event", "peru-ignored-under-reagan", "1983", "September 1984"),
    ),
    8: differs(
        "event",
        "relations-normalized-under-belaunde-1963",
        "summary",
        "With the first Government of Architect Fernando Belaúnde in 1963, diplomatic relations between "
        "Peru and the United States were normalized",
        "Credentials presented: 1963-02-06",
        note=["28 July 1963", "6 February 1963"],
    ),
    9: every(
        differs("appointment", "pe-1836-thor-01", "appointed", "1837-03-16", "1836-06-15"),
        differs("appointment", "pe-1838-pick-01", "appointed", "1838-06-08", "1838-06-09"),
        differs("event", "us-recognizes-peru-bolivian-confederation", "date", "1838", "1837-03-16"),
    ),
    10: differs("event", "war-of-the-pacific", "end_date", "1884", "1883", note=["1879–1884"]),
    11: differs(
        "event",
        "lima-legation-raised-to-embassy",
        "summary",
        "the U.S. Congress elevated its Diplomatic Representation in Peru to the category of Embassy",
        "raised to an Embassy on April 24, 1920, when Ambassador William E. Gonzales presented his "
        "credentials",
        note=["U.S. Congress", "10 September 1919"],
    ),
    12: explained(
        "appointment", "us-pe-kenna-lisa-d", "Ambassador Extraordinary and Minister Plenipotentiary"
    ),
    13: differs("mission", "us-consular-agency-cusco", "kind", "consulate", "consular-agency"),
    14: explained("event", "cusco-consulate-assists-american-backpackers", "2012", "no year"),
    15: every(
        *(
            explained("mission", f"peru-consulate-general-{city}", "fact sheet")
            for city in ["paterson", "phoenix", "salt-lake-city", "washington"]
        ),
        explained("mission", "peru-consulate-general-new-york", "twice"),
    ),
    16: explained("event", "relations-normalized-under-belaunde-1963", "Johnson"),
    17: differs(
        "event",
        "visit-us-1961-09-19-prado",
        "summary",
        "official visit",
        "State visit",
        note=["official visit", "state visit"],
    ),
    18: explained("event", "peru-ignored-under-reagan", "felt ignored"),
    19: explained("event", "toledo-inaugurated", "García", "Humala"),
    20: every(
        differs("agreement", "andean-trade-preference-act", "ended", "2002", "2008-12-31"),
        explained("agreement", "andean-trade-preference-act", "Venezuela"),
    ),
    21: explained("event", "peruvian-opinion-of-the-us-2017", "Gallup", "Pew"),
    22: differs(
        "event", "diplomatic-relations-established", "date", "1826", "1827-05-21", note=["two dates"]
    ),
    23: differs(
        "event",
        "us-recognizes-peru-bolivian-confederation",
        "date",
        "1838",
        "1837-03-16",
        note=["heading dates this recognition to 1838"],
    ),
    24: differs(
        "appointment",
        "pe-1836-thor-01",
        "appointed",
        "1837-03-16",
        "1836-06-15",
        note=["“Officially recognized on” 16 March 1837"],
    ),
    25: differs(
        "appointment", "pe-1838-pick-01", "appointed", "1838-06-08", "1838-06-09", note=["8 June 1838"]
    ),
    26: every(
        explained("event", "us-reaction-to-1962-coup", "never been severed", "interrupted"),
        *(
            explained("event", slug, "never been severed", word)
            for slug, word in [
                ("us-suspends-relations-with-peru-1860", "suspended"),
                ("normal-relations-interrupted-1865", "interrupted"),
                ("normal-relations-interrupted-1881", "interrupted"),
            ]
        ),
    ),
    27: every(
        differs(
            "appointment",
            "pe-1955-brig-01",
            "credentials_presented",
            "1955-03-27",
            "1955-05-27",
            note=["slip of the month"],
        ),
        fields("appointment", "pe-1955-brig-01", credentials_presented="1955-05-27"),
    ),
    28: explained("event", "visit-1973-rogers-lima", "from October 4, 1968", "from 1969", "Mercado Jarrin"),
    29: every(
        explained("appointment", "pe-1981-orti-01", "from October 1, 1981", "10 November 1981"),
        fields(
            "appointment",
            "pe-1981-orti-01",
            appointed="1981-10-01",
            credentials_presented="1981-11-10",
            held_from="1981-10-01",
        ),
        explained("appointment", "pe-1961-loeb-01", "July 26, 1962", "18 July 1962"),
        fields("appointment", "pe-1961-loeb-01", ended="1962-07-18", held_to="1962-07-26"),
    ),
    30: every(
        explained("envoy", "kenna-lisa-d", "Urs"),
        explained("mission", "us-embassy-lima", "Krishna R. Urs in 2020"),
    ),
}


# Spellings the site uses, and the sources' other spellings, which only their quotations keep.
SPELLINGS = {
    "Belaúnde": r"Belaunde",
    "García (Alan)": r"\bGarcia\b",
    "Benavides": r"Benvenidez",
    "Pérez de Cuéllar": r"P[eé]rez de Cu[eé]llar(?<!Pérez de Cuéllar)",
    "Leguía": r"\bLegu[ií]?a\b(?<!Leguía)",
    "Cusco": r"Cuzco",
    "Humala's": r"Humalas",
    "Mantaro": r"Montaro",
    "Database": r"Databse",
}


# The names the Office's records spell otherwise, which only their quotations keep.
RECORD_SPELLINGS = {
    **SPELLINGS,
    "Fujimori": r"Alberto K\. Fujimori",
    "Morales Bermúdez": r"Morales Bermudez",
    "Montagne Sánchez": r"Montagne Sanchez",
    "Mariátegui": r"Mariategui",
    "Pérez Godoy": r"Perez Godoy",
}


DERIVED_DATES = [
    ("event", "us-presence-in-peru-before-ptpa-approval", "date", "2007-12<"),
    ("event", "educational-exchange-figures-2022", "date", "2022<"),
    ("event", "us-covid-19-assistance-to-peru", "date", "2022<"),
    ("event", "shared-international-memberships", "date", "2022<"),
    ("event", "revolutionary-government-of-the-armed-forces", "end_date", "1975~"),
    ("event", "us-airport-at-talara-world-war-ii", "date", "194~"),
    ("event", "peru-ignored-under-reagan", "date", "198~"),
    ("event", "peru-cuts-ties-with-libya", "date", "2011~"),
    ("event", "la-brea-y-parinas-controversy", "date", "1963>"),
]


CURRENT_WORDS = re.compile(
    r"\bcurrent(ly)?\b|\bannually\b|\bremains?\b|\bcontinues? to\b|\bTo date\b|number one trade partner|"
    r"^(Envoytitle|Mission)\d:|\(Consular Agency\)|\(Consulate-General\)|\(Embassy\)|\bmaintains\b",
    re.IGNORECASE,
)


# (words of an entry's own text, words of one of that entry's quotations)
SEED_FACTS = [
    ("first country to cut ties with Libya", "first country to cut ties with Libya"),
    ("no-fly zone", "no-fly zone"),
    ("Peru felt ignored", "Peru felt ignored"),
    ("only thirty minutes", "only thirty minutes"),
    ("Henry Meiggs", "Henry Meiggs"),
    ("William Grace", "William Grace"),
    ("Cerro de Pasco", "Cerro de Pasco"),
    ("International Petroleum Company", "International Petroleum Company"),
    ("La Brea y Pariñas", "La Brea and Pariñas"),
    ("IPC expropriation dispute", "IPC Expropriation Dispute"),
    ("airport at Talara", "airport in Talara"),
    (
        "United Nations, the Organization of American States, Asia-Pacific Economic Cooperation",
        "Organization of American States",
    ),
    ("APEC summit held in Lima", "APEC Summit held in Lima"),
    ("step backwards for the Alliance for Progress", "step backwards for the Alliance for Progress"),
    ("With the growth of U.S. economic influence", "increase of the U.S. economic influence"),
    ("transnational criminal organizations", "transnational criminal organizations"),
    ("About 200,000 U.S. citizens", "About 200,000 U.S. citizens visit Peru annually"),
    ("Trans-Pacific Partnership", "Trans-Pacific Partnership"),
    ("promised to strengthen ties between the two countries", "promised to strengthen ties"),
    ("the United States favoured Peru in the war", "the United States favored Peru"),
    ("U.S. business and financial interests in Peru", "US business and financial interests in Peru"),
    ("a car bomb detonated by suspected rebels", "a car bomb detonated by suspected rebels"),
    ("broke off diplomatic relations with Peru", "broke off diplomatic relations with Peru"),
    ("JFK and Manuel Prado", "JFK and Manuel Prado"),
]


# The breaks in relations, each an event on the day the Office's register gives.
BREAKS = [
    ("peru-requests-recall-of-us-charge-1846", "1846-04-11", "recall", "jewett-albert-gallatin"),
    ("us-suspends-relations-with-peru-1860", "1860-10-19", "suspended", "clay-john-randolph"),
    ("normal-relations-interrupted-1865", "1865-11-26", "interrupted", "robinson-christopher"),
    ("normal-relations-interrupted-1881", "1881-09-28", "interrupted", "hurlbut-stephen-augustus"),
    ("us-reaction-to-1962-coup", "1962-07-18", "interrupted", "loeb-james-isaac"),
    ("relations-normalized-under-belaunde-1963", "1963", "resumed", "jones-john-wesley"),
]


# Each seed text: when it was published, as its own contents date it; whether its text is
# stored; the words of its description on what may be stored.
SEED_SOURCES = [
    ("wikipedia-older-revision", "2022~", True, "CC BY-SA"),
    ("wikipedia-2024-revision", "2024-11>", True, "CC BY-SA"),
    ("state-department-fact-sheet-2022", "2022-06>", True, "public domain"),
    ("globalsecurity-relations", "2015~", False, "No copy of its text is stored"),
    ("embassy-of-peru-history", "2002>", False, "No copy of its text is stored"),
]
