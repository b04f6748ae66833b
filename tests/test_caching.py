"""
The page cache: readers' pages come from the cache, any change to the content makes every
cached page out of date at once, editors always see pages fresh, and conditional requests
for an unchanged page get a 304.

The suite's settings turn the page cache off; the tests here give it a cache of its own.
"""

import gzip
import time
from html.parser import HTMLParser

import pytest
import reversion
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from pytest_django.asserts import assertInHTML
from reversion.models import Version

from relations import caching
from relations.models import Event, Topic

from . import page_cache_urls
from .factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    CountryFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    RatificationFactory,
    SourceFactory,
    TopicFactory,
)
from .servers import form_data

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)


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


class Headings(HTMLParser):
    """The text of the page's h1."""

    def __init__(self, html):
        super().__init__()
        self.h1, self.inside = [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.inside = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.h1[-1] += data


def heading(response):
    assert response.status_code == 200, response.status_code
    return Headings(response.content.decode()).h1[0].strip()


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


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


def test_a_page_from_the_cache_has_the_headers_of_every_middleware(client, page_cache, event):
    rendered = client.get("/events/recognition/")
    cached, queries = queries_for(client, "/events/recognition/")
    assert queries == 0
    for header in ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"]:
        assert cached[header] == rendered[header], header
    assert cached["Content-Length"] == str(len(cached.content))


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


@pytest.fixture
def own_views(settings):
    settings.ROOT_URLCONF = "tests.page_cache_urls"
    page_cache_urls.calls.clear()
    return page_cache_urls.calls


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
    assert not [record for record in caplog.records if record.name == "relations.caching"]
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "relations.caching.PageCacheMiddleware"
    ]
    without = client.get("/events/", headers={"host": "evil.example.org"})
    assert response.status_code == without.status_code
    assert response.status_code != 200


