"""The filters of the public lists: what each query parameter matches, alone and combined."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relations.models import Agreement, Appointment, Event, Mission, Source
from relations.partial_dates import PartialDate

from . import html
from .factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    CountryFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def get_ok(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content.decode()[:2000]
    return html.parse(response)


def slugs(page):
    """The slugs of the entries a list page shows, in the order it shows them."""
    return [
        href.rstrip("/").rsplit("/", 1)[-1] for href in html.hrefs(page, "main .items > li .item-title a")
    ]


# Events


def test_event_text_search_matches_title_and_summary_word_by_word(client):
    EventFactory(title="Recognition of Peru", summary="The United States recognizes Peru.")
    EventFactory(title="A state visit", summary="The president of Peru visits Washington.")
    EventFactory(title="Guano dispute", summary="A quarrel over the Lobos islands.")

    assert set(slugs(get_ok(client, "/events/", {"q": "peru"}))) == {"recognition-of-peru", "a-state-visit"}
    assert slugs(get_ok(client, "/events/", {"q": "WASHINGTON visit"})) == ["a-state-visit"]
    assert slugs(get_ok(client, "/events/", {"q": "lobos"})) == ["guano-dispute"]
    assert slugs(get_ok(client, "/events/", {"q": "nowhere"})) == []


def test_event_category_and_topic(client):
    trade = TopicFactory(name="Trade")
    EventFactory(title="Free trade talks", category=Event.Category.TRADE, topics=[trade])
    EventFactory(title="Trade visit", category=Event.Category.VISIT, topics=[trade])
    EventFactory(title="State visit", category=Event.Category.VISIT)

    assert slugs(get_ok(client, "/events/", {"category": "visit"})) == ["state-visit", "trade-visit"]
    assert slugs(get_ok(client, "/events/", {"topic": "trade"})) == ["free-trade-talks", "trade-visit"]
    assert slugs(get_ok(client, "/events/", {"topic": "trade", "category": "visit"})) == ["trade-visit"]


def test_event_years_match_dates_and_spans_that_overlap(client):
    EventFactory(title="In 1836", date="1836")
    EventFactory(title="June 1838", date="1838-06")
    EventFactory(title="War of the Pacific", date="1879-04-05", end_date="1884-10-20")
    EventFactory(title="In 1900", date="1900-01-01")

    assert slugs(get_ok(client, "/events/", {"year_from": 1836, "year_to": 1838})) == ["in-1836", "june-1838"]
    assert slugs(get_ok(client, "/events/", {"year_from": 1880, "year_to": 1881})) == ["war-of-the-pacific"]
    assert slugs(get_ok(client, "/events/", {"year_from": 1884})) == ["war-of-the-pacific", "in-1900"]
    assert slugs(get_ok(client, "/events/", {"year_to": 1837})) == ["in-1836"]


def test_the_last_year_is_a_year_like_any_other(client):
    EventFactory(title="Early", date="1826")
    EventFactory(title="Late", date="2024-06")
    assert slugs(get_ok(client, "/events/", {"year_from": 1, "year_to": 9999})) == ["early", "late"]
    assert slugs(get_ok(client, "/events/", {"year_from": 9999})) == []
    timeline = get_ok(client, "/timeline/", {"year_to": 9999})
    assert html.texts(timeline, "main .timeline-item a") == ["Early", "Late"]


def test_event_sorting(client):
    EventFactory(title="Beta", date="1900")
    EventFactory(title="Alpha", date="1950-03")
    EventFactory(title="Gamma", date="1826-05-02")

    assert slugs(get_ok(client, "/events/")) == ["gamma", "beta", "alpha"]
    assert slugs(get_ok(client, "/events/", {"sort": "-date"})) == ["alpha", "beta", "gamma"]
    assert slugs(get_ok(client, "/events/", {"sort": "title"})) == ["alpha", "beta", "gamma"]


def test_drafts_are_never_listed(client):
    EventFactory(title="Public")
    EventFactory(title="Secret", draft=True)
    EnvoyFactory(name="Hidden Envoy", draft=True)
    MissionFactory(name="Hidden mission", draft=True)
    AgreementFactory(title="Hidden agreement", draft=True)

    assert slugs(get_ok(client, "/events/", {"q": "e"})) == ["public"]
    assert slugs(get_ok(client, "/envoys/")) == []
    assert slugs(get_ok(client, "/missions/")) == []
    assert slugs(get_ok(client, "/agreements/")) == []


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/events/", {"year_from": "abc"}, "Enter a whole number."),
        ("/events/", {"year_to": "1e5"}, "Enter a whole number."),
        ("/events/", {"category": "gossip"}, "Select a valid choice."),
        ("/events/", {"topic": "no-such-topic"}, "Select a valid choice."),
        ("/events/", {"sort": "random"}, "Select a valid choice."),
        ("/events/", {"year_from": "1900", "year_to": "1850"}, "The years are the wrong way round"),
        ("/events/", {"year_from": "0"}, "greater than or equal to 1"),
        ("/envoys/", {"in_office": "abc"}, "Enter a whole number."),
        ("/envoys/", {"sending": "fr"}, "Select a valid choice."),
        ("/envoys/", {"rank": "emperor"}, "Select a valid choice."),
        ("/missions/", {"status": "ajar"}, "Select a valid choice."),
        ("/missions/", {"kind": "palace"}, "Select a valid choice."),
        ("/agreements/", {"status": "pending"}, "Select a valid choice."),
        ("/agreements/", {"year_to": "soon"}, "Enter a whole number."),
        ("/sources/", {"kind": "rumour"}, "Select a valid choice."),
        ("/timeline/", {"type": "battle"}, "Select a valid choice."),
        ("/timeline/", {"year_from": "x"}, "Enter a whole number."),
    ],
)
def test_invalid_filter_values_get_the_form_message(client, url, params, message):
    EventFactory()
    response = client.get(url, params)
    assert response.status_code == 400
    [error] = html.texts(html.parse(response), "main .filter-form .errorlist li")
    assert message in error


def test_a_page_past_the_end_gives_the_last_page_and_nonsense_the_first(client):
    for number in range(55):
        EventFactory(title=f"Event {number:02d}", date=f"{1900 + number}")

    last = get_ok(client, "/events/", {"page": 999})
    assert html.texts(last, "main .pagination [aria-current=page]") == ["Page 2 of 2"]
    assert slugs(last) == [f"event-{number:02d}" for number in range(40, 55)]
    first = get_ok(client, "/events/", {"page": "abc"})
    assert html.texts(first, "main .pagination [aria-current=page]") == ["Page 1 of 2"]
    assert len(slugs(first)) == 40


def test_next_page_link_keeps_every_filter(client):
    for number in range(60):
        EventFactory(title=f"Visit {number:02d}", date=f"{1900 + number}", category=Event.Category.VISIT)
    EventFactory(title="Other", category=Event.Category.TRADE, date="1920")

    page = get_ok(client, "/events/", {"category": "visit", "year_from": 1900, "sort": "-date"})
    assert html.texts(page, "main #result-count") == ["60 events"]
    [next_url] = html.hrefs(page, 'main .pagination a[rel="next"]')
    assert set(next_url.lstrip("?").split("&")) == {
        "category=visit",
        "year_from=1900",
        "sort=-date",
        "page=2",
    }

    second = get_ok(client, "/events/" + next_url)
    assert html.texts(second, "main .items .item-title a") == [f"Visit {n:02d}" for n in range(19, -1, -1)]
    assert html.select(second, 'main .pagination a[rel="next"]') == []
    assert len(html.select(second, 'main .pagination a[rel="prev"]')) == 1


# Envoys


def serving(envoy, **dates):
    return AppointmentFactory(
        envoy=envoy, **{"appointed": None, "credentials_presented": None, "ended": None, **dates}
    )


def test_envoys_in_office_during_a_year(client):
    pe = CountryFactory(peru=True)
    before = EnvoyFactory(name="Served Before")
    serving(before, appointed="1910", credentials_presented="1911-03", ended="1919-12-31")
    through = EnvoyFactory(name="Served Through")
    serving(through, appointed="1918-05-01", credentials_presented="1918-07-02", ended="1921-01")
    started = EnvoyFactory(name="Started During")
    serving(started, appointed="1919-11", credentials_presented="1920-12-30", ended="1924")
    appointed_only = EnvoyFactory(name="Appointed Only", sending_country=pe)
    serving(appointed_only, appointed="1920", ended="1920-06")
    credentials_later = EnvoyFactory(name="Credentials Later")
    serving(credentials_later, appointed="1920-11", credentials_presented="1921-02", ended="1925")
    current = EnvoyFactory(name="Still There")
    serving(current, appointed="1915", credentials_presented="1915-06")
    nominee = EnvoyFactory(name="Never Went")
    serving(nominee, appointed="1920-01", is_nominee_only=True)

    in_1920 = set(slugs(get_ok(client, "/envoys/", {"in_office": 1920})))
    assert in_1920 == {"served-through", "started-during", "appointed-only", "still-there"}
    assert set(slugs(get_ok(client, "/envoys/", {"in_office": 1919}))) == {
        "served-before",
        "served-through",
        "still-there",
    }
    combined = get_ok(client, "/envoys/", {"in_office": 1920, "sending": "pe"})
    assert slugs(combined) == ["appointed-only"]


def test_envoys_by_sending_country_rank_and_words(client):
    pe = CountryFactory(peru=True)
    cooley = EnvoyFactory(name="James Cooley", biography="The first chargé d'affaires in Lima.")
    serving(cooley, appointed="1826-05-02", rank=Appointment.Rank.CHARGE)
    serving(cooley, appointed="1828", rank=Appointment.Rank.MINISTER_RESIDENT)
    urs = EnvoyFactory(name="Krishna Urs")
    serving(urs, appointed="2017-08-09", rank=Appointment.Rank.AMBASSADOR)
    peruvian = EnvoyFactory(name="Carlos Pareja", sending_country=pe)
    serving(peruvian, appointed="1900", rank=Appointment.Rank.AMBASSADOR)

    assert slugs(get_ok(client, "/envoys/", {"sending": "us"})) == ["james-cooley", "krishna-urs"]
    assert slugs(get_ok(client, "/envoys/", {"sending": "pe"})) == ["carlos-pareja"]
    ambassadors = get_ok(client, "/envoys/", {"rank": Appointment.Rank.AMBASSADOR})
    assert slugs(ambassadors) == ["carlos-pareja", "krishna-urs"]
    assert slugs(get_ok(client, "/envoys/", {"rank": Appointment.Rank.CHARGE})) == ["james-cooley"]
    assert slugs(get_ok(client, "/envoys/", {"q": "lima"})) == ["james-cooley"]
    assert slugs(get_ok(client, "/envoys/", {"sort": "-start"})) == [
        "krishna-urs",
        "carlos-pareja",
        "james-cooley",
    ]
    assert slugs(get_ok(client, "/envoys/", {"sort": "start"})) == [
        "james-cooley",
        "carlos-pareja",
        "krishna-urs",
    ]


# Missions


@pytest.fixture
def missions():
    """
    Posts of every status: two open (a source states them open now, as of its date), two
    closed, and two with no closing recorded, one never stated open and one stated open that
    became another.
    """
    us, pe = CountryFactory(), CountryFactory(peru=True)
    legation = MissionFactory(name="Legation in Lima", opened="1827", closed="1920-04-24")
    embassy = MissionFactory(
        name="Embassy in Lima",
        kind=Mission.Kind.EMBASSY,
        opened="1920-04-24",
        predecessor=legation,
        summary="Ours.",
        citation__current=True,
    )
    # Stated open by an earlier source too, and by an undated one: the page gives the latest date.
    for published_on in [PartialDate(2015), None]:
        CitationFactory(entry=embassy, current=True, source=SourceFactory(published_on=published_on))
    peruvian_legation = MissionFactory(
        name="Legation of Peru in Washington",
        sending_country=pe,
        host_country=us,
        city="Washington",
        opened="1846",
        citation__current=True,
    )
    MissionFactory(
        name="Embassy of Peru in Washington",
        kind=Mission.Kind.EMBASSY,
        sending_country=pe,
        host_country=us,
        city="Washington",
        opened="1919",
        predecessor=peruvian_legation,
        citation__current=True,
        citation__source__published_on=None,
    )
    MissionFactory(
        name="Consulate in Callao",
        kind=Mission.Kind.CONSULATE,
        city="Callao",
        opened="1823",
        closed="1950",
    )
    MissionFactory(
        name="Consular agency in Paita", kind=Mission.Kind.CONSULAR_AGENCY, city="Paita", opened="1900"
    )


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "open"}, ["embassy-in-lima", "embassy-of-peru-in-washington"]),
        ({"status": "closed"}, ["consulate-in-callao", "legation-in-lima"]),
        ({"status": "unrecorded"}, ["consular-agency-in-paita", "legation-of-peru-in-washington"]),
        ({"country": "pe"}, ["embassy-of-peru-in-washington", "legation-of-peru-in-washington"]),
        (
            {"host": "pe"},
            ["consular-agency-in-paita", "consulate-in-callao", "embassy-in-lima", "legation-in-lima"],
        ),
        ({"kind": "embassy", "country": "us"}, ["embassy-in-lima"]),
        ({"q": "callao"}, ["consulate-in-callao"]),
    ],
)
def test_missions_by_country_host_kind_and_status(client, missions, params, expected):
    assert slugs(get_ok(client, "/missions/", params)) == expected


def test_missions_sorted_by_opening(client, missions):
    assert slugs(get_ok(client, "/missions/", {"sort": "opened"}))[0] == "consulate-in-callao"


@pytest.mark.parametrize(
    "language, dates",
    [
        (
            "en",
            {
                "Consular agency in Paita": "1900 – no closing recorded",
                "Consulate in Callao": "1823 – 1950",
                "Embassy in Lima": "24 April 1920 – open (as of May 2020)",
                "Legation in Lima": "1827 – 24 April 1920",
                "Embassy of Peru in Washington": "1919 – open (as of the undated source)",
                "Legation of Peru in Washington": "1846 – no closing recorded",
            },
        ),
        (
            "es",
            {
                "Consular agency in Paita": "1900 – sin cierre registrado",
                "Consulate in Callao": "1823 – 1950",
                "Embassy in Lima": (
                    "24 de abril de 1920 – en funciones (a la fecha de la fuente: mayo de 2020)"
                ),
                "Legation in Lima": "1827 – 24 de abril de 1920",
                "Embassy of Peru in Washington": (
                    "1919 – en funciones (a la fecha de la fuente, que no está fechada)"
                ),
                "Legation of Peru in Washington": "1846 – sin cierre registrado",
            },
        ),
    ],
)
def test_a_missions_item_calls_it_open_only_where_a_source_states_it_open_now(
    client, missions, language, dates
):
    prefix = "" if language == "en" else f"/{language}"

    def item_dates(page, selector):
        return {
            html.text(html.one(item, ".item-title")): html.text(html.one(item, ".item-date"))
            for item in html.select(page, selector)
        }

    assert item_dates(get_ok(client, f"{prefix}/missions/"), "main .items > li") == dates
    # A search shows the same items.
    found = get_ok(client, f"{prefix}/search/", {"q": "Washington"})
    assert item_dates(found, "main .search-group .items > li") == {
        name: date for name, date in dates.items() if "Washington" in name
    }


# Agreements


def test_agreements_by_kind_status_topic_and_year_signed(client):
    trade = TopicFactory(name="Trade")
    AgreementFactory(title="Treaty of Friendship", signed="1851-07-26", agreement_status="terminated")
    AgreementFactory(
        title="Trade Promotion Agreement",
        short_name="PTPA",
        kind=Agreement.Kind.TRADE,
        signed="2006-04-12",
        topics=[trade],
    )
    AgreementFactory(title="Extradition treaty", signed="1899", summary="Surrender of fugitives.")

    assert slugs(get_ok(client, "/agreements/", {"kind": "trade-agreement"})) == ["trade-promotion-agreement"]
    assert slugs(get_ok(client, "/agreements/", {"status": "terminated"})) == ["treaty-of-friendship"]
    assert slugs(get_ok(client, "/agreements/", {"topic": "trade"})) == ["trade-promotion-agreement"]
    assert slugs(get_ok(client, "/agreements/", {"q": "ptpa"})) == ["trade-promotion-agreement"]
    assert slugs(get_ok(client, "/agreements/", {"q": "fugitives"})) == ["extradition-treaty"]
    assert slugs(get_ok(client, "/agreements/", {"year_from": 1850, "year_to": 1900})) == [
        "treaty-of-friendship",
        "extradition-treaty",
    ]
    assert slugs(get_ok(client, "/agreements/", {"year_from": 1899, "kind": "treaty"})) == [
        "extradition-treaty"
    ]
    assert slugs(get_ok(client, "/agreements/", {"sort": "-signed"}))[0] == "trade-promotion-agreement"


# Sources


def test_sources_by_words_and_kind(client):
    SourceFactory(title="U.S. Relations With Peru", kind=Source.Kind.FACT_SHEET)
    SourceFactory(title="Chiefs of Mission for Peru", kind=Source.Kind.DATASET)
    SourceFactory(
        title="Peru–United States relations",
        slug="peru-united-states-relations",
        kind=Source.Kind.ENCYCLOPEDIA,
    )

    assert slugs(get_ok(client, "/sources/", {"kind": "dataset"})) == ["chiefs-of-mission-for-peru"]
    assert slugs(get_ok(client, "/sources/", {"q": "relations"})) == [
        "peru-united-states-relations",
        "us-relations-with-peru",
    ]


def test_the_filter_form_has_a_label_for_every_control(client):
    for url in ["/events/", "/envoys/", "/missions/", "/agreements/", "/sources/", "/timeline/"]:
        form = html.one(get_ok(client, url), "main form.filter-form")
        controls = html.select(form, "input:not([type=hidden]), select")
        assert controls, url
        for control in controls:
            labels = html.select(form, f'label[for="{control.get("id")}"]')
            assert [label for label in labels if html.text(label)], (
                f"{url}: no label for {control.get('name')}"
            )


@pytest.fixture
def some_entries():
    EventFactory(date="1900", end_date="1910")
    AppointmentFactory()
    AgreementFactory()


PARAMETERS = {
    "/events/": ["q", "category", "topic", "year_from", "year_to", "sort", "page"],
    "/envoys/": ["q", "sending", "rank", "in_office", "sort", "page"],
    "/missions/": ["q", "country", "host", "kind", "status", "sort", "page"],
    "/agreements/": ["q", "kind", "status", "topic", "year_from", "year_to", "sort", "page"],
    "/sources/": ["q", "kind", "page"],
    "/timeline/": ["year_from", "year_to", "type"],
    "/search/": ["q"],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    url=st.sampled_from(sorted(PARAMETERS)),
    values=st.lists(
        st.one_of(
            st.integers(min_value=-(10**12), max_value=10**12).map(str),
            st.sampled_from(
                ["", "us", "pe", "open", "closed", "visit", "-date", "title", "event", "9999", "0"]
            ),
            st.text(max_size=30),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_any_filter_input_gets_the_list_or_the_forms_messages_never_a_server_error(
    client, some_entries, url, values
):
    params = dict(zip(PARAMETERS[url], values, strict=False))
    response = client.get(url, params)
    # Input that cannot be read is answered with 400 and the form's messages; anything else with the page.
    shows_errors = bool(html.select(html.parse(response), "main .errorlist"))
    assert response.status_code == (400 if shows_errors else 200)


def test_a_search_that_cannot_be_read_says_so(client):
    EventFactory()
    response = client.get("/search/", {"q": "a\x00b"})
    assert response.status_code == 400
    page = html.parse(response)
    assert html.texts(page, "main .errorlist li") == ["Null characters are not allowed."]
    assert html.select(page, "main .search-group") == []


def test_the_country_filters_offer_the_countries_that_send_or_host_each_type(client):
    us, pe = CountryFactory(), CountryFactory(peru=True)
    CountryFactory(code="gran-colombia", name="Gran Colombia", name_es="Gran Colombia", iso_code="")
    EnvoyFactory(name="James Cooley", sending_country=us)
    EnvoyFactory(name="José Pardo", sending_country=us)
    MissionFactory(name="Legation in Lima", sending_country=us, host_country=pe)

    def offered(url, field):
        return html.texts(get_ok(client, url), f"main #id_{field} option")[1:]

    assert offered("/envoys/", "sending") == ["United States"]
    assert offered("/missions/", "country") == ["United States"]
    assert offered("/missions/", "host") == ["Peru"]
