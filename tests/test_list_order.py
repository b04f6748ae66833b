"""Each list reads its first page in its own order from an index, not by sorting every entry."""

import pytest
from django.db import connection

from relations.models import LISTED_MODELS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", LISTED_MODELS, ids=lambda model: model.__name__)
def test_a_list_reads_its_first_page_without_sorting_the_whole_table(model):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan is read here: PostgreSQL's depends on the statistics of the tables.")
    plan = model.objects.listed()[:50].explain()
    # Sorting the entries of one date by title ("RIGHT PART OF ORDER BY") is allowed: it stops
    # when the page is full. Sorting the whole list before the first row is not.
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan
