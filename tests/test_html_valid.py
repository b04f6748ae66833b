"""
Every type of public page is valid HTML, as the Nu Html Checker (``vnu.jar``) reads it.

The pages of the sample content are saved to a directory and checked in one run of the
checker, which takes seconds to start. The checker comes from npm (``vnu-jar``) and runs on
the system's Java (Debian's ``default-jre-headless``); without Java the tests are skipped,
except on CI, where they fail.
"""

import json
import shutil
import subprocess

import pytest
from django.test import Client

from .machine import npm_file, unavailable

pytestmark = pytest.mark.django_db

# A page of every public type, each list with results and with a filter error: {name: (url, status)}.
PAGES = {
    "home": ("/", 200),
    "events": ("/events/", 200),
    "events-page-2": ("/events/?category=visit&page=2", 200),
    "events-invalid": ("/events/?year_from=abc&category=gossip", 400),
    "event": ("/events/recognition/", 200),
    "envoys": ("/envoys/", 200),
    "envoys-invalid": ("/envoys/?in_office=soon&rank=emperor", 400),
    "envoy": ("/envoys/james-cooley/", 200),
    "missions": ("/missions/", 200),
    "missions-invalid": ("/missions/?status=ajar", 400),
    "mission": ("/missions/us-legation-lima/", 200),
    "agreements": ("/agreements/", 200),
    "agreements-invalid": ("/agreements/?year_to=soon", 400),
    "agreement": ("/agreements/treaty-1851/", 200),
    "sources": ("/sources/", 200),
    "sources-invalid": ("/sources/?kind=rumour", 400),
    "source": ("/sources/pocom-peru/", 200),
    "timeline": ("/timeline/", 200),
    "timeline-invalid": ("/timeline/?year_from=x", 400),
    "search": ("/search/?q=lima", 200),
    "search-invalid": ("/search/?q=a%00b", 400),
    "about-data": ("/about/data/", 200),
}


@pytest.fixture(scope="module")
def checker_messages(sample_content, tmp_path_factory):
    """What the checker finds on each page: {name: ["line N: message", ...]}."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java is not installed: install Debian's default-jre-headless to check the HTML.")
    checker = npm_file("vnu-jar/build/dist/vnu.jar")
    directory = tmp_path_factory.mktemp("pages")
    client = Client()
    for name, (url, status) in PAGES.items():
        response = client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code}, not {status}"
        (directory / f"{name}.html").write_bytes(response.content)
    result = subprocess.run(
        [
            java,
            # One short run: the quick compiler alone starts in half the time, and needs a
            # deeper stack than the default for the checker's schema.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss16m",
            "-jar",
            str(checker),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            str(directory),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = {name: [] for name in PAGES}
    for message in json.loads(result.stderr)["messages"]:
        name = message["url"].rsplit("/", 1)[-1].removesuffix(".html")
        found[name].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_the_page_is_valid_html(checker_messages, name):
    assert checker_messages[name] == []
