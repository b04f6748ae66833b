"""
The health page for load balancers: whether this server can reach its database and its cache.

HTTP 200 while the database answers, HTTP 503 when it does not. A cache that cannot be
reached is reported but keeps the answer at 200: the site still serves then, uncached, and
taking every server out of the pool for it would turn a slower site into no site.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database cannot be reached.")
        return False


def cache_ok():
    # A key of its own each time, so that two servers checking at once cannot mislead each other.
    key, value = f"health-check:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # Whatever the backend raises, the answer is "not reachable".
        logger.exception("Health check: the cache cannot be reached.")
        return False
    return found == value


@require_safe
@never_cache
def health(request):
    """Report ``{"database": "ok", "cache": "ok"}``, or which of them is unavailable."""
    checks = {"database": database_ok(), "cache": cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if checks["database"] else 503)
