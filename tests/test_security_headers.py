"""Every response carries the security headers: public pages, the admin, errors, static files."""

import json

import pytest
from django.test import Client, override_settings

from .factories import EventFactory
from .production import run_in_production

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_secure_headers(response):
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.fixture
def event():
    return EventFactory(title="Recognition", slug="recognition")


def test_a_public_page_carries_the_headers(client, event):
    response = client.get("/events/recognition/")
    assert response.status_code == 200
    assert_secure_headers(response)


def test_an_admin_page_carries_the_headers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_secure_headers(response)


def test_a_page_not_found_carries_the_headers(client):
    response = client.get("/events/no-such-event/")
    assert response.status_code == 404
    assert_secure_headers(response)


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_a_static_file_carries_the_headers():
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert_secure_headers(response)


# Committed, as on a site: the page cache keeps no page while a change is uncommitted.
@pytest.mark.django_db(transaction=True)
def test_a_page_served_from_the_page_cache_carries_the_headers(event, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "header-tests"},
    }
    client = Client()
    first = client.get("/events/recognition/")
    # Behind the signals' back, so that the next page can only come from the cache.
    EventFactory._meta.model.objects.filter(pk=event.pk).update(title="Changed behind the cache")
    second = client.get("/events/recognition/")
    assert b"Changed behind the cache" not in second.content  # it did come from the cache
    assert first.content == second.content
    assert_secure_headers(second)


def test_pages_need_no_inline_script_or_style(client, event):
    for url in ["/", "/events/", "/events/recognition/", "/timeline/", "/search/?q=peru", "/admin/login/"]:
        page = client.get(url).content.decode()
        assert "<script>" not in page, url
        assert "<style" not in page, url
        assert " onload=" not in page, url
        assert " style=" not in page, url


PRODUCTION_REQUEST = """
from django.test import Client
response = Client().get("/admin/login/", secure=True, headers={"X-Forwarded-Proto": "https"})
plain = Client().get("/admin/login/")
health = Client().get("/health/")
print(json.dumps({
    "health_status": health.status_code,
    "status": response.status_code,
    "hsts": response.headers.get("Strict-Transport-Security"),
    "csrf_cookie_secure": bool(response.cookies["csrftoken"]["secure"]),
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
}))
"""


def test_behind_tls_there_is_hsts_secure_cookies_and_a_redirect_from_http():
    result = run_in_production(PRODUCTION_REQUEST, DJANGO_HTTPS="1", DATABASE_URL="sqlite://:memory:")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["status"] == 200
    assert values["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert values["csrf_cookie_secure"] is True
    assert values["plain_status"] == 301
    assert values["plain_location"] == "https://testserver/admin/login/"
    # A load balancer asks for the health page over plain HTTP, inside the network.
    assert values["health_status"] == 200
