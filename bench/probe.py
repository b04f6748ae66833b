"""
Print, as JSON, the pages the benchmark asks for on the database DATABASE_URL names, and
what each costs: its status, its size in bytes (as it is and compressed), and the queries it
runs when rendered and when served from the page cache.

Run with the site's settings: ``python -m bench.probe``. A detail page is that of the
published entry halfway through its list, so that it has the relations of a typical one.
"""

import gzip
import json
import os
import secrets

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from relations.models import Agreement, Envoy, Event, Mission, Source  # noqa: E402


def halfway(queryset):
    return queryset.order_by("pk")[queryset.count() // 2].get_absolute_url()


def pages():
    """The page of every type, by name."""
    return {
        "home": "/",
        "events": "/events/",
        "envoys": "/envoys/",
        "missions": "/missions/",
        "agreements": "/agreements/",
        "sources": "/sources/",
        "event": halfway(Event.objects.published()),
        "envoy": halfway(Envoy.objects.published()),
        "mission": halfway(Mission.objects.published()),
        "agreement": halfway(Agreement.objects.published()),
        "source": halfway(Source.objects.all()),
        "timeline": "/timeline/",
        "search": "/search/?q=lima",
        # Days and years that the demo data fills at every size.
        "on a day": "/on/1900-06-15/",
        "on a year": "/on/1990/",
    }


def measure(client, path):
    separator = "&" if "?" in path else "?"
    # Counted at once: the queries captured are read from a log that the next request clears.
    with CaptureQueriesContext(connection) as rendered:
        response = client.get(f"{path}{separator}nocache={secrets.token_hex(8)}")
    queries = len(rendered)
    client.get(path)
    with CaptureQueriesContext(connection) as cached:
        client.get(path)
    queries_cached = len(cached)
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(response.content),
        "gzip_bytes": len(gzip.compress(response.content)),
        "queries": queries,
        "queries_cached": queries_cached,
    }


if __name__ == "__main__":
    client = Client()
    print(json.dumps({name: measure(client, path) for name, path in pages().items()}))
