"""The site in Spanish: the same pages under /es/, entries in the page's language where the site has them."""

import lxml.html
import pytest
from django.test import TestCase
from django.utils import translation

from relations.models import Appointment
from relations.models.search import plain
from relations.partial_dates import PartialDate, range_texts

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
from .interface import english_left

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content)


def test_search_ignores_accents_and_case_in_either_direction(client):
    EventFactory(title="Fernando Belaúnde visits Washington", slug="belaunde", summary="A visit.")
    EventFactory(title="Trade talks", slug="trade", summary="Talks in PERÚ and in Lima.")
    found = page(client, "/events/?q=belaunde").cssselect(".items .item-title a")
    assert [link.text_content() for link in found] == ["Fernando Belaúnde visits Washington"]
    found = page(client, "/events/?q=Perú").cssselect(".items .item-title a")
    assert [link.text_content() for link in found] == ["Trade talks"]
    assert [a.text_content() for a in page(client, "/events/?q=peru").cssselect(".items .item-title a")] == [
        "Trade talks"
    ]


def test_search_finds_the_sites_spanish_titles_and_summaries(client):
    EventFactory(title="Diplomatic relations established", title_es="Se establecen relaciones diplomáticas")
    found = page(client, "/events/?q=diplomaticas").cssselect(".items .item-title a")
    assert [link.text_content() for link in found] == ["Diplomatic relations established"]


def test_the_searchable_text_and_a_search_word_are_made_plain_alike():
    assert plain("Belaúnde PERÚ Ñuñoa Çà") == "belaunde peru nunoa ca"


def test_a_spanish_page_shows_the_sites_spanish_title_and_marks_the_english_it_falls_back_to(client):
    EventFactory(
        slug="translated", title="Diplomatic relations established", title_es="Se establecen relaciones"
    )
    EventFactory(slug="untranslated", title="Trade talks", summary="Talks on trade.")
    translated = page(client, "/es/events/translated/")
    assert translated.cssselect("h1")[0].text_content() == "Se establecen relaciones"
    assert translated.cssselect("h1 [lang]") == []
    untranslated = page(client, "/es/events/untranslated/")
    [fallback] = untranslated.cssselect("h1 span[lang]")
    assert (fallback.get("lang"), fallback.text_content()) == ("en", "Trade talks")
    [summary] = untranslated.cssselect(".lead span[lang]")
    assert (summary.get("lang"), summary.text_content()) == ("en", "Talks on trade.")
    english = page(client, "/events/translated/")
    assert english.cssselect("h1")[0].text_content() == "Diplomatic relations established"


def test_a_spanish_dates_page_shows_the_sites_spanish_titles_of_its_events(client):
    EventFactory(
        title="Diplomatic relations established", title_es="Se establecen relaciones", date="1826-05-02"
    )
    EventFactory(title="Trade talks", date="1826-06-01")
    events = page(client, "/es/on/1826/").cssselect('section[aria-labelledby="events-heading"] li > a')
    assert [event.text_content() for event in events] == ["Se establecen relaciones", "Trade talks"]
    assert [[marked.get("lang") for marked in event.cssselect("[lang]")] for event in events] == [[], ["en"]]


