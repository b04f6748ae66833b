"""
Readers' pages come from the page cache, kept apart by what they depend on and never kept
for one visitor only; editors always see pages fresh; an unchanged page gets a 304; browsers
and proxies may keep public pages briefly, and admin pages never.

The suite's settings turn the page cache off; these tests give it a cache of their own.
"""

import gzip
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache.backends.locmem import LocMemCache
from django.utils.http import http_date
from pytest_django.asserts import assertInHTML

from relations import caching, code_release
from relations.models import Event, Topic

from ..factories import EventFactory
from .pages import downloaded, heading, queries_for

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)


# Served from the cache


def test_a_readers_second_request_is_served_from_the_cache_without_a_query(client, page_cache, event):
    first, queries_first = queries_for(client, "/events/recognition/")
    second, queries_second = queries_for(client, "/events/recognition/")
    assert queries_first > 0
    assert queries_second == 0
    assert second.content == first.content
    assert heading(second) == "The United States recognizes Peru"


def test_cached_pages_are_sent_compressed_to_browsers_that_accept_it(client, page_cache, event):
    plain = client.get("/events/recognition/")
    compressed = client.get("/events/recognition/", headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    again = client.get("/events/recognition/")
    assert not again.has_header("Content-Encoding")
    assert again.content == plain.content
    assert "Accept-Encoding" in again["Vary"]


def test_the_first_reader_of_a_page_gets_it_compressed_as_later_ones_do(client, page_cache, event):
    first = client.get("/events/recognition/", headers={"accept-encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    later = client.get("/events/recognition/")
    assert gzip.decompress(first.content) == later.content
    assert int(first["Content-Length"]) == len(first.content)


def test_a_page_from_the_cache_has_the_headers_of_every_middleware(client, page_cache, event):
    rendered = client.get("/events/recognition/")
    cached, queries = queries_for(client, "/events/recognition/")
    assert queries == 0
    for header in ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"]:
        assert cached[header] == rendered[header], header
    assert cached["Content-Length"] == str(len(cached.content))


@pytest.mark.parametrize("url", ["/events.csv", "/events.json?category=diplomatic", "/dataset.json"])
def test_a_download_is_kept_once_it_has_gone_out_whole(client, page_cache, event, url):
    first, content, rendered = downloaded(client, url)
    second, again, queries = downloaded(client, url)
    assert rendered > 0
    assert queries == 0
    assert again == content
    assert second["Content-Disposition"] == first["Content-Disposition"]


def test_a_download_too_large_to_keep_is_sent_whole_and_not_kept(client, page_cache, event, settings):
    settings.PAGE_CACHE_MAX_BYTES = 100
    _first, content, _rendered = downloaded(client, "/events.csv")
    _second, again, queries = downloaded(client, "/events.csv")
    assert len(content) > 100
    assert again == content
    assert queries > 0


def test_a_download_the_reader_stops_taking_is_not_kept(client, page_cache, event):
    response = client.get("/dataset.json")
    next(iter(response.streaming_content))
    response.close()
    _second, _content, queries = downloaded(client, "/dataset.json")
    assert queries > 0


@pytest.mark.parametrize("url", ["/feed/", "/sitemap.xml", "/robots.txt", "/on/1826/"])
def test_the_feed_and_the_pages_for_crawlers_are_cached(client, page_cache, event, url):
    first = client.get(url)
    second, queries = queries_for(client, url)
    assert first.status_code == 200
    assert queries == 0
    assert second.content == first.content


def test_each_process_serves_the_pages_it_read_last_from_its_own_memory(
    client, page_cache, recent_pages, own_views
):
    client.get("/plain/")
    # Gone from the shared cache, as culled: this process still has its copy.
    page_cache.clear()
    assert client.get("/plain/").content == b"Hello"
    assert own_views == ["/plain/"]
    # Another process, without a copy, reads the shared cache's and keeps one.
    client.get("/plain/?again")
    recent_pages.clear()
    client.get("/plain/?again")
    page_cache.clear()
    assert client.get("/plain/?again").content == b"Hello"
    assert own_views == ["/plain/", "/plain/"]
    # A change to the content: neither copy is read again.
    EventFactory()
    client.get("/plain/")
    client.get("/plain/?again")
    assert own_views == ["/plain/", "/plain/", "/plain/", "/plain/"]


def test_pages_are_cached_by_query_string(client, page_cache, event):
    EventFactory(title="A visit to Lima", category=Event.Category.VISIT)
    client.get("/events/")
    visits = client.get("/events/?category=visit").content.decode()
    assertInHTML('<a href="/events/a-visit-to-lima/">A visit to Lima</a>', visits)
    assertInHTML('<a href="/events/recognition/">The United States recognizes Peru</a>', visits, count=0)


def test_the_spanish_page_is_cached_apart(client, page_cache, event):
    client.get("/events/")
    spanish = client.get("/es/events/").content.decode()
    assert '<html lang="es">' in spanish


def test_pages_are_cached_by_the_active_language(client, page_cache, own_views):
    english = client.get("/language/", headers={"accept-language": "en"})
    spanish = client.get("/language/", headers={"accept-language": "es"})
    assert english.content == b"en"
    assert spanish.content == b"es"


def test_pages_are_cached_by_host(client, page_cache, event, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    client.get("/events/")
    mirror = client.get("/events/", headers={"host": "mirror.example.org"}).content.decode()
    assert '<link rel="canonical" href="http://mirror.example.org/events/">' in mirror


def test_only_whole_successful_pages_are_cached(client, page_cache, event):
    _response, first = queries_for(client, "/events/?year_from=not-a-year")
    response, second = queries_for(client, "/events/?year_from=not-a-year")
    assert response.status_code == 400
    assert second == first > 0


def test_only_views_marked_public_are_cached(client, page_cache, own_views):
    for _reader in range(2):
        client.get("/plain/")
        client.get("/unmarked/")
    assert own_views == ["/plain/", "/unmarked/", "/unmarked/"]


@pytest.mark.parametrize("view", ["with_cookie", "with_csrf_token", "varying_by_user_agent"])
def test_a_page_for_one_visitor_is_never_cached(client, page_cache, own_views, view):
    for _reader in range(2):
        assert client.get(f"/{view}/").status_code == 200
        client.cookies.clear()
    assert own_views == [f"/{view}/", f"/{view}/"]


def test_a_request_for_another_host_is_answered_as_without_the_page_cache(
    client, page_cache, caplog, settings
):
    client.raise_request_exception = False
    response = client.get("/events/", headers={"host": "evil.example.org"})
    assert not [record for record in caplog.records if record.name == "relations.serving"]
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "relations.serving.PageCacheMiddleware"
    ]
    without = client.get("/events/", headers={"host": "evil.example.org"})
    assert response.status_code == without.status_code
    assert response.status_code != 200


def test_pages_of_another_release_are_not_served(page_cache, settings, tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<h1>One</h1>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    code_release.release.cache_clear()
    before = code_release.release()
    template.write_text("<h1>Two</h1>")
    code_release.release.cache_clear()
    try:
        assert code_release.release() != before
    finally:
        code_release.release.cache_clear()


def test_a_failing_cache_serves_pages_uncached(client, settings, event):
    unreachable = {"BACKEND": "tests.caching.test_serving.UnreachableCache"}
    settings.CACHES = {**settings.CACHES, "pages": unreachable, "default": unreachable}
    response = client.get("/events/recognition/")
    assert heading(response) == "The United States recognizes Peru"
    event.title = "Recognition of Peru"
    event.save()
    assert heading(client.get("/events/recognition/")) == "Recognition of Peru"


class UnreachableCache(LocMemCache):
    def get(self, *args, **kwargs):
        raise ConnectionError("the cache server is down")

    set = add = get


# Editors


def test_editors_neither_read_nor_fill_the_cache(client, page_cache, event):
    reader = client.__class__()
    reader.get("/events/recognition/")
    editor = User.objects.create_user("ana", password="a-long-test-password", is_staff=True)
    client.force_login(editor)
    Event.objects.filter(pk="recognition").update(title="Changed without a signal")
    response, queries = queries_for(client, "/events/recognition/")
    assert heading(response) == "Changed without a signal"
    assert queries > 0
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert not response.has_header("ETag")
    client.get("/events/")
    _response, reader_queries = queries_for(reader, "/events/")
    assert reader_queries > 0


# Conditional GET and Cache-Control


def test_an_unchanged_page_is_not_modified(client, page_cache, event):
    first = client.get("/events/recognition/")
    etag = first["ETag"]
    response, queries = queries_for(client, "/events/recognition/", if_none_match=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert queries == 0
    assert response["ETag"] == etag
    assert "max-age=60" in response["Cache-Control"]


def test_a_changed_page_is_sent_again_with_a_new_etag(client, page_cache, event):
    etag = client.get("/events/recognition/")["ETag"]
    event.title = "Recognition of Peru"
    event.save()
    response = client.get("/events/recognition/", headers={"if-none-match": etag})
    assert heading(response) == "Recognition of Peru"
    assert response["ETag"] != etag


def test_the_etag_differs_by_page_and_language(client, page_cache, event):
    etags = {
        client.get(f"{prefix}{url}")["ETag"]
        for url in ["/events/", "/events/?page=2", "/events/recognition/"]
        for prefix in ["", "/es"]
    }
    assert len(etags) == 6


def test_last_modified_is_when_the_content_changed(client, page_cache, event):
    changed = time.time() - 30
    caching.version_cache().set(caching.VERSION_KEY, (changed, "a-version"), timeout=None)
    response = client.get("/events/recognition/")
    assert response["Last-Modified"] == http_date(int(changed))
    since = client.get("/events/recognition/", headers={"if-modified-since": response["Last-Modified"]})
    assert since.status_code == 304
    event.save()
    fresh = client.get("/events/recognition/", headers={"if-modified-since": response["Last-Modified"]})
    assert fresh.status_code == 200
    # Made within the last second, the version's time would not tell two versions apart.
    assert not fresh.has_header("Last-Modified")


def test_public_pages_may_be_kept_briefly_by_anyone(client, page_cache, event):
    response = client.get("/events/")
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/admin/relations/event/recognition/change/"])
def test_admin_pages_are_never_kept(editor_client, page_cache, event, url):
    if url == "/admin/login/":
        editor_client.logout()
    response = editor_client.get(url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_the_page_cache_is_off_in_other_tests(client, event):
    client.get("/events/recognition/")
    Topic.objects.create(slug="unsignalled", name="Unsignalled")
    Event.objects.filter(pk="recognition").update(title="Changed without a signal")
    assert heading(client.get("/events/recognition/")) == "Changed without a signal"
