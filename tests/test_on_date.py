"""Relations on a date: what was in post, open and in force, where partial dates leave it open, and links."""

import datetime
from html.parser import HTMLParser

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Agreement, Appointment
from relations.standings import SHOWN

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
)

pytestmark = pytest.mark.django_db

day = datetime.date.fromisoformat


def standings(client, url, section):
    """{linked name: "certain" or "possible"} of the list items in the section headed ``section``."""
    response = client.get(url)
    assert response.status_code == 200, url
    document = lxml.html.fromstring(response.content)
    (found,) = document.xpath(f'//section[@aria-labelledby="{section}"]')
    return {
        item.xpath("./a")[0].text_content(): "possible"
        if "standing-possible" in item.get("class")
        else "certain"
        for item in found.xpath('.//li[contains(@class, "standing")]')
    }


def status_of(client, url, section, name):
    document = lxml.html.fromstring(client.get(url).content)
    (item,) = document.xpath(f'//section[@aria-labelledby="{section}"]//li[a[1][normalize-space()="{name}"]]')
    return " ".join(item.xpath('.//span[@class="standing-status"]')[0].text_content().split())


@pytest.fixture
def legation():
    return MissionFactory(name="Legation in Lima", slug="legation", opened="1827-05-21", closed="1920-04-24")


def test_an_envoy_is_in_post_from_credentials_to_the_end_of_mission(legation):
    AppointmentFactory(
        envoy=EnvoyFactory(name="James Cooley"),
        mission=legation,
        appointed="1826-05-02",
        credentials_presented="1827-05-21",
        ended="1828-02-24",
    )
    in_post = Appointment.objects.published().in_post_on
    assert not in_post(day("1827-05-20")).exists()
    assert [a.certain for a in in_post(day("1827-05-21"))] == [True]
    assert [a.certain for a in in_post(day("1828-02-24"))] == [True]
    assert not in_post(day("1828-02-25")).exists()


def test_a_month_leaves_the_days_of_that_month_open_and_says_in_post_by(client, legation):
    AppointmentFactory(
        envoy=EnvoyFactory(name="James Pickett"),
        mission=legation,
        appointed="1838-05",
        credentials_presented="1838-06",
        ended="1845-04-28",
    )
    assert standings(client, "/on/1838-05-31/", "envoys-heading") == {}
    assert standings(client, "/on/1838-06-15/", "envoys-heading") == {"James Pickett": "possible"}
    assert status_of(client, "/on/1838-06-15/", "envoys-heading", "James Pickett") == (
        "Possibly in post: in post by June 1838."
    )
    assert standings(client, "/on/1838-07-01/", "envoys-heading") == {"James Pickett": "certain"}
    # A year's page has no doubt: he was in post at some time of 1838.
    assert standings(client, "/on/1838/", "envoys-heading") == {"James Pickett": "certain"}


def test_an_end_known_to_the_month_leaves_that_month_open(client, legation):
    AppointmentFactory(
        envoy=EnvoyFactory(name="Charles Brayshaw"),
        mission=legation,
        rank=Appointment.Rank.CHARGE_AD_INTERIM,
        appointed=None,
        credentials_presented="1892-09",
        ended="1893-12",
    )
    assert standings(client, "/on/1893-11-30/", "envoys-heading") == {"Charles Brayshaw": "certain"}
    assert status_of(client, "/on/1893-12-31/", "envoys-heading", "Charles Brayshaw") == (
        "Possibly in post: the end of mission is dated only to December 1893."
    )
    assert standings(client, "/on/1894-01-01/", "envoys-heading") == {}


def test_a_country_has_its_envoys_section_where_it_has_published_envoys(client, legation):
    AppointmentFactory(
        envoy=EnvoyFactory(name="James Cooley"), mission=legation, credentials_presented="1827-05-21"
    )
    drafted = EnvoyFactory(
        name="José Pardo", status="draft", sending_country=CountryFactory(peru=True), slug="jose-pardo"
    )
    AppointmentFactory(envoy=drafted, mission=legation, credentials_presented="1827-05-21")
    page = html.get(client, "/on/1827/")
    assert html.texts(page, "main .country-envoys h3") == ["Sent by United States"]


