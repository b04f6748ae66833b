"""
Import the Office of the Historian's data on Peru–United States relations.

The data directory holds JSON extracts of the Office's public repositories (see the README
beside them): the chiefs of mission (pocom), the country guide to recognition and relations
(rdcr), presidential and secretary-of-state travels, visits by foreign leaders, Milestones
and the people database. Each fact imported is cited to the dataset that states it; where
the Office's datasets disagree with each other, each version is kept as a citation giving
its value for the same claim, and the entry's field holds the value the site prefers.
"""

import datetime
import json
import re
from pathlib import Path

import reversion
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from relations.importing import DataError, Importer
from relations.models import Appointment, Citation, Country, Entry, Envoy, Event, Mission, Source, Topic
from relations.partial_dates import PartialDate

FILES = {
    "pocom": "pocom_peru_chiefs_of_mission.json",
    "rdcr": "rdcr_peru.json",
    "travels": "travels_peru.json",
    "visits": "visits_peru.json",
    "milestones": "milestones_peru.json",
    "people": "people_peru_mentions.json",
}

PUBLISHER = "U.S. Department of State, Office of the Historian"
PUBLISHED = {"status": Entry.Status.PUBLISHED}
DRAFT = {"status": Entry.Status.DRAFT}

COUNTRIES = {
    "us": {"name": "United States", "name_es": "Estados Unidos", "iso_code": "US"},
    "pe": {"name": "Peru", "name_es": "Perú", "iso_code": "PE"},
    "pe-bo": {
        "name": "Peru-Bolivian Confederation",
        "name_es": "Confederación Perú-Boliviana",
        "iso_code": "",
        "existed_from": 1836,
        "existed_to": 1839,
    },
}

TOPICS = {
    "trade": "Trade",
    "counter-narcotics": "Counter-narcotics",
    "security": "Security and defence",
    "democracy-human-rights": "Democracy and human rights",
    "migration": "Migration",
    "environment": "Environment",
    "health": "Health",
    "culture-education": "Culture and education",
    "development-aid": "Development and aid",
}

# Words in a trip's remarks or a visit's description that place it under a topic.
TOPIC_WORDS = [
    ("apec", "trade"),
    ("asia-pacific econom", "trade"),
    ("trans-pacific partnership", "trade"),
    ("andean pact", "trade"),
    ("drug", "counter-narcotics"),
    ("cop-20", "environment"),
    ("hostage crisis", "security"),
    ("border dispute", "security"),
    ("border agreement", "security"),
]

RANKS = {
    "charge-daffaires": Appointment.Rank.CHARGE,
    "charge-daffaires-ad-interim": Appointment.Rank.CHARGE_AD_INTERIM,
    "envoy-extraordinary-minister-plenipotentiary": Appointment.Rank.ENVOY,
    "ambassador-e-p": Appointment.Rank.AMBASSADOR,
}

# How a mission ended, from the words pocom puts before the date it ended.
OUTCOMES = {
    "Left post on": Appointment.Outcome.LEFT_POST,
    "Left Peru": Appointment.Outcome.LEFT_POST,
    "Died at post on": Appointment.Outcome.DIED,
    "Presented recall on": Appointment.Outcome.RECALLED,
    "Presented recall on or shortly before": Appointment.Outcome.RECALLED,
    "Superseded": Appointment.Outcome.SUPERSEDED,
    "Normal relations interrupted on": Appointment.Outcome.INTERRUPTED,
    "Notified the Government of Peru that relations were suspended on": Appointment.Outcome.SUSPENDED,
    "Recall requested by the Government of Peru on": Appointment.Outcome.RECALL_REQUESTED,
    "Relinquished charge": Appointment.Outcome.RELINQUISHED,
    "Promoted to Envoy Extraordinary and Minister Plenipotentiary": Appointment.Outcome.PROMOTED,
    "Died in New York City": Appointment.Outcome.DIED_AWAY,
}

RECEIVED_BY_CONFEDERATION = "received by the Government of the Peru-Bolivian Confederation"


def read_data(directory):
    """Return each dataset of ``directory`` by its short name, or raise CommandError."""
    if not directory.is_dir():
        raise CommandError(f"{directory} is not a directory.")
    data = {}
    for name, filename in FILES.items():
        path = directory / filename
        try:
            data[name] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"{filename} is missing from {directory}.") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{filename} is not valid JSON: {error}") from error
        content = "article" if name == "rdcr" else "records"
        if not isinstance(data[name], dict) or not {"_meta", content} <= data[name].keys():
            raise CommandError(f"{filename} does not have the “_meta” and “{content}” of the data.")
    if "events" not in data["rdcr"]["article"]:
        raise CommandError(f"{FILES['rdcr']} has no events in its article.")
    return data


def partial(value, precision=None):
    """The PartialDate written ``value`` (to ``precision``, if given), or None for no date."""
    return PartialDate.parse(value, precision) if value else None


def formatted(date):
    """A partial date in words, "2 May 1826", whatever language is active."""
    with translation.override("en"):
        return str(date)


def repository_description(meta, what):
    """Say what a source is, and which files of which commit of its repository were read."""
    source = meta["sources"][0]
    main, *others = source["paths"]
    read = (
        f"{main['path']} (last changed in {main['last_changed_in_commit']}, {main['last_changed_date'][:10]})"
    )
    if others:
        folders = sorted({other["path"].split("/")[0] + "/" for other in others})
        read += f" and {len(others)} more file{'s' if len(others) > 1 else ''} in {', '.join(folders)}"
    return (
        f"{what} Read from the {source['repository']} repository ({source['url']}) at commit "
        f"{source['commit']} of {source['commit_date'][:10]}: {read}."
    )


def topics_in(text):
    """The slugs of the topics whose words ``text`` contains, in a stable order."""
    lowered = (text or "").lower()
    return sorted({topic for words, topic in TOPIC_WORDS if words in lowered})


