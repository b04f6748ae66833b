"""
Real app server processes for the tests that need more than one process.

``AppServer`` runs gunicorn on a socket that the test has bound already, so requests made
before the server is ready wait in the socket's queue instead of failing. ``Browser`` is a
client with cookies that submits forms as read from the page, as a browser would.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .html import parse, select

REPOSITORY = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
TIMEOUT = 30


class AppServer:
    """``gunicorn config.wsgi`` with the environment given, on a free port of 127.0.0.1."""

    def __init__(self, env, workers=1):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        fd = self.socket.fileno()
        self.process = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--bind", f"fd://{fd}", "--workers", str(workers)],
            cwd=REPOSITORY,
            env=env,
            pass_fds=[fd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def stop(self):
        self.process.terminate()
        try:
            _out, errors = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _out, errors = self.process.communicate()
        self.socket.close()
        return errors.decode(errors="replace")


def server_environment(**variables):
    """The environment of a server process: this one's, without the site's own variables."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return {**env, "DJANGO_SETTINGS_MODULE": "config.settings", **variables}


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body.decode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # The redirect itself is the answer a test looks at.


class Browser:
    """
    A client with a cookie jar that does not follow redirects.

    ``host`` is the Host header it sends, as a proxy in front of several servers passes on
    the site's own host name to each.
    """

    def __init__(self, base_url, host=None):
        self.base_url = base_url
        self.host = host
        self.cookies = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.cookies)
        self.opener = urllib.request.build_opener(cookies, _NoRedirects)

    def set_cookie(self, name, value):
        host = urllib.parse.urlsplit(self.base_url).hostname
        self.cookies.set_cookie(
            http.cookiejar.Cookie(
                0, name, value, None, False, host, False, False, "/", True, False, None, False, None, None, {}
            )
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers or {})
        if self.host:
            request.add_header("Host", self.host)
        if body is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, path, headers=None):
        return self.request(path, headers=headers)

    def submit(self, path, form_id, **changes):
        """Open the page at ``path``, change fields of the form ``form_id`` and submit it."""
        page = self.get(path)
        assert page.status == 200, f"{path}: {page.status}"
        data = form_data(page.text, form_id)
        data.update(changes)
        return self.request(path, data=data)


def form_data(html, form_id):
    """What a browser would submit from the form ``form_id`` of the page ``html``, unchanged."""
    forms = select(parse(html), f"form#{form_id}")
    assert forms, f"no form #{form_id} on the page"
    data = {}
    for name, value in forms[0].form_values():
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}