def test_a_derived_date_is_possible_as_far_as_it_reaches(legation):
    AppointmentFactory(mission=legation, appointed=None, credentials_presented="c. 1850", ended="1855")
    in_post = Appointment.objects.published().in_post_on
    assert not in_post(day("1848-12-31")).exists()
    assert [a.certain for a in in_post(day("1849-01-01"))] == [False]  # c. 1850 reaches into 1849
    assert [a.certain for a in in_post(day("1852-01-01"))] == [True]  # past 1851, the latest c. 1850 may be


def test_without_credentials_an_envoy_is_possibly_in_post_from_the_appointment(client, legation):
    AppointmentFactory(
        envoy=EnvoyFactory(name="Joaquín de Osma"),
        mission=legation,
        appointed="1846-12",
        credentials_presented=None,
        ended=None,
    )
    assert status_of(client, "/on/1850-01-01/", "envoys-heading", "Joaquín de Osma") == (
        "Possibly in post: appointed December 1846; no presentation of credentials is recorded; "
        "no end of mission is recorded."
    )


def test_with_no_end_recorded_an_envoy_is_possibly_in_post_until_the_next_presents_credentials(legation):
    first = AppointmentFactory(mission=legation, credentials_presented="1900-01-01", ended=None)
    AppointmentFactory(mission=legation, credentials_presented="1905-03-01", ended="1910-01-01")
    in_post = Appointment.objects.published().in_post_on
    assert [(a.pk, a.certain) for a in in_post(day("1903-01-01"))] == [(first.pk, False)]
    assert first.pk in {a.pk for a in in_post(day("1905-03-01"))}
    assert first.pk not in {a.pk for a in in_post(day("1905-03-02"))}


def test_nominees_who_did_not_serve_and_draft_envoys_are_left_out(client, legation):
    AppointmentFactory(envoy=EnvoyFactory(name="Nominee"), mission=legation, is_nominee_only=True)
    AppointmentFactory(envoy=EnvoyFactory(name="Draft", draft=True), mission=legation)
    assert standings(client, "/on/1827-06-01/", "envoys-heading") == {}


def test_each_countrys_envoys_are_listed_and_a_country_with_none_in_post_says_so(client, legation):
    us, pe = CountryFactory(), CountryFactory(peru=True)
    washington = MissionFactory(name="Legation in Washington", sending_country=pe, host_country=us)
    AppointmentFactory(envoy=EnvoyFactory(name="Peruvian envoy", sending_country=pe), mission=washington)
    AppointmentFactory(
        envoy=EnvoyFactory(name="Later U.S. envoy", sending_country=us),
        mission=legation,
        appointed="1900",
        credentials_presented="1900",
        ended="1901",
    )
    document = lxml.html.fromstring(client.get("/on/1830-01-01/").content)
    headings = [h.text_content() for h in document.xpath('//section[@class="country-envoys"]/h3')]
    assert headings == ["Sent by Peru", "Sent by United States"]
    spanish = lxml.html.fromstring(client.get("/es/on/1830-01-01/").content)
    headings = [h.text_content() for h in spanish.xpath('//section[@class="country-envoys"]/h3')]
    assert headings == ["Enviados por Perú", "Enviados por Estados Unidos"]
    (none,) = document.xpath('//section[@aria-labelledby="envoys-us"]/p[@class="none"]')
    assert none.text_content() == "The record has no envoy of this country in post on this day."
    assert standings(client, "/on/1827-06-01/", "envoys-pe") == {"Peruvian envoy": "certain"}


