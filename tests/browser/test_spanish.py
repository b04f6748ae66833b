"""The site in Spanish, in a real browser: switching language on a filtered list, and accessibility."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_a_reader_switches_a_filtered_list_to_spanish_and_back_keeping_the_filters(browse_sample):
    page = browse_sample()
    page.goto("/events/")
    page.get_by_label("Category").select_option(label="Visit")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"/events/\?.*category=visit"))
    count = page.locator("#result-count").inner_text()

    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/events/\?.*category=visit"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acontecimientos")
    expect(page.get_by_label("Categoría")).to_have_value("visit")
    # The same entries, counted in Spanish.
    assert re.sub(r"\D", "", page.locator("#result-count").inner_text()) == re.sub(r"\D", "", count)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"^[^?]*/events/\?.*category=visit"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


SPANISH_PAGES = [
    "/es/",
    "/es/events/",
    "/es/events/recognition/",
    "/es/envoys/james-cooley/",
    "/es/missions/us-legation-lima/",
    "/es/agreements/",
    "/es/agreements/treaty-1851/",
    "/es/sources/pocom-peru/",
    "/es/timeline/",
    "/es/search/?q=lima",
    "/es/on/1827-05-21/",
]


# The Spanish pages differ from the English ones, which are checked at both widths, in their
# words only: they are checked at the phone's width, where longer words crowd the page most.
def test_axe_finds_no_violations_on_the_spanish_pages_and_they_fit_a_phone(
    chromium, site_server, sample_site, axe, axe_source
):
    context = new_context(chromium, site_server.url, PHONE)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    found, wider = {}, {}
    for url in SPANISH_PAGES:
        page.goto(url)
        violations = axe(page)
        if violations:
            found[url] = violations
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wider[url] = width
    context.close()
    assert found == {}
    assert wider == {}
