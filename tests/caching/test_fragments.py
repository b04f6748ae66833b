"""
The lists' and the timeline's items and the filter forms, cached apart from the pages
(relations/fragments.py): read again while the content is unchanged, never once it has
changed; and Django's file cache that counts its files less often (relations/file_cache.py).
"""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.file_cache import FileCache
from relations.fragments import NOTE, fragment_version
from relations.models import Citation, Event
from relations.on_date import Period

from ..factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    TopicFactory,
)
from ..html import get, markup, one, select, text, texts

# Every save commits, as on a site: when the version changes depends on the commit.
pytestmark = pytest.mark.django_db(transaction=True)


def main(page):
    """The page's main content, as HTML."""
    return markup(one(page, "main"))


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


def entry_rows(queries):
    """The queries that read rows of the timeline's entries."""
    tables = ["event", "appointment", "agreement", "mission"]
    return [
        query["sql"]
        for query in queries
        if any(f'FROM "relations_{table}"' in query["sql"] for table in tables)
        and not query["sql"].startswith("SELECT COUNT")
    ]


def test_a_timeline_of_cached_items_reads_no_entry(client, fragments, event):
    MissionFactory(name="Legation in Lima", opened="1826-01-01", closed="1826-12-31")
    first = get(client, "/timeline/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/timeline/?another=page")
    assert entry_rows(queries) == []
    assert main(second) == main(first)
    assert len(select(second, "main .timeline-item")) == 3


def test_a_timeline_item_no_longer_cached_is_made_from_its_row_in_its_place(client, fragments, event):
    mission = MissionFactory(name="Legation in Lima", opened="1826-01-01", closed="1826-12-31")
    first = get(client, "/timeline/")
    version = fragment_version("timeline")
    # The mission's opening, as if culled.
    fragments.delete(make_template_fragment_key("timeline_item", [version, f"mission:opened:{mission.pk}"]))
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/timeline/?another=page")
    (missions,) = entry_rows(queries)
    assert '"relations_mission"."opened"' in missions
    assert main(second) == main(first)


def test_the_timelines_items_are_chosen_apart_for_each_language(client, fragments, event):
    event.title_es = "Estados Unidos reconoce al Perú"
    event.save()
    assert not select(get(client, "/timeline/"), "main .translation-note")
    # The Spanish page shows the site's translation of the title, and says so, when its item
    # is rendered and when it is read from the cache.
    for url in ["/es/timeline/", "/es/timeline/?another=page"]:
        spanish = get(client, url)
        assert texts(spanish, "main .timeline-item > a") == ["Estados Unidos reconoce al Perú"]
        assert select(spanish, "main .translation-note")


class ForgetfulCache(LocMemCache):
    """A cache that loses each fragment of a page as soon as it has been read with others: as if culled."""

    def get_many(self, keys, version=None):
        found = {key: super(ForgetfulCache, self).get(key, version=version) for key in keys}
        return {key: value for key, value in found.items() if value is not None}

    def get(self, key, default=None, version=None):
        if key.startswith("template.cache."):
            return default
        return super().get(key, default, version)


@pytest.fixture
def forgetful_fragments(settings):
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {"BACKEND": "tests.caching.test_fragments.ForgetfulCache"},
    }


def test_a_timeline_item_read_from_the_cache_is_shown_as_read_if_the_cache_loses_it(
    client, forgetful_fragments, event
):
    first = get(client, "/timeline/")
    assert main(get(client, "/timeline/?another=page")) == main(first)


def test_a_lists_item_read_from_the_cache_is_shown_as_read_if_the_cache_loses_it(client, forgetful_fragments):
    for number in range(3):
        EnvoyFactory(name=f"Envoy {number}")
    first = get(client, "/envoys/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/envoys/?another=page")
    assert not envoy_row_queries(queries)
    # The items as shown the first time (the rest of the page links to its own address).
    assert markup(one(second, "main .items")) == markup(one(first, "main .items"))