def test_missions_open_and_what_leaves_their_closing_open(client, legation):
    embassy = MissionFactory(name="Embassy in Lima", opened="1920-04-24", predecessor=legation)
    # A source describes the embassy as it is now: it is open still.
    CitationFactory(entry=embassy, quotation="The embassy is located in Lima.", current=True)
    older = MissionFactory(name="Old legation", opened="1846-12", closed=None)
    MissionFactory(name="Its embassy", opened=None, predecessor=older)
    MissionFactory(name="Undated consulate", opened=None)
    # Nothing says when it closed, nor that it is open now.
    MissionFactory(name="Special mission", opened="1920-01", closed=None)
    assert standings(client, "/on/1850-01-01/", "missions-heading") == {
        "Legation in Lima": "certain",
        "Old legation": "possible",
    }
    assert status_of(client, "/on/1850-01-01/", "missions-heading", "Old legation") == (
        "Possibly open: it became Its embassy; when it closed is not recorded."
    )
    assert standings(client, "/on/1920-04-24/", "missions-heading") == {
        "Legation in Lima": "certain",
        "Embassy in Lima": "certain",
        "Old legation": "possible",
        "Special mission": "possible",
    }
    assert status_of(client, "/on/1920-04-24/", "missions-heading", "Special mission") == (
        "Possibly open: no source states it open still, and no closing is recorded."
    )
    assert status_of(client, "/es/on/1920-04-24/", "missions-heading", "Special mission") == (
        "Posiblemente abierta: ninguna fuente indica que siga abierta, y no consta su cierre."
    )
    document = lxml.html.fromstring(client.get("/on/1850-01-01/").content)
    (note,) = document.xpath('//section[@aria-labelledby="missions-heading"]/p[@class="count-note"]')
    assert note.text_content().startswith("2 missions have no recorded opening date")


def test_agreements_in_force_and_what_leaves_it_open():
    AgreementFactory(title="Trade agreement", signed="2006-04", in_force="2009", ended=None)
    AgreementFactory(
        title="Memorandum", signed="1997", in_force=None, agreement_status=Agreement.AgreementStatus.IN_FORCE
    )
    AgreementFactory(title="Only signed", signed="1952", agreement_status=Agreement.AgreementStatus.SIGNED)
    AgreementFactory(
        title="Old treaty",
        signed="1851-07-26",
        in_force="1852",
        ended=None,
        agreement_status=Agreement.AgreementStatus.TERMINATED,
    )
    # In force from 2002, and no source says where it stands now.
    AgreementFactory(title="Act", signed=None, in_force="2002", ended=None, agreement_status="")
    in_force = {a.title: a.certain for a in Agreement.objects.published().in_force_on(day("2009-06-01"))}
    assert in_force == {"Trade agreement": False, "Memorandum": False, "Old treaty": False, "Act": False}
    in_force = {a.title: a.certain for a in Agreement.objects.published().in_force_on(day("2010-01-01"))}
    assert in_force == {"Trade agreement": True, "Memorandum": False, "Old treaty": False, "Act": False}
    assert not Agreement.objects.published().in_force_on(day("1851-12-31")).exists()


def test_the_agreement_wording_says_why_it_is_possible(client):
    AgreementFactory(title="Memorandum", signed="1997", in_force=None, agreement_status="in-force")
    AgreementFactory(title="Old treaty", signed="1851-07-26", in_force="1852", agreement_status="terminated")
    assert status_of(client, "/on/1998-01-01/", "agreements-heading", "Memorandum") == (
        "Possibly in force: signed 1997; when it entered into force is not recorded."
    )
    assert status_of(client, "/on/1853-01-01/", "agreements-heading", "Old treaty") == (
        "Possibly in force: it is recorded as terminated, but not when it ended."
    )


def test_an_agreement_no_source_states_in_force_still_is_possibly_in_force_after_its_entry(client):
    AgreementFactory(title="Act", signed=None, in_force="2002", agreement_status="")
    AgreementFactory(title="Pact", signed=None, in_force="1948", agreement_status="in-force")
    assert status_of(client, "/on/2011/", "agreements-heading", "Act") == (
        "Possibly in force: no source states it in force still, and no end is recorded."
    )
    assert status_of(client, "/es/on/2011/", "agreements-heading", "Act") == (
        "Posiblemente en vigor: ninguna fuente indica que siga en vigor, y no consta su fin."
    )
    assert status_of(client, "/on/2011/", "agreements-heading", "Pact") == "In force."


def test_the_events_of_the_month_and_those_dated_only_to_its_year(client):
    EventFactory(title="In the month", date="1838-06-02")
    EventFactory(title="Spanning it", date="1838-05-30", end_date="1838-06-03")
    EventFactory(title="In the year", date="1838")
    EventFactory(title="Another month", date="1838-07")
    document = lxml.html.fromstring(client.get("/on/1838-06-09/").content)
    (section,) = document.xpath('//section[@aria-labelledby="events-heading"]')
    assert section.xpath("./h2")[0].text_content() == "Events of June 1838"
    lists = [[a.text_content() for a in ul.xpath("./li/a")] for ul in section.xpath("./ul")]
    assert lists == [["Spanning it", "In the month"], ["In the year"]]


