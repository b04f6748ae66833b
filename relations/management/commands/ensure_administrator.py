import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the site's first administrator from DJANGO_SUPERUSER_USERNAME, "
        "DJANGO_SUPERUSER_PASSWORD and DJANGO_SUPERUSER_EMAIL, unless that account exists."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        if not username:
            raise CommandError("Set DJANGO_SUPERUSER_USERNAME (and _PASSWORD, _EMAIL) first.")
        if not os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            raise CommandError(f"Set DJANGO_SUPERUSER_PASSWORD for the account “{username}”.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The account “{username}” already exists; it was left as it is.")
            return
        call_command("createsuperuser", interactive=False, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Created the administrator account “{username}”."))
