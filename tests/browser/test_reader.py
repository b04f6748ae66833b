"""A reader's way through the site in a real browser: filters, pages, entries, citations."""

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, SCREENSHOTS, new_context

# The django_db mark has the test database created; each test runs in a transaction of its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def query(page):
    return parse_qs(urlsplit(page.url).query)


def test_reader_filters_events_pages_through_and_follows_a_citation(browse_sample):
    page = browse_sample()
    page.goto("/events/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    expect(page.locator("#result-count")).to_have_text("62 events")

    page.get_by_label("Category").select_option(label="Visit")
    page.get_by_label("From year").fill("1900")
    page.get_by_label("To year").fill("1959")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_have_text("60 events")
    assert query(page) == {
        "category": ["visit"],
        "year_from": ["1900"],
        "year_to": ["1959"],
        "sort": ["date"],
    }

    page.locator('a[rel="next"]').click()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert query(page) == {
        "category": ["visit"],
        "year_from": ["1900"],
        "year_to": ["1959"],
        "sort": ["date"],
        "page": ["2"],
    }
    expect(page.get_by_label("Category")).to_have_value("visit")
    expect(page.get_by_label("To year")).to_have_value("1959")
    expect(page.locator(".items .item")).to_have_count(20)

    page.get_by_role("link", name="Official visit number 56").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Official visit number 56")
    expect(page.locator("time").first).to_have_attribute("datetime", "1955-02")
    expect(page.locator("time").first).to_have_text("February 1955")

    page.locator("#note-1").get_by_role("link", name="U.S. Relations With Peru").click()
    expect(page).to_have_url(re.compile(r"/sources/state-fact-sheet/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("U.S. Relations With Peru")
    expect(page.locator(".citing")).to_contain_text("Official visit number 56")

    page.locator(".citing").get_by_role("link", name="Federico Alfonso Pezet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Federico Alfonso Pezet")
    expect(page.locator(".appointments-table")).to_contain_text(
        "Ambassador extraordinary and plenipotentiary"
    )


def test_reader_sees_where_sources_differ_and_jumps_to_the_note(browse_sample):
    page = browse_sample()
    page.goto("/events/recognition/")
    differ = page.locator(".differ")
    expect(differ).to_contain_text("Sources differ")
    expect(differ).to_contain_text("2 May 1826")
    expect(differ).to_contain_text("1827")
    expect(differ).to_contain_text("U.S. Relations With Peru")
    page.locator("#ref-2").click()
    expect(page).to_have_url(re.compile(r"#note-2$"))
    expect(page.locator("#note-2")).to_be_in_viewport()
    expect(page.locator("#note-2")).to_contain_text("established diplomatic relations with Peru in 1827")


def test_reader_filters_envoys_by_sending_country_and_year_in_office(browse_sample):
    page = browse_sample()
    page.goto("/envoys/")
    expect(page.locator("#result-count")).to_have_text("4 envoys")

    page.get_by_label("Sent by").select_option(label="United States")
    page.get_by_label("In office during").fill("1920")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_have_text("1 envoy")
    expect(page.locator(".items")).to_contain_text("William E. Gonzales")

    page.get_by_label("Sent by").select_option(label="Peru")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_have_text("1 envoy")
    expect(page.locator(".items")).to_contain_text("Federico Alfonso Pezet")
    assert query(page) == {"sending": ["pe"], "in_office": ["1920"], "sort": ["name"]}

    page.get_by_label("In office during").fill("nineteen twenty")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".field-invalid")).to_contain_text("Enter a whole number.")


def test_the_site_works_by_keyboard(browse_sample):
    page = browse_sample()
    page.goto("/events/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None, "the skip link is not shown when focused"
    assert box["y"] >= 0, "the skip link stays off screen when focused"
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "focus is not visible"
    page.keyboard.press("Enter")
    # The next Tab goes into the main content, past the site's header.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused

    page.get_by_label("Category").focus()
    page.keyboard.press("ArrowDown")  # the first category
    page.keyboard.press("Tab")  # to the topic
    page.keyboard.press("Tab")  # to the first year
    expect(page.get_by_label("From year")).to_be_focused()
    page.keyboard.type("1826")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"category=diplomatic"))
    assert query(page)["year_from"] == ["1826"]
    expect(page.locator("#result-count")).to_have_text("1 event")


