"""
Trips of U.S. Presidents and Secretaries of State to Peru (travels), and visits of Peru's
leaders to the United States (visits), as events.

A trip the Secretary made with the President ("Accompanied President Bush ...") is part of
the President's: one event, both travellers named, both records cited. Titles carry the
year, and the month or day where one traveller made two trips in a year, so that no two
events share a title.
"""

import re

from django.utils.text import slugify

from relations.hsg import editorial
from relations.hsg.words import formatted, partial, spelled
from relations.models import Entry, Event
from relations.partial_dates import range_texts

from .base import Step
from .chiefs import frus_citation
from .events import topics_in

PUBLISHED = {"status": Entry.Status.PUBLISHED}
DRAFT = {"status": Entry.Status.DRAFT}
ROLES = {"president": "President", "secretary": "Secretary of State"}
VISITOR_TITLES = re.compile(r"^(President-elect|President|Prime Minister)\s+")


def dates_in_words(start, end):
    if end is None or end == start:
        return formatted(start)
    first, last = range_texts(start, end)
    return f"{first}–{last}"


def distinct_titles(items, base, start):
    """
    Title each item ``base(item)`` with its year, or with its month or day where the year
    alone would give two items one title: {id(item): title}.
    """
    precision = dict.fromkeys(map(id, items), "year")

    def title(item):
        date = start(item)
        when = {
            "year": str(date.year),
            "month": formatted(partial(date.isoformat()[:7])) if date.month else str(date.year),
            "day": formatted(date),
        }
        return f"{base(item)} ({when[precision[id(item)]]})"

    for finer in ("month", "day"):
        titles = [title(item) for item in items]
        for item, own in zip(items, titles, strict=True):
            if titles.count(own) > 1:
                precision[id(item)] = finer
    return {id(item): title(item) for item in items}


class Travels(Step):
    needs = ("travels",)

    def __init__(self, run):
        super().__init__(run)
        self.trips = self.data["travels"]
        self.repository = self.repositories["travels"]
        self.messages = run.messages
        self.joined = {}  # secretary's trip id: the president's trip it was part of

    def run(self):
        presidents = [trip for trip in self.trips if trip.role == "president"]
        for trip in self.trips:
            partner = next(
                (other for other in presidents if trip.role == "secretary" and accompanies(trip, other)), None
            )
            if partner is not None:
                self.joined[trip.id] = partner
        happenings = [trip for trip in self.trips if trip.id not in self.joined]
        with_secretary = {
            partner.id: trip
            for trip_id, partner in self.joined.items()
            for trip in self.trips
            if trip.id == trip_id
        }
        titles = distinct_titles(
            happenings,
            lambda trip: self.title(trip, with_secretary.get(trip.id)),
            lambda trip: partial(trip.start),
        )
        slugs = {}
        for trip in happenings:
            slug = trip_slug(trip)
            if slug in slugs:
                raise self.repository.error(
                    trip.path, trip.id, f"the trip would have the slug “{slug}” of trip {slugs[slug]}"
                )
            slugs[slug] = trip.id
            with self.record("travels", trip.path, f"trip {trip.id}"):
                self.event(trip, with_secretary.get(trip.id), slug, titles[id(trip)])
        for secretary_trip_id, partner in self.joined.items():
            secretary_trip = next(trip for trip in self.trips if trip.id == secretary_trip_id)
            with self.record("travels", secretary_trip.path, f"trip {secretary_trip.id}"):
                self.retire(trip_slug(secretary_trip), trip_slug(partner))

    def role(self, trip):
        return "President-elect" if "President-elect" in trip.remarks else ROLES[trip.role]

    def title(self, trip, secretary):
        who = f"{self.role(trip)} {trip.name}"
        if secretary is not None:
            who += f" and {self.role(secretary)} {secretary.name}"
        verb = "visit" if secretary is not None else "visits"
        place = "Peru" if trip.to_peru else f"{trip.locale}, {trip.country}"
        return spelled(f"{who} {verb} {place}" if trip.to_peru else f"{who} in {place}")

    def event(self, trip, secretary, slug, title):
        trips = [trip] + ([secretary] if secretary else [])
        start = min(partial(one.start) for one in trips)
        end = max(partial(one.end or one.start) for one in trips)
        parts = []
        for one in trips:
            where = one.locale if one.to_peru else f"{one.locale}, {one.country}"
            when = dates_in_words(partial(one.start), partial(one.end or one.start))
            parts.append(f"{self.role(one)} {one.name} ({where}, {when}): {one.remarks}")
        remarks = " ".join(one.remarks for one in trips)
        notes = [editorial.TRIP_NOTES[one.id] for one in trips if one.id in editorial.TRIP_NOTES]
        event = self.importer.upsert(
            Event,
            slug,
            {
                "title": title,
                "date": start,
                "end_date": end if end != start else None,
                "category": Event.Category.VISIT if trip.to_peru else Event.Category.DIPLOMATIC,
                "summary": spelled(" ".join(parts)),
                "editorial_note": " ".join(notes),
            },
            # A stop elsewhere that names only Lima, as the way there, is too thin to stand alone.
            on_create=PUBLISHED if trip.to_peru or "Peru" in remarks else DRAFT,
            m2m={"topics": [self.batch.topics[topic] for topic in topics_in(remarks)]},
        )
        for one in trips:
            dates = one.start + (f" to {one.end}" if one.end else "")
            quotation = f"{one.name}; {one.locale}, {one.country}; {dates}; {one.remarks}"
            self.cite(event, "travels", one.path, f"trip {one.id}", quotation)

    def retire(self, slug, into):
        """Fold an event made of a trip that is now part of another into that one."""
        if slug == into:
            return
        event = Event.objects.filter(pk=slug).first()
        if event is None:
            return
        sources = set(event.citations.values_list("source", flat=True))
        if sources - {self.batch.sources["travels"].pk}:
            self.messages.append(
                f"travels: the event “{slug}” is now part of “{into}”, but other sources cite it; it is "
                "left for an editor to merge."
            )
            return
        self.importer.delete(event, f"now part of “{into}”")


