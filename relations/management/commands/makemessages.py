"""
Django's ``makemessages``, with the defaults of this project's catalogue.

``python manage.py makemessages -l es`` collects the project's own strings only (not the
virtual environment's, the installed JavaScript's, the collected static files' or the test
suite's), notes each string's file without its line number (so that an edit elsewhere in a
file leaves the catalogue as it is) and drops strings the code no longer has. Options given
on the command line are added to these.
"""

from django.core.management.commands import makemessages

NOT_THE_PROJECTS_OWN = [".venv", "node_modules", "staticfiles", "tests"]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_THE_PROJECTS_OWN]
        options["add_location"] = options.get("add_location") or "file"
        options["no_obsolete"] = True
        super().handle(*args, **options)
