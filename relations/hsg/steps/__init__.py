"""
The steps of an import of the Office of the Historian's data, in the order their entries
depend on each other. Each step names the repositories it needs (it is skipped, and its
entries left as they are, when one is missing) and sets all it keeps in its ``__init__``.
"""

from .chiefs import ChiefsOfMission, FrusSpans
from .envoys import Biographies, OtherEnvoys
from .events import Breaks, CountryGuideEvents, Milestones
from .posts import Posts
from .sources import Sources
from .trips import Travels, Visits

STEPS = [
    Sources,
    Posts,
    ChiefsOfMission,
    FrusSpans,
    OtherEnvoys,
    Biographies,
    CountryGuideEvents,
    Breaks,
    Travels,
    Visits,
    Milestones,
]