def unique_slugs(filename, records, slug_of, id_of):
    """Map each record's id to its slug; two records with the same slug are an error."""
    slugs, seen = {}, {}
    for record in records:
        slug = slug_of(record)
        if slug in seen:
            raise DataError(
                f"{filename}, records {seen[slug]} and {id_of(record)}: both would have the slug “{slug}”."
            )
        seen[slug] = id_of(record)
        slugs[id_of(record)] = slug
    return slugs


class Command(BaseCommand):
    help = (
        "Import the Office of the Historian's data on Peru (chiefs of mission, recognition and "
        "relations, travels, visits, Milestones) from the JSON files in DIRECTORY. Creates or "
        "updates events, envoys, appointments, missions and sources, each fact cited; changes "
        "nothing if any record is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", help="The directory that holds the Office of the Historian JSON files."
        )

    def handle(self, *args, directory, **options):
        data = read_data(Path(directory))
        importer = Importer()
        try:
            with transaction.atomic(), reversion.create_revision():
                reversion.set_comment("Imported from the Office of the Historian's data.")
                sources = OfficeOfTheHistorianImport(importer, data).run()
        except DataError as error:
            raise CommandError(f"{error}\nNothing was changed.") from error
        for line in importer.report.lines():
            self.stdout.write(line)
        for citation in importer.uncited(sources):
            self.stdout.write(
                self.style.WARNING(
                    f"Not in the data (left as it is): citation {citation.position} of "
                    f"{citation.content_type.model} “{citation.object_id}”, {citation.locator}"
                )
            )
        if importer.report.changed:
            self.stdout.write(self.style.SUCCESS("The database now says what the data says."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Nothing to change: the database already says what the data says.")
            )


class OfficeOfTheHistorianImport:
    """One import of every dataset, in the order their entries depend on each other."""

    def __init__(self, importer, data):
        self.importer = importer
        self.data = data
        self.rdcr_events = {event["event_id"]: event for event in data["rdcr"]["article"]["events"]}
        self.people = {person["people_id"]: person for person in data["people"]["records"]}
        self.envoys = {}
        self.appointments = {}

    def run(self):
        self.import_sources()
        self.import_countries()
        self.import_missions()
        self.import_chiefs_of_mission()
        self.import_peruvian_legation()
        self.cite_other_accounts_of_appointments()
        self.import_rdcr_events()
        self.import_travels()
        self.import_visits()
        self.import_milestones()
        self.cite_own_values_where_disputed()
        return [slug for _, slug, _ in self.source_specs.values()]

    def cite_own_values_where_disputed(self):
        """
        Where another source gives a date for a claim of an imported entry, and the Office's
        citations give none, cite the Office's own date for it, so readers see both.
        """
        ours = {source.pk for source in self.sources.values()}
        disputed = (
            Citation.objects.exclude(source__in=ours)
            .exclude(claim="")
            .order_by("content_type", "object_id", "claim")
            .values_list("content_type", "object_id", "claim")
            .distinct()
        )
        for content_type_id, object_id, claim in disputed:
            citations = Citation.objects.filter(
                content_type=content_type_id, object_id=object_id, source__in=ours
            ).order_by("position")
            if not citations.exists() or citations.filter(claim=claim).exists():
                continue
            first = citations.select_related("source").first()
            value = getattr(first.entry, claim)
            if isinstance(value, PartialDate):
                self.importer.cite(
                    first.entry,
                    first.source,
                    first.locator,
                    first.quotation,
                    claim=claim,
                    value=value.isoformat(),
                )

    # Sources, countries, topics ------------------------------------------------------------

    def import_sources(self):
        data, article = self.data, self.data["rdcr"]["article"]
        written_by = re.search(r"written by (?P<author>[^,]+)", article.get("source_description") or "")
        sources = {
            "chiefs": (
                "pocom",
                "hsg-chiefs-of-mission",
                lambda: {
                    "title": "Principal Officers and Chiefs of Mission",
                    "kind": Source.Kind.DATASET,
                    "url": data["pocom"]["_meta"]["published_at"],
                    "description": repository_description(
                        data["pocom"]["_meta"],
                        "The Office of the Historian's register of U.S. chiefs of mission, with "
                        "the dates of each appointment; its records for Peru and the envoys' files.",
                    ),
                },
            ),
            "country-guide": (
                "rdcr",
                "hsg-country-guide-peru",
                lambda: {
                    "title": article["title_complete"],
                    "author": written_by["author"] if written_by else "",
                    "kind": Source.Kind.ARTICLE,
                    "url": article["hsg_url"],
                    "description": repository_description(
                        data["rdcr"]["_meta"],
                        f"The Peru article of the Office of the Historian's guide to recognition and "
                        f"relations. Its header says “{article['publication_statement']}” and "
                        f"“{article['source_description']}”.",
                    ),
                },
            ),
            "travels": (
                "travels",
                "hsg-travels",
                lambda: {
                    "title": "Travels Abroad of U.S. Presidents and Secretaries of State",
                    "kind": Source.Kind.DATASET,
                    "url": data["travels"]["_meta"]["published_at"],
                    "description": repository_description(
                        data["travels"]["_meta"],
                        "The Office of the Historian's record of the trips abroad of U.S. Presidents "
                        "and Secretaries of State: the trips to Peru, and trips elsewhere whose "
                        "remarks mention Peru or Lima.",
                    ),
                },
            ),
            "visits": (
                "visits",
                "hsg-visits",
                lambda: {
                    "title": "Visits by Foreign Leaders: Peru",
                    "kind": Source.Kind.DATASET,
                    "url": data["visits"]["_meta"]["published_at"],
                    "description": repository_description(
                        data["visits"]["_meta"],
                        "The Office of the Historian's record of visits to the United States by "
                        "foreign leaders: the visits by leaders of Peru, and the visits by other "
                        "leaders whose description mentions Peru.",
                    ),
                },
            ),
            "milestones": (
                "milestones",
                "hsg-milestones",
                lambda: {
                    "title": "Milestones in the History of U.S. Foreign Relations",
                    "kind": Source.Kind.WEB_PAGE,
                    "url": data["milestones"]["_meta"]["published_at"],
                    "description": repository_description(
                        data["milestones"]["_meta"],
                        "The Office of the Historian's Milestones in the History of U.S. Foreign "
                        "Relations: the paragraphs that mention Peru.",
                    ),
                },
            ),
            "people": (
                "people",
                "hsg-people",
                lambda: {
                    "title": "Office of the Historian People Database",
                    "kind": Source.Kind.DATASET,
                    "url": data["people"]["_meta"].get("published_at")
                    or data["people"]["_meta"]["sources"][0]["url"],
                    "description": repository_description(
                        data["people"]["_meta"],
                        "Person records compiled from the persons lists of Foreign Relations of the "
                        "United States (FRUS), from visits and from the chiefs-of-mission register. "
                        "Its repository calls it early beta and says its ids may change.",
                    ),
                },
            ),
        }
        self.source_specs, self.sources = sources, {}
        for name in sources:
            if name != "people":  # made when first cited
                self.source(name)

    def source(self, name):
        """The Source of the dataset ``name``, brought up to date the first time it is asked for."""
        if name not in self.sources:
            dataset, slug, values = self.source_specs[name]
            with self.importer.record(FILES[dataset], "_meta"):
                values = {"author": "", "publisher": PUBLISHER, "language": "en", **values()}
                self.sources[name] = self.importer.upsert(Source, slug, values)
        return self.sources[name]

    def import_countries(self):
        countries = {
            code: self.importer.get_or_create(Country, code, values) for code, values in COUNTRIES.items()
        }
        self.us, self.peru, self.confederation = countries["us"], countries["pe"], countries["pe-bo"]
        self._topics = {}

    def topics(self, slugs):
        """The topics ``slugs``, created the first time one is needed."""
        for slug in slugs:
            if slug not in self._topics:
                self._topics[slug] = self.importer.get_or_create(Topic, slug, {"name": TOPICS[slug]})
        return [self._topics[slug] for slug in slugs]

    # The country guide (rdcr) --------------------------------------------------------------

    def rdcr_event(self, event_id):
        try:
            return self.rdcr_events[event_id]
        except KeyError:
            raise DataError(f"{FILES['rdcr']}: event {event_id} is missing.") from None

    def rdcr_locator(self, event):
        path = self.data["rdcr"]["_meta"]["sources"][0]["paths"][0]["path"]
        if event["section"] == "summary":
            return f"{path}, summary, {event['event_id']}"
        return (
            f"{path}, {self.section_head(event['section'])}, “{event['timeline_head']}”, {event['event_id']}"
        )

    def section_head(self, xml_id):
        for section in self.data["rdcr"]["article"]["sections"]:
            if section["xml_id"] == xml_id:
                return section["head"]
        return xml_id

    def cite_rdcr(self, entry, event, claim="", value=""):
        return self.importer.cite(
            entry,
            self.sources["country-guide"],
            self.rdcr_locator(event),
            event["sentence"],
            claim=claim,
            value=value,
        )

    def rdcr_sentence(self, event, containing):
        """The sentence of ``event``'s timeline entry that contains ``containing``, if any."""
        for section in self.data["rdcr"]["article"]["sections"]:
            for entry in section["timeline"]:
                if entry["head"] == event["timeline_head"]:
                    for sentence in entry["sentences"]:
                        if containing in sentence:
                            return sentence
        return None

    # Missions --------------------------------------------------------------------------------

    def import_missions(self):
        """The U.S. legation and embassy in Lima, and the legation to the Confederation."""
        legation_opened = self.rdcr_event("rdcr-pe-11")
        embassy_opened = self.rdcr_event("rdcr-pe-13")
        with self.importer.record(FILES["rdcr"], "rdcr-pe-11"):
            legation = self.importer.upsert(
                Mission,
                "us-legation-lima",
                {
                    "name": "United States Legation in Lima",
                    "kind": Mission.Kind.LEGATION,
                    "sending_country": self.us,
                    "host_country": self.peru,
                    "city": "Lima",
                    "opened": partial(legation_opened["date"], legation_opened["precision"]),
                    "closed": partial(embassy_opened["date"], embassy_opened["precision"]),
                    "predecessor": None,
                    "summary": (
                        f"The American Legation in Lima, established on "
                        f"{formatted(partial(legation_opened['date']))} when James Cooley presented "
                        f"his credentials as chargé d’affaires, and raised to an embassy on "
                        f"{formatted(partial(embassy_opened['date']))}."
                    ),
                },
                on_create=PUBLISHED,
            )
            self.cite_rdcr(legation, legation_opened)
            self.cite_rdcr(legation, embassy_opened)
        with self.importer.record(FILES["rdcr"], "rdcr-pe-13"):
            embassy = self.importer.upsert(
                Mission,
                "us-embassy-lima",
                {
                    "name": "Embassy of the United States in Lima",
                    "kind": Mission.Kind.EMBASSY,
                    "sending_country": self.us,
                    "host_country": self.peru,
                    "city": "Lima",
                    "opened": partial(embassy_opened["date"], embassy_opened["precision"]),
                    "predecessor": legation,
                    "summary": (
                        f"The Legation at Lima was raised to an embassy on "
                        f"{formatted(partial(embassy_opened['date']))}, when Ambassador William E. "
                        f"Gonzales presented his credentials to the Peruvian Government."
                    ),
                },
                on_create=PUBLISHED,
            )
            self.cite_rdcr(embassy, embassy_opened)
        self.missions = {"legation": legation, "embassy": embassy}
        self.import_confederation_legation()

    def import_confederation_legation(self):
        """
        The post of the chargé d'affaires received by the Peru-Bolivian Confederation.

        Thornton was commissioned to Peru but received by the Confederation (rdcr and pocom
        say so), so his mission was to the Confederation; it could not outlast the
        Confederation, which the country guide says was dissolved in 1839.
        """
        recognized = self.rdcr_event("rdcr-pe-06")
        dissolved = self.rdcr_events.get("rdcr-pe-10")
        with self.importer.record(FILES["rdcr"], "rdcr-pe-06"):
            mission = self.importer.upsert(
                Mission,
                "us-legation-peru-bolivian-confederation",
                {
                    "name": "United States Legation to the Peru-Bolivian Confederation",
                    "kind": Mission.Kind.LEGATION,
                    "sending_country": self.us,
                    "host_country": self.confederation,
                    "city": "",
                    "opened": partial(recognized["date"], recognized["precision"]),
                    "closed": partial(dissolved["date"], dissolved["precision"]) if dissolved else None,
                    "summary": (
                        "The mission of James B. Thornton, commissioned as chargé d’affaires to Peru "
                        "but received by the Government of the Peru-Bolivian Confederation, which the "
                        f"United States recognized on {formatted(partial(recognized['date']))}."
                    ),
                    "editorial_note": (
                        "The data give no opening or closing date for this post. It is dated from the "
                        "United States' recognition of the Confederation, when Thornton was officially "
                        "received, to the year the country guide gives for the Confederation's "
                        "dissolution, when separate relations with Peru resumed."
                    ),
                },
                on_create=PUBLISHED,
            )
            self.cite_rdcr(mission, recognized)
            received = self.rdcr_sentence(recognized, "received by the Peru-Bolivian Confederation")
            if received:
                self.importer.cite(
                    mission,
                    self.sources["country-guide"],
                    self.rdcr_locator(recognized).rsplit(", ", 1)[0],
                    received,
                )
            if dissolved:
                self.cite_rdcr(mission, dissolved, claim="closed", value=dissolved["date"])
        self.missions["confederation"] = mission

    def post_of(self, record):
        """
        The mission a pocom appointment belongs to.

        The post is where the envoy was received: the Confederation for Thornton, the
        embassy for chiefs who began (presented credentials, or failing that were appointed)
        on or after the day the legation was raised to an embassy (24 April 1920).
        """
        if RECEIVED_BY_CONFEDERATION in (record["note"] or ""):
            return self.missions["confederation"]
        start = partial(record["credentials_presented"]["date"]) or partial(record["appointed"]["date"])
        if start is None:
            is_embassy = record["role_title_id"] == "ambassador-e-p"
        else:
            is_embassy = start.earliest() >= self.missions["embassy"].opened.earliest()
        return self.missions["embassy" if is_embassy else "legation"]

    # Chiefs of mission (pocom) ---------------------------------------------------------------

    def import_chiefs_of_mission(self):
        for record in self.data["pocom"]["records"]:
            with self.importer.record(FILES["pocom"], record["pocom_chief_id"]):
                envoy = self.import_us_envoy(record)
                self.import_appointment(record, envoy)

    def import_us_envoy(self, record):
        person_id = record["person_id"]
        if person_id in self.envoys:
            return self.envoys[person_id]
        name = record["name"]
        sort_name = ", ".join(part for part in (name["surname"], name["forename"], name["gen_name"]) if part)
        envoy = self.importer.upsert(
            Envoy,
            person_id,
            {
                "name": name["full"],
                "sort_name": sort_name,
                "sending_country": self.us,
                "birth_year": int(record["birth_year"]) if record["birth_year"] else None,
                "death_year": int(record["death_year"]) if record["death_year"] else None,
                "career_status": Envoy.CareerStatus(record["career_type"] or ""),
                "residence": record["residence_state"] or "",
                "external_url": record["hsg_person_url"] or "",
            },
            on_create=PUBLISHED,
        )
        facts = [
            name["full"],
            f"born {record['birth_year']}" if record["birth_year"] else "",
            f"died {record['death_year']}" if record["death_year"] else "",
            record["career_type_label"] or "",
            f"state of residence: {record['residence_state']}" if record["residence_state"] else "",
        ]
        self.importer.cite(
            envoy,
            self.sources["chiefs"],
            f"{record['person_source_path']}, {person_id}",
            "; ".join(fact for fact in facts if fact) + ".",
        )
        self.envoys[person_id] = envoy
        return envoy

    def import_appointment(self, record, envoy):
        chief_id = record["pocom_chief_id"]
        termination = record["termination"]
        nominee = record["list"] == "other-nominees"
        if nominee:
            outcome = Appointment.Outcome.DID_NOT_SERVE
        elif termination["note"]:
            outcome = OUTCOMES.get(termination["note"], Appointment.Outcome.OTHER)
        else:
            outcome = ""
        if record["role_title_id"] not in RANKS:
            raise DataError(f"{FILES['pocom']}, record {chief_id}: unknown rank “{record['role_title_id']}”.")
        values = {
            "envoy": envoy,
            "mission": self.post_of(record),
            "rank": RANKS[record["role_title_id"]],
            "is_nominee_only": nominee,
            "outcome": outcome,
            "note": record["note"] or "",
            "editorial_note": self.appointment_editorial_note(chief_id),
        }
        for field, key, note_field in (
            ("appointed", "appointed", "appointed_note"),
            ("arrived", "arrived", "arrived_note"),
            ("credentials_presented", "credentials_presented", "credentials_note"),
            ("ended", "termination", "ended_note"),
        ):
            values[field] = partial(record[key]["date"], record[key]["precision"])
            values[note_field] = record[key]["note"] or ""
        values.update(self.preferred_appointment_values(chief_id))
        appointment = self.importer.upsert(Appointment, chief_id, values)
        self.importer.cite(
            appointment, self.sources["chiefs"], self.pocom_locator(chief_id), pocom_quotation(record)
        )
        self.appointments[chief_id] = appointment
        return appointment

    # Where the Office's datasets disagree about an appointment -------------------------------

    def frus_remark(self, people_id, starting):
        """The people database's remark that starts with ``starting``, with its record."""
        person = self.people.get(people_id)
        for remark in (person or {}).get("remarks_mentioning_peru", []):
            if remark["text"].startswith(starting):
                return person, remark
        return None, None

    def preferred_appointment_values(self, chief_id):
        """Values the site prefers over pocom's, where another dataset of the Office differs."""
        preferred = {}
        for correction in APPOINTMENT_CORRECTIONS:
            if correction["appointment"] != chief_id:
                continue
            _, remark = self.frus_remark(correction["people_id"], correction["remark"])
            if remark:
                written = datetime.datetime.strptime(correction["written"], "%B %d, %Y").date()
                preferred[correction["field"]] = PartialDate.parse(written)
        return preferred

    def appointment_editorial_note(self, chief_id):
        notes = [
            note["text"]
            for note in APPOINTMENT_NOTES
            if note["appointment"] == chief_id and all(self.has_record(record) for record in note["needs"])
        ]
        return " ".join(notes)

    def has_record(self, record):
        kind, record_id = record
        if kind == "rdcr":
            return record_id in self.rdcr_events
        return self.frus_remark(*record_id)[1] is not None

    def cite_other_accounts_of_appointments(self):
        """Cite the country guide and the people database where they speak of an appointment."""
        pocom = self.sources["chiefs"]
        for event_id, chief_id, claim in RDCR_ON_APPOINTMENTS:
            event = self.rdcr_events.get(event_id)
            appointment = self.appointments.get(chief_id)
            if not event or not appointment:
                continue
            with self.importer.record(FILES["rdcr"], event_id):
                if claim:
                    self.cite_rdcr(appointment, event, claim=claim, value=event["date"])
                    pocom_value = getattr(appointment, claim)
                    self.importer.cite(
                        appointment,
                        pocom,
                        self.pocom_locator(chief_id),
                        f"{FIELD_LABELS[claim]}: {pocom_value.isoformat()}",
                        claim=claim,
                        value=pocom_value.isoformat(),
                    )
                else:
                    self.cite_rdcr(appointment, event)
        if "rdcr-pe-07" in self.rdcr_events and "thornton-james-b" in self.envoys:
            self.cite_rdcr(self.envoys["thornton-james-b"], self.rdcr_events["rdcr-pe-07"])
        for correction in APPOINTMENT_CORRECTIONS:
            person, remark = self.frus_remark(correction["people_id"], correction["remark"])
            appointment = self.appointments.get(correction["appointment"])
            if not remark or not appointment:
                continue
            with self.importer.record(FILES["people"], person["people_id"]):
                record = self.pocom_record(correction["appointment"])
                claim = correction["field"]
                given = record[claim]["date"]
                self.importer.cite(
                    appointment,
                    pocom,
                    self.pocom_locator(correction["appointment"]),
                    f"{FIELD_LABELS[claim]}: {given}",
                    claim=claim,
                    value=given,
                )
                self.cite_people(appointment, person, remark, claim, getattr(appointment, claim).isoformat())
        for people_id, starting, chief_id in PEOPLE_CORROBORATIONS:
            person, remark = self.frus_remark(people_id, starting)
            if remark and chief_id in self.appointments:
                with self.importer.record(FILES["people"], people_id):
                    self.cite_people(self.appointments[chief_id], person, remark)

    def cite_people(self, entry, person, remark, claim="", value=""):
        where = ", ".join(url.split("/historicaldocuments/")[-1] for url in remark["source_urls"])
        return self.importer.cite(
            entry,
            self.source("people"),
            f"{person['path']}, {person['people_id']} ({where})",
            remark["text"],
            claim=claim,
            value=value,
        )

    def pocom_locator(self, chief_id):
        """“missions-countries/peru.xml, pe-1826-cool-01”: the file and the record."""
        return f"{self.data['pocom']['_meta']['sources'][0]['paths'][0]['path']}, {chief_id}"

    def pocom_record(self, chief_id):
        for record in self.data["pocom"]["records"]:
            if record["pocom_chief_id"] == chief_id:
                return record
        raise DataError(f"{FILES['pocom']}: record {chief_id} is missing.")

    # Peru's legation in the United States (rdcr) ---------------------------------------------

    def import_peruvian_legation(self):
        event = self.rdcr_event("rdcr-pe-12")
        with self.importer.record(FILES["rdcr"], "rdcr-pe-12"):
            named = partial(event["date"], event["precision"])
            mission = self.importer.upsert(
                Mission,
                "peru-legation-washington",
                {
                    "name": "Legation of Peru in the United States",
                    "kind": Mission.Kind.LEGATION,
                    "sending_country": self.peru,
                    "host_country": self.us,
                    "opened": named,
                    "summary": (
                        f"Peru's legation in the United States, established when the Government of "
                        f"Peru named Joaquin José de Osma its first Plenipotentiary Minister to the "
                        f"United States in {formatted(named)}."
                    ),
                },
                on_create=PUBLISHED,
            )
            self.cite_rdcr(mission, event)
            envoy = self.importer.upsert(
                Envoy,
                "osma-joaquin-jose-de",
                {
                    "name": "Joaquin José de Osma",
                    "sort_name": "Osma, Joaquin José de",
                    "sending_country": self.peru,
                },
                on_create=PUBLISHED,
            )
            self.cite_rdcr(envoy, event)
            appointment = self.importer.upsert(
                Appointment,
                "osma-joaquin-jose-de-1846",
                {
                    "envoy": envoy,
                    "mission": mission,
                    "rank": Appointment.Rank.MINISTER_PLENIPOTENTIARY,
                    "appointed": named,
                },
            )
            self.cite_rdcr(appointment, event)
        self.envoys["osma-joaquin-jose-de"] = envoy
        self.missions["peru-legation"] = mission

    # Events of the country guide (rdcr) ------------------------------------------------------

    def import_rdcr_events(self):
        for event_id, spec in RDCR_EVENTS.items():
            event = self.rdcr_events.get(event_id)
            if event is None:
                continue
            with self.importer.record(FILES["rdcr"], event_id):
                date = partial(event["date"], event["precision"])
                people = [person["pocom_person_id"] for person in event["people"]]
                people += spec.get("envoys", [])
                envoys = [self.envoys[slug] for slug in people if slug in self.envoys]
                entry = self.importer.upsert(
                    Event,
                    spec["slug"],
                    {
                        "title": spec["title"],
                        "date": date,
                        "end_date": None,
                        "category": spec["category"],
                        "summary": spec["summary"].format(date=formatted(date)),
                        "editorial_note": self.rdcr_editorial_note(spec),
                    },
                    on_create=PUBLISHED,
                    m2m={
                        "envoys": envoys,
                        "missions": [self.missions[name] for name in spec.get("missions", ())],
                    },
                )
                self.cite_rdcr_event(entry, event, spec)

    def is_disputed(self, spec):
        """Whether the country guide gives this event another date too, here in the data."""
        return spec.get("disputed_by") in self.rdcr_events or spec.get("heading_disputes", False)

    def rdcr_editorial_note(self, spec):
        return spec.get("editorial_note", "") if self.is_disputed(spec) else ""

    def cite_rdcr_event(self, entry, event, spec):
        """Cite the event's sentence, and every other account of its date."""
        disputed = self.is_disputed(spec)
        claim, value = ("date", event["date"]) if disputed else ("", "")
        self.cite_rdcr(entry, event, claim=claim, value=value)
        if spec.get("disputed_by") in self.rdcr_events:
            other = self.rdcr_events[spec["disputed_by"]]
            self.cite_rdcr(entry, other, claim="date", value=other["date"])
        if spec.get("heading_disputes") and event["timeline_head_date"] != event["date"]:
            self.importer.cite(
                entry,
                self.sources["country-guide"],
                self.rdcr_locator(event).rsplit(", ", 1)[0] + ", timeline heading",
                event["timeline_head"],
                claim="date",
                value=event["timeline_head_date"],
            )
        for context_id in spec.get("context", ()):
            if context_id in self.rdcr_events:
                self.cite_rdcr(entry, self.rdcr_events[context_id])
        if "received" in spec:
            sentence = self.rdcr_sentence(event, spec["received"])
            if sentence:
                self.importer.cite(
                    entry,
                    self.sources["country-guide"],
                    self.rdcr_locator(event).rsplit(", ", 1)[0],
                    sentence,
                )
        pocom = spec.get("pocom")
        if pocom and pocom[0] in self.appointments:
            chief_id, field = pocom
            record = self.pocom_record(chief_id)
            given = record[field]
            words = " ".join(part for part in (given["note"], given["date"]) if part)
            self.importer.cite(
                entry,
                self.sources["chiefs"],
                self.pocom_locator(chief_id),
                f"{FIELD_LABELS[field]}: {words}",
                claim="date" if disputed else "",
                value=given["date"] if disputed else "",
            )

    # Travels of presidents and secretaries of state ------------------------------------------

    def import_travels(self):
        records = self.data["travels"]["records"]
        slugs = unique_slugs(FILES["travels"], records, trip_slug, lambda record: record["trip_id"])
        for record in records:
            with self.importer.record(FILES["travels"], record["trip_id"]):
                self.import_trip(record, slugs[record["trip_id"]])

    def import_trip(self, record, slug):
        remarks = record["remarks"] or ""
        role = "Secretary of State" if record["role"] == "secretary" else "President"
        if "President-elect" in remarks:
            role = "President-elect"
        start = partial(record["start_date"])
        end = partial(record["end_date"])
        to_peru = record["relation"] == "trip_to_peru"
        if to_peru:
            title = f"{role} {record['traveler_name']} visits Peru"
            summary = f"{role} {record['traveler_name']} travelled to Peru ({record['locale']}). {remarks}"
        else:
            title = f"{role} {record['traveler_name']} in {record['locale']}, {record['country']}"
            place = f"{record['locale']}, {record['country']}"
            summary = f"{role} {record['traveler_name']} travelled to {place}. {remarks}"
        event = self.importer.upsert(
            Event,
            slug,
            {
                "title": title,
                "date": start,
                "end_date": end if end != start else None,
                "category": Event.Category.VISIT if to_peru else Event.Category.DIPLOMATIC,
                "summary": summary.strip(),
                "editorial_note": SPELLING_NOTES.get(("trip", record["trip_id"]), ""),
            },
            # A stop elsewhere that names only Lima, as the way there, is too thin to stand alone.
            on_create=PUBLISHED if to_peru or "Peru" in remarks else DRAFT,
            m2m={"topics": self.topics(topics_in(remarks))},
        )
        dates = record["start_date"] + (f" to {record['end_date']}" if record["end_date"] else "")
        self.importer.cite(
            event,
            self.sources["travels"],
            f"{record['source_path']}, trip {record['trip_id']}",
            f"{record['traveler_name']}; {record['locale']}, {record['country']}; {dates}; {remarks}",
        )

    # Visits of foreign leaders ----------------------------------------------------------------

    def import_visits(self):
        records = self.data["visits"]["records"]
        slugs = unique_slugs(FILES["visits"], records, visit_slug, lambda record: record["visit_id"])
        for record in records:
            with self.importer.record(FILES["visits"], record["visit_id"]):
                self.import_visit(record, slugs[record["visit_id"]])

    def import_visit(self, record, slug):
        description = record["description"] or ""
        by_peru = record["relation"] == "visit_by_peruvian_leader"
        visitor = record["visitor"] if by_peru else f"{record['visitor']} of {record['from']}"
        start = partial(record["start_date"])
        end = partial(record["end_date"])
        event = self.importer.upsert(
            Event,
            slug,
            {
                "title": f"{visitor} visits the United States",
                "date": start,
                "end_date": end if end != start else None,
                "category": Event.Category.VISIT,
                "summary": f"{visitor} in the United States. {description}".strip(),
                "editorial_note": SPELLING_NOTES.get(("visit", record["visit_id"]), ""),
            },
            on_create=PUBLISHED if by_peru or "Peru" in description else DRAFT,
            m2m={"topics": self.topics(topics_in(description))},
        )
        dates = record["start_date"] + (f" to {record['end_date']}" if record["end_date"] else "")
        self.importer.cite(
            event,
            self.sources["visits"],
            f"{record['source_path']}, visit {record['visit_id']}",
            f"{record['visitor']}; {record['from']}; {dates}; {description}",
        )

    # Milestones -------------------------------------------------------------------------------

    def import_milestones(self):
        for record in self.data["milestones"]["records"]:
            spec = MILESTONES.get(record["section_xml_id"])
            if spec is None:
                raise DataError(
                    f"{FILES['milestones']}, record {record['section_xml_id']}: no event is described "
                    f"for this section yet; add it to MILESTONES."
                )
            with self.importer.record(FILES["milestones"], record["section_xml_id"]):
                self.import_milestone(record, spec)

    def import_milestone(self, record, spec):
        text = f"{record['section_head']} {record['paragraph']}"
        if spec["dated_by"] not in text:
            raise DataError(
                f"{FILES['milestones']}, record {record['section_xml_id']}: the words “{spec['dated_by']}” "
                f"that date the event are no longer there."
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
            m2m={"topics": self.topics(spec["topics"])},
        )
        quoted = [record["section_head"], *record["sentences_mentioning_peru"]]
        for opening in spec.get("also_quoted", ()):
            sentence = re.search(rf"{re.escape(opening)}[^.]*\.", record["paragraph"])
            if sentence is None:
                raise DataError(
                    f"{FILES['milestones']}, record {record['section_xml_id']}: no sentence begins "
                    f"“{opening}” any more."
                )
            quoted.insert(1, sentence.group())
        self.importer.cite(
            event,
            self.sources["milestones"],
            f"{record['hsg_url']} ({record['chapter_path']}, section {record['section_xml_id']})",
            " … ".join(quoted),
        )


FIELD_LABELS = {
    "appointed": "Appointed",
    "arrived": "Arrived",
    "credentials_presented": "Credentials presented",
    "termination": "Termination of mission",
    "ended": "Termination of mission",
}


def pocom_quotation(record):
    """A pocom appointment record in words: the role, each date with its qualifier, the note."""
    parts = [record["role_title"] + (" (other nominees)" if record["list"] == "other-nominees" else "")]
    for key in ("appointed", "arrived", "credentials_presented", "termination"):
        given = record[key]
        words = " ".join(part for part in (given["note"], given["date"]) if part)
        if words:
            parts.append(f"{FIELD_LABELS[key]}: {words}")
    if record["note"]:
        parts.append(f"Note: {record['note']}")
    return " ".join(part if part.endswith(".") else f"{part}." for part in parts)


def trip_slug(record):
    """“visit-1906-root-lima” for a trip to Peru; “trip-1990-bush-cartagena” for one elsewhere."""
    year = record["start_date"][:4]
    traveler = record["traveler_id"].split("-")[0]
    places = [place.strip() for place in (record["locale"] or record["country"]).split(",")]
    if record["relation"] == "trip_to_peru":
        place = "lima" if "Lima" in places else slugify(places[0])
        return f"visit-{year}-{traveler}-{place}"
    return f"trip-{year}-{traveler}-{slugify(places[0])}"


VISITOR_TITLES = re.compile(r"^(President-elect|President|Prime Minister)\s+")


def visit_slug(record):
    """“visit-us-1984-09-25-fernando-belaunde-terry”: the day the visit began and who came."""
    return f"visit-us-{record['start_date']}-{slugify(VISITOR_TITLES.sub('', record['visitor']))}"


# The country guide's events that are events of the relations, with the slugs others cite.
# rdcr-pe-02 is the guide's other date for the establishment of relations; rdcr-pe-07 to -09
# are facts of Thornton's and Pickett's appointments, cited there; rdcr-pe-03 (Peru's United
# Nations membership) is not an event of the relations.
RDCR_EVENTS = {
    "rdcr-pe-01": {
        "slug": "peru-proclaims-independence",
        "title": "Peruvian independence proclaimed",
        "category": Event.Category.POLITICAL,
        "summary": "Peruvian independence was proclaimed in {date} under General San Martin.",
    },
    "rdcr-pe-04": {
        "slug": "us-recognizes-peru-independence",
        "title": "The United States recognizes the independence of Peru",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The United States recognized the independence of Peru by appointing James Cooley "
            "chargé d’affaires on {date}."
        ),
        "pocom": ("pe-1826-cool-01", "appointed"),
    },
    "rdcr-pe-05": {
        "slug": "peru-joins-peru-bolivian-confederation",
        "title": "Peru joins the Peru-Bolivian Confederation",
        "category": Event.Category.POLITICAL,
        "summary": (
            "Following its independence from Spain, Peru joined the Peru-Bolivian Confederation in {date}."
        ),
    },
    "rdcr-pe-06": {
        "slug": "us-recognizes-peru-bolivian-confederation",
        "title": "The United States recognizes the Peru-Bolivian Confederation",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The United States recognized the Peru-Bolivian Confederation on {date}. James B. "
            "Thornton, commissioned as chargé d’affaires to Peru, was received by the Confederation."
        ),
        "missions": ["confederation"],
        "heading_disputes": True,
        "received": "received by the Peru-Bolivian Confederation",
        "context": ["rdcr-pe-05"],
        "pocom": ("pe-1836-thor-01", "credentials_presented"),
        "editorial_note": (
            "The country guide's heading dates this recognition to 1838; the text under it says "
            "16 March 1837, the date the register of chiefs of mission gives for Thornton's "
            "official recognition. The site follows the text and the register."
        ),
    },
    "rdcr-pe-10": {
        "slug": "peru-bolivian-confederation-dissolved",
        "title": "The Peru-Bolivian Confederation is dissolved",
        "category": Event.Category.POLITICAL,
        "summary": (
            "The Peru-Bolivian Confederation was dissolved in {date} and separate U.S.–Peru "
            "diplomatic relations returned. The Office of the Historian attributes to this the "
            "lapse before the new chargé d’affaires, J.C. Pickett, presented his credentials in "
            "January 1840."
        ),
        "envoys": ["pickett-james-chamberlayne"],
        "missions": ["confederation", "legation"],
        "context": ["rdcr-pe-09"],
    },
    "rdcr-pe-11": {
        "slug": "diplomatic-relations-established",
        "title": "Diplomatic relations established",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "Diplomatic relations and the American Legation in Lima were established on {date}, "
            "when James Cooley presented his credentials as chargé d’affaires."
        ),
        "missions": ["legation"],
        "disputed_by": "rdcr-pe-02",
        "pocom": ("pe-1826-cool-01", "credentials_presented"),
        "editorial_note": (
            "The Office of the Historian's country guide gives two dates. Its summary says the two "
            "countries “first established diplomatic relations in 1826”; its Diplomatic Relations "
            "section dates them to 21 May 1827, when Cooley presented his credentials, the date the "
            "register of chiefs of mission also gives. 1826 is the year the United States "
            "recognized Peru by appointing Cooley (2 May 1826); the site dates the establishment "
            "of relations to the presentation of his credentials."
        ),
    },
    "rdcr-pe-12": {
        "slug": "peru-legation-in-washington-established",
        "title": "Peru establishes its legation in the United States",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "In {date} the Government of Peru named Joaquin José de Osma its first "
            "Plenipotentiary Minister to the United States."
        ),
        "envoys": ["osma-joaquin-jose-de"],
        "missions": ["peru-legation"],
    },
    "rdcr-pe-13": {
        "slug": "lima-legation-raised-to-embassy",
        "title": "The U.S. Legation in Lima is raised to an embassy",
        "category": Event.Category.DIPLOMATIC,
        "summary": (
            "The Legation at Lima was raised to an embassy on {date}, when Ambassador William E. "
            "Gonzales presented his credentials to the Peruvian Government."
        ),
        "missions": ["legation", "embassy"],
        "pocom": ("pe-1919-gonz-01", "credentials_presented"),
    },
}

