"""
The making of an invented record: each entry type's rows, chosen by one seeded random
generator in a fixed order, and written in bulk a chunk at a time.
"""

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from ..models import (
    CITED_MODELS,
    Agreement,
    Appointment,
    Citation,
    Country,
    Entry,
    Envoy,
    Event,
    Mission,
    Ratification,
    Source,
    Topic,
)
from ..partial_dates import PartialDate
from . import words

FIRST_YEAR, LAST_YEAR = 1826, 2025
DRAFT_SHARE = 0.04
DERIVED_SHARE = 0.03
# Entries written per bulk insert: enough to be fast, few enough to keep memory flat.
CHUNK = 5000
COUNTRIES = [
    Country(code="us", name="United States", name_es="Estados Unidos", iso_code="US"),
    Country(code="pe", name="Peru", name_es="Perú", iso_code="PE"),
]


class Generator:
    def __init__(self, counts, seed):
        self.counts = counts
        self.rng = random.Random(seed)
        self.made = Counter()
        self.taken, self.last_number = set(), {}
        self.date_shapes, self.date_weights = zip(*words.DATE_SHAPES, strict=True)
        self.moment = datetime(2025, 1, 1, tzinfo=UTC)
        self.content_types = {
            model: content_type.pk
            for model, content_type in ContentType.objects.get_for_models(*CITED_MODELS).items()
        }
        self.citations = []
        self.source_slugs, self.mission_slugs, self.envoy_slugs, self.agreement_slugs = [], [], [], []
        self.missions_of = {"us": [], "pe": []}

    def run(self):
        self.insert(Country, COUNTRIES)
        self.insert(Topic, [Topic(slug=slugify(name), name=name) for name in words.TOPICS])
        self.topic_slugs = [slugify(name) for name in words.TOPICS]
        # In this order, so that each type can relate to the ones made before it.
        for kind in ["source", "mission", "envoy", "agreement", "event"]:
            make, count = getattr(self, f"make_{kind}"), getattr(self.counts, f"{kind}s")
            for start in range(0, count, CHUNK):
                rows = [make(number) for number in range(start, min(count, start + CHUNK))]
                self.write(rows)
        return self.made

    # Writing

    def insert(self, model, objects):
        if objects:
            model.objects.bulk_create(objects)
            self.made[model._meta.label_lower] += len(objects)

    def write(self, rows):
        """Insert a chunk of rows, each a list of (model, object), entries before their parts."""
        by_model = {}
        for row in rows:
            for model, obj in row:
                by_model.setdefault(model, []).append(obj)
        for model, objects in by_model.items():
            self.insert(model, objects)
        self.insert(Citation, self.citations)
        self.citations = []

    # Choosing

    def chance(self, share):
        return self.rng.random() < share

    def date(self, year):
        return self.rng.choices(self.date_shapes, self.date_weights)[0](self.rng, year)

    def year(self, earliest=FIRST_YEAR, latest=LAST_YEAR):
        return self.rng.randint(earliest, max(earliest, latest))

    def slug(self, text):
        """A slug made from ``text`` that no entry has yet: the text's, or it numbered."""
        base = slugify(text)[:100] or "entry"
        # Each base remembers its last number, so that a common title is not counted up anew.
        number = self.last_number.get(base, 0)
        slug = base
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.last_number[base] = number
        self.taken.add(slug)
        return slug

    def some(self, choices, most):
        return self.rng.sample(choices, min(len(choices), self.rng.randint(0, most)))

    def related(self, model, name, slug, others):
        """The rows that relate the ``model`` entry ``slug`` to ``others`` by its field ``name``."""
        field = model._meta.get_field(name)
        through = field.remote_field.through
        own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        return [(through, through(**{own: slug, other: pk})) for pk in others]

    def entry_fields(self):
        """What every entry has: a state and timestamps, later for each entry made."""
        self.moment += timedelta(seconds=self.rng.randint(1, 600))
        status = Entry.Status.DRAFT if self.chance(DRAFT_SHARE) else Entry.Status.PUBLISHED
        # The last change dated too, not left to the clock: the same seed, the same record.
        return {"status": status, "created": self.moment, "updated": self.moment, "last_changed": self.moment}

    def cite(self, model, slug, status, words, claims=()):
        """
        Cite an entry in the source's ``words``: once as a whole, and once for each
        (claim, date) of ``claims``. A published entry always has a citation; a draft has
        one half the time.
        """
        if status == Entry.Status.DRAFT and self.chance(0.5):
            return
        # Like the real record, a claim only some of the time has a citation of its own;
        # a claim on which sources differ always has one from each.
        claims = claims if len(claims) > 1 or self.chance(0.6) else []
        for position, (claim, value) in enumerate([("", ""), *claims], start=1):
            self.citations.append(
                Citation(
                    content_type_id=self.content_types[model],
                    object_id=slug,
                    position=position,
                    source_id=self.rng.choice(self.source_slugs),
                    locator=f"p. {self.rng.randint(1, 900)}",
                    quotation=f"{words}, on {PartialDate.parse(value)}." if value else f"{words}.",
                    claim=claim,
                    value=value,
                )
            )

    # The entry types

    def make_source(self, number):
        series = self.rng.choice(words.SOURCE_SERIES)
        title = f"{series}, volume {number + 1}"
        slug = self.slug(title)
        self.source_slugs.append(slug)
        source = Source(
            slug=slug,
            title=title,
            author="",
            publisher="Demonstration data",
            kind=self.rng.choice(Source.Kind.values),
            url=f"https://example.org/demonstration/{slug}",
            published_on=self.date(self.year(1900)),
            language=self.rng.choice(["en", "en", "es"]),
            description="Invented for demonstrations and benchmarks: it states nothing real.",
            created=self.moment,
            updated=self.moment,
        )
        return [(Source, source)]

    def make_mission(self, number):
        sending = "us" if number % 2 == 0 else "pe"
        host = "pe" if sending == "us" else "us"
        kind = self.rng.choice(Mission.Kind.values)
        city = self.rng.choice(words.CITIES[host])
        label = str(Mission.Kind(kind).label)
        name = f"U.S. {label.title()} in {city}" if sending == "us" else f"{label.title()} of Peru in {city}"
        slug = self.slug(name)
        opened = self.year(LAST_YEAR - 199, LAST_YEAR - 5)
        earlier = self.missions_of[sending]
        fields = self.entry_fields()
        mission = Mission(
            slug=slug,
            name=name,
            kind=kind,
            sending_country_id=sending,
            host_country_id=host,
            city=city,
            opened=self.date(opened),
            closed=self.date(self.year(opened + 1, opened + 80)) if self.chance(0.3) else None,
            predecessor_id=self.rng.choice(earlier) if earlier and self.chance(0.2) else None,
            summary=f"The {label} of {COUNTRIES[number % 2].name} in {city}.",
            **fields,
        )
        earlier.append(slug)
        self.mission_slugs.append(slug)
        opened_on = [("opened", mission.opened.isoformat())]
        self.cite(Mission, slug, fields["status"], f"{name} opened", opened_on)
        return [(Mission, mission)]

    def make_envoy(self, number):
        sending, sent_by = ("us", "the United States") if number % 2 == 0 else ("pe", "Peru")
        first = self.rng.choice(words.FIRST_NAMES[sending])
        last = self.rng.choice(words.LAST_NAMES[sending])
        name = f"{first} {last}"
        slug = self.slug(name)
        born = self.year(1760, 1975)
        fields = self.entry_fields()
        envoy = Envoy(
            slug=slug,
            name=name,
            sort_name=f"{last}, {first}",
            sending_country_id=sending,
            birth_year=born,
            death_year=min(LAST_YEAR, born + self.rng.randint(40, 95)) if born < 1940 else None,
            career_status=self.rng.choice(Envoy.CareerStatus.values),
            biography=(
                f"{name} served {sent_by} in a long diplomatic career, "
                f"in posts at home and abroad, and wrote of it in letters and a memoir."
            ),
            **fields,
        )
        self.envoy_slugs.append(slug)
        self.cite(Envoy, slug, fields["status"], f"{name}, sent by {sent_by}")
        row = [(Envoy, envoy)]
        appointed = min(LAST_YEAR - 1, max(FIRST_YEAR, born + self.rng.randint(30, 60)))
        for _ in range(self.rng.randint(1, 3)):
            row.append((Appointment, self.appointment(envoy, appointed, fields["status"])))
            appointed += self.rng.randint(2, 8)
            if appointed >= LAST_YEAR:
                break
        return row

    def appointment(self, envoy, year, status):
        # Credentials come the year after the appointment, the end later still.
        ended = year + self.rng.randint(2, 6)
        slug = self.slug(f"{envoy.slug} {year}")
        appointment = Appointment(
            slug=slug,
            envoy_id=envoy.slug,
            mission_id=self.rng.choice(self.missions_of[envoy.sending_country_id]),
            rank=self.rng.choice(Appointment.Rank.values),
            appointed=self.date(year),
            credentials_presented=self.date(year + 1) if self.chance(0.8) else None,
            credentials_note=self.rng.choice(["", "", "Officially recognized on"]),
            ended=self.date(ended) if ended <= LAST_YEAR else None,
            ended_note=self.rng.choice(["Left post on", "Presented recall on", ""]),
            outcome=self.rng.choice(Appointment.Outcome.values),
            created=self.moment,
            updated=self.moment,
        )
        appointed = [("appointed", appointment.appointed.isoformat())]
        self.cite(Appointment, slug, status, f"{envoy.name} was appointed", appointed)
        return appointment

    def make_agreement(self, number):
        subject = self.rng.choice(words.AGREEMENT_SUBJECTS)
        kind, template = self.rng.choice(words.AGREEMENT_TITLES)
        title = template.format(subject=subject)
        slug = self.slug(title)
        signed = self.year(FIRST_YEAR + 20)
        ended = self.year(signed + 2, signed + 60) if self.chance(0.3) else None
        if ended is not None and ended <= LAST_YEAR:
            status = self.rng.choice(["terminated", "superseded", "expired"])
        else:
            ended, status = None, self.rng.choice(["signed", "in-force", "in-force"])
        fields, earlier = self.entry_fields(), self.agreement_slugs
        agreement = Agreement(
            slug=slug,
            title=title,
            short_name="".join(word[0] for word in subject.split() if word[0].isupper())[:8],
            kind=kind,
            signed=self.date(signed),
            place_signed=self.rng.choice(words.CITIES["us"] + words.CITIES["pe"]),
            in_force=self.date(signed + 1) if status != "signed" else None,
            ended=self.date(ended) if ended else None,
            agreement_status=status,
            summary=f"An agreement between Peru and the United States on {subject.lower()}.",
            amends_id=self.rng.choice(earlier) if earlier and self.chance(0.1) else None,
            **fields,
        )
        self.agreement_slugs.append(slug)
        signed_on = [("signed", agreement.signed.isoformat())]
        self.cite(Agreement, slug, fields["status"], f"The {title} was signed", signed_on)
        row = [(Agreement, agreement)]
        row += self.related(Agreement, "parties", slug, ["pe", "us"])
        row += self.related(Agreement, "topics", slug, self.some(self.topic_slugs, 2))
        if status != "signed" and self.chance(0.5):
            ratified = self.date(signed + 1)
            row.append((Ratification, Ratification(agreement_id=slug, country_id="pe", date=ratified)))
        return row

    def make_event(self, number):
        category, template = self.rng.choice(words.EVENT_TITLES)
        place = self.rng.choice(words.CITIES["pe"] + words.CITIES["us"])
        year = self.year()
        title = template.format(place=place, year=year, matter=self.rng.choice(words.MATTERS))
        slug = self.slug(title)
        fields = self.entry_fields()
        derived = self.rng.choice(words.DERIVED_DATES) if self.chance(DERIVED_SHARE) else None
        date = f"{year:04d}{derived[0]}" if derived else self.date(year)
        end = self.date(year + self.rng.randint(1, 3)) if self.chance(0.1) and year < LAST_YEAR else None
        event = Event(
            slug=slug,
            title=title,
            date=date,
            end_date=end,
            category=category,
            summary=f"{title}, as the sources record it, and what it meant for the two countries.",
            body="" if self.chance(0.5) else f"What happened in {place} in {year}, told at some length. " * 8,
            **fields,
        )
        claims = [("date", date)]
        if derived:
            # No source states a derived date: the editorial note says how it was reached.
            claims, event.editorial_note = [], derived[1]
        elif self.chance(0.04):
            # Sources that differ on the date: the site prefers the first, and says why.
            claims.append(("date", f"{year + 1:04d}" if year < LAST_YEAR else f"{year - 1:04d}"))
            event.editorial_note = "Sources differ on the year; the site follows the earlier record."
        self.cite(Event, slug, fields["status"], title, claims)
        row = [(Event, event)]
        for name, choices, most in [
            ("topics", self.topic_slugs, 2),
            ("envoys", self.envoy_slugs, 2),
            ("missions", self.mission_slugs, 1),
            ("agreements", self.agreement_slugs, 1),
        ]:
            if self.chance(0.5):
                row += self.related(Event, name, slug, self.some(choices, most))
        return row