def test_every_page_names_itself_in_both_languages_and_the_switcher_keeps_the_filters(client):
    MissionFactory()
    spanish = page(client, "/es/missions/?kind=legation&status=open")
    assert spanish.get("lang") == "es"
    alternates = {
        link.get("hreflang"): link.get("href") for link in spanish.cssselect("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "en": "http://testserver/missions/?kind=legation&status=open",
        "es": "http://testserver/es/missions/?kind=legation&status=open",
        "x-default": "http://testserver/missions/?kind=legation&status=open",
    }
    assert spanish.cssselect("link[rel=canonical]")[0].get("href") == "http://testserver/es/missions/"
    [switch] = spanish.cssselect(".language-switch a")
    assert (switch.get("href"), switch.get("lang")) == ("/missions/?kind=legation&status=open", "en")
    english = page(client, "/missions/?kind=legation")
    [switch] = english.cssselect(".language-switch a")
    assert (switch.get("href"), switch.get("lang")) == ("/es/missions/?kind=legation", "es")
    assert english.get("lang") == "en"


class SpanishPages(TestCase):
    """Every public page type in Spanish, from one small record with something of every kind."""

    @classmethod
    def setUpTestData(cls):
        us, pe = CountryFactory(), CountryFactory(peru=True)
        trade = TopicFactory(name="Trade", name_es="Comercio", slug="trade")
        cls.source = SourceFactory(title="Chiefs of Mission for Peru", slug="pocom-peru")
        cls.legation = MissionFactory(
            name="U.S. Legation in Lima",
            name_es="Legación de los Estados Unidos en Lima",
            summary="The first U.S. post in Peru.",
            summary_es="El primer puesto de los Estados Unidos en el Perú.",
            slug="us-legation-lima",
            sending_country=us,
            host_country=pe,
            opened="1827-05-21",
            closed="1920-04-24",
        )
        cls.cooley = EnvoyFactory(
            name="James Cooley",
            slug="james-cooley",
            sending_country=us,
            biography="The first envoy of the United States to Peru, appointed chargé d’affaires.",
        )
        AppointmentFactory(
            envoy=cls.cooley,
            mission=cls.legation,
            slug="cooley-1826",
            credentials_note="Officially recognized on",
            ended_note="Died at post on",
            outcome=Appointment.Outcome.DIED,
            note="Died at post; the legation was left in the charge of its secretary.",
        )
        cls.treaty = AgreementFactory(
            title="Treaty of Friendship, Commerce and Navigation",
            title_es="Tratado de Amistad, Comercio y Navegación",
            slug="treaty-1851",
            summary="A treaty of friendship and trade.",
            summary_es="Un tratado de amistad y comercio.",
            place_signed="Lima",
            in_force="1852",
            topics=[trade],
        )
        RatificationFactory(agreement=cls.treaty, country=pe, date="1852-06", body="the Peruvian Congress")
        cls.recognition = EventFactory(
            title="The United States recognizes Peru",
            title_es="Los Estados Unidos reconocen al Perú",
            summary="The appointment of a chargé d’affaires recognizes the independence of Peru.",
            summary_es="El nombramiento de un encargado de negocios reconoce la independencia del Perú.",
            slug="recognition",
            date="1826-05-02",
            body="The envoy arrived in Lima a year later, after the treaty of another state was signed.",
            editorial_note="The date is the appointment's, as the register of the mission gives it.",
            envoys=[cls.cooley],
            missions=[cls.legation],
            agreements=[cls.treaty],
            topics=[trade],
            citation=None,
        )
        for value, locator in [("1826-05-02", "pe-1826-cool-01"), ("1827", "Bilateral relations")]:
            CitationFactory(
                entry=cls.recognition,
                source=cls.source,
                locator=locator,
                quotation="The United States recognized Peru when it appointed its envoy.",
                claim="date",
                value=value,
            )
        for value in ["Recognition of the independence of Peru", "Diplomatic relations established"]:
            CitationFactory(
                entry=cls.recognition, source=cls.source, quotation=value, claim="title", value=value
            )
        EventFactory(
            title="Trade talks in Lima", slug="trade-talks", date="2022<", summary="Talks on trade and aid."
        )

    def spanish(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    def test_every_public_page_type_in_spanish_leaves_no_interface_string_in_english(self):
        pages = {
            "/es/": 200,
            "/es/events/": 200,
            "/es/events/recognition/": 200,
            "/es/events/trade-talks/": 200,
            "/es/envoys/": 200,
            "/es/envoys/james-cooley/": 200,
            "/es/missions/": 200,
            "/es/missions/us-legation-lima/": 200,
            "/es/agreements/": 200,
            "/es/agreements/treaty-1851/": 200,
            "/es/sources/": 200,
            "/es/sources/pocom-peru/": 200,
            "/es/timeline/": 200,
            "/es/search/?q=lima": 200,
            "/es/events/?year_from=1900&year_to=1800": 400,
            "/es/timeline/?year_from=year": 400,
            "/es/no-such-page/": 404,
        }
        for url, status in pages.items():
            with self.subTest(url):
                html = self.spanish(url, status)
                self.assertEqual(lxml.html.fromstring(html).get("lang"), "es")
                self.assertEqual(english_left(html), [])

    def test_english_left_finds_an_interface_string_a_page_shows_in_english(self):
        html = self.spanish("/es/events/")
        with translation.override("en"):
            english = self.client.get("/events/").content.decode()
        self.assertEqual(english_left(html), [])
        self.assertIn(("Filter and sort", "Filter and sort"), english_left(english))

    def test_texts_without_a_translation_are_marked_as_english(self):
        document = lxml.html.fromstring(self.spanish("/es/events/recognition/"))
        [body] = document.cssselect(".entry-body")
        self.assertEqual(body.get("lang"), "en")
        [note] = document.cssselect(".editorial-note > div")
        self.assertEqual(note.get("lang"), "en")
        self.assertEqual({cite.get("lang") for cite in document.cssselect(".notes-list cite")}, {"en"})
        self.assertEqual(
            {quote.get("lang") for quote in document.cssselect(".notes-list blockquote")}, {"en"}
        )
        given = document.cssselect(".lead .differ-value > span")
        self.assertEqual([value.get("lang") for value in given], ["en", "en"])
        envoy = lxml.html.fromstring(self.spanish("/es/envoys/james-cooley/"))
        self.assertEqual(
            [q.get("lang") for q in envoy.cssselect(".appointments-table .qualifier[lang]")], ["en", "en"]
        )
        self.assertEqual(envoy.cssselect(".appointment-note td")[0].get("lang"), "en")

    def test_a_translated_entry_says_its_spanish_is_the_sites_translation(self):
        document = lxml.html.fromstring(self.spanish("/es/events/recognition/"))
        [note] = document.cssselect(".entry-header .translation-note")
        self.assertEqual(
            note.text_content().strip(),
            "El título y el resumen son traducción del sitio a partir del inglés, no palabras de una fuente.",
        )
        mission = lxml.html.fromstring(self.spanish("/es/missions/us-legation-lima/"))
        self.assertIn("El nombre y el resumen", mission.cssselect(".translation-note")[0].text_content())
        self.assertEqual(
            lxml.html.fromstring(self.spanish("/es/events/trade-talks/")).cssselect(".translation-note"), []
        )
        self.assertEqual(
            lxml.html.fromstring(self.client.get("/events/recognition/").content).cssselect(
                ".translation-note"
            ),
            [],
        )

    def test_a_list_that_shows_a_translation_says_so_once(self):
        for url in ["/es/events/", "/es/agreements/", "/es/timeline/", "/es/search/?q=lima", "/es/"]:
            with self.subTest(url):
                notes = lxml.html.fromstring(self.spanish(url)).cssselect(".translation-note")
                self.assertEqual(len(notes), 1)
        self.assertEqual(lxml.html.fromstring(self.spanish("/es/envoys/")).cssselect(".translation-note"), [])

    def test_dates_are_written_in_spanish_to_their_precision(self):
        document = lxml.html.fromstring(self.spanish("/es/events/recognition/"))
        date = document.cssselect(".facts dd time")[0]
        self.assertEqual((date.get("datetime"), date.text), ("1826-05-02", "2 de mayo de 1826"))
        mission = lxml.html.fromstring(self.spanish("/es/missions/us-legation-lima/"))
        self.assertEqual(
            [time.text for time in mission.cssselect(".facts time")],
            ["21 de mayo de 1827", "24 de abril de 1920"],
        )
        derived = lxml.html.fromstring(self.spanish("/es/events/trade-talks/"))
        self.assertEqual(derived.cssselect(".facts .derived")[0].text_content(), "a más tardar en 2022")

    def test_counts_take_the_spanish_singular_and_plural(self):
        def count(url):
            return (
                lxml.html.fromstring(self.spanish(url)).cssselect("#result-count")[0].text_content().strip()
            )

        self.assertEqual(count("/es/events/"), "2 acontecimientos")
        self.assertEqual(count("/es/events/?year_from=2000"), "1 acontecimiento")
        self.assertEqual(count("/es/events/?year_from=2100"), "0 acontecimientos")
        self.assertEqual(count("/es/envoys/"), "1 enviado")

    def test_countries_and_topics_are_named_in_spanish(self):
        missions = lxml.html.fromstring(self.spanish("/es/missions/"))
        self.assertEqual(
            [option.text for option in missions.cssselect("#id_country option")],
            ["Cualquiera de los dos países", "Estados Unidos"],
        )
        self.assertIn("Estados Unidos en Perú", missions.cssselect(".items .item-meta")[0].text_content())
        events = lxml.html.fromstring(self.spanish("/es/events/"))
        self.assertEqual([option.text for option in events.cssselect("#id_topic option")][1:], ["Comercio"])
        agreement = lxml.html.fromstring(self.spanish("/es/agreements/treaty-1851/"))
        self.assertIn("Perú, Estados Unidos", agreement.cssselect(".facts")[0].text_content())

    def test_form_errors_are_in_spanish(self):
        reversed_years = lxml.html.fromstring(self.spanish("/es/events/?year_from=1900&year_to=1800", 400))
        self.assertEqual(
            reversed_years.cssselect(".form-errors li")[0].text_content(),
            "Los años están invertidos: 1800 es anterior a 1900.",
        )
        not_a_year = lxml.html.fromstring(self.spanish("/es/events/?year_from=mil", 400))
        self.assertEqual(
            not_a_year.cssselect(".field-invalid .errorlist li")[0].text_content(),
            "Introduzca un número entero.",
        )
        too_many = lxml.html.fromstring(self.spanish("/es/search/?q=" + "+".join(["palabra"] * 13), 400))
        self.assertEqual(
            too_many.cssselect(".errorlist li")[0].text_content(),
            "Busque como máximo 12 palabras a la vez (esta búsqueda tiene 13).",
        )


def test_the_admin_speaks_the_language_the_editors_browser_asks_for(admin_client):
    spanish = lxml.html.fromstring(
        admin_client.get("/admin/relations/event/add/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    )
    assert spanish.get("lang") == "es"
    assert spanish.cssselect("label[for=id_title_es]")[0].text_content() == "Título en español:"
    assert spanish.cssselect("#id_title_es_helptext")[0].text_content().strip() == "Traducción del sitio."
    english = lxml.html.fromstring(admin_client.get("/admin/relations/event/add/").content.decode())
    assert english.get("lang") == "en"
    assert english.cssselect("label[for=id_title_es]")[0].text_content() == "Title in Spanish:"


@pytest.mark.parametrize(
    ("drafts", "message"), [(1, "1 entrada pasó a borrador."), (2, "2 entradas pasaron a borrador.")]
)
def test_the_admins_messages_are_in_spanish_with_their_plural(admin_client, drafts, message):
    events = [EventFactory() for _ in range(drafts)]
    response = admin_client.post(
        "/admin/relations/event/",
        {"action": "make_draft", "_selected_action": [event.pk for event in events]},
        HTTP_ACCEPT_LANGUAGE="es",
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [message]


@pytest.mark.parametrize(
    ("stored", "spanish"),
    [
        ("1836", "1836"),
        ("1838-06", "junio de 1838"),
        ("1826-05-02", "2 de mayo de 1826"),
        ("199", "década de 1990"),
        ("1998~", "c. 1998"),
        ("2007-12<", "a más tardar en diciembre de 2007"),
        ("2024>", "2024 o después"),
    ],
)
def test_a_partial_date_reads_in_spanish_to_its_precision(stored, spanish):
    with translation.override("es"):
        assert str(PartialDate.parse(stored)) == spanish


@pytest.mark.parametrize(
    ("start", "end", "spanish"),
    [
        ("1906-09-10", "1906-09-16", ("10", "16 de septiembre de 1906")),
        ("1906-09-10", "1906-10-16", ("10 de septiembre", "16 de octubre de 1906")),
        ("1906-09", "1906-10", ("septiembre", "octubre de 1906")),
    ],
)
def test_a_span_of_dates_reads_in_spanish(start, end, spanish):
    with translation.override("es"):
        assert range_texts(PartialDate.parse(start), PartialDate.parse(end)) == spanish
