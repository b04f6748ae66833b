"""
What each entry held when it was last loaded, imported or exported, and what editors have
changed since: the rule by which outside data never overwrites an editor's work.

An entry's content is the entry with its parts (its citations, an envoy's appointments and
their citations, an agreement's ratifications), each row serialized as the fixtures write it.
After every load, import and export the content of each entry it concerned is stored as a
``LoadedState``. Outside data (the fixtures, the Office of the Historian's repositories) is
then compared three ways: with what came in, with the loaded state, and with the database
now. An entry whose content differs from its loaded state was edited since, and keeps the
editor's version unless the command is told to overwrite it; an entry nobody edited takes
the new values. An edit of one citation is an edit of the entry it belongs to.

An edit is a change that an editor's revision records: every save and deletion in the admin
is one, with the editor's name. A change made outside the admin that records no revision (a
shell, a script) is not protected. An entry with no loaded state (a database loaded before
loaded states were kept) counts as edited when its latest revision is an editor's.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from . import comparison, revisions
from .models import Citation, LoadedState

# Fields that belong to each database rather than to the content.
# Not compared: each database's own timestamps, and the date of the last content change, which
# follows from the content (an editor's edit moves it; it is no edit of its own).
UNCOMPARED = {"created", "updated", "last_changed"}

# What a loaded state is kept for: every row that is not a part of another (entries, sources,
# topics, countries).
WHOLE_MODELS = [model for model in revisions.FOLLOW if model not in revisions.PARENT_FIELDS]


def label(model):
    return model._meta.label_lower


def natural_key(obj):
    """The key a reader of the fixture files knows ``obj`` by, read from its own fields."""
    if isinstance(obj, Citation):
        content_type = ContentType.objects.get_for_id(obj.content_type_id)
        return (*content_type.natural_key(), str(obj.object_id), obj.position)
    if hasattr(obj, "natural_key"):
        return obj.natural_key()
    return (obj.pk,)


def row_key(obj):
    """``"relations.citation:relations/event/war-of-the-pacific/2"``: a row of an entry's content."""
    return f"{label(type(obj))}:{'/'.join(str(part) for part in natural_key(obj))}"


def row_name(key, entry=None):
    """
    A row key as an editor reads it: "citation 2", "citation 1 of appointment pe-1826-cool-01";
    the row of the entry ``entry`` itself is "".
    """
    model_label, _, natural = key.partition(":")
    name = model_label.split(".")[-1]
    parts = natural.split("/")
    if entry is not None and (model_label, natural) == (entry[0], str(entry[1])):
        return ""
    if model_label == label(Citation):
        of = (f"{parts[0]}.{parts[1]}", parts[2])
        owner = "" if entry is not None and of == (entry[0], str(entry[1])) else f" of {parts[1]} {parts[2]}"
        return f"{name} {parts[-1]}{owner}"
    return f"{name} {'/'.join(parts)}"


