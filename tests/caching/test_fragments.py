"""
The lists' and the timeline's items and the filter forms, cached apart from the pages
(relations/fragments.py): read again while the content is unchanged, never once it has
changed; and Django's file cache that counts its files less often (relations/file_cache.py).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.file_cache import FileCache
from relations.models import Event

from ..factories import AppointmentFactory, EnvoyFactory, EventFactory, MissionFactory, TopicFactory
from ..html import get, one, select, text, texts

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)


def item_titles(client, url):
    return texts(get(client, url), "main .items .item-title")


def test_an_item_is_read_from_the_cache_while_the_content_is_unchanged(client, fragments, event):
    assert item_titles(client, "/events/") == ["The United States recognizes Peru"]
    # Behind the signals' back: only a cached item can still show the old title.
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache")
    assert item_titles(client, "/events/?another=page") == ["The United States recognizes Peru"]


def test_an_item_is_rendered_anew_once_anything_has_changed(client, fragments, event):
    item_titles(client, "/events/")
    event.title = "Recognition of Peru"
    event.save()
    assert item_titles(client, "/events/?another=page") == ["Recognition of Peru"]


def test_a_search_shows_the_lists_own_cached_item(client, fragments, event):
    assert item_titles(client, "/events/") == ["The United States recognizes Peru"]
    # Behind the signals' back: the summary still matches, and only the cached item is shown.
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache")
    found = texts(get(client, "/search/?q=happened"), "main .search-group .item-title")
    assert found == ["The United States recognizes Peru"]


def test_items_are_cached_apart_for_each_language(client, fragments, event):
    event.title_es = "Estados Unidos reconoce al Perú"
    event.save()
    assert item_titles(client, "/events/") == ["The United States recognizes Peru"]
    assert item_titles(client, "/es/events/") == ["Estados Unidos reconoce al Perú"]


def test_items_of_one_list_are_not_those_of_another(client, fragments, event):
    # The same primary key (the slug) in two tables: each list still shows its own entry.
    EnvoyFactory(name="James Cooley", slug=event.pk)
    assert item_titles(client, "/events/") == ["The United States recognizes Peru"]
    assert item_titles(client, "/envoys/") == ["James Cooley"]


def timeline_items(client, url):
    items = select(get(client, url), "main .timeline-item")
    parts = ".item-date", ".item-type", ":scope > a"
    return [" ".join(text(one(item, part)) for part in parts) for item in items]


def test_a_timeline_item_is_read_from_the_cache_while_the_content_is_unchanged(client, fragments, event):
    assert timeline_items(client, "/timeline/") == ["2 May 1826 Event The United States recognizes Peru"]
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache")
    assert timeline_items(client, "/timeline/?another=page") == [
        "2 May 1826 Event The United States recognizes Peru"
    ]
    Event.objects.get(pk=event.pk).save()
    assert timeline_items(client, "/timeline/?a=third") == ["2 May 1826 Event Changed behind the cache"]
    assert timeline_items(client, "/es/timeline/") == [
        "2 de mayo de 1826 Acontecimiento Changed behind the cache"
    ]


def test_each_date_of_an_entry_on_the_timeline_is_an_item_of_its_own(client, fragments, event):
    # A mission that opened and closed in the period, with the slug of the event: three items.
    MissionFactory(name="Legation in Lima", slug=event.pk, opened="1826-01-01", closed="1826-12-31")
    assert timeline_items(client, "/timeline/") == [
        "1 January 1826 Mission opened Legation in Lima",
        "2 May 1826 Event The United States recognizes Peru",
        "31 December 1826 Mission closed Legation in Lima",
    ]


def test_the_filter_form_shows_the_values_of_each_request(client, fragments, event):
    visits = get(client, "/events/?category=visit")
    treaties = get(client, "/events/?category=diplomatic")
    assert one(visits, "main #id_category option[selected]").get("value") == "visit"
    assert one(treaties, "main #id_category option[selected]").get("value") == "diplomatic"


def test_the_filter_form_shows_the_message_of_each_bad_value(client, fragments, event):
    get(client, "/events/?year_from=1900")
    bad = get(client, "/events/?year_from=nineteen", status=400)
    assert select(bad, "main .filters .field-invalid")
    again = get(client, "/events/?year_from=1900")
    assert not select(again, "main .filters .field-invalid")


def test_the_filter_form_is_rendered_anew_once_the_content_has_changed(client, fragments, event):
    """Its choices come from the content: a new topic is offered at once."""
    get(client, "/events/")
    TopicFactory(name="Fisheries", slug="fisheries")
    options = texts(get(client, "/events/?another=page"), "main #id_topic option")
    assert "Fisheries" in options


def test_the_related_rows_of_cached_items_are_not_fetched(client, fragments):
    for number in range(3):
        AppointmentFactory(envoy=EnvoyFactory(name=f"Envoy {number}"))
    with CaptureQueriesContext(connection) as first:
        item_titles(client, "/envoys/")
    with CaptureQueriesContext(connection) as second:
        titles = item_titles(client, "/envoys/?another=page")

    def appointment_queries(queries):
        return [
            query["sql"] for query in queries if query["sql"].startswith('SELECT "relations_appointment".')
        ]

    assert len(appointment_queries(first)) == 1, "the first request fetches the items' appointments at once"
    assert not appointment_queries(second)
    assert titles == ["Envoy 0", "Envoy 1", "Envoy 2"]


def envoy_row_queries(queries):
    """The queries that read envoys' rows whole (their names), not only their keys."""
    selects = [query["sql"] for query in queries]
    return [sql for sql in selects if '"relations_envoy"."name"' in sql.split(" FROM ")[0]]