def test_an_event_dated_by_one_bound_alone_is_listed_on_no_date(client):
    EventFactory(title="Assistance", date="2022<")  # by 2022: nothing says how much earlier
    EventFactory(title="Controversy", date="1963>")  # 1963 or later: nothing says how much later
    EventFactory(title="Bounded by a later end", date="1963>", end_date="1968")
    EventFactory(title="Open-ended span", date="1960", end_date="1963>")  # certain from 1960 to 1963
    EventFactory(title="About then", date="1850~")
    EventFactory(title="In the year", date="1850")

    def listed(url):
        document = lxml.html.fromstring(client.get(url).content)
        (section,) = document.xpath('//section[@aria-labelledby="events-heading"]')
        return {a.text_content() for a in section.xpath("./ul/li/a")}

    assert listed("/on/1850-06-01/") == {"About then", "In the year"}
    assert listed("/on/1965/") == {"Bounded by a later end"}
    assert listed("/on/1961/") == {"Open-ended span"}
    for url in ["/on/1826-05-02/", "/on/1990/", "/on/2022/", "/on/2022-06-01/"]:
        assert listed(url) == set(), url
    lead = html.text(html.one(html.get(client, "/on/2022/"), "main .page-header .lead"))
    assert lead.endswith(
        "Events dated only as before or after a date (“by 2022”, “1963 or later”) are not listed: "
        "nothing says how far from it they happened."
    )


def test_a_post_open_still_is_noted_with_the_source_that_states_it_open(client):
    embassy = MissionFactory(name="Embassy in Lima", opened="1920-04-24", citation__quotation="Our embassy.")
    CitationFactory(entry=embassy, claim="opened", quotation="Raised to an embassy on April 24, 1920.")
    CitationFactory(entry=embassy, quotation="The embassy is in Lima.", current=True)
    document = html.get(client, "/on/1990/")
    item = html.one(document, "section[aria-labelledby=missions-heading] li")
    assert html.text(html.one(item, ".standing-status")) == "Open."
    # The notes it refers to: the one that dates its opening, and the one that states it open now.
    notes = [html.one(document, href) for href in html.hrefs(item, "sup.ref a")]
    assert [html.text(html.one(note, "blockquote")) for note in notes] == [
        "Raised to an embassy on April 24, 1920.",
        "The embassy is in Lima.",
    ]


def test_every_entry_has_its_notes_numbered_once_for_the_page(client, legation):
    source = SourceFactory(title="Chiefs of Mission")
    appointment = AppointmentFactory(mission=legation, credentials_presented="1827-05-21", ended="1828-02-24")
    CitationFactory(
        entry=appointment, source=source, locator="pe-1826-cool-01", claim="credentials_presented"
    )
    CitationFactory(entry=appointment, source=source, locator="pe-1826-cool-01", claim="ended")
    CitationFactory(entry=appointment, source=source, locator="elsewhere", claim="rank")
    document = lxml.html.fromstring(client.get("/on/1828-01-01/").content)
    (item,) = document.xpath('//section[@aria-labelledby="envoys-heading"]//li')
    # The two citations of one passage are one note; the rank's citation does not date the post.
    assert item.xpath('.//sup[@class="ref"]/a/@href') == ["#note-1"]
    assert item.xpath('.//sup[@class="ref"]/a/@aria-label') == ["Note 1"]
    notes = document.xpath('//ol[@class="notes-list"]/li')
    assert "pe-1826-cool-01" in notes[0].text_content()
    (back,) = notes[0].xpath('.//a[@class="backref"]')
    assert (back.get("href"), back.get("aria-label")) == ("#ref-1", "Back to note 1 in the text")
    assert not any("elsewhere" in note.text_content() for note in notes)
    links = {a.get("href") for a in document.xpath("//ol[@class='notes-list']//cite/a")}
    assert f"/sources/{source.slug}/" in links


