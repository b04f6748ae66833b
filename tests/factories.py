"""
factory_boy factories for every model of the record, and for users.

Entries come published and cited by default, as the public sees them: pass
``status=Entry.Status.DRAFT`` (or the ``draft=True`` trait) for a draft, and ``citation=None``
for an entry without its default citation. Countries are the two parties, made once each:
``CountryFactory()`` is the United States, ``CountryFactory(peru=True)`` is Peru.
"""

import datetime

import factory
from django.contrib.auth.models import User
from django.utils.text import slugify

from relations.models import (
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
from relations.partial_dates import PartialDate, PartialDateField

#: The password of every user a factory makes.
PASSWORD = "a-long-test-password"


class ModelFactory(factory.django.DjangoModelFactory):
    """A model factory that takes partial dates as strings too: ``date="1838-06"``."""

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for model_field in cls._meta.model._meta.get_fields():
            value = kwargs.get(model_field.name)
            if isinstance(model_field, PartialDateField) and isinstance(value, str):
                kwargs[model_field.name] = PartialDate.parse(value)
        return kwargs


class CountryFactory(ModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["code"]

    class Params:
        peru = factory.Trait(code="pe", name="Peru", name_es="Perú", iso_code="PE")

    code = "us"
    name = "United States"
    name_es = "Estados Unidos"
    iso_code = "US"


class TopicFactory(ModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))
    description = ""


class SourceFactory(ModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Source number {n}")
    slug = factory.LazyAttribute(lambda source: slugify(source.title))
    author = "Office of the Historian"
    publisher = "U.S. Department of State"
    kind = Source.Kind.WEB_PAGE
    url = factory.LazyAttribute(lambda source: f"https://example.org/{source.slug}")
    published_on = PartialDate(2020, 5)
    accessed_on = datetime.date(2025, 1, 15)
    language = "en"


class CitationFactory(ModelFactory):
    """A citation of ``entry`` (any entry type, or an appointment); give ``entry=...``."""

    class Meta:
        model = Citation

    source = factory.SubFactory(SourceFactory)
    locator = factory.Sequence(lambda n: f"paragraph {n}")
    quotation = "The words of the source that support the entry."
    claim = ""
    value = ""


class EntryFactory(ModelFactory):
    """What every entry type's factory has: published, with one citation of the whole entry."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = Entry.Status.PUBLISHED
    citation = factory.RelatedFactory(CitationFactory, factory_related_name="entry")

    class Params:
        draft = factory.Trait(status=Entry.Status.DRAFT)


class EventFactory(EntryFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event number {n}")
    slug = factory.LazyAttribute(lambda event: slugify(event.title))
    date = PartialDate(1900)
    category = Event.Category.DIPLOMATIC
    summary = factory.LazyAttribute(lambda event: f"What happened in {event.title}.")

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def envoys(self, create, extracted, **kwargs):
        if create and extracted:
            self.envoys.set(extracted)

    @factory.post_generation
    def missions(self, create, extracted, **kwargs):
        if create and extracted:
            self.missions.set(extracted)

    @factory.post_generation
    def agreements(self, create, extracted, **kwargs):
        if create and extracted:
            self.agreements.set(extracted)


class EnvoyFactory(EntryFactory):
    class Meta:
        model = Envoy

    name = factory.Sequence(lambda n: f"Envoy Number{n}")
    sort_name = factory.LazyAttribute(lambda envoy: ", ".join(reversed(envoy.name.rsplit(" ", 1))))
    slug = factory.LazyAttribute(lambda envoy: slugify(envoy.name))
    sending_country = factory.SubFactory(CountryFactory)
    birth_year = 1800
    death_year = 1870
    career_status = Envoy.CareerStatus.PRE_1915


class MissionFactory(EntryFactory):
    class Meta:
        model = Mission

    name = factory.Sequence(lambda n: f"Legation number {n}")
    slug = factory.LazyAttribute(lambda mission: slugify(mission.name))
    kind = Mission.Kind.LEGATION
    sending_country = factory.SubFactory(CountryFactory)
    host_country = factory.SubFactory(CountryFactory, peru=True)
    city = "Lima"
    opened = PartialDate(1827, 5, 21)
    closed = None


class AppointmentFactory(ModelFactory):
    class Meta:
        model = Appointment

    envoy = factory.SubFactory(EnvoyFactory)
    mission = factory.SubFactory(MissionFactory)
    rank = Appointment.Rank.CHARGE
    appointed = PartialDate(1826, 5, 2)
    credentials_presented = PartialDate(1827, 5, 21)
    ended = PartialDate(1828, 2, 24)


class AgreementFactory(EntryFactory):
    class Meta:
        model = Agreement

    title = factory.Sequence(lambda n: f"Agreement number {n}")
    slug = factory.LazyAttribute(lambda agreement: slugify(agreement.title))
    kind = Agreement.Kind.TREATY
    signed = PartialDate(1851, 7, 26)
    agreement_status = Agreement.AgreementStatus.IN_FORCE
    summary = factory.LazyAttribute(lambda agreement: f"What {agreement.title} provides.")

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            self.parties.set(
                extracted if extracted is not None else [CountryFactory(), CountryFactory(peru=True)]
            )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class RatificationFactory(ModelFactory):
    class Meta:
        model = Ratification

    agreement = factory.SubFactory(AgreementFactory)
    country = factory.SubFactory(CountryFactory, peru=True)
    date = PartialDate(1852)
    body = "the Peruvian Congress"


class UserFactory(factory.django.DjangoModelFactory):
    """A user who logs in with the password ``PASSWORD``."""

    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)
