"""
The site's content as fixtures: one JSON file per kind of entry, with natural keys.

``load`` brings a database into line with the files, all in one transaction, and records
a revision of each entry it changes: an entry nobody edited since it was last loaded,
imported or exported becomes exactly what the files say, parts included; an entry an
editor changed is left as the editor made it and reported, unless told to overwrite it
(see ``relations.baselines``). Entries missing from the files are never deleted.
``export`` writes the database back to the same files in the same deterministic format,
so that loading then exporting changes no file.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext

from . import baselines, fixture_files, revisions
from .fixture_files import FixtureError, describe
from .models import ENTRY_MODELS

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


def fixture_dir():
    return Path(settings.FIXTURE_DIRS[0])


def fixture_paths(directory=None):
    directory = Path(directory or fixture_dir())
    return [directory / name for name, _ in FIXTURE_FILES]


@dataclass
class LoadReport:
    """What a load or an import created, updated and left, and the editors' work it kept."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)
    discarded: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted)

    def lines(self):
        labels = sorted(set(self.created) | set(self.updated) | set(self.deleted) | set(self.unchanged))
        for label in labels:
            yield (
                f"{label}: {self.created[label]} created, {self.updated[label]} updated, "
                f"{self.deleted[label]} deleted, {self.unchanged[label]} unchanged"
            )

    def edit_lines(self):
        """The edits kept and discarded, each with what the outside data would change."""
        for heading, items in (
            (gettext("Edited since the last load, left as the editor made them:"), self.kept),
            (gettext("Edits discarded (--overwrite):"), self.discarded),
        ):
            if items:
                yield heading
            for item in items:
                yield f"  {item.edit}"
                for change in item.incoming:
                    yield f"      {change}"


def describe_error(error):
    """Return a ValidationError's messages on one line, each with its field."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in sorted(error.message_dict.items())
        )
    return " ".join(error.messages)


# Loading ------------------------------------------------------------------------------------


def _covered_models(paths, objects):
    """The models whose rows the files hold in full: their other rows are stale."""
    by_name = dict(FIXTURE_FILES)
    covered = set()
    for path in paths:
        covered.update(by_name.get(path.name, ()))
    covered.update(deserialized.object._meta.label_lower for _, deserialized in objects)
    return covered


def _field_changes(instance, existing, m2m_data):
    """The fields in which ``instance`` (from a file) differs from ``existing``, old → new."""
    changes = []
    for model_field in instance._meta.concrete_fields:
        if model_field.name in EXCLUDED_FIELDS or model_field.primary_key or model_field.generated:
            continue
        old, new = model_field.value_from_object(existing), model_field.value_from_object(instance)
        if old != new:
            changes.append((model_field.name, old, new))
    for name, pks in m2m_data.items():
        current = sorted(str(related.pk) for related in getattr(existing, name).all())
        if sorted(str(pk) for pk in pks) != current:
            changes.append((name, ", ".join(current), ", ".join(sorted(str(pk) for pk in pks))))
    return changes


class _Group:
    """The rows of one entry in the files, and what loading them would change."""

    def __init__(self, key):
        self.key = key
        self.members = []
        self.changes = {}
        # The database's row of each member that is in it already, by member.
        self.rows = {}
        self.stale = []

    def incoming(self):
        """What loading the files would change in the entry: "title: old → new"."""
        lines = []
        for deserialized in self.members:
            name = baselines.row_name(baselines.row_key(deserialized.object), self.key)
            changes = self.changes.get(id(deserialized))
            if changes is None:
                lines.append(gettext("%(row)s added") % {"row": name or self.key[1]})
            for field_name, old, new in changes or ():
                old, new = baselines.shortened(old, new)
                lines.append(f"{name + ': ' if name else ''}{field_name}: {old} → {new}")
        lines.extend(
            gettext("%(row)s removed") % {"row": baselines.row_name(baselines.row_key(part), self.key)}
            for part in self.stale
        )
        return lines

    def differs(self):
        return bool(self.stale) or any(self.changes.get(id(d)) != [] for d in self.members)


def load(paths=None, *, overwrite=False):
    """
    Bring the database into line with the fixture files; return a LoadReport.

    Nothing is saved unless every file is well formed and every object valid: the first
    problem raises FixtureError naming the file and the object, and rolls everything back.
    An entry edited since it was last loaded is left alone and reported, or, with
    ``overwrite``, replaced and reported as discarded. Each entry created or changed gets a
    revision, "Loaded from fixtures"; a load that changes nothing records nothing.
    """
    paths = [Path(path) for path in (paths or fixture_paths())]
    missing = [path.name for path in paths if not path.exists()]
    if missing:
        raise FixtureError(f"Missing fixture files: {', '.join(missing)}.")
    objects = fixture_files.read(paths)
    covered = _covered_models(paths, objects)
    report = LoadReport()
    with transaction.atomic():
        groups = _group(objects, covered)
        states = baselines.LoadedStates(groups)
        current = baselines.contents(groups)
        applied, agreed = set(), set()
        states.dated_revisions([key for key, group in groups.items() if group.differs()])
        for key, group in groups.items():
            if not group.differs():
                agreed.add(key)
                continue
            if states.is_edited(key, current.get(key)):
                kept = baselines.Kept(states.edit(key, current.get(key)), group.incoming())
                if not overwrite:
                    report.kept.append(kept)
                    continue
                report.discarded.append(kept)
            applied.add(key)
        saved = _save(objects, groups, applied, report)
        for key in applied:
            for part in groups[key].stale:
                part.delete()
                report.deleted[part._meta.label_lower] += 1
        _validate(saved)
        _check_published_entries_are_cited()
        connection.check_constraints()
        states.remember(baselines.contents(applied | agreed))
        # Recorded once all is valid, so that each revision holds the entry as loaded.
        revisions.record(_entries(applied), gettext("Loaded from fixtures"))
    return report


def _group(objects, covered):
    """The files' rows by the entry they are or belong to, with what each would change."""
    known = {(type(d.object), str(d.object.pk)): d.object for _, d in objects if d.object.pk is not None}
    groups = {}
    for _, deserialized in objects:
        key = baselines.owner(deserialized.object, known)
        deserialized.entry_key = key
        groups.setdefault(key, _Group(key)).members.append(deserialized)
    by_model = {}
    for _, deserialized in objects:
        model = type(deserialized.object)
        by_model.setdefault(model, []).append(deserialized.object.pk)
    existing = {
        model: model._base_manager.prefetch_related(*[f.name for f in model._meta.many_to_many]).in_bulk(
            [pk for pk in pks if pk is not None]
        )
        for model, pks in by_model.items()
    }
    for group in groups.values():
        for deserialized in group.members:
            instance = deserialized.object
            row = existing[type(instance)].get(instance.pk) if instance.pk is not None else None
            if row is not None:
                group.rows[id(deserialized)] = row
                changes = _field_changes(instance, row, deserialized.m2m_data or {})
                if deserialized.deferred_fields:
                    changes.append(("(references resolved later)", "", ""))
                group.changes[id(deserialized)] = changes
    _find_stale_parts(groups, covered)
    return groups


