"""
The U.S. chiefs of mission to Peru (pocom): an envoy for each person and an appointment for
each record, with the dates and qualifiers of the register; the country guide's and the
people database's other accounts of them; and the spans of time in post that the persons
lists of *Foreign Relations of the United States* give, kept apart from the register's dates.
"""

import re

from relations.hsg import editorial
from relations.hsg.dates import span
from relations.hsg.pocom import PERU
from relations.hsg.words import CHIEF_LABELS, chief_quotation, partial, person_quotation
from relations.importing import DataError
from relations.models import Appointment, Entry, Envoy

from .base import Step

PUBLISHED = {"status": Entry.Status.PUBLISHED}
DATE_FIELDS = [
    ("appointed", "appointed", "appointed_note"),
    ("arrived", "arrived", "arrived_note"),
    ("credentials_presented", "started", "credentials_note"),
    ("ended", "ended", "ended_note"),
]
ELEMENTS = {field: element for field, element, _ in DATE_FIELDS}
# A clause of a FRUS remark about a post in Peru: "Ambassador to Peru from July 24, 1956".
PERU_POST = re.compile(r"\b(?:Ambassador|Minister|Charg[eé])\b[^;]*\b(?:to|in|at) Peru\b")


def people_record(data, person_id):
    """The people database's record of the register's person ``person_id``, or None."""
    for record in data.get("people", {}).values():
        if person_id in record.pocom_ids:
            return record
    return None


def frus_citation(step, entry, record, remark, claim="", value=""):
    """Cite a remark of a people record, naming the persons lists it comes from."""
    where = ", ".join(remark.volumes or [url.split("history.state.gov/")[-1] for url in remark.urls])
    return step.cite(
        entry, "people", record.path, f"{record.id} (remark from {where})", remark.text, claim, value
    )


class ChiefsOfMission(Step):
    needs = ("pocom",)

    def __init__(self, run):
        super().__init__(run)
        self.register = self.data["pocom"]
        self.us = run.countries["us"]
        self.envoys, self.appointments = run.envoys, run.appointments
        self.posts = {slug: run.mission(slug) for slug in ("us-legation-lima", "us-embassy-lima")}
        self.posts["confederation"] = run.mission("us-legation-peru-bolivian-confederation")
        self.messages = run.messages

    def run(self):
        if None in self.posts.values():
            self.messages.append(
                "ChiefsOfMission: skipped, the posts the appointments belong to come from the country "
                "guide: clone rdcr too."
            )
            return
        for chief in self.register.chiefs:
            with self.record("pocom", PERU, chief.id):
                self.appointment(chief, self.envoy(self.register.people[chief.person_id]))
        if "rdcr" in self.data:
            self.cite_the_guide()

    def envoy(self, person):
        if person.id in self.envoys:
            return self.envoys[person.id]
        career = self.register.careers.get(person.career_type, "")
        state = self.register.states.get(person.state_id, "")
        envoy = self.importer.upsert(
            Envoy,
            person.id,
            {
                "name": person.name,
                "sort_name": person.sort_name,
                "sending_country": self.us,
                "birth_year": int(person.birth) if person.birth else None,
                "death_year": int(person.death) if person.death else None,
                "career_status": Envoy.CareerStatus(person.career_type or ""),
                "residence": state,
                "external_url": f"https://history.state.gov/departmenthistory/people/{person.id}",
            },
            on_create=PUBLISHED,
        )
        self.cite(envoy, "pocom", person.path, person.id, person_quotation(person, career, state))
        self.envoys[person.id] = envoy
        return envoy

    def post_of(self, chief):
        """
        The mission an appointment belongs to: the Confederation for Thornton, the embassy for
        chiefs who began (presented credentials, or failing that were appointed) on or after
        the day the legation was raised to an embassy.
        """
        if editorial.RECEIVED_BY_CONFEDERATION in chief.note:
            return self.posts["confederation"]
        start = partial(chief.started.date) or partial(chief.appointed.date)
        if start is None:
            is_embassy = chief.role_id == "ambassador-e-p"
        else:
            is_embassy = start.earliest() >= self.posts["us-embassy-lima"].opened.earliest()
        return self.posts["us-embassy-lima" if is_embassy else "us-legation-lima"]

    def appointment(self, chief, envoy):
        if chief.role_id not in editorial.RANKS:
            raise DataError(f"pocom/{PERU}, record {chief.id}: unknown rank “{chief.role_id}”.")
        nominee = chief.listed == "other-nominees"
        if nominee:
            outcome = Appointment.Outcome.DID_NOT_SERVE
        elif chief.ended.note:
            outcome = editorial.OUTCOMES.get(chief.ended.note, Appointment.Outcome.OTHER)
        else:
            outcome = ""
        values = {
            "envoy": envoy,
            "mission": self.post_of(chief),
            "rank": editorial.RANKS[chief.role_id],
            "is_nominee_only": nominee,
            "outcome": outcome,
            "note": chief.note,
            "editorial_note": self.editorial_note(chief.id),
        }
        for name, element, note in DATE_FIELDS:
            values[name] = partial(getattr(chief, element).date)
            values[note] = getattr(chief, element).note
        corrections = self.corrections(chief.id)
        for corrected, date, _, _ in corrections:
            values[corrected] = date
        appointment = self.importer.upsert(Appointment, chief.id, values)
        role = self.register.roles.get(chief.role_id, chief.role_id)
        self.cite(appointment, "pocom", PERU, chief.id, chief_quotation(chief, role))
        for corrected, date, record, remark in corrections:
            self.batch.cited_remarks.add((record.id, remark.text))
            element = ELEMENTS[corrected]
            given = getattr(chief, element).date
            self.cite(
                appointment, "pocom", PERU, chief.id, f"{CHIEF_LABELS[element]}: {given}", corrected, given
            )
            frus_citation(self, appointment, record, remark, corrected, date.isoformat())
        self.appointments[chief.id] = appointment
        return appointment

    def corrections(self, chief_id):
        """
        The values the site prefers to the register's for the record ``chief_id``: (field,
        date, people record, remark). A deliberate choice stands only when the record it
        rests on is in the data; without it, the field is left as it is.
        """
        found = []
        for appointment, field, person_id, opening, clause in editorial.APPOINTMENT_CORRECTIONS:
            record = self.data.get("people", {}).get(person_id)
            remark = record.remark(opening) if record else None
            if appointment == chief_id and remark is not None:
                part = next(part for part in remark.text.split(";") if part.strip().startswith(clause))
                found.append((field, span(part).start, record, remark))
        return found

    def editorial_note(self, chief_id):
        return " ".join(
            note["text"]
            for note in editorial.APPOINTMENT_NOTES
            if note["appointment"] == chief_id and all(self.has(kind, what) for kind, what in note["needs"])
        )

    def has(self, kind, what):
        if kind == "rdcr":
            if "rdcr" not in self.data:
                return False
            section, heading, opening, _ = what
            passage = self.data["rdcr"].passage(section, heading)
            return bool(passage and passage.sentence(opening))
        record = self.data.get("people", {}).get(what[0])
        return bool(record and record.remark(what[1]))

    def cite_the_guide(self):
        """Cite the country guide where it speaks of an appointment, with the register's value."""
        for where, chief_id, claim in editorial.GUIDE_ON_APPOINTMENTS:
            appointment = self.appointments.get(chief_id)
            if appointment is None:
                continue
            found, _ = self.passage(where)
            with self.record("rdcr", "articles/peru.xml", found.record):
                self.cite_guide(appointment, where, claim=claim)
                element = ELEMENTS[claim]
                chief = next(chief for chief in self.register.chiefs if chief.id == chief_id)
                given = getattr(chief, element).date
                quotation = f"{CHIEF_LABELS[element]}: {getattr(chief, element).words()}"
                self.cite(appointment, "pocom", PERU, chief_id, quotation, claim, given)
        for where, person_id in editorial.GUIDE_ON_ENVOYS:
            if person_id in self.envoys:
                with self.record("rdcr", "articles/peru.xml", self.passage(where)[0].record):
                    self.cite_guide(self.envoys[person_id], where)