def test_the_form_goes_to_the_day_or_the_year_and_explains_what_it_cannot_read(client):
    assert client.get("/on/").status_code == 200
    assert client.get("/on/?day=1838-06-09")["Location"] == "/on/1838-06-09/"
    assert client.get("/on/?day=1838")["Location"] == "/on/1838/"
    for value, message in [
        ("1838-02-30", "February 1838 has no day 30"),
        ("June 1838", "is not a day"),
        ("1838-06", "Choose a whole day"),
        ("0999", "The record can be asked about the years 1000 to 9998."),
    ]:
        response = client.get("/on/", {"day": value})
        assert response.status_code == 400, value
        document = lxml.html.fromstring(response.content)
        errors = " ".join(document.xpath('//form[@class="date-form"]//ul[@class="errorlist"]//text()'))
        assert message in errors, (value, errors)


@pytest.mark.parametrize("url", ["/on/1838-02-30/", "/on/0999-01-01/", "/on/9999/", "/on/18380/"])
def test_a_date_that_cannot_be_asked_about_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_day_links_to_the_days_either_side_and_its_year(client):
    document = lxml.html.fromstring(client.get("/on/1838-01-01/").content)
    nav = document.xpath('//nav[@class="date-nav"]//a')
    assert [(a.get("href"), a.get("rel")) for a in nav] == [
        ("/on/1837-12-31/", "prev"),
        ("/on/1838/", None),
        ("/on/1838-01-02/", "next"),
    ]


def grow(count, start):
    """``count`` more of everything the page shows, all in post, open or in force in 1900."""
    source = SourceFactory()
    mission = MissionFactory(opened="1890", closed=None, citation__source=source)
    for number in range(start, start + count):
        appointment = AppointmentFactory(
            mission=mission, appointed="1899", credentials_presented="1899-06", ended="1901"
        )
        CitationFactory(entry=appointment, source=source, claim="credentials_presented")
        MissionFactory(opened="1899", predecessor=mission, citation__source=source)
        AgreementFactory(signed="1899", in_force="1899-07", citation__source=source)
        EventFactory(date=f"1900-06-0{number % 9 + 1}", citation__source=source)
        EventFactory(date="1900", end_date="1901", citation__source=source)