def test_a_search_result_read_from_the_cache_is_shown_as_read_if_the_cache_loses_it(
    client, forgetful_fragments
):
    for number in range(3):
        EnvoyFactory(name=f"Envoy {number}")
    first = get(client, "/search/?q=envoy")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/search/?q=envoy&another=page")
    assert not envoy_row_queries(queries)
    assert texts(second, "main .search-group .item-title") == ["Envoy 0", "Envoy 1", "Envoy 2"]
    assert markup(one(second, "main .items")) == markup(one(first, "main .items"))


def test_a_dates_entries_and_notes_read_from_the_cache_are_shown_as_read_if_the_cache_loses_them(
    client, forgetful_fragments, countries
):
    a_year_of_every_kind(countries)
    first = get(client, "/on/1826/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/on/1826/?another=page")
    assert whole_rows(queries) == []
    assert not [query for query in queries if '"relations_source"' in query["sql"]]
    assert main(second) == main(first)


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


# The entries and notes of a date's page


def standing(page, section):
    """Each entry of a section of a date's page: its name, "possible" or "certain", and its note numbers."""
    return [
        (
            text(one(entry, ":scope > a")),
            "possible" if "standing-possible" in entry.get("class") else "certain",
            texts(entry, "sup.ref a"),
        )
        for entry in select(page, f'main section[aria-labelledby="{section}"] li.standing')
    ]


def notes(page):
    return [(note.get("id"), text(one(note, "blockquote"))) for note in select(page, "main .notes-list > li")]


def test_a_dates_entries_and_notes_are_read_from_the_cache_while_the_content_is_unchanged(
    client, fragments, event
):
    assert standing(get(client, "/on/1826/"), "events-heading") == [
        ("The United States recognizes Peru", "certain", ["1"])
    ]
    # Behind the signals' back: only a cached entry and note can still show the old words.
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache")
    Citation.objects.update(quotation="Changed behind the cache too.")
    page = get(client, "/on/1826/?another=page")
    assert standing(page, "events-heading") == [("The United States recognizes Peru", "certain", ["1"])]
    assert notes(page) == [("note-1", "The words of the source that support the entry.")]
    Event.objects.get(pk=event.pk).save()
    page = get(client, "/on/1826/?a=third")
    assert standing(page, "events-heading") == [("Changed behind the cache", "certain", ["1"])]
    assert notes(page) == [("note-1", "Changed behind the cache too.")]


def test_a_dates_entry_is_cached_apart_for_each_period(client, fragments):
    MissionFactory(name="Legation in Lima", opened="1826-05", closed="1920")
    assert standing(get(client, "/on/1826-05-10/"), "missions-heading") == [
        ("Legation in Lima", "possible", ["1"])
    ]
    assert standing(get(client, "/on/1826-06-10/"), "missions-heading") == [
        ("Legation in Lima", "certain", ["1"])
    ]


def test_a_dates_entry_and_notes_are_cached_apart_for_their_numbers(client, fragments, event):
    # Open until March: on the year's page the mission's note comes first, the event's second.
    mission = MissionFactory(name="Legation in Lima", opened="1826-01-01", closed="1826-03-31")
    Citation.objects.filter(object_id=mission.pk).update(quotation="The mission, as cached.")
    Citation.objects.filter(object_id=event.pk).update(quotation="The event, as cached.")
    year = get(client, "/on/1826/")
    assert standing(year, "missions-heading") == [("Legation in Lima", "certain", ["1"])]
    assert standing(year, "events-heading") == [("The United States recognizes Peru", "certain", ["2"])]
    # Behind the signals' back: a note rendered anew shows the new words.
    Citation.objects.filter(object_id=mission.pk).update(quotation="The mission's words.")
    Citation.objects.filter(object_id=event.pk).update(quotation="The event's words.")
    day = get(client, "/on/1826-05-02/")
    assert standing(day, "missions-heading") == []
    assert standing(day, "events-heading") == [("The United States recognizes Peru", "certain", ["1"])]
    assert notes(day) == [("note-1", "The event's words.")]
    # The year's page, as cached: its entries and notes with their numbers on it.
    year = get(client, "/on/1826/?another=page")
    assert standing(year, "events-heading") == [("The United States recognizes Peru", "certain", ["2"])]
    assert notes(year) == [("note-1", "The mission, as cached."), ("note-2", "The event, as cached.")]


def a_year_of_every_kind(countries):
    """
    Entries of every kind in 1826, each cited: an envoy in post, the mission, an agreement, two
    events, one of them cited also by the passage that the agreement cites.
    """
    mission = MissionFactory(name="Legation in Lima", opened="1826-01-01", sending_country=countries["us"])
    envoy = EnvoyFactory(name="James Cooley", sending_country=countries["us"])
    appointment = AppointmentFactory(envoy=envoy, mission=mission, credentials_presented="1826-05-02")
    CitationFactory(entry=appointment, claim="credentials_presented", value="1826-05-02")
    treaty = AgreementFactory(title="Treaty of Friendship", signed="1826-03-01", in_force="1826-04-01")
    for title in ["The United States recognizes Peru", "A consul reaches Lima"]:
        event = EventFactory(title=title, date="1826-05-02")
    (passage,) = treaty.citations.all()
    CitationFactory(entry=event, source=passage.source, locator=passage.locator, quotation=passage.quotation)


def whole_rows(queries):
    """The queries that read the page's entries whole: their dates, not only their keys and texts."""
    shown = ['"relations_envoy"."name"', '"relations_mission"."opened"', '"relations_agreement"."signed"']
    shown.append('"relations_event"."date"')
    return [
        query["sql"] for query in queries if any(name in query["sql"].split(" FROM ")[0] for name in shown)
    ]


def test_a_dates_page_of_cached_entries_and_notes_reads_no_entry_whole(client, fragments, countries):
    a_year_of_every_kind(countries)
    first = get(client, "/on/1826/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/on/1826/?another=page")
    assert whole_rows(queries) == []
    # What numbers their notes was kept with the figure that chose them.
    assert not [query for query in queries if '"relations_citation"' in query["sql"]]
    assert not [query for query in queries if '"relations_source"' in query["sql"]]
    assert main(second) == main(first)
    assert len(select(second, "main li.standing")) == 5
    # The passage cited by the treaty and by the consul's arrival is one note, referenced twice.
    assert len(select(second, "main .notes-list > li")) == 5
    assert [texts(entry, "sup.ref a") for entry in select(second, "main li.standing")] == [
        ["1"],
        ["2"],
        ["3"],
        ["4", "3"],
        ["5"],
    ]


def test_a_spanish_dates_page_of_cached_entries_notes_their_translation_without_reading_them_whole(
    client, fragments, countries
):
    a_year_of_every_kind(countries)
    Event.objects.filter(title="A consul reaches Lima").update(title_es="Un cónsul llega a Lima")
    assert not select(get(client, "/on/1826/"), "main .translation-note")
    first = get(client, "/es/on/1826/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/es/on/1826/?another=page")
    assert whole_rows(queries) == []
    # The events read by key, with their titles, in one query: none read again for its title.
    events = [query for query in queries if 'FROM "relations_event"' in query["sql"]]
    assert len(events) == 1, events
    assert main(second) == main(first)
    assert select(second, "main .translation-note")


def test_a_dates_entry_or_note_no_longer_cached_is_fetched_whole_in_its_place(client, fragments, countries):
    a_year_of_every_kind(countries)
    first = get(client, "/on/1826/")
    period = Period.year(1826)
    period.context()
    recognition, consul = (
        Event.objects.get(title=title)
        for title in ["The United States recognizes Peru", "A consul reaches Lima"]
    )
    # The recognition's item, and the note of the consul's arrival, as if culled.
    fragments.delete(
        make_template_fragment_key(
            "on_date_event", [period.standings.fragment_version, period.key, recognition.pk]
        )
    )
    (consul_note,) = [note for note in period.standings.notes if note.citations[0][0].pk == consul.pk]
    fragments.delete(make_template_fragment_key(NOTE, [period.standings.fragment_version, consul_note.key]))
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/on/1826/?another=page")
    (events,) = whole_rows(queries)
    assert recognition.pk in events
    assert consul.pk in events
    # Their sources come with their citations, not one by one.
    assert not [query for query in queries if 'FROM "relations_source"' in query["sql"]]
    assert main(second) == main(first)


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
