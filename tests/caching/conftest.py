"""What the page cache's tests share: a cache of their own, an entry, and views of their own."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches

from ..factories import EventFactory
from . import urls


def own_cache(settings, *aliases):
    """
    Give the caches ``aliases`` (off in the other tests) an empty memory cache each, of their
    own; yield the first.
    """
    settings.CACHES = {
        **settings.CACHES,
        **{
            alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"{alias}-tests"}
            for alias in aliases
        },
    }
    own = [caches[alias] for alias in aliases]
    for cache in own:
        cache.clear()
    yield own[0]
    for cache in own:
        cache.clear()


@pytest.fixture
def page_cache(settings):
    """
    The page cache, each process's copies of its pages (``recent_pages``) and the figures'
    shared cache (``shared_figures``), as on a site.
    """
    yield from own_cache(settings, "pages", "recent-pages", "figures")


@pytest.fixture
def recent_pages(page_cache):
    return caches["recent-pages"]


@pytest.fixture
def shared_figures(page_cache):
    return caches["figures"]


@pytest.fixture
def fragments(settings):
    yield from own_cache(settings, "fragments")


@pytest.fixture
def event():
    return EventFactory(title="The United States recognizes Peru", slug="recognition", date="1826-05-02")


@pytest.fixture
def own_views(settings):
    settings.ROOT_URLCONF = "tests.caching.urls"
    urls.calls.clear()
    return urls.calls


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("ana", "ana@example.org", "a-long-test-password"))
    return client
