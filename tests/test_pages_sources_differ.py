"""How a page shows where its sources differ, each case on a small entry of its own."""

import pytest

from . import html
from .factories import AgreementFactory, AppointmentFactory, CitationFactory, EventFactory, MissionFactory

pytestmark = pytest.mark.django_db


def test_sources_differ_is_shown_even_for_a_claim_the_page_has_no_place_for(client):
    event = EventFactory(slug="moot", citation=None)
    CitationFactory(entry=event, claim="body", value="One telling")
    CitationFactory(entry=event, claim="body", value="Another telling")
    [differ] = html.select(html.get(client, "/events/moot/"), "main .notes .differ")
    assert html.texts(differ, ".differ-title") == ["Sources differ on the body:"]
    assert html.texts(differ, ".differ-value") == ["One telling", "Another telling"]


def test_differing_choices_are_shown_by_their_labels(client):
    agreement = AgreementFactory(slug="pending", citation=None)
    CitationFactory(entry=agreement, claim="agreement_status", value="in-force")
    CitationFactory(entry=agreement, claim="agreement_status", value="signed")
    page = html.get(client, "/agreements/pending/")
    assert sorted(html.texts(page, "main .differ .differ-value")) == ["In force", "Signed"]


def test_agreeing_sources_are_not_a_difference(client):
    event = EventFactory(slug="agreed", citation=None, date="1900")
    CitationFactory(entry=event, claim="date", value="1900")
    CitationFactory(entry=event, claim="date", value="1900")
    CitationFactory(entry=event, claim="date")
    page = html.get(client, "/events/agreed/")
    assert html.select(page, ".differ") == []
    assert html.hrefs(page, "main article > dl.facts sup.ref a") == ["#note-1", "#note-2", "#note-3"]


@pytest.mark.parametrize(
    "language, items",
    [
        ("en", ["2 May 1826 — Older [1]; Guide [2] (gives 1826)", "21 May 1827 — Register [3]"]),
        (
            "es",
            ["2 de mayo de 1826 — Older [1]; Guide [2] (indica 1826)", "21 de mayo de 1827 — Register [3]"],
        ),
    ],
)
def test_each_source_is_credited_with_the_value_it_gives_not_a_more_precise_one(client, language, items):
    event = EventFactory(slug="recognized", citation=None, date="1826-05-02")
    CitationFactory(entry=event, source__title="Older", claim="date", value="1826-05-02")
    CitationFactory(entry=event, source__title="Guide", claim="date", value="1826")
    CitationFactory(entry=event, source__title="Register", claim="date", value="1827-05-21")
    prefix = "" if language == "en" else f"/{language}"
    [differ] = html.select(html.get(client, f"{prefix}/events/recognized/"), "main .differ")
    assert html.texts(differ, ".differ-item") == items


def test_a_missions_table_of_envoys_sends_the_reader_to_the_envoy_where_the_sources_differ_on_a_date(client):
    mission = MissionFactory(slug="embassy")
    differing = AppointmentFactory(mission=mission, slug="briggs-1955", credentials_presented="1955-05-27")
    CitationFactory(entry=differing, claim="credentials_presented", value="1955-03-27")
    CitationFactory(entry=differing, claim="credentials_presented", value="1955-05-27")
    agreeing = AppointmentFactory(mission=mission, slug="achilles-1956", credentials_presented="1956-10-01")
    CitationFactory(entry=agreeing, claim="credentials_presented", value="1956")
    CitationFactory(entry=agreeing, claim="credentials_presented", value="1956-10-01")
    CitationFactory(entry=agreeing, claim="ended", value="1960")
    page = html.get(client, "/missions/embassy/")
    rows = {
        html.text(html.one(row, "th")): html.hrefs(row, "td a.differ-flag")
        for row in html.select(page, "main .appointments-table tbody tr")
    }
    assert rows == {
        differing.envoy.name: [f"{differing.envoy.get_absolute_url()}#briggs-1955"],
        agreeing.envoy.name: [],
    }
    [flagged] = html.select(page, "main .appointments-table td:has(a.differ-flag)")
    assert flagged.get("data-label") == "Credentials presented"
    assert html.text(html.one(flagged, "a.differ-flag")) == "sources differ"
