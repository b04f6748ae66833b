"""What a detail page says about itself: structured data, how to cite it, and its permanent link."""

import datetime
import json

import lxml.html
import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from relations import revisions
from relations.models import Citation, Event, Mission

from .factories import (
    AgreementFactory,
    AppointmentFactory,
    CitationFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    SourceFactory,
)
from .forms import submit

pytestmark = pytest.mark.django_db

CHANGED = datetime.datetime(2025, 3, 3, 9, 30, tzinfo=datetime.UTC)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content)


def structured(document):
    (script,) = document.xpath('//head/script[@type="application/ld+json"]')
    return json.loads(script.text)


def recorded(factory, **kwargs):
    """An entry made as an import makes it: with a revision, its content dated CHANGED."""
    with revisions.recording("Imported"):
        entry = factory(last_changed=CHANGED, **kwargs)
    return entry


@pytest.fixture
def source():
    return SourceFactory(title="Chiefs of Mission for Peru", slug="pocom", url="https://history.state.gov/x")


def test_an_event_is_an_event_with_its_sources_as_citations(client, source):
    recorded(
        EventFactory, slug="recognition", title="Recognition", date="1826-05-02", citation__source=source
    )
    data = structured(page(client, "/events/recognition/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "WebPage"
    assert data["dateModified"] == "2025-03-03T09:30:00Z"
    assert data["mainEntity"] == {
        "@type": "Event",
        "name": "Recognition",
        "description": "What happened in Recognition.",
        "startDate": "1826-05-02",
        "url": "http://testserver/events/recognition/",
    }
    assert data["citation"] == [
        {
            "@type": "WebPage",
            "name": "Chiefs of Mission for Peru",
            "url": "https://history.state.gov/x",
            "datePublished": "2020-05",
            "inLanguage": "en",
            "publisher": {"@type": "Organization", "name": "U.S. Department of State"},
        }
    ]


def test_a_derived_date_is_left_out_of_the_structured_data(client):
    EventFactory(slug="derived", date="by 2022")
    assert "startDate" not in structured(page(client, "/events/derived/"))["mainEntity"]


def test_an_envoy_is_a_person_with_the_roles_held(client, source):
    envoy = EnvoyFactory(slug="james-cooley", name="James Cooley", birth_year=1791, death_year=1828)
    legation = MissionFactory(slug="legation", name="Legation in Lima")
    appointment = AppointmentFactory(
        envoy=envoy, mission=legation, credentials_presented="1827-05-21", ended="1828-02-24"
    )
    AppointmentFactory(envoy=envoy, mission=legation, is_nominee_only=True)
    CitationFactory(entry=appointment, source=source)
    data = structured(page(client, "/envoys/james-cooley/"))
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert (person["birthDate"], person["deathDate"]) == ("1791", "1828")
    assert person["nationality"] == {"@type": "Country", "name": "United States"}
    assert person["worksFor"] == [
        {
            "@type": "Role",
            "roleName": "chargé d’affaires",
            "startDate": "1827-05-21",
            "endDate": "1828-02-24",
            "worksFor": {
                "@type": "GovernmentOrganization",
                "name": "Legation in Lima",
                "url": "http://testserver/missions/legation/",
            },
        }
    ]
    # The appointment's source is cited too, after the envoy's own.
    assert [c["name"] for c in data["citation"]][-1] == "Chiefs of Mission for Peru"


def test_a_mission_is_a_government_office_and_an_agreement_legislation(client):
    MissionFactory(
        slug="embassy",
        name="Embassy in Lima",
        kind=Mission.Kind.EMBASSY,
        address="Avenida La Encalada",
        latitude="-12.099",
        longitude="-76.969",
        opened="1920-04-24",
    )
    office = structured(page(client, "/missions/embassy/"))["mainEntity"]
    assert office["@type"] == "GovernmentOffice"
    assert office["foundingDate"] == "1920-04-24"
    assert office["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Avenida La Encalada",
        "addressLocality": "Lima",
        "addressCountry": "PE",
    }
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": -12.099, "longitude": -76.969}
    AgreementFactory(slug="ptpa", title="Trade Promotion Agreement", short_name="PTPA", signed="2006-04")
    legislation = structured(page(client, "/agreements/ptpa/"))["mainEntity"]
    assert legislation["@type"] == "Legislation"
    assert legislation["alternateName"] == "PTPA"
    assert legislation["legislationDate"] == "2006-04"
    assert legislation["legislationType"] == "treaty"
    assert legislation["legislationLegalForce"] == "https://schema.org/InForce"


def test_no_text_can_end_the_structured_data_element(client):
    title = "</script><script>alert(1)</script><!-- & >"
    EventFactory(slug="tricky", title=title)
    html = client.get("/events/tricky/").content.decode()
    head = html[: html.index("</head>")]
    start = head.index('<script type="application/ld+json">')
    element = head[start : head.index("</script>", start)]
    assert "<" not in element[1:] and ">" not in element[element.index(">") + 1 :]
    assert structured(lxml.html.fromstring(html))["name"] == title


# Cite this page


def test_the_page_gives_a_chicago_citation_and_bibtex_with_its_permanent_link(client, source):
    event = recorded(
        EventFactory, slug="recognition", title="Recognition & {braces}", citation__source=source
    )
    version = Version.objects.get_for_object(event).first()
    permalink = f"http://testserver/events/recognition/versions/{version.pk}/"
    document = page(client, "/events/recognition/")
    (section,) = document.xpath('//section[@class="cite-page"]')
    (bookmark,) = section.xpath('.//a[@rel="bookmark"]')
    assert bookmark.get("href") == permalink
    today = timezone.localdate()
    accessed = f"{today:%B} {today.day}, {today.year}"
    (chicago,) = section.xpath('.//p[@class="citation-chicago"]')
    assert " ".join(chicago.text_content().split()) == (
        f"Chicago: “Recognition & {{braces}}.” Peru–United States relations. Last modified March 3, 2025. "
        f"Accessed {accessed}. {permalink}."
    )
    bibtex = section.xpath('.//pre[@class="citation-bibtex"]')[0].text_content()
    assert bibtex.startswith("@misc{prus-event-recognition,\n")
    assert "  title = {{Recognition \\& \\{braces\\}}},\n" in bibtex
    assert f"  url = {{{permalink}}},\n" in bibtex
    assert "  year = {2025},\n  month = mar,\n" in bibtex
    assert f"  urldate = {{{today.isoformat()}}}\n}}" in bibtex


def test_an_entry_with_no_version_recorded_is_cited_by_its_address(client):
    EventFactory(slug="unrecorded")
    document = page(client, "/events/unrecorded/")
    assert not document.xpath('//a[@rel="bookmark"]')
    (chicago,) = document.xpath('//p[@class="citation-chicago"]')
    assert chicago.xpath(".//a/@href") == ["http://testserver/events/unrecorded/"]


# The permanent link keeps showing its version.


@pytest.fixture
def editor(client):
    user = User.objects.create_user("ana", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_the_permanent_link_shows_its_version_after_an_edit_and_says_a_newer_one_exists(
    client, editor, source
):
    recorded(
        EventFactory,
        slug="recognition",
        title="The United States recognizes Peru",
        citation__source=source,
        citation__quotation="The words of the first version.",
    )
    before = page(client, "/events/recognition/")
    permalink = before.xpath('//a[@rel="bookmark"]/@href')[0]
    prefix = "relations-citation-content_type-object_id-0"
    changes = {"title": "Peru recognized", f"{prefix}-quotation": "The words as corrected."}
    assert (
        submit(
            client, "/admin/relations/event/recognition/change/", changes, form_id="event_form"
        ).status_code
        == 302
    )
    client.logout()

    old = page(client, permalink)
    assert old.xpath("//h1")[0].text_content() == "The United States recognizes Peru"
    assert "The words of the first version." in old.xpath('//ol[@class="notes-list"]')[0].text_content()
    (note,) = old.xpath('//div[@class="version-note"]')
    assert "A newer version exists:" in note.text_content()
    assert note.xpath(".//a/@href") == ["/events/recognition/"]
    assert old.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert old.xpath('//a[@rel="bookmark"]/@href') == [permalink]
    assert structured(old)["name"] == "The United States recognizes Peru"
    assert "Last modified March 3, 2025" in old.xpath('//p[@class="citation-chicago"]')[0].text_content()

    now = page(client, "/events/recognition/")
    assert now.xpath("//h1")[0].text_content() == "Peru recognized"
    assert "The words as corrected." in now.xpath('//ol[@class="notes-list"]')[0].text_content()
    newest = now.xpath('//a[@rel="bookmark"]/@href')[0]
    assert newest != permalink
    current = page(client, newest)
    assert "It is the current version." in current.xpath('//div[@class="version-note"]')[0].text_content()


def test_an_envoys_version_keeps_its_appointments_and_their_citations(client, source):
    with revisions.recording("Imported"):
        envoy = EnvoyFactory(slug="james-cooley", name="James Cooley")
        appointment = AppointmentFactory(envoy=envoy, slug="cooley-1826", ended="1828-02-24")
        CitationFactory(entry=appointment, source=source, locator="pe-1826-cool-01")
    permalink = page(client, "/envoys/james-cooley/").xpath('//a[@rel="bookmark"]/@href')[0]
    with revisions.recording("Corrected"):
        appointment.ended = "1828-03-01"
        appointment.save()
        Citation.objects.filter(object_id="cooley-1826").update(locator="changed")
    old = page(client, permalink)
    assert old.xpath('//tr[@id="cooley-1826"]//time[@datetime="1828-02-24"]')
    assert "pe-1826-cool-01" in old.xpath('//ol[@class="notes-list"]')[0].text_content()
    assert page(client, "/envoys/james-cooley/").xpath(
        '//tr[@id="cooley-1826"]//time[@datetime="1828-03-01"]'
    )


def test_versions_that_are_not_public_are_not_found(client):
    with revisions.recording("Drafted"):
        event = EventFactory(slug="recognition", draft=True)
    draft_version = Version.objects.get_for_object(event).first()
    with revisions.recording("Published"):
        event.status = Event.Status.PUBLISHED
        event.save()
    published_version = Version.objects.get_for_object(event).first()
    other = recorded(EventFactory, slug="other")
    other_version = Version.objects.get_for_object(other).first()
    assert client.get(f"/events/recognition/versions/{published_version.pk}/").status_code == 200
    assert client.get(f"/events/recognition/versions/{draft_version.pk}/").status_code == 404
    assert client.get(f"/events/recognition/versions/{other_version.pk}/").status_code == 404
    assert client.get(f"/missions/recognition/versions/{published_version.pk}/").status_code == 404
    Event.objects.filter(pk="recognition").update(status=Event.Status.DRAFT)
    assert client.get(f"/events/recognition/versions/{published_version.pk}/").status_code == 404


@pytest.mark.parametrize("kind", ["event", "envoy", "mission", "agreement"])
def test_a_version_page_takes_the_same_queries_however_many_citations(client, kind, source):
    factories = {"event": EventFactory, "envoy": EnvoyFactory, "mission": MissionFactory}
    factories["agreement"] = AgreementFactory

    def version_page_queries(count):
        with revisions.recording("Imported"):
            entry = factories[kind](slug=f"entry-{count}", citation__source=source)
            for _number in range(count):
                CitationFactory(entry=entry, source=SourceFactory())
            if kind == "envoy":
                for number in range(count):
                    AppointmentFactory(envoy=entry, slug=f"appointment-{count}-{number}")
        version = Version.objects.get_for_object(entry).first()
        url = f"/{kind}s/{entry.slug}/versions/{version.pk}/"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small, large = version_page_queries(1), version_page_queries(15)
    assert small == large
    assert large <= 14
