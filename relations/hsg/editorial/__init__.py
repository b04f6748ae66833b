"""
The site's editorial decisions about the Office of the Historian's data, as data.

Which records make which entries, under which slugs and titles; the words that date an
event in a sentence; the few values the site prefers over a record's, and why; the notes
that explain where the Office's datasets disagree (the cases of ../shared/data/hsg/
DISAGREEMENTS.md that concern its data); how names are spelt in the site's own text. The
import steps read these tables; nothing here is read from the repositories.
"""

from .events import MILESTONES, OFFICE_WORDS, TRIP_NOTES, VISIT_NOTES, VISIT_PEOPLE
from .guide import (
    CONFEDERATION,
    CONFEDERATION_NOTE,
    DISSOLUTION,
    EMBASSY,
    EMBASSY_NOTE,
    GUIDE_EVENTS,
    GUIDE_ON_APPOINTMENTS,
    GUIDE_ON_ENVOYS,
    LEGATION,
    NEVER_SEVERED,
    PERSON_WITHOUT_PERU_POST,
    PERU_LEGATION,
    SEVERANCE,
)
from .people import NAMES_AN_ENVOY, OTHER_ENVOYS, PERU_EMBASSY, SPECIAL_MISSION_NOTE
from .register import (
    APPOINTMENT_CORRECTIONS,
    APPOINTMENT_NOTES,
    BREAK_EVENTS,
    BREAK_NOTE,
    BREAK_NOTES,
    BREAK_RECORDS,
    BREAKS,
    OUTCOMES,
    RANKS,
    RECEIVED_BY_CONFEDERATION,
)
from .sources import COUNTRIES, PUBLISHER, SOURCES, SPELLINGS, TOPIC_WORDS, TOPICS

__all__ = [
    "PUBLISHER",
    "SOURCES",
    "COUNTRIES",
    "TOPICS",
    "TOPIC_WORDS",
    "SPELLINGS",
    "LEGATION",
    "EMBASSY",
    "CONFEDERATION",
    "DISSOLUTION",
    "PERU_LEGATION",
    "SEVERANCE",
    "NEVER_SEVERED",
    "CONFEDERATION_NOTE",
    "EMBASSY_NOTE",
    "PERSON_WITHOUT_PERU_POST",
    "GUIDE_EVENTS",
    "GUIDE_ON_APPOINTMENTS",
    "GUIDE_ON_ENVOYS",
    "RANKS",
    "OUTCOMES",
    "RECEIVED_BY_CONFEDERATION",
    "APPOINTMENT_CORRECTIONS",
    "APPOINTMENT_NOTES",
    "BREAKS",
    "BREAK_EVENTS",
    "BREAK_NOTE",
    "BREAK_RECORDS",
    "BREAK_NOTES",
    "OTHER_ENVOYS",
    "NAMES_AN_ENVOY",
    "PERU_EMBASSY",
    "SPECIAL_MISSION_NOTE",
    "TRIP_NOTES",
    "VISIT_NOTES",
    "VISIT_PEOPLE",
    "MILESTONES",
    "OFFICE_WORDS",
]
