"""The pages for people when something is wrong: not found, server error; the health page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path
from pytest_django.asserts import assertContains

from config import urls as site_urls

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("A bug in a view")


# The site's URLs and error handler, with one view that fails.
urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler500 = site_urls.handler500


def test_a_page_not_found_is_in_the_sites_design(client):
    response = client.get("/events/no-such-event/")
    assertContains(response, "<h1>Page not found</h1>", html=True, status_code=404)
    page = response.content.decode()
    assert 'class="site-nav"' in page
    assert 'action="/search/"' in page


@pytest.mark.urls("tests.test_error_pages")
def test_a_server_error_is_a_plain_page_that_needs_no_database():
    client = Client(raise_request_exception=False)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/broken/")
    assert response.status_code == 500
    assert len(queries) == 0
    page = response.content.decode()
    assert "<h1>Something went wrong on our side</h1>" in page
    assert "A bug in a view" not in page
    assert "Traceback" not in page
    assert 'href="/static/css/site.css"' in page
    assert response["Cache-Control"] == "no-store"


def test_the_health_page_reports_the_database_and_the_cache_and_is_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_the_health_page_only_answers_reads(client):
    assert client.post("/health/").status_code == 405
