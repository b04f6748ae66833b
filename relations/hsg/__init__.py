"""
Importing the Office of the Historian's data on Peru–United States relations from clones
of its public repositories (github.com/HistoryAtState/<name>), kept side by side in one
folder: ``pocom/``, ``rdcr/``, ``travels/``, ``visits/``, ``milestones/``, ``people/``.

Each repository has a reader (``pocom``, ``rdcr``, ...) that selects what concerns Peru
from its XML; ``editorial`` holds the site's decisions about those records as data; the
import steps (``relations.hsg.steps``) make the entries, each fact cited to the record that
states it, with the repository, the file, the record and, for a git clone, the commit.

An ``HsgImport`` reads every file first, so that a malformed one stops the import before
anything changes, then runs the steps in one transaction, recording each change as a
revision. A repository missing from the folder is skipped and its entries left as they
are; an entry an editor changed since it was last loaded, imported or exported is left as
the editor made it (see ``relations.baselines``). A dry run does everything, reports, and
rolls back.
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext

from relations import revisions
from relations.importing import DataError, Importer
from relations.models import Envoy, Mission

from . import editorial, milestones, pocom, rdcr, travels, visits
from . import people as people_reader
from .repository import Repository
from .steps import STEPS
from .steps.base import other_sources_values

REPOSITORIES = ("pocom", "rdcr", "travels", "visits", "milestones", "people")
READERS = {
    "rdcr": rdcr.read,
    "travels": travels.read,
    "visits": visits.read,
    "milestones": milestones.read,
    "people": people_reader.read,
}
COMMENT = "Imported from the Office of the Historian's repositories"


class HsgImport:
    """One import of the repositories in ``directory``."""

    def __init__(self, directory, *, overwrite=False, prune=False):
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise DataError(f"{directory} is not a folder.")
        self.overwrite = overwrite
        self.prune = prune
        self.repositories = {name: Repository.open(self.directory, name) for name in REPOSITORIES}
        if not any(self.repositories.values()):
            raise DataError(
                f"{directory} holds none of the repositories ({', '.join(REPOSITORIES)}): "
                "clone them into it first."
            )
        self.data = {}
        self.importer = None
        # What the steps make, for the steps after them.
        self.sources, self.countries, self.topics = {}, {}, {}
        self.missions, self.envoys, self.appointments = {}, {}, {}
        self.other_envoys = []  # (editorial spec, people record, envoy)
        self.cited_remarks = set()  # (people record, remark) cited on an appointment
        self.other_values = {}  # what other sources give for the entries' claims, by entry
        self.messages = []

    def present(self, *names):
        return all(self.repositories[name] is not None for name in names)

    def read(self):
        """Read every repository present; any malformed file raises DataError here."""
        for name, reader in READERS.items():
            if self.present(name):
                self.data[name] = reader(self.repositories[name])
        if self.present("pocom"):
            more = [editorial.PERSON_WITHOUT_PERU_POST]
            for spec in editorial.OTHER_ENVOYS:
                record = self.data.get("people", {}).get(spec["person"])
                more += record.pocom_ids if record else []
            self.data["pocom"] = pocom.read(self.repositories["pocom"], more_people=more)

    def run(self, *, dry_run=False):
        """Bring the database into line with the data; with ``dry_run``, only report."""
        self.read()
        with transaction.atomic():
            with revisions.recording(gettext(COMMENT)):
                self.importer = Importer(overwrite=self.overwrite)
                self.other_values = other_sources_values()
                for step in STEPS:
                    missing = [name for name in step.needs if not self.present(name)]
                    if missing:
                        self.messages.append(
                            f"{step.__name__}: skipped, {', '.join(missing)} is not in the folder; "
                            "the entries it makes are left as they are."
                        )
                        continue
                    step(self).run()
                if self.prune:
                    self.prune_citations()
                self.importer.finish()
            if dry_run:
                transaction.set_rollback(True)
        return self

    def prune_citations(self):
        """
        Delete the Office's citations this import no longer makes; only a complete import
        knows which those are, so it needs every repository.
        """
        missing = [name for name, repository in self.repositories.items() if repository is None]
        if missing:
            self.messages.append(f"--prune: nothing deleted, {', '.join(missing)} is not in the folder.")
            return
        self.importer.prune(list(self.sources.values()))

    # The shared entries the steps look up -----------------------------------------------------

    def mission(self, slug):
        """The mission ``slug`` this import made, or else the one in the database, or None."""
        if slug not in self.missions:
            found = Mission.objects.filter(pk=slug).first()
            if found is None:
                return None
            self.missions[slug] = found
        return self.missions[slug]

    def envoy(self, slug):
        if slug not in self.envoys:
            found = Envoy.objects.filter(pk=slug).first()
            if found is None:
                return None
            self.envoys[slug] = found
        return self.envoys[slug]

    # The report ----------------------------------------------------------------------------------

    def lines(self, dry_run=False):
        """What the import changed (or would change), repository by repository."""
        verb = gettext("would change") if dry_run else gettext("changed")
        for name in REPOSITORIES:
            repository = self.repositories[name]
            if repository is None:
                yield gettext("%(name)s: not in the folder; skipped, its entries left as they are.") % {
                    "name": name
                }
                continue
            read_at = repository.commit or gettext("no commit known (not a git clone)")
            changes = self.importer.changes.get(name, [])
            summary = gettext("nothing to change") if not changes else f"{len(changes)} {verb}"
            yield f"{name} ({repository.full_name}, {read_at}): {summary}"
            for change in changes:
                for line in change.lines():
                    yield f"  {line}"
        for change in self.importer.changes.get("", []):
            yield from change.lines()
        yield from self.messages
