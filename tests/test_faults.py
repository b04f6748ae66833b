"""
Faults: a database or a cache server that cannot be reached, and editors saving at once.

The servers are real and really unreachable (a closed port, a stopped server), not mocks.
"""

import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection
from django.test import Client, override_settings

from relations.resilient_cache import ResilientRedisCache

from .factories import EventFactory
from .production import ROOT, free_port, production_environment, run_in_production

UNREACHABLE_DATABASE = """
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for url in ["/", "/events/", "/events/recognition/", "/health/"]:
    response = client.get(url)
    answers[url] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


def log_lines(stderr):
    """Every line of the log, each a JSON object: the log is structured."""
    return [json.loads(line) for line in stderr.splitlines() if line.strip()]


def test_with_the_database_unreachable_pages_say_try_again_and_the_error_is_logged():
    result = run_in_production(
        UNREACHABLE_DATABASE, DATABASE_URL=f"postgres://relations@127.0.0.1:{free_port()}/relations"
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    for url in ["/", "/events/", "/events/recognition/"]:
        answer = answers[url]
        assert answer["status"] == 503, url
        assert answer["retry_after"] == "30"
        assert "<h1>The record is unavailable for a moment</h1>" in answer["body"]
        assert "Traceback" not in answer["body"]
        assert "OperationalError" not in answer["body"]
        assert "127.0.0.1" not in answer["body"]
    assert answers["/health/"]["status"] == 503
    assert json.loads(answers["/health/"]["body"]) == {"database": "unavailable", "cache": "ok"}

    errors = [line for line in log_lines(result.stderr) if line["level"] == "ERROR"]
    page_errors = [line for line in errors if line["logger"] == "django.request" and "exc_info" in line]
    assert [line["message"] for line in page_errors] == [
        "Service Unavailable: /",
        "Service Unavailable: /events/",
        "Service Unavailable: /events/recognition/",
    ]
    assert page_errors[0]["status_code"] == 503
    assert "OperationalError" in page_errors[0]["exc_info"]
    assert {line["logger"] for line in errors} == {"django.request", "relations.health"}


class TCPProxy:
    """Forward connections from a port on 127.0.0.1 to a server; stopping cuts every connection."""

    def __init__(self, target, port=0):
        self.target, self.port = target, port
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.stopping = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        selector = selectors.DefaultSelector()
        selector.register(self.listener, selectors.EVENT_READ)
        peers = {}
        while not self.stopping:
            for key, _events in selector.select(timeout=0.05):
                if key.fileobj is self.listener:
                    client, _address = self.listener.accept()
                    server = socket.create_connection(self.target)
                    self.connections += [client, server]
                    peers[client], peers[server] = server, client
                    selector.register(client, selectors.EVENT_READ)
                    selector.register(server, selectors.EVENT_READ)
                    continue
                data = key.fileobj.recv(65536)
                if data:
                    peers[key.fileobj].sendall(data)
        selector.close()

    def stop(self):
        self.stopping = True
        self.thread.join()
        self.listener.close()
        for sock in self.connections:
            sock.close()


@pytest.fixture
def gunicorn():
    """Serve the site with gunicorn on a free port: ``gunicorn.start(database_url)`` gives its URL."""
    processes = []

    def start(database_url):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--preload"]
            + ["--log-level", "info", "tests.production_wsgi:application"],
            cwd=ROOT,
            env={
                **production_environment(),
                "DATABASE_URL": database_url,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            },
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        for line in process.stderr:
            if "Listening at" in line:
                return f"http://127.0.0.1:{port}"
        raise RuntimeError("gunicorn did not start")

    yield start
    for process in processes:
        process.terminate()
        process.wait(30)
        process.stderr.close()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@pytest.mark.django_db(transaction=True)
def test_a_running_site_recovers_by_itself_when_the_database_returns(gunicorn):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite is a file on this machine: it cannot become unreachable; CI runs this on PostgreSQL."
        )
    EventFactory(title="Recognition", slug="recognition")
    database = connection.settings_dict
    proxy = TCPProxy((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    proxy.start()
    site = gunicorn(f"postgres://{database['USER']}@127.0.0.1:{proxy.port}/{database['NAME']}")
    try:
        assert fetch(f"{site}/events/recognition/")[0] == 200

        proxy.stop()
        # The page in the page cache is still served; one that must be rendered cannot be.
        assert fetch(f"{site}/events/recognition/")[0] == 200
        status, headers = fetch(f"{site}/events/recognition/?while=down")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert fetch(f"{site}/health/")[0] == 503

        proxy.start()  # on the same port: the database is back
        assert fetch(f"{site}/events/recognition/?while=back")[0] == 200
        assert fetch(f"{site}/health/")[0] == 200
    finally:
        if not proxy.stopping:
            proxy.stop()


def unreachable_redis(port):
    """The site's caches, the page cache and the content version's, on a Redis that is not there."""
    redis = {
        "BACKEND": "relations.resilient_cache.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    return {alias: redis for alias in ["default", "pages"]}


@pytest.mark.django_db
def test_with_the_cache_server_unreachable_pages_are_served_uncached(caplog):
    EventFactory(title="Recognition", slug="recognition")
    with override_settings(CACHES=unreachable_redis(free_port())):
        client = Client(raise_request_exception=False)
        first = client.get("/events/recognition/")
        EventFactory._meta.model.objects.filter(slug="recognition").update(title="Renamed")
        second = client.get("/events/recognition/")
        health = client.get("/health/")
    assert first.status_code == 200
    assert second.status_code == 200
    assert b"Renamed" in second.content  # served fresh: nothing was cached
    assert health.status_code == 200
    assert health.json() == {"database": "ok", "cache": "unavailable"}
    assert "The cache server cannot be reached" in caplog.text


@pytest.fixture
def redis_server():
    """Start and stop a real Redis server on a free port: ``redis_server.start()``, ``.stop()``."""
    executable = shutil.which("redis-server")
    if executable is None:
        reason = "redis-server is not installed (apt-get install redis-server)."
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)

    class Server:
        port = free_port()
        process = None

        def start(self):
            self.process = subprocess.Popen(
                [
                    executable,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for line in self.process.stdout:
                if "Ready to accept connections" in line:
                    return
            raise RuntimeError("redis-server did not start")

        def stop(self):
            self.process.terminate()
            self.process.wait(10)
            self.process.stdout.close()

    server = Server()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def test_the_cache_comes_back_by_itself_when_redis_does(redis_server):
    cache = ResilientRedisCache(
        f"redis://127.0.0.1:{redis_server.port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )
    cache.retry_after = 0  # try Redis again on the very next call
    cache.set("page", "cached")
    assert cache.get("page") == "cached"

    redis_server.stop()
    assert cache.get("page", "missed") == "missed"
    cache.set("page", "lost")
    assert cache.get_many(["page"]) == {}
    assert cache.add("other", 1) is False
    with pytest.raises(ValueError):
        cache.incr("counter")

    redis_server.start()
    cache.set("page", "cached again")
    assert cache.get("page") == "cached again"


def test_after_a_failure_the_cache_leaves_redis_alone_for_a_while():
    location = f"redis://127.0.0.1:{free_port()}/0"
    cache = ResilientRedisCache(location, {})
    assert cache.get("page") is None
    # Within the wait no connection is tried at all, not even to a server that now answers:
    # neither by this cache nor by another on the same Redis (another thread's or alias's).
    other = ResilientRedisCache(location, {})
    for each in [cache, other]:
        each._cache.get_client = None
        assert each.get("page", "missed") == "missed"


CONCURRENT_SAVES = """
import threading
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from tests.factories import EventFactory
from tests.editorial import change_url
from tests.editorial import form_of as form_data

