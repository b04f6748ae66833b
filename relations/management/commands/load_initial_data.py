from django.core.management.base import BaseCommand, CommandError

from relations import fixtures


class Command(BaseCommand):
    help = (
        "Load the site's content from fixtures/ into the database: creates what is new, "
        "updates what changed, and changes nothing at all if any file or object is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", help="Fixture files to load (default: every file in fixtures/)."
        )

    def handle(self, *args, files=(), **options):
        try:
            report = fixtures.load(files or None)
        except fixtures.FixtureError as error:
            raise CommandError(f"{error}\nNothing was changed.") from error
        for line in report.lines():
            self.stdout.write(line)
        if report.changed:
            self.stdout.write(self.style.SUCCESS("The database now matches the fixtures."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Nothing to change: the database already matches the fixtures.")
            )
