"""
The site's editorial decisions about the Office of the Historian's data, as data.

Which records make which entries, under which slugs and titles; the words that date an
event in a sentence; the few values the site prefers over a record's, and why; the notes
that explain where the Office's datasets disagree (the cases of ../shared/data/hsg/
DISAGREEMENTS.md that concern its data); how names are spelt in the site's own text. The
import steps read these tables; nothing here is read from the repositories.
"""

from relations.models import Appointment, Event, Mission, Source

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
}

RANKS = {
    "charge-daffaires": Appointment.Rank.CHARGE,
    "charge-daffaires-ad-interim": Appointment.Rank.CHARGE_AD_INTERIM,
    "envoy-extraordinary-minister-plenipotentiary": Appointment.Rank.ENVOY,
    "ambassador-e-p": Appointment.Rank.AMBASSADOR,
}

# How a mission ended, from the words the register puts before the date it ended.
OUTCOMES = {
    "Left post on": Appointment.Outcome.LEFT_POST,
    "Left Peru": Appointment.Outcome.LEFT_POST,
    "Died at post on": Appointment.Outcome.DIED,
    "Presented recall on": Appointment.Outcome.RECALLED,
    "Presented recall on or shortly before": Appointment.Outcome.RECALLED,
    "Superseded": Appointment.Outcome.SUPERSEDED,
    "Normal relations interrupted on": Appointment.Outcome.INTERRUPTED,
    "Notified the Government of Peru that relations were suspended on": Appointment.Outcome.SUSPENDED,
    "Recall requested by the Government of Peru on": Appointment.Outcome.RECALL_REQUESTED,
    "Relinquished charge": Appointment.Outcome.RELINQUISHED,
    "Promoted to Envoy Extraordinary and Minister Plenipotentiary": Appointment.Outcome.PROMOTED,
    "Died in New York City": Appointment.Outcome.DIED_AWAY,
}

RECEIVED_BY_CONFEDERATION = "received by the Government of the Peru-Bolivian Confederation"

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

# Where the site prefers another dataset's date to the register's, as a deliberate choice
# (DISAGREEMENTS §27): (chief of mission, field, people record, remark opening, clause).
APPOINTMENT_CORRECTIONS = [
    (
        "pe-1955-brig-01",
        "credentials_presented",
        "101736",
        "Ambassador to Peru, May 27, 1955",
        "Ambassador to Peru",
    ),
]

# Why an appointment holds the dates it does; each note stands only when the records it
# speaks of are in the data: ("rdcr", passage) or ("people", (record, remark opening)).
APPOINTMENT_NOTES = [
    {
        "appointment": "pe-1836-thor-01",
        "needs": [("rdcr", CONFEDERATION)],
        "text": (
            "The country guide says the United States recognized the Confederation on 16 March "
            "1837 “by the appointment of James B. Thornton”; the register of chiefs of mission has "
            "him appointed on 15 June 1836 and “Officially recognized on” 16 March 1837. The site "
            "keeps the register's appointment date: 16 March 1837 is the day he was officially "
            "received."
        ),
    },
    {
        "appointment": "pe-1838-pick-01",
        "needs": [("rdcr", GUIDE_ON_APPOINTMENTS[1][0])],
        "text": (
            "The country guide says Pickett was appointed on 8 June 1838; the register of chiefs of "
            "mission, which records the dates of commissions, gives 9 June 1838, the date the site "
            "keeps. The guide's “January, 1840” for his credentials and the register's 30 January "
            "1840 agree."
        ),
    },
    {
        "appointment": "pe-1955-brig-01",
        "needs": [("people", ("101736", "Ambassador to Peru, May 27, 1955"))],
        "text": (
            "The register of chiefs of mission has Briggs presenting his credentials on 27 March "
            "1955, three days before his predecessor Tittmann left post on 30 March 1955 (a date "
            "FRUS bears out). FRUS has him Ambassador to Peru from May 27, 1955. The site prefers "
            "27 May 1955 for the credentials, taking the register's date for a slip of the month; "
            "it has not been checked against the live register."
        ),
    },
    {
        "appointment": "pe-1981-orti-01",
        "needs": [("people", ("110130", "Ambassador to Peru from October 1, 1981"))],
        # DISAGREEMENTS §29.
        "text": (
            "FRUS has Ortiz Ambassador to Peru “from October 1, 1981”, the day the register gives "
            "for his appointment; the register has him presenting his credentials on 10 November "
            "1981. The FRUS span is kept as his time in post, apart from both dates."
        ),
    },
    {
        "appointment": "pe-1961-loeb-01",
        "needs": [("people", ("108067", "Ambassador to Peru, May 23, 1961"))],
        "text": (
            "FRUS has Loeb Ambassador to Peru until July 26, 1962, the day the register's note says "
            "he left post; the register ends his mission on 18 July 1962, when normal relations "
            "were interrupted. Both dates are kept, each as what it is."
        ),
    },
]