def accompanies(secretary, president):
    """Whether the Secretary's trip was made with the President: the same days, and said so."""
    surname = president.name.split()[-1]
    overlaps = secretary.start <= (president.end or president.start) and president.start <= (
        secretary.end or secretary.start
    )
    said = re.search(rf"\b(?:Accompanied|Joined) President {re.escape(surname)}\b", secretary.remarks)
    return overlaps and said is not None and secretary.country_id == president.country_id


def trip_slug(trip):
    """ "visit-1906-root-lima" for a trip to Peru; "trip-1990-bush-cartagena" for one elsewhere."""
    year = trip.start[:4]
    traveller = trip.traveller_id.split("-")[0]
    places = [place.strip() for place in (trip.locale or trip.country).split(",")]
    if trip.to_peru:
        place = "lima" if "Lima" in places else slugify(places[0])
        return f"visit-{year}-{traveller}-{place}"
    return f"trip-{year}-{traveller}-{slugify(places[0])}"


class Visits(Step):
    needs = ("visits",)

    def __init__(self, run):
        super().__init__(run)
        self.visits = self.data["visits"]
        self.repository = self.repositories["visits"]
        self.people = self.data.get("people", {})

    def visitor(self, visit):
        return visit.visitor if visit.by_peru else f"{visit.visitor} of {visit.country}"

    def run(self):
        titles = distinct_titles(
            self.visits,
            lambda visit: spelled(f"{self.visitor(visit)} visits the United States"),
            lambda visit: partial(visit.start),
        )
        slugs = {}
        for visit in self.visits:
            slug = f"visit-us-{visit.start}-{slugify(VISITOR_TITLES.sub('', visit.visitor))}"
            if slug in slugs:
                raise self.repository.error(
                    visit.path, visit.id, f"the visit would have the slug “{slug}” of visit {slugs[slug]}"
                )
            slugs[slug] = visit.id
            with self.record("visits", visit.path, f"visit {visit.id}"):
                self.event(visit, slug, titles[id(visit)])

    def event(self, visit, slug, title):
        start, end = partial(visit.start), partial(visit.end or visit.start)
        event = self.importer.upsert(
            Event,
            slug,
            {
                "title": title,
                "date": start,
                "end_date": end if end != start else None,
                "category": Event.Category.VISIT,
                "summary": spelled(
                    f"{self.visitor(visit)} in the United States ({dates_in_words(start, end)}). "
                    f"{visit.description}".strip()
                ),
                "editorial_note": editorial.VISIT_NOTES.get(visit.id, ""),
            },
            on_create=PUBLISHED if visit.by_peru or "Peru" in visit.description else DRAFT,
            m2m={"topics": [self.batch.topics[topic] for topic in topics_in(visit.description)]},
        )
        dates = visit.start + (f" to {visit.end}" if visit.end else "")
        quotation = f"{visit.visitor}; {visit.country}; {dates}; {visit.description}"
        self.cite(event, "visits", visit.path, f"visit {visit.id}", quotation)
        if visit.id in editorial.VISIT_PEOPLE and "people" in self.data:
            person_id, opening = editorial.VISIT_PEOPLE[visit.id]
            record = self.people.get(person_id)
            remark = record.remark(opening) if record else None
            if remark is not None:
                year = re.findall(r"\b\d{4}\b", remark.text)[-1]
                frus_citation(self, event, record, remark, "date", year)
