"""
The pages the site answers when something fails: a plain server error, and "try again
shortly" while the database cannot be reached or is busy.

Neither page touches the database or runs a context processor, so both render when nothing
else works. Django logs the failure itself (logger ``django.request``, with the traceback).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30

# A database that is down, restarting, out of connections, or (SQLite) locked past the wait.
UNAVAILABLE = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """
    Answer an unhandled exception: HTTP 503 with ``Retry-After`` when the database is
    unavailable (the site recovers by itself when it returns), HTTP 500 otherwise.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, UNAVAILABLE):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.get_template(template_name).render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
