"""
Events from the country guide (recognition, relations, the legations), from the register
of chiefs of mission (the breaks in relations it records), and from Milestones.
"""

from relations.hsg import editorial
from relations.hsg.pocom import PERU
from relations.hsg.rdcr import sentences
from relations.hsg.words import CHIEF_LABELS, chief_quotation, formatted, partial
from relations.importing import DataError
from relations.models import Entry, Event

from .base import Step
from .chiefs import frus_citation

PUBLISHED = {"status": Entry.Status.PUBLISHED}
COMMISSIONS = ("Commissioned", "Recommissioned")
ARTICLE = "articles/peru.xml"


def topics_in(text):
    """The slugs of the topics whose words ``text`` contains, in a stable order."""
    lowered = (text or "").lower()
    return sorted({topic for words, topic in editorial.TOPIC_WORDS if words in lowered})


class CountryGuideEvents(Step):
    needs = ("rdcr",)

    def __init__(self, run):
        super().__init__(run)
        self.register = self.data.get("pocom")

    def run(self):
        for spec in editorial.GUIDE_EVENTS:
            found, _ = self.passage(spec["passage"])
            with self.record("rdcr", ARTICLE, found.record):
                self.event(spec, found)

    def event(self, spec, found):
        date = self.guide_date(spec["passage"])
        disputed = "disputed_by" in spec or (
            spec.get("heading_disputes") and found.heading_date != date.isoformat()
        )
        entry = self.importer.upsert(
            Event,
            spec["slug"],
            {
                "title": spec["title"],
                "date": date,
                "end_date": None,
                "category": spec["category"],
                "summary": spec["summary"].format(date=formatted(date)),
                "editorial_note": spec.get("editorial_note", "") if disputed else "",
            },
            on_create=PUBLISHED,
            m2m={
                "envoys": [e for slug in spec.get("envoys", ()) if (e := self.batch.envoy(slug))],
                "missions": [m for slug in spec.get("missions", ()) if (m := self.batch.mission(slug))],
            },
        )
        self.cite_guide(entry, spec["passage"], claim="date" if disputed else "")
        if "disputed_by" in spec:
            self.cite_guide(entry, spec["disputed_by"], claim="date")
        if spec.get("heading_disputes") and disputed:
            self.cite_heading(entry, spec["passage"], claim="date", value=found.heading_date)
        for where in spec.get("also", ()):
            self.cite_guide(entry, where)
        if "pocom" in spec and self.register is not None:
            chief_id, element = spec["pocom"]
            chief = next(chief for chief in self.register.chiefs if chief.id == chief_id)
            given = getattr(chief, element)
            quotation = f"{CHIEF_LABELS[element]}: {given.words()}"
            self.cite(entry, "pocom", PERU, chief_id, quotation, "date", given.date)


class Breaks(Step):
    """The suspensions and interruptions of relations, and Peru's request for a recall, as events."""

    needs = ("pocom",)

    def __init__(self, run):
        super().__init__(run)
        self.register = self.data["pocom"]
        self.people = self.data.get("people", {})

    def run(self):
        for chief in self.register.chiefs:
            spec = editorial.BREAKS.get(chief.ended.note)
            if spec is None or not chief.ended.date:
                continue
            with self.record("pocom", PERU, chief.id):
                self.event(chief, spec)

    def event(self, chief, spec):
        date = partial(chief.ended.date)
        year = str(date.year)
        person = self.register.people[chief.person_id]
        role = self.register.roles.get(chief.role_id, chief.role_id)
        rank = editorial.RANKS.get(chief.role_id)
        words = {
            "date": formatted(date),
            "year": year,
            "name": person.name,
            "role": str(rank.label) if rank else role,
        }
        summary = spec["summary"].format(**words)
        # The note's words on the break, not those on the envoy's commission.
        about = [part for part in sentences(chief.note) if not part.startswith(COMMISSIONS)]
        if about:
            summary += " " + " ".join(about)
        severance = spec["severance"] and "rdcr" in self.data
        note = " ".join(part for part in (editorial.BREAK_NOTE, editorial.BREAK_NOTES.get(year, "")) if part)
        appointment = self.batch.appointments.get(chief.id)
        made_first = editorial.BREAK_EVENTS.get(year, {})
        entry = self.importer.upsert(
            Event,
            made_first.get("slug") or spec["slug"].format(**words),
            {
                "title": made_first.get("title") or spec["title"].format(**words),
                "date": date,
                "end_date": None,
                "category": Event.Category.DIPLOMATIC,
                "summary": summary,
                "editorial_note": note if severance else "",
            },
            on_create=PUBLISHED,
            m2m={
                "envoys": [self.batch.envoys[person.id]] if person.id in self.batch.envoys else [],
                "missions": [appointment.mission] if appointment else [],
            },
        )
        self.cite(entry, "pocom", PERU, chief.id, chief_quotation(chief, role), "date", date.isoformat())
        if severance:
            self.cite_guide(entry, editorial.SEVERANCE)
            self.cite_guide(entry, editorial.NEVER_SEVERED)
        for person_id, opening in editorial.BREAK_RECORDS.get(year, ()):
            record = self.people.get(person_id)
            remark = record.remark(opening) if record else None
            if remark is not None:
                frus_citation(self, entry, record, remark)


class Milestones(Step):
    needs = ("milestones",)

    def run(self):
        for paragraph in self.data["milestones"]:
            spec = editorial.MILESTONES.get(paragraph.section)
            if spec is None:
                raise DataError(
                    f"milestones/{paragraph.path}, record {paragraph.section}: no event is described "
                    "for this section yet; add it to editorial.MILESTONES."
                )
            with self.record("milestones", paragraph.path, paragraph.section):
                self.event(paragraph, spec)

    def event(self, paragraph, spec):
        if spec["dated_by"] not in f"{paragraph.section_head} {paragraph.text}":
            raise DataError(
                f"milestones/{paragraph.path}, record {paragraph.section}: the words “{spec['dated_by']}” "
                "that date the event are no longer there."
            )
        event = self.importer.upsert(
            Event,
            spec["slug"],
            {
                "title": spec["title"],
                "date": partial(spec["date"]),
                "end_date": partial(spec.get("end_date")),
                "category": spec["category"],
                "summary": spec["summary"],
                "editorial_note": spec.get("editorial_note", ""),
            },
            on_create=PUBLISHED,
            m2m={"topics": [self.batch.topics[slug] for slug in spec["topics"]]},
        )
        quoted = [paragraph.section_head]
        for opening in spec.get("also_quoted", ()):
            sentence = paragraph.sentence(opening)
            if sentence is None:
                raise DataError(
                    f"milestones/{paragraph.path}, record {paragraph.section}: no sentence begins "
                    f"“{opening}” any more."
                )
            quoted.append(sentence)
        quoted += paragraph.mentioning
        locator = self.repositories["milestones"].locator(paragraph.path, paragraph.section)
        self.cite_at(event, "milestones", f"{paragraph.url} ({locator})", " … ".join(quoted))