# The breaks in relations the register records, by the words before the date a mission ended.
BREAKS = {
    "Recall requested by the Government of Peru on": {
        "slug": "peru-requests-recall-of-us-envoy-{year}",
        "title": "Peru requests the recall of the U.S. {role} ({year})",
        "summary": "On {date} the Government of Peru requested the recall of {name}, the U.S. {role}.",
    },
    "Notified the Government of Peru that relations were suspended on": {
        "slug": "relations-suspended-{year}",
        "title": "The United States suspends relations with Peru ({year})",
        "summary": (
            "On {date} {name}, the U.S. {role}, notified the Government of Peru that relations were "
            "suspended."
        ),
    },
    "Normal relations interrupted on": {
        "slug": "normal-relations-interrupted-{year}",
        "title": "Normal relations between the United States and Peru interrupted ({year})",
        "summary": (
            "Normal relations between the United States and Peru were interrupted on {date}, ending "
            "the mission of {name}, the U.S. {role}."
        ),
    },
}
# DISAGREEMENTS §6 and §26.
BREAK_NOTE = (
    "The country guide says that diplomatic relations “have been interrupted” but that "
    "“diplomatic ties have never been severed”; the register of chiefs of mission records "
    "relations suspended in 1860 and normal relations interrupted in 1865, 1881 and 1962. The "
    "site keeps the register's words: an interruption of normal relations is not a severance."
)
# Other records the Office holds of a break: {year: [(people record, remark opening)]}.
BREAK_RECORDS = {
    "1962": [
        ("110553", "leader of the Peruvian coup of July 18, 1962"),
        ("105794", "Deputy Chief of Mission, Lima"),
    ],
}
BREAK_NOTES = {
    "1962": (
        "The people database has Ricardo Perez Godoy as “leader of the Peruvian coup of July 18, "
        "1962”, and Douglas Henderson as chargé d'affaires in Lima from 26 July to 29 November "
        "1962: the embassy stayed open under a chargé while normal relations were interrupted."
    ),
}

