"""
The committed fixtures are what the import gives: on a database loaded from them, importing
the snapshot of the Office of the Historian's repositories (../shared/data/hsg-upstream,
beside the repository) finds nothing to change.

In CI the snapshot must be there; on a user's machine without it the test is skipped.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from relations.hsg import REPOSITORIES

SNAPSHOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "hsg-upstream"


@pytest.fixture(scope="module")
def imported(committed_content, django_db_blocker):
    """The committed fixtures loaded, then the snapshot imported: the import's output."""
    if not SNAPSHOT.is_dir():
        message = f"The snapshot of the Office of the Historian's repositories is not at {SNAPSHOT}."
        if os.environ.get("CI"):
            pytest.fail(f"{message} CI places ../shared beside the repository; it must be there.")
        pytest.skip(f"{message} Put ../shared beside the repository to run this test.")
    with django_db_blocker.unblock():
        out = StringIO()
        call_command("import_hsg", str(SNAPSHOT), stdout=out)
        return out.getvalue()


@pytest.mark.django_db
def test_importing_the_snapshot_into_the_committed_fixtures_changes_nothing(imported):
    for name in REPOSITORIES:
        line = f"{name} (HistoryAtState/{name}, no commit known (not a git clone)): nothing to change"
        assert line in imported
    assert "Nothing to change: the database already says what the data say." in imported
    assert "Not in the data" not in imported
    assert "Edited since the last load" not in imported
