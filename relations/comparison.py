"""
How two versions of an entry differ, field by field and part by part, as editors read it,
and who made a revision.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .revisions import PARENT_FIELDS, parent_key

# Never shown as a change: they change on every save (an entry's content is dated anew with
# each change of it, which the comparison itself shows).
UNCOMPARED_FIELDS = {"created", "updated", "last_changed"}


def describe_revision(revision):
    """ "alice on 3 May 2025, 14:02 (“Changed title.”)": who saved a revision, when, and why."""
    user = revision.user
    who = (user.get_full_name() or user.get_username()) if user else _("a command or import (no user)")
    when = localize(template_localtime(revision.date_created))
    comment = revision.get_comment()
    if comment:
        return _("%(who)s on %(when)s (“%(comment)s”)") % {"who": who, "when": when, "comment": comment}
    return _("%(who)s on %(when)s") % {"who": who, "when": when}


# Comparing two versions of an entry.


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str

    @property
    def marked(self):
        """The old and the new text, with what was removed and what was added marked up."""
        return word_diff(self.old, self.new)


ADDED, CHANGED, REMOVED = "added", "changed", "removed"
KINDS = (ADDED, CHANGED, REMOVED)


def part_heading(kind, part, label):
    """ "Citation added: [1] …": one part's change, in words that a translation can reorder."""
    values = {"part": part, "label": label}
    if kind == ADDED:
        return _("%(part)s added: %(label)s") % values
    if kind == CHANGED:
        return _("%(part)s changed: %(label)s") % values
    return _("%(part)s removed: %(label)s") % values


def part_count(kind, count):
    """ "2 added": how many parts had one kind of change, with the plural the language needs."""
    if kind == ADDED:
        return ngettext("%(count)d added", "%(count)d added", count) % {"count": count}
    if kind == CHANGED:
        return ngettext("%(count)d changed", "%(count)d changed", count) % {"count": count}
    return ngettext("%(count)d removed", "%(count)d removed", count) % {"count": count}


@dataclass
class PartChange:
    """A citation (or appointment, ratification) added, removed or changed."""

    kind: str
    model: type
    label: str
    changes: list = field(default_factory=list)

    @property
    def heading(self):
        return part_heading(self.kind, capfirst(self.model._meta.verbose_name), self.label)


@dataclass
class Comparison:
    model: type
    fields: list
    parts: list

    def __bool__(self):
        return bool(self.fields or self.parts)

    def summary(self):
        """The changes in a few words: "title, summary; citations: 1 added, 1 changed"."""
        pieces = []
        if self.fields:
            pieces.append(", ".join(str(change.label) for change in self.fields))
        by_model = {}
        for part in self.parts:
            by_model.setdefault(part.model, []).append(part.kind)
        for model, kinds in by_model.items():
            counts = ", ".join(part_count(kind, kinds.count(kind)) for kind in KINDS if kind in kinds)
            pieces.append(f"{model._meta.verbose_name_plural}: {counts}")
        return "; ".join(pieces)


def compare(old_version, new_version):
    """What changed in an entry, with its parts, from one of its versions to another."""
    model = old_version._model
    old_parts, new_parts = parts_of(old_version), parts_of(new_version)
    part_changes = []
    for key in sorted(set(old_parts) | set(new_parts), key=lambda key: (key[0]._meta.label, key[1])):
        part_model = key[0]
        old, new = old_parts.get(key), new_parts.get(key)
        if old is None:
            part_changes.append(
                PartChange(ADDED, part_model, new.object_repr, field_changes(part_model, {}, new))
            )
        elif new is None:
            part_changes.append(
                PartChange(REMOVED, part_model, old.object_repr, field_changes(part_model, old, {}))
            )
        else:
            changes = field_changes(part_model, old, new)
            if changes:
                part_changes.append(PartChange(CHANGED, part_model, new.object_repr, changes))
    return Comparison(model, field_changes(model, old_version, new_version), part_changes)


def parts_of(version):
    """
    The versions of the parts of ``version``'s entry held in the same revision, by key.

    The key is (model, primary key). A part belongs to the entry when the chain of what it
    belongs to, as the revision recorded it, leads to the entry.
    """
    entry_key = (version._model, str(version.object_id))
    in_revision = {
        (other._model, str(other.object_id)): other
        for other in version.revision.version_set.select_related("content_type")
    }
    parts = {}
    for key, other in in_revision.items():
        if key[0] not in PARENT_FIELDS:
            continue
        current, seen = other, set()
        while current is not None and (current._model, str(current.object_id)) not in seen:
            seen.add((current._model, str(current.object_id)))
            recorded_parent = parent_key(current._object_version.object)
            if recorded_parent == entry_key:
                parts[key] = other
                break
            current = in_revision.get(recorded_parent)
    return parts


def _compared_fields(model):
    hidden = set(UNCOMPARED_FIELDS)
    link_name = PARENT_FIELDS.get(model)
    if link_name:
        link = model._meta.get_field(link_name)
        if isinstance(link, GenericForeignKey):
            hidden |= {link.ct_field, link.fk_field}
        else:
            hidden.add(link.name)
    return [
        model_field
        for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if model_field.name not in hidden
        and not model_field.generated
        and not (model_field.primary_key and model_field.auto_created)
    ]


def field_changes(model, old, new):
    """The fields that differ between two versions (or {} for none) of one ``model`` row."""
    old_values = old.field_dict if old else {}
    new_values = new.field_dict if new else {}
    changes = []
    for model_field in _compared_fields(model):
        before = display(model_field, old_values.get(model_field.attname))
        after = display(model_field, new_values.get(model_field.attname))
        if before != after:
            label = str(model_field.verbose_name)
            changes.append(FieldChange(model_field.name, label[:1].upper() + label[1:], before, after))
    return changes


def display(model_field, value):
    """A stored value as an editor reads it: choices by label, related rows by name."""
    if value is None or value == "" or value == []:
        return ""
    if model_field.many_to_many:
        related = model_field.related_model._base_manager.in_bulk(value)
        return "; ".join(sorted(str(related.get(pk, pk)) for pk in value))
    if model_field.many_to_one:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.DateTimeField):
        return localize(template_localtime(value))
    return str(value)


_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def word_diff(old, new):
    """Return (old, new) as HTML, with the words removed in <del> and those added in <ins>."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    marked_old, marked_new = [], []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(before[old_start:old_end]))
        added = escape("".join(after[new_start:new_end]))
        if tag == "equal":
            marked_old.append(removed)
            marked_new.append(added)
            continue
        if removed:
            marked_old.append(f"<del>{removed}</del>")
        if added:
            marked_new.append(f"<ins>{added}</ins>")
    return mark_safe("".join(marked_old)), mark_safe("".join(marked_new))
