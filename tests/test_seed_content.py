"""
The content taken from the five seed texts: it loads, validates, and cites every fact.

``content/seed_entries.json`` links to and cites entries that the Office of the Historian
import creates (envoys, appointments, missions, events). Where that import is available it
is run first; otherwise minimal stand-ins are made for just the slugs the file refers to.
"""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command, get_commands

from relations.models import Agreement, Appointment, Citation, Envoy, Event, Mission

BASE_FIXTURES = ["fixtures/countries.json", "fixtures/topics.json", "fixtures/sources.json"]
SEED_FILE = Path(settings.BASE_DIR) / "content" / "seed_entries.json"
HSG_DATA = Path(settings.BASE_DIR).parent / "shared" / "data" / "hsg"

# (model, entry slug, claim) where the sources cited give different values.
DISAGREEMENTS = [
    ("event", "diplomatic-relations-established", "date"),
    ("event", "lima-legation-raised-to-embassy", "date"),
    ("event", "lima-legation-raised-to-embassy", "summary"),
    ("mission", "us-embassy-lima", "opened"),
    ("mission", "us-embassy-lima", "appointments"),
    ("mission", "us-consular-agency-cusco", "kind"),
    ("agreement", "us-peru-trade-promotion-agreement", "in_force"),
    ("agreement", "us-peru-trade-promotion-agreement", "agreement_status"),
    ("agreement", "andean-trade-preference-act", "ended"),
    ("event", "us-reaction-to-1962-coup", "summary"),
    ("event", "cusco-consulate-assists-american-backpackers", "date"),
    ("event", "peruvian-opinion-of-the-us-2017", "summary"),
    ("appointment", "pe-1836-thor-01", "appointed"),
    ("appointment", "pe-1838-pick-01", "appointed"),
    ("event", "visit-us-1984-09-25-fernando-belaunde-terry", "date"),
    ("event", "war-of-the-pacific", "end_date"),
    ("event", "visit-us-1961-09-19-prado", "summary"),
]
# Disagreements whose other side is the imported entry's own field, from the Office of the
# Historian's data.
DISAGREEMENTS_WITH_IMPORT = {
    ("appointment", "pe-1836-thor-01", "appointed"),
    ("appointment", "pe-1838-pick-01", "appointed"),
    ("event", "visit-us-1984-09-25-fernando-belaunde-terry", "date"),
    ("event", "war-of-the-pacific", "end_date"),
    ("event", "visit-us-1961-09-19-prado", "summary"),
}

# How each kind of entry refers to others: (model, field, model referred to).
REFERENCES = [
    ("mission", "predecessor", "mission"),
    ("appointment", "envoy", "envoy"),
    ("appointment", "mission", "mission"),
    ("event", "envoys", "envoy"),
    ("event", "missions", "mission"),
    ("event", "agreements", "agreement"),
    ("agreement", "amends", "agreement"),
]


def seed_objects():
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


def referenced_elsewhere():
    """Return {model: slugs} the seed file refers to or cites but does not define."""
    data = seed_objects()
    defined = {(item["model"].split(".")[1], item.get("pk")) for item in data}
    wanted = {}
    for item in data:
        model = item["model"].split(".")[1]
        fields = item["fields"]
        for source_model, field, target in REFERENCES:
            if model != source_model or not fields.get(field):
                continue
            values = fields[field] if isinstance(fields[field], list) else [fields[field]]
            wanted.setdefault(target, set()).update(values)
        if model == "citation":
            target = fields["content_type"][1]
            wanted.setdefault(target, set()).add(fields["object_id"])
    return {
        model: {slug for slug in slugs if (model, slug) not in defined} for model, slugs in wanted.items()
    }


def make_stand_ins():
    """Create draft placeholders for the imported entries the seed file refers to."""
    wanted = referenced_elsewhere()
    for slug in sorted(wanted.get("mission", ())) + ["stand-in-post"]:
        Mission.objects.get_or_create(
            slug=slug,
            defaults={"name": slug, "kind": "embassy", "sending_country_id": "us", "host_country_id": "pe"},
        )
    for slug in sorted(wanted.get("envoy", ())) + ["stand-in-envoy"]:
        Envoy.objects.get_or_create(
            slug=slug, defaults={"name": slug, "sort_name": slug, "sending_country_id": "us"}
        )
    for slug in sorted(wanted.get("appointment", ())):
        Appointment.objects.get_or_create(
            slug=slug,
            defaults={
                "envoy_id": "stand-in-envoy",
                "mission_id": "stand-in-post",
                "rank": "charge-d-affaires",
            },
        )
    for slug in sorted(wanted.get("event", ())):
        Event.objects.get_or_create(
            slug=slug, defaults={"title": slug, "date": "1826", "category": "diplomatic", "summary": slug}
        )
    for slug in sorted(wanted.get("agreement", ())):
        Agreement.objects.get_or_create(
            slug=slug, defaults={"title": slug, "kind": "treaty", "agreement_status": "signed"}
        )


def hsg_import_available():
    return "import_hsg" in get_commands() and HSG_DATA.is_dir()


@pytest.fixture
def seed_content(db):
    call_command("loaddata", *BASE_FIXTURES, verbosity=0)
    if hsg_import_available():
        call_command("import_hsg", str(HSG_DATA), verbosity=0)
    else:
        make_stand_ins()
    call_command("loaddata", str(SEED_FILE), verbosity=0)


def loaded_objects():
    """Each object of the seed file as it now stands in the database."""
    with SEED_FILE.open(encoding="utf-8") as stream:
        for deserialized in serializers.deserialize("json", stream, handle_forward_references=True):
            instance = deserialized.object
            model = type(instance)
            if instance.pk is None:
                natural_key = instance.natural_key()
                yield model._default_manager.get_by_natural_key(*natural_key)
            else:
                yield model._default_manager.get(pk=instance.pk)


def test_seed_file_is_a_deterministic_fixture():
    text = SEED_FILE.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    for item in data:
        assert "created" not in item["fields"] and "updated" not in item["fields"]


def test_every_object_is_valid(seed_content):
    count = 0
    for instance in loaded_objects():
        instance.full_clean()
        count += 1
    assert count == len(seed_objects())


def test_every_published_entry_is_cited(seed_content):
    for model_name in ("event", "envoy", "mission", "agreement"):
        model = apps.get_model("relations", model_name)
        for entry in model.objects.published():
            citations = entry.citations.all()
            assert citations, f"{model_name} {entry.pk} is published without a citation"
            assert all(c.locator and c.quotation for c in citations), f"{model_name} {entry.pk}"


def test_citations_on_imported_entries_start_at_101():
    own = {(item["model"].split(".")[1], item.get("pk")) for item in seed_objects()}
    for item in seed_objects():
        if item["model"] != "relations.citation":
            continue
        fields = item["fields"]
        key = (fields["content_type"][1], fields["object_id"])
        assert (fields["position"] >= 101) == (key not in own), key


def test_disagreements_show_each_sources_value(seed_content):
    imported = hsg_import_available()
    for model, slug, claim in DISAGREEMENTS:
        citations = Citation.objects.filter(
            content_type__app_label="relations", content_type__model=model, object_id=slug, claim=claim
        )
        values = set(citations.values_list("value", flat=True))
        if (model, slug, claim) in DISAGREEMENTS_WITH_IMPORT:
            if not imported:
                assert values, (model, slug, claim)
                continue
            given = getattr(apps.get_model("relations", model).objects.get(pk=slug), claim)
            values.add(given.isoformat() if hasattr(given, "isoformat") else str(given))
        assert len(values) >= 2, (model, slug, claim, values)
