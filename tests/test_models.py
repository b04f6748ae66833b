"""The rules of the record's models: what each refuses, how it names and numbers itself."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from relations.models import (
    Agreement,
    Appointment,
    Citation,
    Country,
    Envoy,
    Event,
    Ratification,
    Source,
)

from .factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    CountryFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def countries():
    return CountryFactory(), CountryFactory(peru=True)


@pytest.fixture
def source():
    return SourceFactory(slug="fact-sheet", title="U.S. Relations With Peru", kind=Source.Kind.FACT_SHEET)


@pytest.fixture
def legation(countries):
    return MissionFactory(slug="us-legation-lima", name="Legation in Lima", draft=True, citation=None)


@pytest.fixture
def envoy(countries):
    return EnvoyFactory(slug="cooley-james", name="James Cooley", draft=True, citation=None)


def draft_event(slug, **fields):
    """A draft event without citations, to cite in a test."""
    return EventFactory(slug=slug, title=slug.upper(), draft=True, citation=None, **fields)


def errors_of(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_event_cannot_end_before_it_starts():
    event = Event(slug="e", title="E", date="1838-06", end_date="1838-05-31", category="visit", summary="s")
    assert errors_of(event) == {"end_date": ["An event cannot end before it starts."]}


def test_event_end_within_a_year_only_start_is_allowed():
    Event(slug="e", title="E", date="1838", end_date="1838-01-02", category="visit", summary="s").full_clean()


def test_event_needs_a_date_category_and_summary():
    assert set(errors_of(Event(slug="e", title="E"))) == {"date", "category", "summary"}


def test_unknown_category_is_refused():
    event = Event(slug="e", title="E", date="1838", category="gossip", summary="s")
    assert "category" in errors_of(event)


def test_appointment_credentials_not_before_appointment(envoy, legation):
    appointment = Appointment(
        slug="pe-1826-cool-01",
        envoy=envoy,
        mission=legation,
        rank="charge-d-affaires",
        appointed="1826-05-02",
        credentials_presented="1826-04",
    )
    assert errors_of(appointment) == {
        "credentials_presented": ["Credentials cannot be presented before the appointment."]
    }


def test_appointment_mission_not_ended_before_credentials(envoy, legation):
    appointment = Appointment(
        slug="a",
        envoy=envoy,
        mission=legation,
        rank="charge-d-affaires",
        appointed="1826",
        credentials_presented="1827-05-21",
        ended="1827-01",
    )
    assert "ended" in errors_of(appointment)


def test_appointment_slug_is_made_from_envoy_and_year(envoy, legation):
    first = AppointmentFactory(envoy=envoy, mission=legation, appointed="1826-05-02")
    second = AppointmentFactory(envoy=envoy, mission=legation, appointed="1826", credentials_presented=None)
    assert (first.slug, second.slug) == ("cooley-james-1826", "cooley-james-1826-2")


def test_envoy_cannot_die_before_birth(countries):
    envoy = Envoy(
        slug="x", name="X", sort_name="X", sending_country=countries[0], birth_year=1900, death_year=1850
    )
    assert errors_of(envoy) == {"death_year": ["A person cannot die before being born."]}


def test_mission_cannot_close_before_it_opens(legation):
    legation.opened, legation.closed = "1920-04-24", "1919"
    assert errors_of(legation) == {"closed": ["A mission cannot close before it opens."]}


def test_mission_cannot_grow_from_itself(legation):
    legation.predecessor = legation
    assert "predecessor" in errors_of(legation)


def test_agreement_dates_follow_each_other():
    agreement = Agreement(
        slug="ptpa",
        title="Trade Promotion Agreement",
        kind="trade-agreement",
        agreement_status="in-force",
        signed="2006-04",
        in_force="2005",
    )
    assert errors_of(agreement) == {"in_force": ["An agreement cannot enter into force before it is signed."]}


def test_ratification_not_before_signature(countries):
    agreement = AgreementFactory(slug="ptpa", title="PTPA", signed="2006-04", draft=True, citation=None)
    ratification = Ratification(agreement=agreement, country=countries[1], date="2006-03")
    assert "date" in errors_of(ratification)
    Ratification(agreement=agreement, country=countries[1], date="2006-06").full_clean()


def test_historical_state_cannot_end_before_it_began():
    state = Country(
        code="pe-bo",
        name="Peru-Bolivian Confederation",
        name_es="Confederación",
        existed_from=1839,
        existed_to=1836,
    )
    assert "existed_to" in errors_of(state)


def test_published_is_the_one_definition_of_public(source):
    draft_event("d")
    EventFactory(slug="p", citation=None)
    assert list(Event.objects.published().values_list("slug", flat=True)) == ["p"]


def test_citations_number_themselves_in_order(source):
    event = draft_event("e")
    first, second = CitationFactory(entry=event, source=source), CitationFactory(entry=event, source=source)
    assert (first.position, second.position) == (1, 2)
    assert list(event.citations.all()) == [first, second]
    assert Citation.objects.get_by_natural_key("relations", "event", "e", 2) == second
    assert second.natural_key() == ("relations", "event", "e", 2)


def test_citation_claim_must_be_a_field_of_the_entry(source):
    event = draft_event("e")
    citation = Citation(
        content_type=ContentType.objects.get_for_model(event),
        object_id="e",
        position=1,
        source=source,
        locator="p. 1",
        quotation="q",
        claim="colour",
        value="red",
    )
    assert "“colour” is not a field of event" in errors_of(citation)["claim"][0]
    citation.claim = "date"
    citation.full_clean()


def test_citation_value_needs_a_claim(source):
    event = draft_event("e")
    citation = Citation(
        content_type=ContentType.objects.get_for_model(event),
        object_id="e",
        position=1,
        source=source,
        locator="p. 1",
        quotation="q",
        value="1827",
    )
    assert errors_of(citation) == {"claim": ["Say which claim the value given is for."]}


def test_citation_of_a_missing_entry_is_refused(source):
    citation = Citation(
        content_type=ContentType.objects.get_for_model(Event),
        object_id="nowhere",
        position=1,
        source=source,
        locator="p. 1",
        quotation="q",
    )
    assert "does not exist" in errors_of(citation)["__all__"][0]


def test_citation_needs_locator_and_quotation(source):
    event = draft_event("e")
    citation = Citation(
        content_type=ContentType.objects.get_for_model(event), object_id="e", position=1, source=source
    )
    assert set(errors_of(citation)) == {"locator", "quotation"}


def test_slugs_are_stable_urls(source, envoy, legation):
    event = draft_event("relations-established")
    assert event.get_absolute_url() == "/events/relations-established/"
    assert envoy.get_absolute_url() == "/envoys/cooley-james/"
    assert legation.get_absolute_url() == "/missions/us-legation-lima/"
    assert source.get_absolute_url() == "/sources/fact-sheet/"
