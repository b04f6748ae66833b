from django.core.management.base import BaseCommand, CommandError

from relations import fixtures


class Command(BaseCommand):
    help = (
        "Load the site's content from fixtures/ into the database: creates what is new and "
        "updates what changed, but leaves every entry an editor changed since it was last "
        "loaded as the editor made it, and says so (--overwrite replaces those too). Changes "
        "nothing at all if any file or object is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", help="Fixture files to load (default: every file in fixtures/)."
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace entries edited since they were last loaded, and list what was discarded.",
        )

    def handle(self, *args, files=(), overwrite=False, **options):
        try:
            report = fixtures.load(files or None, overwrite=overwrite)
        except fixtures.FixtureError as error:
            raise CommandError(f"{error}\nNothing was changed.") from error
        for line in report.lines():
            self.stdout.write(line)
        for line in report.edit_lines():
            self.stdout.write(self.style.WARNING(line))
        if report.kept:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.kept)} edited entr{'y was' if len(report.kept) == 1 else 'ies were'} "
                    "left as the editors made them; run with --overwrite to replace them with the "
                    "fixtures, or export_fixtures to keep them."
                )
            )
        elif report.changed:
            self.stdout.write(self.style.SUCCESS("The database now matches the fixtures."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Nothing to change: the database already matches the fixtures.")
            )