# The country guide's words on appointments: (event, appointment, claim the dates differ on).
RDCR_ON_APPOINTMENTS = [
    ("rdcr-pe-06", "pe-1836-thor-01", "appointed"),
    ("rdcr-pe-08", "pe-1838-pick-01", "appointed"),
    ("rdcr-pe-09", "pe-1838-pick-01", ""),
]

# Where the people database (FRUS) gives a date that the site prefers over pocom's.
APPOINTMENT_CORRECTIONS = [
    {
        "appointment": "pe-1955-brig-01",
        "field": "credentials_presented",
        "people_id": "101736",
        # The remark is found by its opening words, which hold the date.
        "remark": "Ambassador to Peru, May 27, 1955",
        "written": "May 27, 1955",
    },
]

# People database remarks that bear out pocom's dates: (people id, remark, appointment).
PEOPLE_CORROBORATIONS = [
    ("113601", "Ambassador to Peru until March 30, 1955", "pe-1948-titt-01"),
]

# Why an appointment holds the dates it does, where the Office's datasets differ;
# each note stands only when the records it speaks of are in the data.
APPOINTMENT_NOTES = [
    {
        "appointment": "pe-1836-thor-01",
        "needs": [("rdcr", "rdcr-pe-06")],
        "text": (
            "The country guide says the United States recognized the Confederation on 16 March "
            "1837 “by the appointment of James B. Thornton”; the register of chiefs of mission has "
            "him appointed on 15 June 1836 and “Officially recognized on” 16 March 1837. The site "
            "keeps the register's appointment date: 16 March 1837 is the day he was officially "
            "received."
        ),
    },
    {
        "appointment": "pe-1838-pick-01",
        "needs": [("rdcr", "rdcr-pe-08")],
        "text": (
            "The country guide says Pickett was appointed on 8 June 1838; the register of chiefs of "
            "mission, which records the dates of commissions, gives 9 June 1838, the date the site "
            "keeps."
        ),
    },
    {
        "appointment": "pe-1955-brig-01",
        "needs": [("people", ("101736", "Ambassador to Peru, May 27, 1955"))],
        "text": (
            "The register of chiefs of mission has Briggs presenting his credentials on 27 March "
            "1955, three days before his predecessor Tittmann left post on 30 March 1955 (a date "
            "FRUS bears out). FRUS has him Ambassador to Peru from May 27, 1955. The site prefers "
            "27 May 1955, taking the register's date for a slip of the month; it has not been "
            "checked against the live register."
        ),
    },
]

