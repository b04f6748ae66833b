"""Taking the record away in a real browser: downloads, relations on a date, citing a page."""

import csv
import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# A strict policy: scripts from the site's own address only, none inline, nothing else embedded.
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; img-src 'self' data:"
)

WATCH_VIOLATIONS = """
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
        window.violations.push(event.violatedDirective + " " + event.blockedURI);
    });
"""


def test_a_reader_downloads_the_filtered_list_as_csv_and_json(browse_sample):
    page = browse_sample()
    page.goto("/events/")
    page.get_by_label("Category").select_option(label="Visit")
    page.get_by_label("From year").fill("1950")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_have_text("10 events")
    downloads = page.locator("p.downloads")
    expect(downloads).to_contain_text("Download these 10 results")

    with page.expect_download() as csv_download:
        downloads.get_by_role("link", name="CSV").click()
    assert csv_download.value.suggested_filename == "events.csv"
    with open(csv_download.value.path(), encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 10
    assert {row["category"] for row in rows} == {"visit"}
    assert min(row["date"] for row in rows) >= "1950"
    assert rows[0]["date_precision"] == "month"

    with page.expect_download() as json_download:
        downloads.get_by_role("link", name="JSON").click()
    with open(json_download.value.path(), encoding="utf-8") as stream:
        document = json.load(stream)
    assert document["count"] == 10
    assert document["filters"] == {"category": ["visit"], "year_from": ["1950"], "sort": ["date"]}
    assert [entry["slug"] for entry in document["results"]] == [row["slug"] for row in rows]
    assert all(entry["citations"] for entry in document["results"])


def test_a_full_date_leads_to_the_relations_on_that_day(browse_sample):
    page = browse_sample()
    page.goto("/envoys/james-cooley/")
    page.locator("tr#cooley-1826").get_by_role("link", name="21 May 1827").click()
    expect(page).to_have_url(re.compile(r"/on/1827-05-21/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Relations on 21 May 1827")
    envoys = page.locator('section[aria-labelledby="envoys-us"]')
    expect(envoys.locator("li")).to_have_count(1)
    expect(envoys.locator("li")).to_contain_text("James Cooley")
    expect(envoys.locator("li")).to_contain_text("In post.")
    envoys.get_by_role("link", name="James Cooley").click()
    expect(page).to_have_url(re.compile(r"/envoys/james-cooley/#cooley-1826$"))


def test_the_day_form_works_without_javascript(browse_sample):
    page = browse_sample(javascript=False)
    page.goto("/on/")
    page.get_by_label("Day").fill("1919-09-22")
    page.get_by_role("button", name="Show this date").click()
    expect(page).to_have_url(re.compile(r"/on/1919-09-22/$"))
    expect(page.locator('section[aria-labelledby="envoys-us"] li')).to_contain_text("William E. Gonzales")


def test_the_structured_data_passes_a_strict_content_security_policy(browse_sample):
    page = browse_sample()

    def with_policy(route):
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": STRICT_POLICY}
        )

    page.route(re.compile(r".*/(events|envoys|missions|agreements)/[^/]+/$"), with_policy)
    page.add_init_script(WATCH_VIOLATIONS)
    for url, kind in [
        ("/events/recognition/", "Event"),
        ("/envoys/james-cooley/", "Person"),
        ("/missions/us-embassy-lima/", "GovernmentOffice"),
        ("/agreements/treaty-1851/", "Legislation"),
    ]:
        page.goto(url)
        data = page.evaluate(
            "JSON.parse(document.querySelector(\"script[type='application/ld+json']\").textContent)"
        )
        assert data["mainEntity"]["@type"] == kind
        assert page.evaluate("window.violations") == [], url
    # The policy is in force: an inline script is refused, and the refusal is seen.
    inline_script = (
        '() => { const s = document.createElement("script"); s.textContent = "1"; document.body.append(s); }'
    )
    page.evaluate(inline_script)
    page.wait_for_function("window.violations.length > 0")
    assert page.evaluate("window.violations")[0].startswith("script-src")
