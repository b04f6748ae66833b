from django.core.management.base import BaseCommand, CommandError

from relations.hsg import HsgImport
from relations.importing import DataError


class Command(BaseCommand):
    help = (
        "Import the Office of the Historian's data on Peru from clones of its repositories in "
        "DIRECTORY (pocom, rdcr, travels, visits, milestones, people). Entries editors changed "
        "since the last load, import or export are left as they are and reported; nothing "
        "changes if any file is malformed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The folder that holds the clones, one folder per repository.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what the import would create and change, repository by repository; change nothing.",
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Delete the Office's citations the import no longer makes, on entries nobody edited.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace what editors changed too, and list what was discarded.",
        )

    def handle(self, *args, directory, dry_run=False, overwrite=False, prune=False, **options):
        try:
            run = HsgImport(directory, overwrite=overwrite, prune=prune).run(dry_run=dry_run)
        except DataError as error:
            raise CommandError(f"{error}\nNothing was changed.") from error
        for line in run.lines(dry_run=dry_run):
            self.stdout.write(line)
        report = run.importer.report
        for line in report.edit_lines():
            self.stdout.write(self.style.WARNING(line))
        for citation in run.importer.uncited(list(run.sources.values())):
            self.stdout.write(
                self.style.WARNING(
                    f"Not in the data (left as it is): citation {citation.position} of "
                    f"{citation.content_type.model} “{citation.object_id}”, {citation.locator} "
                    "(--prune deletes it)"
                )
            )
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing was changed."))
        elif report.changed:
            self.stdout.write(self.style.SUCCESS("The database now says what the data say."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Nothing to change: the database already says what the data say.")
            )
