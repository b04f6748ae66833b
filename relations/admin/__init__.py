"""
The editors' interface: every kind of entry with its citations, its history, and the
refusal of stale forms. ``entries`` registers the admins; ``history`` keeps and compares
revisions; ``conflicts`` refuses a form opened before someone else's save; ``citations``
edits the citations inside their entry.
"""

from . import entries  # noqa: F401 (registers the admins)