def test_the_filters_work_without_javascript(browse_sample):
    wide = browse_sample(viewport=DESKTOP, javascript=False)
    wide.goto("/missions/")
    expect(wide.get_by_label("Status")).to_be_visible()

    page = browse_sample(viewport=PHONE, javascript=False)
    page.goto("/missions/")
    # Folded on a phone from the first paint, without any script; opened by its summary.
    expect(page.get_by_label("Status")).to_be_hidden()
    page.locator("details.filters summary").click()
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_have_text("2 missions")
    page.goto("/timeline/?type=agreement")
    expect(page.locator(".timeline-item")).to_have_count(1)
    expect(page.locator(".timeline-item")).to_contain_text("Treaty of Friendship")
    # A filter that cannot be read keeps the form open on a phone, with its message.
    page.goto("/missions/?kind=nonsense")
    expect(page.get_by_label("Kind")).to_be_visible()


def test_on_phones_the_filters_fold_away_until_asked_for(browse_sample):
    page = browse_sample(viewport=PHONE)
    page.goto("/events/")
    details = page.locator("details.filters")
    expect(details).not_to_have_attribute("open", "")
    page.get_by_text("Filter and sort").click()
    expect(page.get_by_label("Category")).to_be_visible()


# A page of every type, lists with their results and with a filter error.
PAGE_TYPES = {
    "home": "/",
    "events": "/events/",
    "events-invalid": "/events/?year_from=abc&category=gossip",
    "event": "/events/recognition/",
    "envoys": "/envoys/",
    "envoy": "/envoys/james-cooley/",
    "envoy-with-biography": "/envoys/william-gonzales/",
    "missions": "/missions/",
    "mission": "/missions/us-legation-lima/",
    "agreements": "/agreements/",
    "agreement": "/agreements/treaty-1851/",
    "sources": "/sources/",
    "source": "/sources/pocom-peru/",
    "timeline": "/timeline/",
    "timeline-invalid": "/timeline/?year_from=x",
    "search": "/search/?q=lima",
    "on-a-day": "/on/1827-05-21/",
    "on-a-year": "/on/1920/",
    "on-invalid": "/on/?day=nonsense",
    "about-data": "/about/data/",
}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# The colour scheme changes the colours only, and the colours do not change with the width:
# in dark mode the colour rules are checked again, at one width.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# The scripts of a page that would run: not its data blocks (structured data, ld+json).
RUNNABLE_SCRIPTS = "[...document.scripts].filter(s => !s.type || /javascript|module/i.test(s.type)).length"


@pytest.fixture(scope="module")
def page_checks(chromium, site_server, sample_site, axe, axe_source):
    """
    Every page type at phone and desktop widths: what axe-core finds in light mode (every
    rule), in dark mode (the colour rules, at desktop width) and how wide the page is.
    With ``SCREENSHOTS`` set, each page is also saved as a screenshot in ``screenshots/``.

    Each page is loaded once, at the phone's width, and then widened: the site has no
    script (which ``test_pages_have_no_script`` checks), so its layout at a width is its
    style sheet's alone, however the width came.
    """
    screenshots = bool(os.environ.get("SCREENSHOTS"))
    if screenshots:
        SCREENSHOTS.mkdir(exist_ok=True)
    checks = {}
    context = new_context(chromium, site_server.url, PHONE)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    for name, url in PAGE_TYPES.items():
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme="light")
        page.goto(url)
        scripts = page.evaluate(RUNNABLE_SCRIPTS)
        for width, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            checks[name, width] = {
                "light": axe(page),
                "width": page.evaluate("document.documentElement.scrollWidth"),
                "scripts": scripts,
            }
            if screenshots:
                page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        page.emulate_media(color_scheme="dark")
        checks[name, "desktop"]["dark"] = axe(page, rules=COLOUR_RULES)
    context.close()
    return checks


PAGE_CHECKS = [(name, width) for name in PAGE_TYPES for width in WIDTHS]
PAGE_CHECK_IDS = [f"{name}-{width}" for name, width in PAGE_CHECKS]


@pytest.mark.parametrize(("name", "width"), PAGE_CHECKS, ids=PAGE_CHECK_IDS)
def test_axe_finds_no_violations(page_checks, name, width):
    assert page_checks[name, width]["light"] == []


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_colour_violations_in_dark_mode(page_checks, name):
    assert page_checks[name, "desktop"]["dark"] == []


@pytest.mark.parametrize(("name", "width"), PAGE_CHECKS, ids=PAGE_CHECK_IDS)
def test_pages_fit_the_screen(page_checks, name, width):
    assert page_checks[name, width]["width"] <= WIDTHS[width]["width"]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_pages_have_no_script(page_checks, name):
    # Were there one, a page widened after loading might not be the page loaded at that width.
    assert page_checks[name, "phone"]["scripts"] == 0
