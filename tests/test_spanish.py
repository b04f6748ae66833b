"""The site in Spanish: the same pages under /es/, entries in the page's language where the site has them."""

import lxml.html
import pytest

from relations.models.search import plain

from .factories import EventFactory, MissionFactory

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


def test_every_page_names_itself_in_both_languages_and_the_switcher_keeps_the_filters(client):
    MissionFactory()
    spanish = page(client, "/es/missions/?kind=legation&status=open")
    assert spanish.get("lang") == "es"
    alternates = {link.get("hreflang"): link.get("href") for link in spanish.cssselect("link[rel=alternate]")}
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
