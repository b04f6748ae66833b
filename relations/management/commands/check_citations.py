from django.core.management.base import BaseCommand, CommandError

from relations import citation_check


class Command(BaseCommand):
    help = (
        "Check every citation of the published record: each quotation against its source's "
        "stored text, each value a citation gives against its own quotation, each date shown "
        "against the quotations that support it. Exits with an error if any check fails."
    )

    def handle(self, *args, **options):
        failures = citation_check.check_all()
        for failure in failures:
            self.stdout.write(str(failure))
        unchecked = citation_check.unchecked_count()
        if unchecked:
            self.stdout.write(
                f"{unchecked} quotation{'s' if unchecked != 1 else ''} of sources with no stored text "
                "could not be checked against the source."
            )
        if failures:
            raise CommandError(f"{len(failures)} citation check{'s' if len(failures) != 1 else ''} failed.")
        self.stdout.write(self.style.SUCCESS("Every citation checked holds."))