class FrusSpans(Step):
    """The chiefs' times in post as the persons lists of FRUS give them."""

    needs = ("pocom", "people")

    def __init__(self, run):
        super().__init__(run)
        self.register = self.data["pocom"]
        self.appointments = run.appointments
        self.messages = run.messages

    def run(self):
        for chief in self.register.chiefs:
            appointment = self.appointments.get(chief.id)
            record = people_record(self.data, chief.person_id)
            if appointment is None or record is None or chief.listed != "chiefs":
                continue
            found = [
                (remark, clause.strip(), span(clause))
                for remark in record.remarks
                if remark.from_frus
                for clause in remark.text.split(";")
                if PERU_POST.search(clause) and span(clause)
            ]
            if found and self.is_only_peru_post(chief):
                with self.record("people", record.path, record.id):
                    self.spans(appointment, record, found)

    def is_only_peru_post(self, chief):
        """Whether the person held one post in Peru, so that FRUS's spans can only be of it."""
        own = [other for other in self.register.chiefs if other.person_id == chief.person_id]
        return len([other for other in own if other.listed == "chiefs"]) == 1

    def spans(self, appointment, record, found):
        starts = [given.start for _, _, given in found if given.start]
        ends = [given.end for _, _, given in found if given.end]
        start, end = most_precise(starts), most_precise(ends)
        if (starts and start is None) or (ends and end is None):
            self.messages.append(
                f"people/{record.path}: the FRUS spans of {appointment.pk} do not agree; its time in "
                "post is left as it is."
            )
            return
        exact = [clause for _, clause, given in found if (given.start, given.end) == (start, end)]
        if exact:
            note = exact[0]
        else:
            ends_of = [clause for _, clause, given in found if start and given.start == start][:1]
            ends_of += [clause for _, clause, given in found if end and given.end == end][:1]
            note = " … ".join(dict.fromkeys(ends_of))
        self.importer.upsert(
            Appointment, appointment.pk, {"held_from": start, "held_to": end, "held_note": note}
        )
        cited = set()
        for remark, _, given in found:
            if (record.id, remark.text) in self.batch.cited_remarks or id(remark) in cited:
                continue  # cited on this appointment already, for another claim
            cited.add(id(remark))
            frus_citation(self, appointment, record, remark, *claim_for(given, start, end))
        self.batch.cited_remarks.update((record.id, remark.text) for remark, _, _ in found)


def compatible(first, second):
    """Whether two partial dates can both be true: one falls within the other."""
    return (
        first.earliest() <= second.earliest()
        and second.latest() <= first.latest()
        or (second.earliest() <= first.earliest() and first.latest() <= second.latest())
    )


def claim_for(given, start, end):
    """
    (claim, value) for a citation of a span ``given`` that supports an appointment held
    from ``start`` to ``end``: the end of the span it agrees with, or none.
    """
    if given.start and start and compatible(given.start, start):
        return "held_from", given.start.isoformat()
    if given.end and end and compatible(given.end, end):
        return "held_to", given.end.isoformat()
    return "", ""


def most_precise(dates):
    """The most precise of ``dates`` if they can all be true together; None if none or they conflict."""
    if not dates:
        return None
    best = max(dates, key=lambda date: (["year", "month", "day"].index(date.precision), date))
    for date in dates:
        if not (date.earliest() <= best.earliest() and best.latest() <= date.latest()):
            return None
    return best