def shortened(old, new, width=60):
    """Two long texts cut to the part where they first differ, so that the change shows."""
    old, new = ("" if value in (None, "", []) else str(value) for value in (old, new))
    if len(old) <= width and len(new) <= width:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    start = max(0, start - width // 3)

    def cut(text):
        piece = text[start : start + width]
        return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")

    return cut(old), cut(new)


def owner(obj, known=None):
    """
    Return (model label, primary key) of the entry that ``obj`` is or belongs to.

    A part's parent is looked up in ``known`` (unsaved rows by (model, primary key)) first,
    then in the database.
    """
    seen = set()
    while type(obj) in revisions.PARENT_FIELDS:
        model, pk = revisions.parent_key(obj)
        if model not in revisions.PARENT_FIELDS or (model, pk) in seen:
            return (label(model), pk)
        seen.add((model, pk))
        parent = (known or {}).get((model, pk)) or model._base_manager.filter(pk=pk).first()
        if parent is None:
            return (label(model), pk)
        obj = parent
    return (label(type(obj)), str(obj.pk))


def parents_of(parts):
    """
    The saved rows that ``parts`` belong to and that are parts themselves (a citation's
    appointment), by (model, primary key) as ``owner`` takes them in ``known``: one query
    for each model, however many parts.
    """
    wanted = {}
    for part in parts:
        model, pk = revisions.parent_key(part)
        if model in revisions.PARENT_FIELDS:
            wanted.setdefault(model, set()).add(pk)
    return {
        (model, str(pk)): row
        for model, pks in wanted.items()
        for pk, row in model._base_manager.in_bulk(list(pks)).items()
    }


def _rows(objects):
    """Serialize ``objects`` as the fixtures do; return (object, fields) pairs."""
    objects = list(objects)
    data = serializers.serialize("python", objects, use_natural_foreign_keys=True)
    pairs = []
    for obj, item in zip(objects, data, strict=True):
        derived = {field.name for field in type(obj)._meta.concrete_fields if field.generated}
        fields = {name: value for name, value in item["fields"].items() if name not in UNCOMPARED | derived}
        for name in [f.name for f in type(obj)._meta.many_to_many]:
            fields[name] = sorted(fields.get(name, []), key=str)
        pairs.append((obj, json.loads(json.dumps(fields, cls=DjangoJSONEncoder))))
    return pairs


def parts_of(parents):
    """The rows that belong to ``parents`` ({model: primary keys}), parts of parts included."""
    found, level = [], parents
    while level:
        next_level = defaultdict(set)
        for part_model, link_name in revisions.PARENT_FIELDS.items():
            link = part_model._meta.get_field(link_name)
            for parent_model, pks in level.items():
                if isinstance(link, GenericForeignKey):
                    content_type = ContentType.objects.get_for_model(parent_model)
                    lookup = {link.ct_field: content_type, f"{link.fk_field}__in": [str(pk) for pk in pks]}
                elif link.related_model is parent_model:
                    lookup = {f"{link.name}__in": pks}
                else:
                    continue
                queryset = part_model._base_manager.filter(**lookup)
                if part_model is Citation:
                    queryset = queryset.select_related("content_type")
                for part in queryset:
                    found.append(part)
                    next_level[part_model].add(part.pk)
        level = {model: pks for model, pks in next_level.items() if model in _parent_models()}
    return found


def _parent_models():
    return {
        link.related_model
        for model, name in revisions.PARENT_FIELDS.items()
        if not isinstance(link := model._meta.get_field(name), GenericForeignKey)
    }


def contents(keys=None):
    """
    Return {entry key: content} for the entries ``keys`` (every entry when None), as the
    database holds them now; an entry that does not exist is left out.
    """
    wanted = defaultdict(set)
    for model_label, pk in keys or ():
        wanted[model_label].add(str(pk))
    entries, parents = [], defaultdict(set)
    for model in WHOLE_MODELS:
        queryset = model._base_manager.all()
        if keys is not None:
            if not wanted[label(model)]:
                continue
            queryset = queryset.filter(pk__in=wanted[label(model)])
        queryset = queryset.prefetch_related(*[f.name for f in model._meta.many_to_many])
        for entry in queryset:
            entries.append(entry)
            parents[model].add(entry.pk)
    result = defaultdict(dict)
    for entry, fields in _rows(entries):
        result[owner(entry)][row_key(entry)] = fields
    parts = parts_of(parents)
    known = {(type(part), str(part.pk)): part for part in parts}
    for part, fields in _rows(parts):
        result[owner(part, known)][row_key(part)] = fields
    return dict(result)


def differences(before, after, entry=None):
    """
    What differs between two contents of one entry, as an editor reads it: "title",
    "citation 3: quotation", "citation 5 added".
    """
    before, after = before or {}, after or {}
    changes = []
    for key in sorted(set(before) | set(after), key=lambda key: (bool(row_name(key, entry)), key)):
        name = row_name(key, entry)
        if key not in before:
            changes.append(_("%(row)s added") % {"row": name})
        elif key not in after:
            changes.append(_("%(row)s removed") % {"row": name})
        else:
            names = [field for field in after[key] if before[key].get(field) != after[key][field]]
            if names:
                changes.append(f"{name}: {', '.join(names)}" if name else ", ".join(names))
    return changes


@dataclass
class Edit:
    """An entry changed in the database since it was last loaded, imported or exported."""

    key: tuple
    changes: list
    by: str

    def __str__(self):
        what = "; ".join(self.changes) or _("changed")
        return f"{self.key[0]} “{self.key[1]}”: {what} ({self.by})"


@dataclass
class Kept:
    """An edit left as the editor made it, and what the outside data would have changed."""

    edit: Edit
    incoming: list = field(default_factory=list)


class LoadedStates:
    """The loaded state of entries, read once, and the verdict on each: edited or not."""

    def __init__(self, keys=None):
        states = LoadedState.objects.all()
        if keys is not None:
            states = states.filter(object_id__in={str(pk) for _, pk in keys})
        self.stored, self.recorded = {}, {}
        self.revisions = {}  # entry key: [(date, user id)], newest first, once looked up
        for state in states:
            self.stored[(state.model, state.object_id)] = state.content
            self.recorded[(state.model, state.object_id)] = state.recorded

    def is_edited(self, key, current):
        """
        Whether the entry ``key``, whose content is now ``current`` (None: deleted), was
        edited since it was last loaded, imported or exported.

        An edit is a change of content that an editor's revision (one saved by a user, as
        every admin save and deletion is) recorded after the loaded state; without a loaded
        state, an entry whose latest revision is an editor's counts as edited.
        """
        if key in self.stored:
            return self.stored[key] != current and self.editors_revision(key) is not None
        dated = self.dated_revisions([key])[key]
        return bool(dated) and dated[0][1] is not None

    def dated_revisions(self, keys):
        """The (date, user id) of each revision of the entries ``keys``, newest first, by key."""
        wanted = [key for key in keys if key not in self.revisions]
        by_model = defaultdict(list)
        for model_label, pk in wanted:
            by_model[model_label].append(str(pk))
        for model_label, pks in by_model.items():
            content_type = ContentType.objects.get_for_model(apps.get_model(model_label))
            rows = (
                Version.objects.filter(content_type=content_type, object_id__in=pks)
                .order_by("-revision__date_created", "-pk")
                .values_list("object_id", "revision__date_created", "revision__user")
            )
            for pk in pks:
                self.revisions[(model_label, pk)] = []
            for object_id, date, user in rows:
                self.revisions[(model_label, object_id)].append((date, user))
        return {key: self.revisions.get(key, []) for key in keys}

    def editors_revision(self, key):
        """The latest revision an editor saved of the entry since its loaded state, or None."""
        since = self.recorded.get(key)
        for date, user in self.dated_revisions([key])[key]:
            if user is not None and (since is None or date > since):
                return (
                    Version.objects.get_for_object_reference(apps.get_model(key[0]), key[1])
                    .filter(revision__date_created=date, revision__user=user)
                    .select_related("revision__user")
                    .first()
                    .revision
                )
        return None

    def edit(self, key, current):
        """Describe how an edited entry differs from its loaded state, and who changed it."""
        if key in self.stored:
            changes = differences(self.stored[key], current, key) if current else [_("deleted")]
        else:
            changes = [_("changed, with no record of what was last loaded")]
        revision = self.editors_revision(key)
        by = comparison.describe_revision(revision) if revision else _("no revision says who")
        return Edit(key, changes, by)

    def remember(self, current):
        """Store ``current`` ({entry key: content}) as the entries' loaded state."""
        changed = {key: content for key, content in current.items() if self.stored.get(key) != content}
        if not changed:
            return
        by_model = defaultdict(list)
        for model_label, pk in changed:
            by_model[model_label].append(pk)
        for model_label, pks in by_model.items():
            LoadedState.objects.filter(model=model_label, object_id__in=pks).delete()
        now = timezone.now()
        LoadedState.objects.bulk_create(
            LoadedState(model=key[0], object_id=key[1], content=content, recorded=now)
            for key, content in changed.items()
        )
        self.stored.update(changed)
        self.recorded.update(dict.fromkeys(changed, now))

    def forget(self, keys):
        """Drop the loaded state of entries that no longer exist."""
        for model_label, pk in keys:
            LoadedState.objects.filter(model=model_label, object_id=pk).delete()
            self.stored.pop((model_label, pk), None)
            self.recorded.pop((model_label, pk), None)
