"""Demonstration data: a valid, cited, related record of the size asked, the same for a seed."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from relations import caching, demo_data
from relations.models import (
    Agreement,
    Appointment,
    Citation,
    Entry,
    Envoy,
    Event,
    Mission,
    Ratification,
    Source,
)
from relations.partial_dates import PRECISIONS

from .factories import EventFactory

pytestmark = pytest.mark.django_db

SMALL = {"events": 200, "envoys": 16, "missions": 10, "agreements": 30, "sources": 4}
ENTRY_MODELS = [Event, Envoy, Mission, Agreement]


@pytest.fixture
def record():
    call_command(
        "generate_demo_data", *[f"--{kind}={count}" for kind, count in SMALL.items()], stdout=StringIO()
    )


def snapshot():
    """Every row of the record, without the ids the database numbers itself."""
    rows = {}
    for model in caching.content_models():
        models = [model, *(field.remote_field.through for field in model._meta.local_many_to_many)]
        for table in models:
            values = [
                tuple(sorted((name, str(value)) for name, value in row.items() if name != "id"))
                for row in table._base_manager.values()
            ]
            rows[table._meta.db_table] = sorted(values)
    return rows


def test_it_makes_the_number_of_entries_asked(record):
    assert Event.objects.count() == 200
    assert Envoy.objects.count() == 16
    assert Mission.objects.count() == 10
    assert Agreement.objects.count() == 30
    assert Source.objects.count() == 4
    assert Appointment.objects.filter(envoy__isnull=False).count() >= 16


def test_every_row_is_valid(record):
    for model in [*ENTRY_MODELS, Appointment, Source, Ratification, Citation]:
        for obj in model._base_manager.all():
            obj.full_clean()


def test_every_published_entry_is_cited_and_some_entries_are_drafts(record):
    for model in ENTRY_MODELS:
        assert not model.objects.published().filter(citations__isnull=True).exists(), model
    assert Appointment.objects.filter(citations__isnull=False).exists()
    assert Event.objects.filter(status=Entry.Status.DRAFT).exists()


def test_dates_come_to_every_precision_and_spans(record):
    precisions = Counter(event.date.precision for event in Event.objects.all())
    assert set(precisions) == set(PRECISIONS)
    assert Event.objects.filter(end_date__isnull=False).exists()
    assert Mission.objects.filter(closed__isnull=False).exists()


def test_entries_are_related_to_each_other(record):
    assert Event.envoys.through.objects.exists()
    assert Event.missions.through.objects.exists()
    assert Event.agreements.through.objects.exists()
    assert Event.topics.through.objects.exists()
    assert Mission.objects.filter(predecessor__isnull=False).exists()
    assert Agreement.objects.filter(amends__isnull=False).exists()
    assert Ratification.objects.exists()


def test_some_dates_are_derived_each_with_its_basis_and_no_source_for_it(record):
    derived = [event for event in Event.objects.all() if event.date.is_derived]
    assert derived
    for event in derived:
        assert event.editorial_note
        assert not event.citations.filter(claim="date").exists()


def test_some_sources_differ_on_a_date(record):
    values = {}
    for citation in Citation.objects.filter(claim="date"):
        values.setdefault(citation.object_id, set()).add(citation.value)
    differing = [slug for slug, given in values.items() if len(given) > 1]
    assert differing
    assert all(Event.objects.get(pk=slug).editorial_note for slug in differing)


def test_the_same_seed_makes_the_same_record():
    made = []
    for seed in [7, 7, 8]:
        with transaction.atomic():
            demo_data.generate(demo_data.Counts(**SMALL), seed)
            made.append(snapshot())
            transaction.set_rollback(True)
    assert made[0] == made[1]
    assert made[0] != made[2]


def test_every_time_is_the_generators_not_the_clocks(record):
    """The clock would make two runs with one seed differ whenever a second passed between them."""
    for model in ENTRY_MODELS:
        for entry in model._base_manager.all():
            assert entry.last_changed == entry.created, entry


def test_a_database_with_content_is_refused_and_left_as_it_was():
    EventFactory(title="The United States recognizes Peru")
    with pytest.raises(CommandError, match=r"already holds content \(.*1 event"):
        call_command("generate_demo_data", "--events=10", stdout=StringIO())
    assert list(Event.objects.values_list("title", flat=True)) == ["The United States recognizes Peru"]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--events=-1"], "number of events cannot be negative"),
        (["--missions=1"], "at least 2 missions"),
        (["--sources=0"], "at least 1 source"),
    ],
)
def test_impossible_counts_are_refused_with_the_reason(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_demo_data", *arguments, stdout=StringIO())
    assert not Event.objects.exists()


def test_cached_pages_go_out_of_date():
    before = caching.content_version()
    call_command("generate_demo_data", "--events=5", stdout=StringIO())
    assert caching.content_version() != before


def test_the_query_planner_has_statistics_of_the_record(record):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'relations_event'")
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'relations_event'")
        statistics = cursor.fetchall()
    assert statistics
    assert statistics[0][0] not in {None, -1, 0}
