"""
When an entry's content changed: an editor's save that changes an entry, or one of its parts,
dates the entry's ``last_changed``, which the home page, the feed and the sitemap show.

A save that changes nothing (the form sent back as served) leaves the date alone; a revert or
a recovery changes the content to an earlier version's, so it counts as a change made now, not
as the date that version was first saved.
"""

from ..models import Entry
from ..revisions import PARENT_FIELDS

# The admin views that restore an earlier version before showing it as a change form.
RESTORING_VIEWS = ("_revision", "_recover")


def entry_of(obj):
    """The entry that ``obj`` is, or is part of (an appointment's envoy); None for a source or a topic."""
    while type(obj) in PARENT_FIELDS and obj is not None:
        obj = getattr(obj, PARENT_FIELDS[type(obj)])
    return obj if isinstance(obj, Entry) else None


def restores_a_version(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name.endswith(RESTORING_VIEWS))


class ContentChangeMixin:
    """Date the content change of the entry an admin saves, or whose part it saves or deletes."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = (
            not change
            or form.has_changed()
            or any(formset.has_changed() for formset in formsets)
            or restores_a_version(request)
        )
        entry = entry_of(form.instance)
        if changed and entry is not None:
            # Saved again inside the admin's revision, so that the version recorded carries the date.
            entry.note_content_changed()

    def delete_model(self, request, obj):
        entry = entry_of(obj)
        super().delete_model(request, obj)
        if entry is not None and entry is not obj:
            entry.note_content_changed()

    def delete_queryset(self, request, queryset):
        entries = {(type(entry), entry.pk): entry for entry in map(entry_of, queryset) if entry is not None}
        super().delete_queryset(request, queryset)
        for entry in entries.values():
            if type(entry) is not self.model:
                entry.note_content_changed()
