"""
The site's content as fixtures: one JSON file per kind of entry, with natural keys.

``load`` brings a database into line with the files (creating and updating, never
deleting), all in one transaction, and records a revision of each entry it changes;
``export`` writes the database back to the same files in
the same deterministic format, so that loading then exporting changes no file.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.base import DeserializationError
from django.db import connection, transaction
from django.utils.translation import gettext

from . import revisions
from .models import Entry

# File name, then the models it holds, in the order they load.
FIXTURE_FILES = [
    ("countries.json", ["relations.country"]),
    ("topics.json", ["relations.topic"]),
    ("sources.json", ["relations.source"]),
    ("missions.json", ["relations.mission"]),
    ("envoys.json", ["relations.envoy", "relations.appointment"]),
    ("agreements.json", ["relations.agreement", "relations.ratification"]),
    ("events.json", ["relations.event"]),
    ("citations.json", ["relations.citation"]),
]

# Models without a slug are ordered by their natural key, not by database ids.
EXPORT_ORDER = {
    "relations.citation": ["content_type__app_label", "content_type__model", "object_id", "position"],
    "relations.ratification": ["agreement", "country"],
}

# Timestamps belong to each database, not to the content.
EXCLUDED_FIELDS = {"created", "updated"}


class FixtureError(Exception):
    """A fixture that cannot be loaded, with the file and the object it concerns."""


def fixture_dir():
    return Path(settings.FIXTURE_DIRS[0])


def fixture_paths(directory=None):
    directory = Path(directory or fixture_dir())
    return [directory / name for name, _ in FIXTURE_FILES]


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def lines(self):
        labels = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        for label in labels:
            yield (
                f"{label}: {self.created[label]} created, {self.updated[label]} updated, "
                f"{self.unchanged[label]} unchanged"
            )


def describe_error(error):
    """Return a ValidationError's messages on one line, each with its field."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in sorted(error.message_dict.items())
        )
    return " ".join(error.messages)


def describe(instance):
    """Name an object as a reader of the fixture files finds it: by its natural key."""
    key = instance.natural_key() if hasattr(instance, "natural_key") else (instance.pk,)
    return f"{instance._meta.label_lower} “{'/'.join(str(part) for part in key)}”"


def _differs(instance, existing, m2m_data):
    for model_field in instance._meta.concrete_fields:
        if model_field.name in EXCLUDED_FIELDS or model_field.primary_key or model_field.generated:
            continue
        if model_field.value_from_object(instance) != model_field.value_from_object(existing):
            return True
    for name, pks in m2m_data.items():
        current = {str(pk) for pk in getattr(existing, name).values_list("pk", flat=True)}
        if {str(pk) for pk in pks} != current:
            return True
    return False


def _deserialize(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return list(
                serializers.deserialize(
                    "json", stream, handle_forward_references=True, ignorenonexistent=False
                )
            )
    except (DeserializationError, ValueError) as error:
        raise FixtureError(f"{path.name}: {error}") from error


def load(paths=None):
    """
    Create or update every object of the fixture files; return a LoadReport.

    Nothing is saved unless every file is well formed and every object valid: the first
    problem raises FixtureError naming the file and the object, and rolls everything back.
    Each entry created or changed gets a revision, "Loaded from fixtures"; a load that
    changes nothing records nothing.
    """
    paths = [Path(path) for path in (paths or fixture_paths())]
    missing = [path.name for path in paths if not path.exists()]
    if missing:
        raise FixtureError(f"Missing fixture files: {', '.join(missing)}.")
    report = LoadReport()
    saved = []
    with transaction.atomic():
        for path in paths:
            for deserialized in _deserialize(path):
                instance = deserialized.object
                model = type(instance)
                label = model._meta.label_lower
                existing = model._default_manager.filter(pk=instance.pk).first() if instance.pk else None
                if existing and not deserialized.deferred_fields:
                    if not _differs(instance, existing, deserialized.m2m_data or {}):
                        report.unchanged[label] += 1
                        continue
                if existing:
                    if hasattr(existing, "created"):
                        instance.created = existing.created
                    instance._state.adding = False
                    report.updated[label] += 1
                else:
                    report.created[label] += 1
                try:
                    instance.save()
                    for name, pks in (deserialized.m2m_data or {}).items():
                        getattr(instance, name).set(pks)
                except Exception as error:
                    raise FixtureError(f"{path.name}: {describe(instance)}: {error}") from error
                saved.append((path, deserialized))
        for path, deserialized in saved:
            try:
                if deserialized.deferred_fields:
                    deserialized.save_deferred_fields()
                deserialized.object.full_clean()
            except Exception as error:
                message = describe_error(error) if isinstance(error, ValidationError) else error
                raise FixtureError(f"{path.name}: {describe(deserialized.object)}: {message}") from error
        _check_published_entries_are_cited()
        connection.check_constraints()
        # Recorded once all is valid, so that each revision holds the entry as loaded.
        revisions.record(
            revisions.entries_of(deserialized.object for _, deserialized in saved),
            gettext("Loaded from fixtures"),
        )
    return report


def _check_published_entries_are_cited():
    for model in apps.get_app_config("relations").get_models():
        if not issubclass(model, Entry):
            continue
        uncited = model.objects.published().filter(citations__isnull=True).first()
        if uncited:
            name = next((n for n, labels in FIXTURE_FILES if model._meta.label_lower in labels), "fixtures")
            raise FixtureError(
                f"{name}: {describe(uncited)} is published but has no citation: "
                "cite a source for it or make it a draft."
            )


def serialize(queryset):
    """Return the fixture text of ``queryset``: natural keys, stable order and formatting."""
    model = queryset.model
    fields = [
        f.name
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.name not in EXCLUDED_FIELDS and not f.primary_key and not f.generated
    ]
    data = json.loads(
        serializers.serialize(
            "json",
            queryset,
            fields=fields,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
    )
    for item in data:
        for name, value in item["fields"].items():
            if isinstance(value, list) and name in {f.name for f in model._meta.many_to_many}:
                item["fields"][name] = sorted(value)
    return data


def export(directory=None):
    """Write every fixture file from the database; return the paths that changed."""
    directory = Path(directory or fixture_dir())
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, labels in FIXTURE_FILES:
        data = []
        for label in labels:
            model = apps.get_model(label)
            queryset = model._default_manager.all()
            queryset = queryset.order_by(*EXPORT_ORDER.get(label, ["pk"]))
            data.extend(serialize(queryset))
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
