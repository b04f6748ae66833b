"""
Reading the visits to the United States by foreign leaders (the visits repository).

A visit concerns Peru when the visitor came from Peru, or when its description names Peru
(Ecuador's President Mahuad on the Ecuador–Peru border). Only the files that mention Peru
are parsed.
"""

import re
from dataclasses import dataclass

from .repository import child_text, unique

MENTIONS = re.compile(r"\bPeru\b")


@dataclass
class Visit:
    path: str
    id: str
    start: str
    end: str
    visitor: str
    from_id: str
    country: str
    description: str

    @property
    def by_peru(self):
        return self.from_id == "peru"


def read(repository):
    visits = []
    for path in repository.files("data"):
        if not MENTIONS.search(repository.read_bytes(path).decode("utf-8", "replace")):
            continue
        records = []
        for element in repository.parse(path).iter("visit"):
            visit_id = child_text(element, "id")
            if not visit_id:
                raise repository.error(path, None, "a visit has no <id>")
            origin = element.find("from")
            visit = Visit(
                path=path,
                id=visit_id,
                start=child_text(element, "start-date"),
                end=child_text(element, "end-date"),
                visitor=child_text(element, "visitor"),
                from_id=origin.get("id", "") if origin is not None else "",
                country=child_text(element, "from"),
                description=child_text(element, "description"),
            )
            if not visit.start:
                raise repository.error(path, visit_id, "the visit has no <start-date>")
            records.append(visit)
        unique(repository, path, records, lambda visit: visit.id)
        visits += [visit for visit in records if visit.by_peru or MENTIONS.search(visit.description)]
    return visits