def test_the_entries_of_cached_items_are_read_by_key_only(client, fragments):
    for number in range(3):
        EnvoyFactory(name=f"Envoy {number}")
    with CaptureQueriesContext(connection) as first:
        item_titles(client, "/envoys/")
    with CaptureQueriesContext(connection) as second:
        titles = item_titles(client, "/envoys/?another=page")
    assert len(envoy_row_queries(first)) == 1, "the first request reads the items' entries whole"
    assert not envoy_row_queries(second)
    assert titles == ["Envoy 0", "Envoy 1", "Envoy 2"]


def test_a_spanish_page_of_cached_items_notes_their_translation_without_reading_them_whole(client, fragments):
    EventFactory(title="Recognition", title_es="Reconocimiento", slug="recognition")
    get(client, "/es/events/")
    with CaptureQueriesContext(connection) as queries:
        page = get(client, "/es/events/?another=page")
    assert select(page, "main .results .translation-note")
    rows = [
        query["sql"]
        for query in queries
        if 'FROM "relations_event"' in query["sql"] and not query["sql"].startswith("SELECT COUNT")
    ]
    assert len(rows) == 1, rows


def test_a_page_of_cached_and_new_items_shows_each_in_its_place(client, fragments, countries):
    # Cooley and Prevost cached on the list of the United States' envoys; Pardo, of Peru's, not.
    for name, country in [("James Cooley", "us"), ("José Pardo", "pe"), ("John Prevost", "us")]:
        envoy = EnvoyFactory(name=name, sort_name=name.split()[-1], sending_country=countries[country])
        AppointmentFactory(envoy=envoy, rank="minister", appointed="1826-05-02")
    item_titles(client, "/envoys/?sending=us")
    with CaptureQueriesContext(connection) as queries:
        page = get(client, "/envoys/")
    assert texts(page, "main .items .item-title") == ["James Cooley", "José Pardo", "John Prevost"]
    # Only Pardo's entry is read whole, and his item shows his appointment.
    (whole,) = envoy_row_queries(queries)
    assert "jose-pardo" in whole
    assert "james-cooley" not in whole
    appointments = texts(page, "main .items .item-appointments")
    assert [shown.split(",")[0] for shown in appointments] == ["Minister"] * 3


def test_an_item_shows_its_related_rows_when_rendered_anew(client, fragments):
    envoy = EnvoyFactory(name="James Cooley")
    AppointmentFactory(envoy=envoy, rank="minister", appointed="1826-05-02")
    page = get(client, "/envoys/")
    assert text(one(page, "main .item-appointments")).startswith("Minister")


# The file cache


def test_the_file_cache_culls_when_it_counts_its_files(tmp_path):
    cache = FileCache(tmp_path / "culled", {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_CHECK_EVERY": 5}})
    for number in range(40):
        cache.set(f"page-{number}", number)
    # Counted at every fifth set: never more than ten, plus the five set between counts.
    assert len(list((tmp_path / "culled").iterdir())) <= 15


def test_the_file_cache_counts_its_files_only_now_and_then(tmp_path):
    cache = FileCache(tmp_path / "counted", {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_CHECK_EVERY": 1000}})
    for number in range(40):
        cache.set(f"page-{number}", number)
    assert len(list((tmp_path / "counted").iterdir())) == 40
