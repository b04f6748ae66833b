"""
Envoys from the people database that the register does not list: each tenure found by the
opening words of a remark and of the clause within it.
"""

from relations.models import Appointment, Mission

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
