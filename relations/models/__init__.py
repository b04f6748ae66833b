"""
The record of Peru–United States relations: events, envoys and their appointments,
diplomatic missions and agreements, each tied by citations to the sources that state it.

The kinds of entry are listed here once; every part of the site that needs them derives
from these lists.
"""

from .agreements import Agreement, Ratification
from .base import Country, Entry, Topic
from .envoys import Appointment, Envoy
from .events import Event
from .loaded_state import LoadedState
from .missions import Mission
from .sources import Citation, Source, citable_claims

#: The entries the public pages show, each with its list and its pages, in the site's order.
ENTRY_MODELS = (Event, Envoy, Mission, Agreement)

#: What carries citations: the entries, and each envoy's appointments.
CITED_MODELS = (*ENTRY_MODELS, Appointment)

#: What editors add and change, each with its own admin.
EDITED_MODELS = (*CITED_MODELS, Source, Topic)

#: Parts of an entry, edited inside it: its citations and an agreement's ratifications.
PART_MODELS = (Citation, Ratification)

#: What the site lists publicly: the entries and the bibliography.
LISTED_MODELS = (*ENTRY_MODELS, Source)

__all__ = [
    "Agreement",
    "Appointment",
    "CITED_MODELS",
    "Citation",
    "Country",
    "EDITED_MODELS",
    "ENTRY_MODELS",
    "Entry",
    "Envoy",
    "Event",
    "LISTED_MODELS",
    "LoadedState",
    "Mission",
    "PART_MODELS",
    "Ratification",
    "Source",
    "Topic",
    "citable_claims",
]