call_command("migrate", verbosity=0)
editor = User.objects.create_superuser("ana", password="a-long-password")
events = [EventFactory(title=f"Event {number}") for number in range(WRITERS)]
connection.close()
start = threading.Barrier(WRITERS)
answers = []


def edit(event):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    start.wait()
    for round in range(ROUNDS):
        form = form_data(client.get(change_url(event)), "event_form")
        form["title"] = f"Event {event.pk}, edit {round}"
        response = client.post(change_url(event), form)
        answers.append([response.status_code, response.content.decode()[:300]])
    connection.close()


threads = [threading.Thread(target=edit, args=[event]) for event in events]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
titles = sorted(type(events[0]).objects.values_list("title", flat=True))
from reversion.models import Version
print(json.dumps({"answers": answers, "titles": titles, "versions": Version.objects.count()}))
"""


def test_editors_saving_at_the_same_moment_on_sqlite_all_succeed(tmp_path):
    writers, rounds = 4, 1
    code = f"WRITERS, ROUNDS = {writers}, {rounds}\n" + CONCURRENT_SAVES
    result = run_in_production(code, DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}")
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert "database is locked" not in result.stderr
    assert [status for status, _body in outcome["answers"]] == [302] * writers * rounds
    assert len(outcome["titles"]) == writers
    assert all(title.endswith(f"edit {rounds - 1}") for title in outcome["titles"])
    # Each event: its first version when made, then one for each save.
    assert outcome["versions"] >= writers * rounds
