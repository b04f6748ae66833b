"""
Several app server processes on one database and one cache: an edit made through one is
served by the others on the very next request.

Two gunicorn processes share the site's default cache (a directory of files, as several
workers of one machine do) or, with ``REDIS_URL`` and the suite on PostgreSQL, one Redis
and one PostgreSQL, as app servers behind a proxy do. The Redis case is skipped where
either is missing, and fails on CI (``CI`` set), which provides both in its PostgreSQL pass.
"""

import os
import secrets
import sqlite3

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from relations import caching

from .factories import EventFactory
from .html import one, parse, text
from .servers import AppServer, Browser, server_environment

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_KEY = secrets.token_urlsafe(40)
HOST = "relations.example.org"
PAGE = "/events/recognition/"


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def heading(response):
    assert response.status == 200, response.status
    return text(one(parse(response.text), "h1"))


def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable(
            "REDIS_URL is not set: start a redis-server and set REDIS_URL to test several app servers."
        )
    if connection.vendor != "postgresql":
        unavailable(
            "The suite runs on SQLite: set DATABASE_URL to a PostgreSQL server to test several app "
            "servers on one database, as .ci/run's PostgreSQL pass does."
        )
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        unavailable(f"Redis at REDIS_URL does not answer: {error}")
    return url


@pytest.fixture
def record(settings):
    """A published event and a superuser's session, made with the servers' secret key."""
    settings.SECRET_KEY = SECRET_KEY
    EventFactory(title="The United States recognizes Peru", slug="recognition", date="1826-05-02")
    user = User.objects.create_superuser("ana", "ana@example.org", password=None)
    session = SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    session.create()
    return session.session_key


class Database:
    """The suite's database as the servers see it: a file copy on SQLite, itself on PostgreSQL."""

    def __init__(self, directory):
        if connection.vendor == "sqlite":
            self.path = directory / "db.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.path) as copy:
                connection.connection.backup(copy)
            self.url = f"sqlite:///{self.path}"
        else:
            db = connection.settings_dict
            self.path = None
            self.url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    def set_title_unseen(self, slug, title):
        """Change an event's title behind the site's back: no signal, no new content version."""
        if self.path:
            with sqlite3.connect(self.path) as database:
                database.execute("UPDATE relations_event SET title = ? WHERE slug = ?", [title, slug])
        else:
            with connection.cursor() as cursor:
                cursor.execute("UPDATE relations_event SET title = %s WHERE slug = %s", [title, slug])


@pytest.fixture(params=["files", pytest.param("redis", marks=pytest.mark.scale_out)])
def servers(request, record, tmp_path):
    cache = {"DJANGO_CACHE_DIR": str(tmp_path / "cache")} if request.param == "files" else {}
    if request.param == "redis":
        cache = {"REDIS_URL": redis_url()}
        # The record was made through the suite's own (dummy) page cache: what Redis holds
        # from earlier runs is of other content, and goes out of date as a save would make it.
        RedisCache(cache["REDIS_URL"], {}).delete(caching.VERSION_KEY)
    database = Database(tmp_path)
    env = server_environment(
        DJANGO_DEBUG="1",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=database.url,
        **cache,
    )
    started = [AppServer(env), AppServer(env)]
    yield database, record, started
    for server in started:
        errors = server.stop()
        assert "Traceback" not in errors, errors


def test_an_edit_through_one_server_is_served_by_the_other_on_the_next_request(servers):
    database, session_key, (one, other) = servers
    reader = Browser(other.url, HOST)
    assert heading(reader.get(PAGE)) == "The United States recognizes Peru"

    # Both servers read one cache: the page the other one cached is what this one serves.
    database.set_title_unseen("recognition", "Changed behind the site's back")
    assert heading(Browser(one.url, HOST).get(PAGE)) == "The United States recognizes Peru"

    editor = Browser(one.url, HOST)
    editor.set_cookie("sessionid", session_key)
    saved = editor.submit(
        "/admin/relations/event/recognition/change/", "event_form", title="Recognition of Peru"
    )
    assert saved.status == 302, saved.text
    assert heading(reader.get(PAGE)) == "Recognition of Peru"
