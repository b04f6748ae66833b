"""The importer's own bookkeeping, apart from any repository: queries by model, not by row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.importing import Importer

from .factories import AppointmentFactory, CitationFactory, EnvoyFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_the_citations_not_made_by_an_import_are_found_in_queries_that_do_not_grow_with_them():
    source = SourceFactory(slug="pocom")
    envoy = EnvoyFactory(slug="james-cooley", citation__source=source)

    def queries_for_uncited(appointments):
        for number in range(appointments):
            appointment = AppointmentFactory(envoy=envoy)
            CitationFactory(entry=appointment, source=source, quotation=f"Appointment {number}")
        importer = Importer()
        importer.owned = {("relations.envoy", "james-cooley")}
        with CaptureQueriesContext(connection) as queries:
            uncited = importer.uncited([source])
        return len(uncited), len(queries)

    few, queries_for_few = queries_for_uncited(2)
    many, queries_for_many = queries_for_uncited(4)
    # Every citation of the envoy and of his appointments, in as many queries for six as for two.
    assert (few, many) == (3, 7)
    assert queries_for_many == queries_for_few
