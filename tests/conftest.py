import os
from contextlib import chdir

import pytest
from django.conf import settings
from django.core.management import call_command

# Browser tests drive a live server from the test process; Playwright's own event loop
# would otherwise make Django refuse synchronous database access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The translations compiled from the committed catalogues, as ``make test`` does, where out of date."""
    with chdir(settings.BASE_DIR):
        call_command("compilemessages", ignore_patterns=[".*", "node_modules"], verbosity=0)
