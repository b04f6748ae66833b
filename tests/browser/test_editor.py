"""An editor's way through the admin in a real browser: open an entry, change it, save it."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from relations.permissions import EDITORS
from tests.factories import PASSWORD, UserFactory

from .conftest import new_context

# The django_db mark has the test database created; each test runs in a transaction of its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def editor_context(chromium, site_server, sample_site, django_db_blocker):
    """A browser context in which an editor has logged in through the login page, once for the module."""
    with django_db_blocker.unblock():
        user = UserFactory(username="ana", is_staff=True)
        user.groups.add(Group.objects.get(name=EDITORS))
    context = new_context(chromium, site_server.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()
    page.close()
    yield context
    context.close()


@pytest.fixture
def editor_page(editor_context):
    page = editor_context.new_page()
    yield page
    page.close()


# (change form, field to edit, new value): one entry of every type, with its inlines.
EDITS = [
    ("envoy/william-gonzales", "biography", "Ambassador to Peru, 1920–1921."),
    ("event/recognition", "summary", "Cooley's appointment recognized Peru's independence."),
    ("mission/us-embassy-lima", "city", "Lima"),
    ("agreement/treaty-1851", "place_signed", "Lima, Peru"),
    ("source/pocom-peru", "description", "The register of U.S. chiefs of mission."),
    ("appointment/gonzales-1920", "note", "Raised to ambassador when the legation became an embassy."),
]


@pytest.mark.parametrize(("change_form", "field", "value"), EDITS, ids=[e[0].split("/")[0] for e in EDITS])
def test_an_editor_edits_an_entry_of_every_type_and_saves(editor_page, change_form, field, value):
    page = editor_page
    page.goto(f"/admin/relations/{change_form}/change/")
    page.locator(f"#id_{field}").fill(value)
    page.locator("#content-main form").get_by_role("button", name="Save", exact=True).last.click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    expect(page.locator(".errornote")).to_have_count(0)
    model_name, pk = change_form.split("/")
    saved = apps.get_model("relations", model_name).objects.get(pk=pk)
    assert getattr(saved, field) == value
