import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from relations import demo_data


class Command(BaseCommand):
    help = (
        "Fill an empty database with an invented record of the size asked, for benchmarks and "
        "demonstrations: the same for the same seed. It refuses a database that holds content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1000, help="Events to make (default 1000).")
        for kind, (share, least) in demo_data.SHARES.items():
            parser.add_argument(
                f"--{kind}",
                type=int,
                help=f"{kind.capitalize()} to make (default: one for {share} events, at least {least}).",
            )
        parser.add_argument("--seed", type=int, default=0, help="The same seed makes the same record.")

    def handle(self, *args, seed, **options):
        try:
            counts = demo_data.Counts(**{kind: options[kind] for kind in demo_data.Counts.__annotations__})
        except ValueError as error:
            raise CommandError(error) from error
        started = time.perf_counter()
        try:
            made = demo_data.generate(counts, seed)
        except demo_data.DatabaseNotEmpty as error:
            raise CommandError(
                f"The database already holds content ({error}): demonstration data only goes into "
                "an empty database. Point DATABASE_URL at a new one and run migrate first."
            ) from error
        except DatabaseError as error:
            raise CommandError(
                f"{error}\nHas the database been migrated (python manage.py migrate)?"
            ) from error
        for label, count in sorted(made.items()):
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Made in {time.perf_counter() - started:.1f} s."))
