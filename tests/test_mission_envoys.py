"""A mission's table of its envoys: in the order they began, with the time in post a source gives."""

import pytest

from . import html
from .factories import AppointmentFactory, EnvoyFactory, MissionFactory

pytestmark = pytest.mark.django_db


def table(client, url, language="en"):
    """The table's rows, each a list of its cells' text, its header row first."""
    prefix = "" if language == "en" else f"/{language}"
    page = html.get(client, f"{prefix}{url}")
    return [
        [html.text(cell) for cell in row.iterchildren()]
        for row in html.select(page, "main .appointments-table tr")
    ]


def at_post(mission, name, **dates):
    """An appointment to ``mission`` with only the ``dates`` given."""
    undated = {"appointed": None, "credentials_presented": None, "ended": None}
    return AppointmentFactory(mission=mission, envoy=EnvoyFactory(name=name), **(undated | dates))


def test_envoys_known_only_by_a_time_in_post_are_in_its_order_and_show_it(client):
    embassy = MissionFactory(slug="embassy")
    at_post(embassy, "Later", held_from="1976")
    at_post(embassy, "Earlier", held_from="1949-01-18", held_to="1963-12")
    at_post(embassy, "Known by the end", held_to="1968-10")
    at_post(embassy, "Credited", credentials_presented="1950-03-01", ended="1955")
    at_post(embassy, "Undated")
    rows = table(client, "/missions/embassy/")
    assert rows[0][-1] == "In post"
    assert [(row[0], row[2], row[3], row[4]) for row in rows[1:]] == [
        ("Earlier", "—", "—", "18 January 1949 – December 1963"),
        ("Credited", "1 March 1950", "1955", "—"),
        ("Known by the end", "—", "—", "? – October 1968"),
        ("Later", "—", "—", "1976 –"),
        ("Undated", "—", "—", "—"),
    ]
    assert table(client, "/missions/embassy/", "es")[0][-1] == "En el cargo"


def test_with_no_time_in_post_given_the_table_has_no_column_for_it(client):
    legation = MissionFactory(slug="legation")
    at_post(legation, "Cooley", credentials_presented="1827-05-21", ended="1828-02-24")
    assert table(client, "/missions/legation/")[0] == [
        "Envoy",
        "Rank",
        "Credentials presented",
        "End of mission",
    ]
