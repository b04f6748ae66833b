"""
What every test module may use: the sample content, built once per module.

Tests that only read the sample content share one copy of it: ``sample_content`` builds it
once for the module, in a transaction rolled back after the module's last test, and each
test runs in a savepoint of its own inside it, so a test that writes leaves the others the
content as built.
"""

import os

import pytest
from django.db import transaction

from . import sample

# Browser tests drive a live server from the test process; Playwright's own event loop
# would otherwise make Django refuse synchronous database access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="module")
def sample_content(django_db_setup, django_db_blocker):
    """The sample content of ``tests.sample``, built once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield sample.build()
        transaction.set_rollback(True)
