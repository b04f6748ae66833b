"""
The register of chiefs of mission (pocom): its ranks and endings, the site's deliberate
choices about its dates and the notes that explain them, and the breaks in relations it
records, as events.
"""

from relations.models import Appointment

from .guide import CONFEDERATION, GUIDE_ON_APPOINTMENTS

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

# The breaks in relations the register records, by the words before the date a mission ended;
# ``severance``: whether the country guide's words on interruptions and severance concern it.
BREAKS = {
    "Recall requested by the Government of Peru on": {
        "slug": "peru-requests-recall-of-us-envoy-{year}",
        "title": "Peru requests the recall of the U.S. {role} ({year})",
        "summary": "On {date} the Government of Peru requested the recall of {name}, the U.S. {role}.",
        "severance": False,
    },
    "Notified the Government of Peru that relations were suspended on": {
        "slug": "relations-suspended-{year}",
        "title": "The United States suspends relations with Peru ({year})",
        "summary": (
            "On {date} {name}, the U.S. {role}, notified the Government of Peru that relations were "
            "suspended."
        ),
        "severance": True,
    },
    "Normal relations interrupted on": {
        "slug": "normal-relations-interrupted-{year}",
        "title": "Normal relations between the United States and Peru interrupted ({year})",
        "summary": (
            "Normal relations between the United States and Peru were interrupted on {date}, ending "
            "the mission of {name}, the U.S. {role}."
        ),
        "severance": True,
    },
}
# The breaks whose event the site's editors made first, from the seed texts and the register:
# the import keeps that entry up to date, under its slug and title, rather than make a second
# event of the same happening. {year: {"slug": ..., "title": ...}}
BREAK_EVENTS = {
    "1846": {
        "slug": "peru-requests-recall-of-us-charge-1846",
        "title": "Peru asks the United States to recall its chargé d'affaires (1846)",
    },
    "1860": {"slug": "us-suspends-relations-with-peru-1860"},
    "1962": {
        "slug": "us-reaction-to-1962-coup",
        "title": "The 1962 coup: the United States interrupts normal relations with Peru",
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
        "The people database has Ricardo Pérez Godoy as “leader of the Peruvian coup of July 18, "
        "1962”, and Douglas Henderson as chargé d'affaires in Lima from 26 July to 29 November "
        "1962: the embassy stayed open under a chargé while normal relations were interrupted."
    ),
}
