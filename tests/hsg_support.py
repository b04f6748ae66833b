"""
What the tests of ``import_hsg`` share: the excerpt of the Office's repositories
(tests/hsg_excerpt), imported once for a module, and copies of it to change.
"""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command

from relations.models import Appointment, Citation, Envoy, Event, LoadedState, Mission, Source

EXCERPT = Path(__file__).resolve().parent / "hsg_excerpt"
ROWS = [Source, Mission, Envoy, Appointment, Event, Citation, LoadedState]


def run_import(directory, *options):
    out = StringIO()
    call_command("import_hsg", str(directory), *options, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row an import can write, timestamps included."""
    return {model.__name__: serializers.serialize("json", model.objects.order_by("pk")) for model in ROWS}


def citations_of(entry):
    content_type = ContentType.objects.get_for_model(entry)
    return Citation.objects.filter(content_type=content_type, object_id=entry.pk).order_by("position")


def claims(entry, claim):
    return {(citation.source_id, citation.value) for citation in citations_of(entry).filter(claim=claim)}


@pytest.fixture(scope="module")
def first_import(django_db_setup, django_db_blocker):
    """The excerpt imported into an empty database, once for the module; the import's output."""
    with django_db_blocker.unblock():
        output = run_import(EXCERPT)
        yield output
        call_command("flush", interactive=False, verbosity=0)


class Clones(type(Path())):
    """A copy of the excerpt, whose files a test may rewrite."""

    def rewrite(self, path, old, new):
        file = self / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path):
    directory = Clones(tmp_path / "clones")
    shutil.copytree(EXCERPT, directory)
    return directory