# The people records of envoys the register of chiefs of mission does not list: each
# tenure is found by the opening words of a remark and of the clause within it.
OTHER_ENVOYS = [
    {
        "person": "105794",
        "country": "us",
        "tenures": [
            {
                "slug": "henderson-douglas-1962",
                "remarks": [("Deputy Chief of Mission, Lima", "Charge d'Affaires")],
                "rank": Appointment.Rank.CHARGE,
                "mission": "us-embassy-lima",
            }
        ],
    },
    {
        "person": "106428",
        "country": "us",
        "tenures": [
            {
                "slug": "irwin-john-nichol2-1969",
                "remarks": [("Special Emissary to the President of Peru", "Special Emissary")],
                "rank": Appointment.Rank.SPECIAL_EMISSARY,
                "special_mission": (
                    "us-special-mission-peru-1969",
                    "Special mission of John N. Irwin II to Peru",
                ),
            }
        ],
    },
    {
        "person": "115552",
        "country": "us",
        "tenures": [
            {
                "slug": "greene-james-r-1973",
                "remarks": [("Special Emissary to Peru", "Special Emissary")],
                "rank": Appointment.Rank.SPECIAL_EMISSARY,
                "special_mission": (
                    "us-special-mission-peru-1973",
                    "Special mission of James R. Greene to Peru",
                ),
            }
        ],
    },
    {
        "person": "110640",
        "country": "pe",
        "tenures": [
            {
                "slug": "pezet-federico-alfonso",
                "remarks": [("Peruvian Minister at Washington", "Peruvian Minister")],
                "rank": Appointment.Rank.MINISTER_AS_STATED,
                "mission": "peru-legation-washington",
            }
        ],
    },
    {
        "person": "101203",
        "country": "pe",
        "tenures": [
            {
                "slug": "berckemeyer-pazos-fernando-1949",
                "remarks": [("Peruvian Ambassador in the United States from January 18, 1949", "Peruvian")],
                "rank": Appointment.Rank.AMBASSADOR_AS_STATED,
                "mission": "peru-embassy-washington",
            },
            {
                "slug": "berckemeyer-pazos-fernando-1969",
                "remarks": [
                    ("Peruvian Ambassador to the United States from January 1969", "Peruvian"),
                    ("Peruvian Ambassador to the United States from 1973", "Peruvian"),
                ],
                "rank": Appointment.Rank.AMBASSADOR_AS_STATED,
                "mission": "peru-embassy-washington",
                "editorial_note": (
                    "Two FRUS persons lists speak of this time in post: “from January 1969” and "
                    "“from 1973 until 1975”. The site takes them for one tenure, from January 1969 "
                    "to 1975; neither says whether it was unbroken."
                ),
            },
        ],
    },
    {
        "person": "110419",
        "country": "pe",
        "tenures": [
            {
                "slug": "pastor-de-la-torre-celso",
                "remarks": [("Peruvian Ambassador to the United States until", "Peruvian")],
                "rank": Appointment.Rank.AMBASSADOR_AS_STATED,
                "mission": "peru-embassy-washington",
            }
        ],
    },
    {
        "person": "115508",
        "country": "pe",
        "tenures": [
            {
                "slug": "garcia-bedoya-carlos-1976",
                "remarks": [("Peruvian Ambassador to the United States from", "Peruvian")],
                "rank": Appointment.Rank.AMBASSADOR_AS_STATED,
                "mission": "peru-embassy-washington",
            }
        ],
    },
    {
        "person": "113866",
        "country": "pe",
        "tenures": [
            {
                "slug": "ulloa-manuel-1963",
                "remarks": [("special envoy of Peruvian President", "special envoy")],
                "rank": Appointment.Rank.SPECIAL_ENVOY,
                "special_mission": (
                    "peru-special-mission-1963",
                    "Special mission of Manuel Ulloa to Washington",
                ),
            }
        ],
    },
]
# A remark of this kind names an envoy; one the tables above do not place is reported.
NAMES_AN_ENVOY = (
    r"Peruvian (?:Ambassador|Minister) (?:in|to|at) (?:the United States|Washington)|"
    r"Charg[eé] d.Affaires\b.*\b(?:Peru|Lima)|Special Emissary to (?:the President of )?Peru|"
    r"special envoy of Peruvian"
)
PERU_EMBASSY = {
    "name": "Embassy of Peru in the United States",
    "kind": Mission.Kind.EMBASSY,
    "summary": "Peru's embassy in the United States.",
}
SPECIAL_MISSION_NOTE = (
    "The record gives no end to this special mission, so it is kept as a draft rather than shown "
    "as a post still open."
)

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
        "date": "1990",
        "end_date": "1999",
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
            "Milestones says only that Peru entered APEC “over the course of the 1990s”: the dates "
            "1990–1999 stand for that decade, not for how long it took."
        ),
    },
}
