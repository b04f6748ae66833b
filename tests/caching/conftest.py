"""What the page cache's tests share: a cache of their own, an entry, and views of their own."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches

from ..factories import EventFactory
from . import urls


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-tests"},
    }
    cache = caches["pages"]
    cache.clear()
    yield cache
    cache.clear()


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
