"""
Relations on a date against the register itself: for days from 1827 to 2020, the U.S. chief
of mission the committed fixtures have in post, worked out here from the fixture files alone.
"""

import calendar
import datetime
import json

import lxml.html
import pytest

from relations import fixtures
from relations.models import Appointment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed_content")]


def bounds(value):
    """The first and last day a stated date of the fixtures may denote: "1992-09" is all September."""
    parts = [int(part) for part in value.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    last_month = month or 12
    return (
        datetime.date(year, month or 1, day or 1),
        datetime.date(year, last_month, day or calendar.monthrange(year, last_month)[1]),
    )


def us_register():
    """The U.S. chiefs of mission as the fixture files give them, nominees who did not serve left out."""
    records = json.loads((fixtures.fixture_dir() / "envoys.json").read_text())
    missions = json.loads((fixtures.fixture_dir() / "missions.json").read_text())
    names = {r["pk"]: r["fields"]["name"] for r in records if r["model"] == "relations.envoy"}
    sent_by = {m["pk"]: m["fields"]["sending_country"] for m in missions}
    register = []
    for record in records:
        fields = record["fields"]
        if record["model"] != "relations.appointment" or sent_by[fields["mission"]] != "us":
            continue
        if fields["is_nominee_only"] or not fields["credentials_presented"]:
            # Without a presentation of credentials, only nominees and the undated current
            # envoys remain: the register puts none of them in post on any day.
            assert fields["is_nominee_only"] or not (fields["appointed"] or fields["ended"]), record["pk"]
            continue
        assert fields["ended"], f"{record['pk']}: every dated U.S. mission of the register has ended"
        register.append(
            (record["pk"], names[fields["envoy"]], fields["credentials_presented"], fields["ended"])
        )
    return register


def expected_on(register, day):
    """(certainly in post, possibly in post) on ``day``: from credentials presented to end of mission."""
    certain, possible = set(), set()
    for slug, _name, presented, ended in register:
        (first_presented, last_presented), (first_ended, last_ended) = bounds(presented), bounds(ended)
        if last_presented <= day <= first_ended:
            certain.add(slug)
        elif first_presented <= day <= last_ended:
            possible.add(slug)
    return certain, possible


def days_to_check(register):
    """A day of every fifth year from 1827 to 2020, and the days at and beside every date of the register."""
    days = {datetime.date(year, 7, 1) for year in range(1827, 2021, 5)}
    for _slug, _name, presented, ended in register:
        for value in (presented, ended):
            first, last = bounds(value)
            days.update([first - datetime.timedelta(days=1), first, last, last + datetime.timedelta(days=1)])
    return sorted(days)


def test_the_register_has_the_chiefs_of_mission_from_1827_to_2020():
    register = us_register()
    assert len(register) >= 50
    assert min(bounds(presented)[0] for _s, _n, presented, _e in register) == datetime.date(1827, 5, 21)
    assert max(bounds(ended)[1] for _s, _n, _p, ended in register) == datetime.date(2020, 7, 29)


def test_who_was_in_post_on_every_day_checked_matches_the_register():
    register = us_register()
    days = days_to_check(register)
    assert len(days) > 300
    gaps = partial = 0
    for day in days:
        certain, possible = expected_on(register, day)
        # The register's chiefs of mission (their appointments are named by pocom's ids).
        found = Appointment.objects.published().in_post_on(day).filter(slug__startswith="pe-")
        assert {a.slug for a in found if a.certain} == certain, day
        assert {a.slug for a in found if not a.certain} == possible, day
        gaps += not certain and not possible
        partial += bool(possible)
    # The days checked include gaps between chiefs of mission and days a partial date leaves open.
    assert gaps > 20
    assert partial > 5


def test_a_span_in_post_from_the_persons_lists_counts_where_the_register_has_no_chief():
    # Between Loeb's end of mission and Jones's credentials, Douglas Henderson was chargé d'affaires.
    found = Appointment.objects.published().in_post_on(datetime.date(1962, 8, 1))
    us = {a.slug: a.certain for a in found.filter(mission__sending_country="us")}
    assert us == {"henderson-douglas-1962": True}
    # An envoy with no end of mission is in post no later than the next envoy of his country.
    peru = {a.slug for a in found.filter(mission__sending_country="pe")}
    assert "osma-joaquin-jose-de-1846" not in peru


# On the page: the U.S. section names the chief of mission, says "possibly", or says there was none.

PAGE_DAYS = [
    "1827-05-20",  # before credentials were first presented
    "1827-05-21",  # James Cooley recognized
    "1828-02-24",  # Cooley died at post
    "1828-06-01",  # no chief of mission: Larned not yet received
    "1837-06-01",  # Thornton, at the legation to the Peru-Bolivian Confederation
    "1845-04-28",  # one left and the next presented credentials the same day: both in post
    "1853-05-01",  # Clay promoted, not yet received in his new rank
    "1920-04-24",  # the legation became an embassy
    "1992-09-10",  # Quainton in post; Brayshaw in charge from some day of September
    "1992-10-10",  # the chargé d'affaires ad interim
    "1993-12-10",  # Brayshaw's charge ended some day of December; Adams not yet received
    "1993-12-20",  # Adams in post; Brayshaw possibly still
    "2002-09-01",  # between Hamilton and Dawson
    "2020-07-29",  # Urs's last day
    "2020-12-31",  # none the register records
]


def us_section(client, day):
    response = client.get(f"/on/{day}/")
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    (section,) = document.xpath('//section[@aria-labelledby="envoys-us"]')
    return section


@pytest.mark.parametrize("day", PAGE_DAYS)
def test_the_page_names_the_us_chief_of_mission_in_post_or_says_there_was_none(client, day):
    register = us_register()
    certain, possible = expected_on(register, datetime.date.fromisoformat(day))
    names = {slug: name for slug, name, _p, _e in register}
    section = us_section(client, day)
    items = section.xpath('.//li[contains(@class, "standing")]')
    shown = {item.xpath("./a")[0].text_content(): "standing-possible" in item.get("class") for item in items}
    assert shown == {**{names[s]: False for s in certain}, **{names[s]: True for s in possible}}
    none = section.xpath('.//p[@class="none"]')
    if certain or possible:
        assert not none
    else:
        assert none[0].text_content() == "The record has no envoy of this country in post on this day."


def test_a_charge_d_affaires_ad_interim_is_named_with_his_rank(client):
    (item,) = us_section(client, "1992-10-10").xpath('.//li[contains(@class, "standing")]')
    assert "Charles H. Brayshaw" in item.text_content()
    assert "chargé d’affaires ad interim" in item.text_content()
    assert item.xpath("./a/@href")[0] == "/envoys/brayshaw-charles-h/#pe-1992-bray-01"


def test_a_month_precise_date_is_said_to_leave_it_open(client):
    items = us_section(client, "1992-09-10").xpath('.//li[contains(@class, "standing-possible")]')
    (status,) = items[0].xpath('.//span[@class="standing-status"]')
    assert " ".join(status.text_content().split()) == "Possibly in post: in post by September 1992."
