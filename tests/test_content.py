"""The site's content as the fixtures hold it: complete, cited, and honest about disagreement."""

from collections import defaultdict

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from relations.models import Appointment, Citation, Entry, Envoy, Event, Mission
from relations.partial_dates import PartialDate, PartialDateField


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """The whole fixture content, loaded once for this module and removed afterwards."""
    with django_db_blocker.unblock():
        call_command("load_initial_data", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

ENTRY_MODELS = [m for m in apps.get_app_config("relations").get_models() if issubclass(m, Entry)]


def claims_of(entry):
    values = defaultdict(set)
    for citation in entry.citations.all():
        if citation.claim:
            values[citation.claim].add(citation.value)
    return values


@pytest.mark.parametrize("model", ENTRY_MODELS, ids=lambda m: m.__name__)
def test_every_published_entry_is_cited_with_locator_and_quotation(model):
    for entry in model.objects.published().prefetch_related("citations"):
        citations = list(entry.citations.all())
        assert citations, f"{entry.pk} has no citation"
        for citation in citations:
            assert citation.locator.strip() and citation.quotation.strip(), f"{entry.pk}: {citation}"


def test_every_appointment_is_cited():
    assert not Appointment.objects.filter(citations__isnull=True).exists()


def test_every_citation_points_at_an_entry_and_a_source():
    for citation in Citation.objects.prefetch_related("entry").select_related("source"):
        assert citation.entry is not None, citation
        assert citation.source.title


def test_every_object_passes_validation_and_every_date_is_a_partial_date():
    for model in apps.get_app_config("relations").get_models():
        date_fields = [f for f in model._meta.concrete_fields if isinstance(f, PartialDateField)]
        for instance in model.objects.all():
            instance.full_clean()
            for field in date_fields:
                value = getattr(instance, field.name)
                assert value is None or isinstance(value, PartialDate)
    # And in the database itself, every stored date is written to its precision.
    with connection.cursor() as cursor:
        cursor.execute("SELECT date, end_date FROM relations_event")
        for row in cursor.fetchall():
            for value in row:
                if value is not None:
                    assert PartialDate.parse(value).isoformat() == value


def test_the_fifty_six_us_chiefs_of_mission_and_three_nominees():
    pocom = Appointment.objects.filter(envoy__sending_country="us", slug__startswith="pe-")
    assert pocom.filter(is_nominee_only=False).count() == 56
    assert pocom.filter(is_nominee_only=True).count() == 3
    assert pocom.values("envoy").distinct().count() == 58
    assert Envoy.objects.get(pk="clay-john-randolph").appointments.count() == 2


def test_cooley_first_chief_of_mission_with_honest_dates():
    cooley = Appointment.objects.get(pk="pe-1826-cool-01")
    assert cooley.appointed.isoformat() == "1826-05-02"
    assert cooley.credentials_presented.isoformat() == "1827-05-21"
    assert cooley.mission_id == "us-legation-lima"


def test_month_only_dates_stay_month_only():
    brayshaw = Appointment.objects.get(envoy__name__startswith="Charles H. Brayshaw")
    assert {brayshaw.credentials_presented.precision, brayshaw.ended.precision} == {"month"}


def test_legation_became_the_embassy_on_24_april_1920():
    embassy = Mission.objects.get(pk="us-embassy-lima")
    assert embassy.predecessor_id == "us-legation-lima"
    assert embassy.opened.isoformat() == "1920-04-24"
    assert Mission.objects.get(pk="us-legation-lima").closed.isoformat() == "1920-04-24"


def test_relations_established_1826_or_1827_is_shown_as_a_disagreement():
    event = Event.objects.get(pk="diplomatic-relations-established")
    assert event.date.isoformat() == "1827-05-21"
    assert len(claims_of(event)["date"]) >= 2
    assert event.editorial_note


def test_briggs_credentials_disagreement_is_recorded():
    briggs = Appointment.objects.get(pk="pe-1955-brig-01")
    assert len(claims_of(briggs)["credentials_presented"]) == 2
    assert briggs.editorial_note


# (model, entry slug, claim) where the sources cited give different values.
DISAGREEMENTS = [
    ("event", "diplomatic-relations-established", "date"),
    ("event", "lima-legation-raised-to-embassy", "date"),
    ("event", "lima-legation-raised-to-embassy", "summary"),
    ("mission", "us-embassy-lima", "opened"),
    ("mission", "us-consular-agency-cusco", "kind"),
    ("agreement", "us-peru-trade-promotion-agreement", "in_force"),
    ("agreement", "us-peru-trade-promotion-agreement", "agreement_status"),
    ("agreement", "andean-trade-preference-act", "ended"),
    ("event", "us-reaction-to-1962-coup", "summary"),
    ("event", "cusco-consulate-assists-american-backpackers", "date"),
    ("event", "peruvian-opinion-of-the-us-2017", "summary"),
    ("appointment", "pe-1836-thor-01", "appointed"),
    ("appointment", "pe-1838-pick-01", "appointed"),
    ("appointment", "pe-1955-brig-01", "credentials_presented"),
    ("event", "visit-us-1984-09-25-fernando-belaunde-terry", "date"),
    ("event", "war-of-the-pacific", "end_date"),
]


@pytest.mark.parametrize(("model", "slug", "claim"), DISAGREEMENTS)
def test_sources_disagreements_are_recorded_as_differing_cited_values(model, slug, claim):
    entry = apps.get_model("relations", model).objects.get(pk=slug)
    assert len(claims_of(entry)[claim]) >= 2, claims_of(entry)
    assert entry.editorial_note, f"{slug} does not say why its value was preferred"


def test_trade_promotion_agreement_dates_as_the_sources_give_them():
    from relations.models import Agreement

    ptpa = Agreement.objects.get(pk="us-peru-trade-promotion-agreement")
    assert (ptpa.signed.isoformat(), ptpa.in_force.isoformat()) == ("2006-04", "2009")
    assert {(r.country_id, r.date.isoformat()) for r in ptpa.ratifications.all()} == {
        ("pe", "2006-06"),
        ("us", "2007-12"),
    }


def test_both_countries_envoys_and_missions():
    assert Envoy.objects.filter(sending_country="pe").exists()
    assert Envoy.objects.get(pk="osma-joaquin-jose-de").appointments.get().appointed.isoformat() == "1846-12"
    assert Mission.objects.filter(sending_country="pe", kind="consulate-general").count() >= 5
    assert Mission.objects.get(pk="peru-embassy-washington").address
    assert Envoy.objects.filter(pk="meza-cuadra-velasquez-gustavo", sending_country="pe").exists()
