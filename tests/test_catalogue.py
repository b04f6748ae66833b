"""
The Spanish catalogue: up to date with the code and templates, wholly translated, and valid.

``makemessages`` runs once for the module, on a copy of the project's own files with a copy
of the committed catalogue, so that nothing in the working tree changes.
"""

import shutil
import subprocess
from contextlib import chdir
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from relations.management.commands.makemessages import NOT_THE_PROJECTS_OWN

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"

# What makemessages reads (Python and templates), and the catalogue it merges into.
READ = (".py", ".html", ".txt", ".po")


def keys(catalogue):
    """Each string of ``catalogue`` as makemessages tells them apart: context, singular, plural."""
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalogue}


def not_read(directory, names):
    """What makemessages leaves alone: other projects' code, hidden folders, other kinds of file."""
    return {
        name
        for name in names
        if name in NOT_THE_PROJECTS_OWN
        or name.startswith(".")
        or (Path(directory, name).is_file() and not name.endswith(READ))
    }


@pytest.fixture(scope="module")
def committed():
    return polib.pofile(str(CATALOGUE))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """The catalogue as ``makemessages -l es`` would write it now, made in a copy of the project."""
    copy = tmp_path_factory.mktemp("project") / "project"
    shutil.copytree(settings.BASE_DIR, copy, ignore=not_read)
    with override_settings(LOCALE_PATHS=[copy / "locale"]), chdir(copy):
        call_command("makemessages", locale=["es"], verbosity=0)
    return polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))


def test_the_committed_catalogue_has_every_marked_string_of_the_code_and_templates(committed, regenerated):
    missing = keys(regenerated) - keys(committed)
    assert not missing, f"Run `make messages` and translate these new strings: {sorted(missing, key=str)}"


def test_the_committed_catalogue_has_no_string_the_code_no_longer_marks(committed, regenerated):
    stale = keys(committed) - keys(regenerated)
    assert not stale, f"Run `make messages` to drop strings no longer in the code: {sorted(stale, key=str)}"


def test_every_string_is_translated(committed):
    assert [entry.msgid for entry in committed.untranslated_entries()] == []


def test_no_translation_is_fuzzy(committed):
    assert [entry.msgid for entry in committed.fuzzy_entries()] == []
    assert not committed.metadata_is_fuzzy


def test_every_plural_has_the_spanish_singular_and_plural(committed):
    assert committed.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    plurals = [entry for entry in committed if entry.msgid_plural]
    assert plurals
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
        assert all(entry.msgstr_plural.values()), entry.msgid


def test_msgfmt_finds_nothing_wrong_with_the_catalogue(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file", str(tmp_path / "django.mo"), str(CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
