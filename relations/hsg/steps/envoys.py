"""
Envoys the register of chiefs of mission does not list, from the people database: Peru's
envoys to the United States, and U.S. chargés d'affaires and special emissaries; and the
biographies of the envoys of both countries: life, career status, other posts in the
register, and what the persons lists of FRUS say of them, each part cited.
"""

import re

from django.utils.text import slugify

from relations.hsg import editorial
from relations.hsg.dates import span
from relations.hsg.words import (
    CHIEF_LABELS,
    PRINCIPAL_LABELS,
    chief_quotation,
    formatted,
    inverted,
    partial,
    person_quotation,
    place_name,
    spelled,
    volume,
)
from relations.models import Appointment, Entry, Envoy, Mission

from .base import Step
from .chiefs import claim_for, frus_citation, people_record

PUBLISHED = {"status": Entry.Status.PUBLISHED}
PERU = re.compile(r"\bPeru(?:vian)?\b|\bLima\b")
DRAFT = {"status": Entry.Status.DRAFT}


class OtherEnvoys(Step):
    needs = ("people",)

    def __init__(self, run):
        super().__init__(run)
        self.records = self.data["people"]
        self.register = self.data.get("pocom")
        self.countries, self.envoys, self.messages = run.countries, run.envoys, run.messages
        self.placed = run.cited_remarks

    def run(self):
        for spec in editorial.OTHER_ENVOYS:
            record = self.records.get(spec["person"])
            if record is None:
                self.messages.append(
                    f"people: record {spec['person']} is not in the data; its envoy is left as it is."
                )
                continue
            with self.record("people", record.path, record.id):
                envoy = self.envoy(spec, record)
                for tenure in spec["tenures"]:
                    self.tenure(envoy, record, tenure, spec["country"])
            self.batch.other_envoys.append((spec, record, envoy))
        self.report_unplaced()

    def person(self, record):
        """The register's file of the person, if the register is read and has one."""
        if self.register is None:
            return None
        return next((self.register.people[i] for i in record.pocom_ids if i in self.register.people), None)

    def envoy(self, spec, record):
        person = self.person(record)
        values = {"sending_country": self.countries[spec["country"]]}
        if person is not None:
            slug = person.id
            values.update(name=person.name, sort_name=person.sort_name)
        else:
            slug = slugify(record.name)
            values.update(name=inverted(record.name), sort_name=record.name)
        values["birth_year"] = int(person.birth if person and person.birth else record.birth or 0) or None
        values["death_year"] = int(person.death if person and person.death else record.death or 0) or None
        if person is not None:
            career = self.register.careers.get(person.career_type, "")
            state = self.register.states.get(person.state_id, "")
            values.update(
                career_status=Envoy.CareerStatus(person.career_type or ""),
                residence=state,
                external_url=f"https://history.state.gov/departmenthistory/people/{person.id}",
            )
        envoy = self.importer.upsert(Envoy, slug, values, on_create=PUBLISHED)
        if person is not None:
            self.cite(envoy, "pocom", person.path, person.id, person_quotation(person, career, state))
        self.envoys[slug] = envoy
        return envoy

    def tenure(self, envoy, record, tenure, country):
        found = []
        for opening, clause_opening in tenure["remarks"]:
            remark = record.remark(opening)
            clause = next(
                (
                    part.strip()
                    for part in (remark.text.split(";") if remark else [])
                    if part.strip().startswith(clause_opening)
                ),
                None,
            )
            if clause is None:
                self.messages.append(
                    f"people/{record.path}, record {record.id}: no remark begins “{opening}” any more; "
                    f"the appointment {tenure['slug']} is left as it is."
                )
                return
            found.append((remark, clause, span(clause)))
            self.placed.add((record.id, remark.text))
        start = next((given.start for _, _, given in found if given.start), None)
        end = next((given.end for _, _, given in reversed(found) if given.end), None)
        mission = self.post(tenure, record, found, country, start, end)
        appointment = self.importer.upsert(
            Appointment,
            tenure["slug"],
            {
                "envoy": envoy,
                "mission": mission,
                "rank": tenure["rank"],
                "held_from": start,
                "held_to": end,
                "held_note": " … ".join(clause for _, clause, _ in found),
                "editorial_note": tenure.get("editorial_note", ""),
            },
        )
        for number, (remark, _, given) in enumerate(found):
            frus_citation(self, envoy, record, remark)
            # The first remark states the appointment (rank, post, time in post); the others,
            # the end of the time in post they add.
            claim = ("", "") if number == 0 else claim_for(given, start, end)
            frus_citation(self, appointment, record, remark, *claim)

    def post(self, tenure, record, found, country, start, end):
        if "special_mission" not in tenure:
            mission = self.batch.mission(tenure["mission"])
            if mission is None and tenure["mission"] == "peru-embassy-washington":
                mission = self.importer.get_or_create(
                    Mission,
                    tenure["mission"],
                    {
                        **editorial.PERU_EMBASSY,
                        "sending_country": self.countries["pe"],
                        "host_country": self.countries["us"],
                        "status": Entry.Status.PUBLISHED,
                    },
                )
            if tenure["mission"] == "peru-embassy-washington" and mission is not None:
                # Whoever made the embassy's entry, the people database bears it out.
                frus_citation(self, mission, record, found[0][0])
            return mission
        slug, name = tenure["special_mission"]
        sending = self.countries[country]
        host = self.countries["pe" if country == "us" else "us"]
        mission = self.importer.upsert(
            Mission,
            slug,
            {
                "name": name,
                "kind": Mission.Kind.SPECIAL_MISSION,
                "sending_country": sending,
                "host_country": host,
                "opened": start,
                "closed": end,
                "summary": spelled(f"{inverted(record.name)}: {found[0][1]}."),
                "editorial_note": "" if end else editorial.SPECIAL_MISSION_NOTE,
            },
            on_create=PUBLISHED if end else DRAFT,
        )
        remark = found[0][0]
        frus_citation(
            self, mission, record, remark, "opened" if start else "", start.isoformat() if start else ""
        )
        if end:
            frus_citation(self, mission, record, remark, "closed", end.isoformat())
        self.batch.missions[slug] = mission
        return mission

    def report_unplaced(self):
        """Say which people records name an envoy that the editorial data do not place yet."""
        chiefs = {chief.person_id for chief in self.register.chiefs} if self.register else set()
        pattern = re.compile(editorial.NAMES_AN_ENVOY)
        placed_people = {spec["person"] for spec in editorial.OTHER_ENVOYS}
        for record in self.records.values():
            if chiefs & set(record.pocom_ids) or record.id in placed_people:
                continue
            for remark in record.remarks:
                if pattern.search(remark.text) and (record.id, remark.text) not in self.placed:
                    self.messages.append(
                        f"people/{record.path}, record {record.id}: “{remark.text}” names an envoy "
                        "that editorial.OTHER_ENVOYS does not place; it is not imported."
                    )


