"""
Stored content is inert: script stored in every text field of an entry and its citation,
through the admin, runs nowhere it is shown, in the public pages or in the admin.
"""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INLINE = "relations-citation-content_type-object_id-0"
EVENT_FIELDS = ["title", "summary", "body", "editorial_note"]
CITATION_FIELDS = ["locator", "quotation", "value"]
# Each payload, should it run, says which field it came from.
PAYLOAD = (
    "</title></textarea><script>window.__ran.push('{field}')</script>"
    "<img src=x onerror=\"window.__ran.push('{field}')\">"
    "\"'><svg onload=\"window.__ran.push('{field}')\"></svg>"
)
# Before any page script: where a payload would report, and every breach of the policy.
WATCH = """
window.__ran = [];
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def payload(field):
    return PAYLOAD.format(field=field)


def assert_inert(page, where):
    page.wait_for_load_state("load")
    assert page.evaluate("window.__ran") == [], where
    assert page.evaluate("window.__violations") == [], where


@pytest.fixture
def editor_page(browse, live_server):
    from relations.models import Source

    User.objects.create_superuser("ana", password="a-long-password")
    Source.objects.create(title=payload("source title"), slug="a-source", kind="web-page")
    page = browse()
    page.context.add_init_script(WATCH)
    page.goto("/admin/login/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def test_stored_script_runs_nowhere_it_is_shown(editor_page):
    from relations.models import Event, Source

    page = editor_page
    page.goto("/admin/relations/event/add/")
    for field in EVENT_FIELDS:
        page.fill(f"#id_{field}", payload(field))
    page.fill("#id_slug", "stored-payloads")
    page.select_option("#id_status", "published")
    page.select_option("#id_category", index=1)
    page.fill("#id_date", "1900")
    # The source's box is filled by the autocomplete's requests: choose it as that would.
    source = Source.objects.get()
    page.evaluate(
        "([id, pk]) => document.getElementById(id).add(new Option('A source', pk, true, true))",
        [f"id_{INLINE}-source", str(source.pk)],
    )
    for field in CITATION_FIELDS:
        page.fill(f"#id_{INLINE}-{field}", payload(f"citation {field}"))
    page.select_option(f"#id_{INLINE}-claim", "summary")
    page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert_inert(page, "the change form after saving")

    event = Event.objects.get(slug="stored-payloads")
    assert event.title == payload("title")
    assert event.citations.get().quotation == payload("citation quotation")

    # A second version, so that there is something to compare.
    page.fill("#id_summary", payload("summary") + " Edited.")
    page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    for url, where in [
        ("/events/stored-payloads/", "the public page"),
        ("/events/", "the list"),
        ("/timeline/", "the timeline"),
        ("/search/?q=window", "the search"),
        (f"/sources/{source.slug}/", "the source's page"),
        (f"/admin/relations/event/{event.pk}/change/", "the admin change form"),
        (f"/admin/relations/event/{event.pk}/history/", "the history"),
        (f"/admin/relations/event/{event.pk}/history/compare/", "the comparison"),
        ("/admin/relations/event/", "the admin list"),
    ]:
        page.goto(url)
        assert_inert(page, where)

    page.goto("/events/stored-payloads/")
    expect(page.get_by_role("heading", level=1)).to_have_text(payload("title"))
    page.goto(f"/admin/relations/event/{event.pk}/history/compare/")
    expect(page.locator(".version-diff ins")).to_contain_text("Edited")
