"""
Any change to the content, from anywhere, makes every cached page out of date at once: the
content version is replaced at the change and when its transaction commits.
"""

import pytest
import reversion
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from pytest_django.asserts import assertInHTML
from reversion.models import Version

from relations import caching
from relations.models import Event

from ..factories import (
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
from ..servers import form_data
from .pages import heading, queries_for

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)


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


class CountingReads:
    """The version cache, counting the reads of the content version."""

    def __init__(self, cache):
        self.cache, self.reads = cache, 0

    def get(self, key, *args, **kwargs):
        self.reads += key == caching.VERSION_KEY
        return self.cache.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.mark.parametrize("url", ["/search/?q=recognizes", "/events/?another=page", "/timeline/", "/on/1826/"])
def test_a_page_made_anew_reads_the_content_version_once(
    client, page_cache, fragments, event, monkeypatch, url
):
    counting = CountingReads(caching.version_cache())
    monkeypatch.setattr(caching, "version_cache", lambda: counting)
    assert client.get(url).status_code == 200
    assert counting.reads == 1
    # Outside a page being made, each asks the shared cache: a command sees every change.
    caching.content_version()
    assert counting.reads == 2


def test_every_model_the_pages_show_is_watched():
    # Every model of the app is, those the pages do not show too: a change too many costs
    # the cache a little; a change missed would serve stale pages.
    assert set(CONTENT_MODELS) <= {model._meta.label_lower for model in caching.content_models()}


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
    assert relations >= {
        "relations.event.topics",
        "relations.event.envoys",
        "relations.event.missions",
        "relations.event.agreements",
        "relations.agreement.parties",
        "relations.agreement.topics",
    }


def test_a_change_to_the_versions_of_entries_replaces_the_content_version(page_cache):
    event = EventFactory()
    with reversion.create_revision():
        reversion.add_to_revision(event)
    before = caching.content_version()
    Version.objects.get_for_object(event).delete()
    assert caching.content_version() != before


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
