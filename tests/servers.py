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
from html.parser import HTMLParser
from pathlib import Path

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


class _FormReader(HTMLParser):
    """The values a browser would submit from one form of a page, unchanged."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self.select = None
        self.options = []
        self.textarea = None
        self.text = []

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "reset", "file"}:
                self.add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select, self.options = (name, "multiple" in attrs), []
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            (name, multiple), options = self.select, self.options
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.data[name] = chosen
            self.select = None
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.add(self.textarea, text[1:] if text.startswith("\n") else text)
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def form_data(html, form_id):
    """What a browser would submit from the form ``form_id`` of the page ``html``."""
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.data, f"no form #{form_id} on the page"
    return {name: values[0] if len(values) == 1 else values for name, values in reader.data.items()}
