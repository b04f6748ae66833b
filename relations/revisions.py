"""
Recording revisions of the record: every save of an entry is kept, with its citations.

One revision holds one entry with its parts: its citations, an envoy's appointments (and
their citations), an agreement's ratifications. Reverting it restores the entry exactly as
it was and touches no other entry, however the revision was made: one that recorded several
entries is split into one for each. The admin records a revision for each save; commands
and imports record theirs by saving inside ``recording()``.

django-reversion stores the revisions; this module says what belongs together. How two
versions differ is in ``comparison``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

import reversion
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from reversion.models import Revision, Version

from .models import (
    EDITED_MODELS,
    PART_MODELS,
    Agreement,
    Appointment,
    Citation,
    Country,
    Envoy,
    Event,
    Mission,
    Ratification,
)

# A part of an entry, and the field that points to the entry (or part) it belongs to.
PARENT_FIELDS = {Citation: "entry", Appointment: "envoy", Ratification: "agreement"}

# The parts each model's rows hold, by relation: what a version of the row takes along.
PART_RELATIONS = {
    Event: ["citations"],
    Mission: ["citations"],
    Envoy: ["citations", "appointments"],
    Agreement: ["citations", "ratifications"],
    Appointment: ["citations"],
}

# What each model's versions take along: its parts, and for a part what it belongs to, so
# that a revision that saves only a citation still records the whole entry.
FOLLOW = {
    model: [*PART_RELATIONS.get(model, []), *([PARENT_FIELDS[model]] if model in PARENT_FIELDS else [])]
    for model in [*EDITED_MODELS, *PART_MODELS, Country]
}


def register():
    """Register every model of the record with django-reversion; called when the app is ready."""
    for model, follow in FOLLOW.items():
        # The admin, ready before this app, registers what it finds unregistered with only
        # its inlines to follow: these rules replace that.
        if reversion.is_registered(model):
            reversion.unregister(model)
        # What the database derives from the other fields is not part of a version.
        derived = [field.name for field in model._meta.concrete_fields if field.generated]
        reversion.register(model, follow=follow, exclude=derived)


def parts_now(entry):
    """Every part ``entry`` holds in the database now, its parts' parts included."""
    found = []
    for name in PART_RELATIONS.get(type(entry), []):
        for part in getattr(entry, name).all():
            found.append(part)
            found.extend(parts_now(part))
    return found


def parent_key(obj):
    """Return (model, primary key) of what the part ``obj`` belongs to, read from its own fields."""
    link = type(obj)._meta.get_field(PARENT_FIELDS[type(obj)])
    if isinstance(link, GenericForeignKey):
        content_type_id = getattr(obj, type(obj)._meta.get_field(link.ct_field).attname)
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return (model, str(getattr(obj, link.fk_field)))
    return (link.related_model, str(getattr(obj, link.attname)))


def entry_key(key, versions=None):
    """
    Return (model, primary key) of the entry that the row ``key`` is, or is part of.

    Each step up reads what a part belongs to from its version in ``versions`` (a mapping
    by key), or else from the database.
    """
    seen = set()
    while key[0] in PARENT_FIELDS and key not in seen:
        seen.add(key)
        version = (versions or {}).get(key)
        obj = version._object_version.object if version else key[0]._base_manager.filter(pk=key[1]).first()
        if obj is None:
            break
        key = parent_key(obj)
    return key


def one_revision_per_entry(sender, revision, versions, **kwargs):
    """
    Split a revision that recorded several entries into one revision for each entry.

    Reverting a revision reverts everything in it, so a revision of a whole import would
    take every entry of the import back. Split, each keeps the revision's date, user and
    comment, and reverting one entry touches no other. Connected to reversion's
    ``post_revision_commit`` when the app is ready.
    """
    by_key = {(version._model, str(version.object_id)): version for version in versions}
    groups = {}
    for key, version in by_key.items():
        groups.setdefault(entry_key(key, by_key), []).append(version)
    if len(groups) < 2:
        return
    using = revision._state.db
    ordered = sorted(groups, key=lambda key: (key[0]._meta.label, key[1]))
    for key in ordered[1:]:
        own = Revision.objects.using(using).create(
            date_created=revision.date_created, user=revision.user, comment=revision.comment
        )
        Version.objects.using(using).filter(pk__in=[version.pk for version in groups[key]]).update(
            revision=own
        )


def entries_of(objects):
    """The entries, still in the database, that ``objects`` are or belong to, in a stable order."""
    keys = set()
    for obj in objects:
        keys.add(entry_key(parent_key(obj)) if type(obj) in PARENT_FIELDS else (type(obj), str(obj.pk)))
    entries = []
    for model in sorted({key[0] for key in keys}, key=lambda model: model._meta.label):
        found = model._base_manager.in_bulk([pk for key_model, pk in keys if key_model is model])
        entries.extend(found[pk] for pk in sorted(found, key=str))
    return entries


def record(entries, comment, user=None):
    """
    Record a revision of each of ``entries`` as it is now, with its parts.

    Inside an open revision, the entries join it, and are recorded when it closes if they
    still exist then; outside, they are recorded at once.
    """
    if reversion.is_active():
        for entry in entries:
            reversion.add_to_revision(entry)
        return
    with reversion.create_revision():
        reversion.set_comment(comment)
        if user is not None:
            reversion.set_user(user)
        for entry in entries:
            reversion.add_to_revision(entry)


_parts_deleted_in_block = ContextVar("relations_parts_deleted_in_block", default=None)


def note_deleted_part(sender, instance, **kwargs):
    """Note a part deleted inside ``recording()``, so that its entry is recorded without it."""
    deleted = _parts_deleted_in_block.get()
    if deleted is not None and sender in PARENT_FIELDS:
        deleted.append(instance)


@contextmanager
def recording(comment, user=None):
    """
    Record what the block saves as revisions with ``comment``: one for each entry it changes.

    For management commands and imports; the block runs in one transaction. Reversion records
    every row saved; an entry whose citation (appointment, ratification) the block deletes is
    recorded too, without it. A block that saves nothing records nothing. Inside an admin view,
    whose revision is already open, the block just runs.
    """
    if reversion.is_active():
        yield
        return
    deleted_from = []
    token = _parts_deleted_in_block.set(deleted_from)
    try:
        with reversion.create_revision():
            reversion.set_comment(comment)
            if user is not None:
                reversion.set_user(user)
            yield
            for entry in entries_of(deleted_from):
                reversion.add_to_revision(entry)
    finally:
        _parts_deleted_in_block.reset(token)


def versions_of(obj):
    """The versions of an entry, newest first."""
    return Version.objects.get_for_object(obj).select_related("revision__user")


def latest_version(obj):
    return versions_of(obj).first()