class Biographies(Step):
    """A biography for each envoy the register or the people database describes."""

    needs = ("people",)

    def __init__(self, run):
        super().__init__(run)
        self.register = self.data.get("pocom")
        self.people = self.data["people"]
        self.envoys = run.envoys
        self.others = run.other_envoys
        self.cited_elsewhere = run.cited_remarks

    def run(self):
        persons = {}
        if self.register is not None:
            for chief in self.register.chiefs:
                persons[chief.person_id] = (
                    self.register.people[chief.person_id],
                    people_record(self.data, chief.person_id),
                )
        for _, record, envoy in self.others:
            person = next(
                (
                    self.register.people[i]
                    for i in record.pocom_ids
                    if self.register and i in self.register.people
                ),
                None,
            )
            persons[envoy.pk] = (person, record)
        for slug, (person, record) in persons.items():
            envoy = self.envoys.get(slug)
            if envoy is None or (person is None and record is None):
                continue
            path, record_id = (person.path, person.id) if person else (record.path, record.id)
            with self.record("pocom" if person else "people", path, record_id):
                self.biography(envoy, person, record)

    def biography(self, envoy, person, record):
        paragraphs = [self.life(envoy, person)] if person else []
        posts = self.register.posts.get(person.id, []) if person else []
        if posts:
            lines = ["Other posts in the register of chiefs of mission and principal officers:"]
            for kind, post in posts:
                lines.append(f"– {self.post_words(kind, post)}")
                quotation = chief_quotation(
                    post,
                    self.post_title(kind, post),
                    PRINCIPAL_LABELS if kind == "principal-position" else CHIEF_LABELS,
                )
                self.cite(envoy, "pocom", post.path, post.id, quotation, "biography")
            paragraphs.append("\n".join(lines))
        remarks = frus_remarks(record) if record else []
        on_peru = [item for item in remarks if PERU.search(item[0])]
        if on_peru:
            lines = ["On Peru, the persons lists of Foreign Relations of the United States (FRUS) say:"]
            for text, volumes, remark in on_peru:
                lines.append(f"– “{text}” ({'; '.join(volume(v) for v in volumes)})")
                # A remark cited for an appointment is cited on the same page already.
                if (record.id, remark.text) not in self.cited_elsewhere:
                    frus_citation(self, envoy, record, remark, "biography")
            paragraphs.append("\n".join(lines))
        if len(remarks) > len(on_peru):
            more = len(remarks) - len(on_peru)
            paragraphs.append(
                f"The Office's people database (record {record.id}) holds {more} more FRUS "
                f"remark{'s' if more > 1 else ''}, on other posts."
            )
        if paragraphs:
            self.importer.upsert(Envoy, envoy.pk, {"biography": "\n\n".join(paragraphs)})

    def life(self, envoy, person):
        years = "–".join(part for part in (person.birth, person.death) if part)
        if person.birth and not person.death:
            years = f"born {person.birth}"
        elif person.death and not person.birth:
            years = f"died {person.death}"
        state = self.register.states.get(person.state_id, "")
        career = self.register.careers.get(person.career_type, "")
        if state.startswith("District of"):
            state = f"the {state}"
        words = person.name + (f" ({years})" if years else "") + (f", of {state}" if state else "") + "."
        return f"{words} {career}." if career else words

    def post_title(self, kind, post):
        if kind == "country-mission":
            return f"{self.register.roles.get(post.role_id, post.role_id)}, {place_name(post.post_id)}"
        return post.post_name

    def post_words(self, kind, post):
        labels = PRINCIPAL_LABELS if kind == "principal-position" else CHIEF_LABELS
        dates = []
        for element, label in labels.items():
            given = getattr(post, element, None)
            if given is None or not given.date:
                continue
            date = formatted(partial(given.date))
            if element == "ended" and given.note:
                dates.append(f"{given.note[0].lower()}{given.note[1:]} {date}")
            else:
                dates.append(f"{label.lower()} {date}" if element != "appointed" else f"appointed {date}")
        nominee = " (other nominee)" if post.listed == "other-nominees" else ""
        return f"{self.post_title(kind, post)}{nominee}" + (f": {'; '.join(dates)}." if dates else ".")


def frus_remarks(record):
    """The distinct FRUS remarks of a people record: (text, volumes, first remark)."""
    merged = {}
    for remark in record.remarks:
        if not remark.from_frus:
            continue
        key = re.sub(r"[\W_]+", " ", remark.text.lower()).strip()
        if key in merged:
            merged[key][1].extend(v for v in remark.volumes if v not in merged[key][1])
        else:
            merged[key] = (remark.text, list(remark.volumes), remark)
    return list(merged.values())