# Words kept as the records give them, which a reader (or an editor) might take for slips.
SPELLING_NOTES = {
    ("trip", "947"): (
        "The record says “President Benvenidez”: the President of Peru at the time was Óscar R. "
        "Benavides. The summary keeps the record's spelling."
    ),
    ("visit", "3194"): (
        "“APEP” is the Americas Partnership for Economic Prosperity, not a slip for APEC; the "
        "summary keeps the record's words."
    ),
}

MILESTONES = {
    "blaine": {
        "slug": "war-of-the-pacific",
        "title": "The War of the Pacific between Chile, Peru and Bolivia",
        "date": "1879",
        "end_date": "1883",
        "dated_by": "1879–1883 War of the Pacific",
        "category": Event.Category.CONFLICT,
        "topics": ["security"],
        "summary": (
            "Secretary of State Blaine tried and failed to resolve the 1879–1883 War of the Pacific "
            "between Chile, Peru and Bolivia."
        ),
    },
    "south-atlantic": {
        "slug": "south-atlantic-crisis-peace-initiatives",
        "title": "The United States backs Peruvian and U.N. peace initiatives in the South Atlantic crisis",
        "date": "1982",
        "dated_by": "Anglo-Argentine War of 1982",
        "category": Event.Category.DIPLOMATIC,
        "topics": ["security"],
        "summary": (
            "During the Anglo-Argentine War of 1982, the Reagan administration offered broad "
            "support for peace initiatives undertaken by the Peruvian president and U.N. General "
            "Secretary Javier Pérez de Cuéllar, and pressed the belligerents to draw down their "
            "military engagement."
        ),
    },
    "apec": {
        "slug": "peru-joins-apec",
        "title": "Peru joins Asia Pacific Economic Cooperation (APEC)",
        "date": "1990",
        "end_date": "1999",
        "dated_by": "Over the course of the 1990s",
        "also_quoted": ["The founding members were"],
        "category": Event.Category.TRADE,
        "topics": ["trade"],
        "summary": (
            "Over the course of the 1990s Peru, with Chile, Mexico, Papua New Guinea and Russia, "
            "entered Asia Pacific Economic Cooperation (APEC), the forum of which the United States "
            "was a founding member in 1989."
        ),
        "editorial_note": (
            "Milestones says only that Peru entered APEC “over the course of the 1990s”: the dates "
            "1990–1999 stand for that decade, not for how long it took."
        ),
    },
}