def _find_stale_parts(groups, covered):
    """Mark the parts of each entry, of a model the files hold in full, that the files lack."""
    keys_in_files = {key: {baselines.row_key(d.object) for d in g.members} for key, g in groups.items()}
    parents = {}
    for model_label, pk in groups:
        parents.setdefault(apps.get_model(model_label), set()).add(pk)
    parts = baselines.parts_of(parents)
    known = {(type(part), str(part.pk)): part for part in parts}
    for part in parts:
        if part._meta.label_lower not in covered:
            continue
        key = baselines.owner(part, known)
        if key in groups and baselines.row_key(part) not in keys_in_files[key]:
            groups[key].stale.append(part)


def _save(objects, groups, applied, report):
    """Save, in file order, the rows of the entries to apply; count every row."""
    saved = []
    for path, deserialized in objects:
        instance = deserialized.object
        key = deserialized.entry_key
        label = instance._meta.label_lower
        changes = groups[key].changes.get(id(deserialized))
        if key not in applied or changes == []:
            report.unchanged[label] += 1
            continue
        if changes is None:
            report.created[label] += 1
        else:
            existing = groups[key].rows[id(deserialized)]
            if hasattr(existing, "created"):
                instance.created = existing.created
            instance._state.adding = False
            report.updated[label] += 1
        try:
            instance.save()
            for name, pks in (deserialized.m2m_data or {}).items():
                getattr(instance, name).set(pks)
        except Exception as error:
            raise FixtureError(f"{path.name}: {describe(instance)}: {error}") from error
        saved.append((path, deserialized))
    return saved


def _validate(saved):
    for path, deserialized in saved:
        try:
            if deserialized.deferred_fields:
                deserialized.save_deferred_fields()
            deserialized.object.full_clean()
        except Exception as error:
            message = describe_error(error) if isinstance(error, ValidationError) else error
            raise FixtureError(f"{path.name}: {describe(deserialized.object)}: {message}") from error


# What a revision of each entry takes along, fetched with it rather than row by row.
PREFETCH = {
    "relations.event": ["citations__source"],
    "relations.mission": ["citations__source"],
    "relations.envoy": ["citations__source", "appointments__citations__source"],
    "relations.agreement": ["citations__source", "ratifications"],
}


def _entries(keys):
    """The entries ``keys`` that exist, in a stable order, with what their revisions take along."""
    entries = []
    for model_label in sorted({model_label for model_label, _ in keys}):
        model = apps.get_model(model_label)
        pks = sorted(pk for label, pk in keys if label == model_label)
        found = model._base_manager.prefetch_related(*PREFETCH.get(model_label, ())).in_bulk(pks)
        entries.extend(found[pk] for pk in pks if pk in found)
    return entries


def _check_published_entries_are_cited():
    for model in ENTRY_MODELS:
        uncited = model.objects.published().filter(citations__isnull=True).first()
        if uncited:
            name = next((n for n, labels in FIXTURE_FILES if model._meta.label_lower in labels), "fixtures")
            raise FixtureError(
                f"{name}: {describe(uncited)} is published but has no citation: "
                "cite a source for it or make it a draft."
            )


# Writing ------------------------------------------------------------------------------------


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
    """
    Write every fixture file from the database; return the paths that changed.

    What is exported is the content from then on: every entry's loaded state becomes what
    the database holds, so that the edits exported are no longer edits to protect.
    """
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
    with transaction.atomic():
        baselines.LoadedStates().remember(baselines.contents())
    return changed