def test_pages_of_another_release_are_not_served(page_cache, settings, tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<h1>One</h1>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    caching.release.cache_clear()
    before = caching.release()
    template.write_text("<h1>Two</h1>")
    caching.release.cache_clear()
    try:
        assert caching.release() != before
    finally:
        caching.release.cache_clear()


def test_a_failing_cache_serves_pages_uncached(client, settings, event):
    unreachable = {"BACKEND": "tests.test_caching.UnreachableCache"}
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


# Invalidation


def test_a_save_shows_on_the_next_request(client, page_cache, event):
    client.get("/events/recognition/")
    client.get("/events/")
    event.title = "Recognition of Peru"
    event.save()
    assert heading(client.get("/events/recognition/")) == "Recognition of Peru"
    listed = client.get("/events/").content.decode()
    assertInHTML('<a href="/events/recognition/">Recognition of Peru</a>', listed)


def test_a_delete_and_a_change_of_relations_show_on_the_next_request(client, page_cache, event):
    other = EventFactory(title="Guano convention")
    client.get("/events/")
    other.delete()
    listed = client.get("/events/").content.decode()
    assertInHTML('<a href="/events/guano-convention/">Guano convention</a>', listed, count=0)

    client.get("/events/recognition/")
    event.topics.add(TopicFactory(name="Trade"))
    page = client.get("/events/recognition/").content.decode()
    assertInHTML('<a href="/events/?topic=trade">Trade</a>', page)


CONTENT_MODELS = {
    "relations.agreement": AgreementFactory,
    "relations.appointment": AppointmentFactory,
    "relations.citation": CitationFactory,
    "relations.country": lambda: CountryFactory(code="pe-bo", name="Peru-Bolivian Confederation"),
    "relations.envoy": EnvoyFactory,
    "relations.event": EventFactory,
    "relations.mission": MissionFactory,
    "relations.ratification": RatificationFactory,
    "relations.source": SourceFactory,
    "relations.topic": TopicFactory,
}


def test_every_model_of_the_record_is_content():
    assert {model._meta.label_lower for model in caching.content_models()} == set(CONTENT_MODELS)


@pytest.mark.parametrize("label", sorted(CONTENT_MODELS))
def test_every_save_and_delete_of_the_record_replaces_the_content_version(page_cache, label):
    factory = CONTENT_MODELS[label]
    if label == "relations.citation":
        factory = lambda: CitationFactory(entry=EventFactory())  # noqa: E731
    obj = factory()
    before = caching.content_version()
    obj.save()
    saved = caching.content_version()
    assert saved != before
    obj.delete()
    assert caching.content_version() != saved


@pytest.mark.parametrize(
    "model, field", [(Event, "topics"), (Event, "envoys"), (Event, "missions"), (Event, "agreements")]
)
def test_every_change_of_relations_replaces_the_content_version(page_cache, model, field):
    event = EventFactory()
    related = {
        "topics": TopicFactory,
        "envoys": EnvoyFactory,
        "missions": MissionFactory,
        "agreements": AgreementFactory,
    }[field]()
    for change in [lambda: getattr(event, field).add(related), lambda: getattr(event, field).clear()]:
        before = caching.content_version()
        change()
        assert caching.content_version() != before


def test_every_many_to_many_relation_of_the_record_is_watched():
    relations = {
        f"{model._meta.label_lower}.{field.name}"
        for model in caching.content_models()
        for field in model._meta.local_many_to_many
    }
    assert relations == {
        "relations.event.topics",
        "relations.event.envoys",
        "relations.event.missions",
        "relations.event.agreements",
        "relations.agreement.parties",
        "relations.agreement.topics",
    }


def test_a_transaction_replaces_the_version_at_its_first_change_and_once_more_on_commit(
    page_cache, django_capture_on_commit_callbacks
):
    before = caching.content_version()
    with transaction.atomic():
        with django_capture_on_commit_callbacks() as callbacks:
            event = EventFactory()
            event.title = "Recognition of Peru"
            event.save()
            event.topics.add(TopicFactory())
        during = caching.content_version()
    assert during != before
    # A reader that read the database before the commit kept its page under ``during``.
    assert caching.content_version() != during
    assert callbacks == [caching._replace_version]


def test_a_change_after_a_rolled_back_one_is_replaced_on_commit_too(page_cache):
    with transaction.atomic():
        try:
            with transaction.atomic():
                TopicFactory()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert not caching.changes_pending()
        TopicFactory()
        assert caching.changes_pending()
        during = caching.content_version()
    assert caching.content_version() != during


def test_changes_not_yet_committed_are_served_uncached_to_their_own_connection(client, page_cache, event):
    client.get("/events/recognition/")
    with transaction.atomic():
        event.title = "Recognition of Peru"
        event.save()
        response, queries = queries_for(client, "/events/recognition/")
        assert heading(response) == "Recognition of Peru"
        assert queries > 0
        transaction.set_rollback(True)
    assert heading(client.get("/events/recognition/")) == "The United States recognizes Peru"
    _response, queries = queries_for(client, "/events/recognition/")
    assert queries == 0


def test_a_load_of_fixtures_shows_on_the_next_request(client, page_cache, event, tmp_path):
    client.get("/events/recognition/")
    fixture = tmp_path / "events.json"
    fixture.write_text(
        '[{"model": "relations.event", "pk": "recognition", "fields": {"status": "published", '
        '"title": "Recognition of Peru", "date": "1826-05-02", "category": "diplomatic", '
        '"summary": "Peru is recognized."}}]'
    )
    call_command("load_initial_data", str(fixture), stdout=None)
    assert heading(client.get("/events/recognition/")) == "Recognition of Peru"


def test_a_revert_and_a_recovery_show_on_the_next_request(client, page_cache, event):
    with reversion.create_revision():
        reversion.add_to_revision(event)
    first = Version.objects.get_for_object(event).get()
    event.title = "Recognition of Peru"
    event.save()
    assert heading(client.get("/events/recognition/")) == "Recognition of Peru"
    first.revision.revert(delete=True)
    assert heading(client.get("/events/recognition/")) == "The United States recognizes Peru"

    Event.objects.get(pk="recognition").delete()
    client.get("/events/")
    Version.objects.get_deleted(Event).get(object_id="recognition").revision.revert()
    listed = client.get("/events/").content.decode()
    assertInHTML('<a href="/events/recognition/">The United States recognizes Peru</a>', listed)


def test_an_admin_save_shows_to_readers_on_the_next_request(client, page_cache, event):
    editor = User.objects.create_superuser("ana", "ana@example.org", "a-long-test-password")
    reader = client.__class__()
    reader.get("/events/recognition/")
    client.force_login(editor)
    url = "/admin/relations/event/recognition/change/"
    data = form_data(client.get(url).content.decode(), "event_form")
    data["title"] = "Recognition of Peru"
    assert client.post(url, data).status_code == 302
    assert heading(reader.get("/events/recognition/")) == "Recognition of Peru"


def test_migrate_replaces_the_content_version(page_cache):
    before = caching.content_version()
    call_command("migrate", "relations", verbosity=0)
    assert caching.content_version() != before


def test_however_many_pages_are_cached_the_version_stays(client, settings, tmp_path, event):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": tmp_path,
            "OPTIONS": {"MAX_ENTRIES": 4},
        },
    }
    before = caching.content_version()
    for number in range(12):
        client.get(f"/events/?page={number}")
    assert caching.content_version() == before


def test_a_lost_version_is_never_found_again(page_cache):
    before = caching.content_version()
    caching.version_cache().delete(caching.VERSION_KEY)
    assert caching.content_version() != before


# Editors


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("ana", "ana@example.org", "a-long-test-password"))
    return client


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