@pytest.mark.parametrize("url", ["/on/1900-06-15/", "/on/1900/"])
def test_the_page_takes_the_same_few_queries_however_much_it_shows(client, url):
    CountryFactory(), CountryFactory(peru=True)
    grow(2, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(20, 2)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(small) == len(large)
    # With no cache, as here, each of the four lists chooses its first entries by key, then
    # fetches them whole with their citations, and the missions their successors.
    assert len(large) <= 16


def test_choosing_the_first_entries_reads_the_keys_of_the_rows_that_match_not_their_texts(client):
    CountryFactory(), CountryFactory(peru=True)
    grow(3, 0)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/on/1900/").status_code == 200
    choosing = [query["sql"] for query in queries if "ROW_NUMBER()" in query["sql"]]
    assert len(choosing) == 4
    for sql in choosing:
        assert '"search_text"' not in sql, sql


def unshown_notes(page):
    """{section: (the note of how many its list leaves out, where it links)} of the page."""
    return {
        section.get("aria-labelledby"): (html.text(note), html.hrefs(note))
        for section in html.select(page, "section[aria-labelledby]")
        for note in html.select(section, ":scope > p.unshown")
    }


def test_a_list_longer_than_the_page_shows_lists_its_first_entries_and_says_how_many(client):
    CountryFactory(), CountryFactory(peru=True)
    # ``grow`` makes two events for each of its other entries, and one mission more.
    grow(SHOWN // 2, 0)
    assert unshown_notes(html.get(client, "/on/1900/")) == {}
    grow(SHOWN - SHOWN // 2 + 3, SHOWN // 2)
    page = html.get(client, "/on/1900/")
    lists = html.select(page, "ul.standings")
    assert [len(html.select(found, ":scope > li")) for found in lists] == [SHOWN] * 4
    assert unshown_notes(page) == {
        "envoys-us": (
            f"The first {SHOWN} of {SHOWN + 3} are listed here. All of them in office during 1900",
            ["/envoys/?sending=us&in_office=1900"],
        ),
        # Each call of ``grow`` adds the mission its envoys serve at besides.
        "missions-heading": (
            f"The first {SHOWN} of {SHOWN + 5} are listed here. All missions",
            ["/missions/"],
        ),
        "agreements-heading": (
            f"The first {SHOWN} of {SHOWN + 3} are listed here. All agreements",
            ["/agreements/"],
        ),
        "events-heading": (
            f"The first {SHOWN} of {2 * (SHOWN + 3)} are listed here. All events of 1900",
            ["/events/?year_from=1900&year_to=1900"],
        ),
    }
    # The notes are those of the entries shown: one citation each.
    assert len(html.select(page, "ol.notes-list > li")) == 4 * SHOWN
    spanish = unshown_notes(html.get(client, "/es/on/1900/"))
    assert spanish["envoys-us"] == (
        f"Aquí figuran los primeros {SHOWN} de {SHOWN + 3}. Todos los que estuvieron en funciones en 1900",
        ["/es/envoys/?sending=us&in_office=1900"],
    )


# Full dates link to the relations on that day, and links never nest.


class Links(HTMLParser):
    """The links of a page, and any link found inside another."""

    def __init__(self, html):
        super().__init__()
        self.open, self.hrefs, self.nested = 0, [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            if self.open:
                self.nested.append(dict(attrs).get("href"))
            self.open += 1
            self.hrefs.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "a":
            self.open -= 1


@pytest.fixture
def record(legation):
    cooley = EnvoyFactory(name="James Cooley", slug="james-cooley")
    AppointmentFactory(envoy=cooley, mission=legation, slug="cooley-1826", appointed="1826-05-02")
    EventFactory(
        title="Recognition",
        slug="recognition",
        date="1826-05-02",
        envoys=[cooley],
        missions=[legation],
        citation__source=SourceFactory(slug="pocom", published_on="2020-05-02"),
    )
    EventFactory(title="Later", slug="later", date="1906-09-10", end_date="1906-09-16")
    EventFactory(title="Derived", slug="derived", date="by 2022-06-30")
    AgreementFactory(title="Treaty", slug="treaty", signed="1851-07-26", in_force="1852")


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/events/",
        "/events/recognition/",
        "/envoys/",
        "/envoys/james-cooley/",
        "/missions/",
        "/missions/legation/",
        "/agreements/",
        "/agreements/treaty/",
        "/timeline/",
        "/search/?q=recognition",
        "/sources/",
        "/sources/pocom/",
        "/on/1827-05-21/",
        "/on/1826/",
    ],
)
def test_full_dates_link_to_their_day_and_no_link_is_inside_another(client, record, url):
    links = Links(client.get(url).content.decode())
    assert links.nested == []
    assert any(href and href.startswith("/on/") and href.count("-") == 2 for href in links.hrefs), url


def test_a_full_date_links_to_its_day_and_a_partial_or_derived_one_does_not(client, record):
    document = lxml.html.fromstring(client.get("/events/").content)
    linked = {a.get("href"): a.text_content() for a in document.xpath('//a[@class="date-link"]')}
    assert linked == {
        "/on/1826-05-02/": "2 May 1826",
        "/on/1906-09-10/": "10",
        "/on/1906-09-16/": "16 September 1906",
    }
    (derived,) = document.xpath('//span[@class="derived"]')
    assert not derived.xpath(".//a")
    agreement = lxml.html.fromstring(client.get("/agreements/treaty/").content)
    assert agreement.xpath('//a[@href="/on/1851-07-26/"]/time[@datetime="1851-07-26"]')
    assert not agreement.xpath('//a[time[@datetime="1852"]]')


def test_the_heading_of_a_days_page_does_not_link_to_itself(client):
    document = lxml.html.fromstring(client.get("/on/1827-05-21/").content)
    (heading,) = document.xpath("//h1")
    assert heading.text_content() == "Relations on 21 May 1827"
    assert not heading.xpath(".//a")


def test_the_longer_periods_list_links_to_the_years_events_when_the_month_has_none(client):
    for number in range(SHOWN + 1):
        EventFactory(title=f"Sometime in 1900, number {number}", date="1900")
    page = html.get(client, "/on/1900-06-15/")
    assert unshown_notes(page) == {
        "events-heading": (
            f"The first {SHOWN} of {SHOWN + 1} are listed here. All events of 1900",
            ["/events/?year_from=1900&year_to=1900"],
        ),
    }
