"""
What every test module may use: the sample content, built once per module, the committed
content, loaded once per run and copied into each module that reads it, and the editors and
entries of the admin's tests.

Tests that only read the sample content share one copy of it: ``sample_content`` builds it
once for the module, in a transaction rolled back after the module's last test, and each
test runs in a savepoint of its own inside it, so a test that writes leaves the others the
content as built.
"""

import os
from contextlib import chdir

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from relations import revisions
from relations.models import Appointment, Event
from relations.permissions import EDITORS, SENIOR_EDITORS, ensure_editor_groups

from . import sample
from .content_support import load_committed_content
from .factories import (
    AppointmentFactory,
    CitationFactory,
    CountryFactory,
    EnvoyFactory,
    EventFactory,
    MissionFactory,
    SourceFactory,
    UserFactory,
)

# Browser tests drive a live server from the test process; Playwright's own event loop
# would otherwise make Django refuse synchronous database access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionstart(session):
    """
    Compile the translations from the committed catalogues, as ``make test`` does, where out
    of date: once, in the process that starts the run, before any worker process reads them.
    """
    if hasattr(session.config, "workerinput"):
        return
    with chdir(settings.BASE_DIR):
        call_command("compilemessages", ignore_patterns=[".*", "node_modules"], verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """
    The default language again after each test: a request for a Spanish page leaves Spanish
    active in the thread, and the tests after it would otherwise run in Spanish.
    """
    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def sample_content(django_db_setup, django_db_blocker):
    """The sample content of ``tests.sample``, built once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield sample.build()
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def run_directory(tmp_path_factory):
    """A directory for the whole run, shared by its worker processes."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="module")
def committed_content(django_db_setup, django_db_blocker, run_directory):
    """The whole committed content, for the module; the database is emptied after it."""
    with django_db_blocker.unblock():
        load_committed_content(run_directory)
        yield
        call_command("flush", interactive=False, verbosity=0)


# Editors, and entries recorded with their first revision, for the admin's tests.


def make_user(username, group_name):
    ensure_editor_groups()
    user = UserFactory(username=username, email=f"{username}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return make_user("ana", EDITORS)


@pytest.fixture
def other_editor():
    return make_user("ben", EDITORS)


@pytest.fixture
def senior():
    return make_user("carla", SENIOR_EDITORS)


@pytest.fixture
def countries():
    return {"us": CountryFactory(), "pe": CountryFactory(peru=True)}


@pytest.fixture
def source():
    return SourceFactory(slug="hsg-peru", title="A Guide to the United States' History of Recognition: Peru")


@pytest.fixture
def event(source):
    """The recognition of Peru, published with one citation, as its first revision records it."""
    with revisions.recording("Created for the test"):
        event = EventFactory(
            slug="relations-established",
            title="The United States recognizes Peru",
            date="1826-05-02",
            category=Event.Category.DIPLOMATIC,
            summary="Recognition with the reception of José Domingo Cáceres.",
            citation=None,
        )
        CitationFactory(
            entry=event, source=source, locator="Recognition", quotation="The U.S. recognized Peru in 1826."
        )
    return event


@pytest.fixture
def appointment(countries, source):
    """James Cooley's appointment to the legation in Lima, with its citation, as imported."""
    with revisions.recording("Imported"):
        appointment = AppointmentFactory(
            envoy=EnvoyFactory(slug="james-cooley", name="James Cooley", citation=None, draft=True),
            mission=MissionFactory(
                slug="us-legation-lima", name="Legation in Lima", citation=None, draft=True
            ),
            rank=Appointment.Rank.CHARGE,
            appointed="1826-05-02",
            credentials_presented=None,
            ended=None,
        )
        CitationFactory(entry=appointment, source=source, locator="Cooley", quotation="Appointed.")
    return appointment
