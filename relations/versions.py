"""
Stored versions of an entry, as the public may read them: the page of an entry as one of its
versions holds it, at a permanent address (``/events/<slug>/versions/<id>/``) that keeps
showing that version however the entry changes later.

A version (django-reversion's) holds the entry's own fields and its parts: its citations, an
envoy's appointments and their citations, an agreement's ratifications. What other entries
say of it (the events that involve it, the posts that grew from it) is shown as it is now.
Only a version that was published, of an entry still published, is shown.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.http import Http404
from reversion.models import Version

from .models import Agreement, Appointment, Citation, Envoy, Event, Ratification

# The parts each kind of entry keeps in its versions: the relation that holds them, their
# model and the field by which each names its entry.
PARTS = {
    Envoy: ("appointments", Appointment, "envoy_id"),
    Agreement: ("ratifications", Ratification, "agreement_id"),
}

# What each part's row on the page needs besides its citations.
PART_LOOKUPS = {Envoy: ["mission__host_country"]}

# Relations to other rows that a version records as a list of keys: the rows as they are now.
RELATED = {Event: ["topics", "envoys", "missions", "agreements"], Agreement: ["parties", "topics"]}


def cache_related(obj, name, items):
    """Give ``obj``'s relation ``name`` these ``items``, as prefetch_related does, with no query."""
    queryset = getattr(obj, name).get_queryset()
    queryset._result_cache = list(items)
    queryset._prefetch_done = True
    obj._prefetched_objects_cache[name] = queryset


def stored_last_changed(version):
    """When the content had last changed, as ``version`` says (or, before it said, its own date)."""
    fields = json.loads(version.serialized_data)[0]["fields"]
    if "last_changed" in fields:
        return version._object_version.object.last_changed
    return version.revision.date_created.replace(microsecond=0)


def entry_as_of(version, lookups=()):
    """
    The entry as ``version`` holds it, with its parts and their citations in place, and the
    ``lookups`` of its page (``prefetch_related``) done for the rest.
    """
    entry = version._object_version.object
    entry.last_changed = stored_last_changed(version)
    stored = [other._object_version.object for other in version.revision.version_set.all()]
    parts = []
    if type(entry) in PARTS:
        name, model, entry_field = PARTS[type(entry)]
        parts = [obj for obj in stored if type(obj) is model and getattr(obj, entry_field) == entry.pk]
    citations = [obj for obj in stored if isinstance(obj, Citation)]
    for owner in [entry, *parts]:
        owner._prefetched_objects_cache = {}
        owner_type = ContentType.objects.get_for_model(owner)
        own = [c for c in citations if c.content_type_id == owner_type.pk and c.object_id == str(owner.pk)]
        cache_related(owner, "citations", sorted(own, key=lambda citation: citation.position))
    if type(entry) in PARTS:
        cache_related(entry, PARTS[type(entry)][0], parts)
    related = version._object_version.m2m_data or {}
    for name in RELATED.get(type(entry), []):
        model = type(entry)._meta.get_field(name).related_model
        rows = model._default_manager.filter(pk__in=related.get(name, []))
        cache_related(entry, name, rows.published() if hasattr(rows, "published") else rows)
    prefetch_related_objects([entry, *parts], "citations__source")
    prefetch_related_objects([entry], *lookups)
    prefetch_related_objects(parts, *PART_LOOKUPS.get(type(entry), []))
    return entry


def published_version(model, slug, version_id):
    """The version ``version_id`` of the published entry ``slug``, if that version was published; else 404."""
    if not model.objects.published().filter(pk=slug).exists():
        raise Http404("No such entry.")
    version = (
        Version.objects.get_for_object_reference(model, slug)
        .select_related("revision")
        .filter(pk=version_id)
        .first()
    )
    if version is None or not version._object_version.object.is_published():
        raise Http404("No such version of this entry.")
    return version


class VersionMixin:
    """A detail view of one stored version of an entry, read-only, at its permanent address."""

    def get_object(self, queryset=None):
        self.version = published_version(self.model, self.kwargs["slug"], self.kwargs["version_id"])
        # The page's own lookups, for what the version does not hold.
        lookups = (queryset if queryset is not None else self.get_queryset())._prefetch_related_lookups
        return entry_as_of(self.version, lookups)

    def shown_version(self):
        return self.version

    def get_template_names(self):
        return [f"relations/{self.model._meta.model_name}_detail.html"]


def version_view(detail_view):
    """The view of the stored versions of the entries that ``detail_view`` shows."""
    return type(f"{detail_view.__name__.removesuffix('View')}VersionView", (VersionMixin, detail_view), {})
