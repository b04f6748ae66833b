"""
Reading the trips abroad of U.S. Presidents and Secretaries of State (the travels repository).

A trip concerns Peru when its country is Peru, or when its remarks name Peru or Lima (the
1990 Cartagena drug summit; Hull's stops on his way to the Lima conference of 1938). Only the
files that mention Peru or Lima are parsed.
"""

import re
from dataclasses import dataclass

from .repository import child_text, unique

FOLDERS = ("president-travels", "secretary-travels")
MENTIONS = re.compile(r"\b(?:Peru|Lima)\b")


@dataclass
class Trip:
    path: str
    id: str
    role: str  # "president" or "secretary"
    traveller_id: str
    name: str
    start: str
    end: str
    country_id: str
    country: str
    locale: str
    remarks: str

    @property
    def to_peru(self):
        return self.country_id == "peru"


def read(repository):
    trips = []
    for folder in FOLDERS:
        for path in repository.files(folder):
            if not MENTIONS.search(repository.read_bytes(path).decode("utf-8", "replace")):
                continue
            records = []
            for element in repository.parse(path).iter("trip"):
                trip_id = child_text(element, "id")
                if not trip_id:
                    raise repository.error(path, None, "a trip has no <id>")
                country = element.find("country")
                trip = Trip(
                    path=path,
                    id=trip_id,
                    role=child_text(element, "role") or element.get("role", ""),
                    traveller_id=element.get("who", ""),
                    name=child_text(element, "name"),
                    start=child_text(element, "start-date"),
                    end=child_text(element, "end-date"),
                    country_id=country.get("id", "") if country is not None else "",
                    country=child_text(element, "country"),
                    locale=child_text(element, "locale"),
                    remarks=child_text(element, "remarks"),
                )
                records.append(trip)
                if trip.role not in {"president", "secretary"}:
                    raise repository.error(
                        path, trip_id, f"the role “{trip.role}” is neither president nor secretary"
                    )
                if not trip.start:
                    raise repository.error(path, trip_id, "the trip has no <start-date>")
            unique(repository, path, records, lambda trip: trip.id)
            trips += [trip for trip in records if trip.to_peru or MENTIONS.search(trip.remarks)]
    return trips
