from django.core.management.base import BaseCommand

from relations import fixtures


class Command(BaseCommand):
    help = (
        "Write the database's content to fixtures/ in the format load_initial_data reads. What "
        "is exported becomes the content: later loads treat it as what was last loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="Write here instead of fixtures/.")

    def handle(self, *args, directory=None, **options):
        changed = fixtures.export(directory)
        for path in changed:
            self.stdout.write(f"wrote {path.name}")
        if not changed:
            self.stdout.write(self.style.SUCCESS("Every fixture file already matches the database."))
