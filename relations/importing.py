"""
Bringing content from outside datasets into the database, the same way every time.

An ``Importer`` creates or updates rows so that they hold exactly the values a dataset
gives, validates each one with ``full_clean()``, and saves nothing that is already equal:
running the same import twice changes nothing the second time. It keeps a log of every
change (the record it comes from, the row, each field old → new) for the report and for a
dry run.

Outside data never overwrites an editor: before it first changes an entry, the importer
asks whether an editor changed the entry since it was last loaded, imported or exported
(``relations.baselines``). If so, the entry is left as the editor made it and the change
the data would make is reported instead, unless the import was told to overwrite.

Citations are matched by what they cite (entry, source, locator without its commit,
claim; or the same passage cited for another claim), never by their note number, so
citations that editors or other imports added to the same entry are left exactly as they
are, and new ones are numbered after them.
"""

import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from . import baselines
from .fixtures import LoadReport, describe_error
from .models import Citation, Entry
from .models.base import content_now


class DataError(Exception):
    """A record that cannot be imported, named by its file and its id."""


# "HistoryAtState/pocom@<commit>, ...": a citation stays the same citation when the commit
# it was read at changes.
_COMMIT_IN_LOCATOR = re.compile(r"@[0-9a-f]{40}")


def without_commit(locator):
    return _COMMIT_IN_LOCATOR.sub("", locator)


@dataclass
class Change:
    """One row created, changed or deleted, and the record of the data it comes from."""

    record: str
    what: str
    fields: list = field(default_factory=list)  # (name, old, new)

    def lines(self):
        yield f"{self.record}: {self.what}" if self.record else self.what
        for name, old, new in self.fields:
            old, new = baselines.shortened(old, new)
            yield f"    {name}: {old or '(empty)'} → {new or '(empty)'}"


def _shown(value):
    if isinstance(value, models.Model):
        return str(value.pk)
    if value in (None, ""):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | set | tuple):
        return ", ".join(sorted(str(item.pk if isinstance(item, models.Model) else item) for item in value))
    return str(value)


class Importer:
    """Create-or-update helpers that log what they change and leave editors' work alone."""

    NOTE_FIELDS = {"editorial_note"}

    def __init__(self, overwrite=False):
        self.overwrite = overwrite
        self.report = LoadReport()
        self.matched = set()  # the citations this import has matched to a record
        self.changes = defaultdict(list)  # repository: [Change]
        self.repository, self.where = "", ""
        self.states = baselines.LoadedStates()
        self.before = baselines.contents()
        self.states.dated_revisions(list(self.before))
        self.verdicts = {}  # entry key: Kept for an edited entry, None for one nobody edited
        self.touched = set()
        # The entries this import makes (creates or keeps up to date), by entry key: only their
        # citations are its own to prune; the citations of other entries are editors'.
        self.owned = set()

    # Where a change comes from ----------------------------------------------------------------

    @contextmanager
    def record(self, repository, path, record_id):
        """
        Name ``repository``, ``path`` and ``record_id`` in the log of what is changed while
        importing the record, and in any error raised.
        """
        previous = self.repository, self.where
        self.repository, self.where = repository, f"{path}, {record_id}" if path else record_id
        try:
            yield
        except DataError:
            raise
        except ValidationError as error:
            raise DataError(f"{repository}/{path}, record {record_id}: {describe_error(error)}") from error
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DataError(f"{repository}/{path}, record {record_id}: cannot be read ({error!r})") from error
        finally:
            self.repository, self.where = previous

    def _log(self, what, fields=()):
        self.changes[self.repository].append(Change(self.where, what, list(fields)))

    def _count(self, model, outcome):
        getattr(self.report, outcome)[model._meta.label_lower] += 1

    # Editors' work -------------------------------------------------------------------------------

    def allowed(self, key, incoming):
        """
        Whether the import may change the entry ``key``; ``incoming`` says what it would
        change. An edited entry is kept (and reported once) unless the import overwrites.
        """
        if key not in self.verdicts:
            current = self.before.get(key)
            edited = self.states.is_edited(key, current)
            self.verdicts[key] = baselines.Kept(self.states.edit(key, current)) if edited else None
            if edited:
                (self.report.discarded if self.overwrite else self.report.kept).append(self.verdicts[key])
        kept = self.verdicts[key]
        if kept is None:
            self.touched.add(key)
            return True
        kept.incoming.extend(incoming)
        if self.overwrite:
            self.touched.add(key)
        return self.overwrite

    # Rows -----------------------------------------------------------------------------------------

    def get_or_create(self, model, pk, defaults):
        """Return the ``model`` row ``pk``, creating it from ``defaults`` if it does not exist."""
        instance = model._default_manager.filter(pk=pk).first()
        if instance is not None:
            self._count(model, "unchanged")
            return instance
        instance = model(pk=pk, **defaults)
        key = baselines.owner(instance)
        if not self.allowed(key, [f"{model._meta.label_lower} “{pk}” added"]):
            return instance
        instance.full_clean()
        instance.save()
        self._count(model, "created")
        self._log(f"created {model._meta.label_lower} “{pk}”")
        return instance

    def upsert(self, model, pk, values, *, on_create=None, m2m=None):
        """
        Create or update the ``model`` row ``pk`` so that it holds ``values``, and return it.

        ``on_create`` values are set on a new row only: they belong to the editors afterwards
        (the publication state, for one). ``m2m`` maps many-to-many fields to the complete
        list of related rows. Fields not named are never touched. An editorial note is
        filled in when empty, never replaced or blanked.
        """
        instance = model._default_manager.filter(pk=pk).first()
        created = instance is None
        if created:
            instance = model(pk=pk, **(on_create or {}))
        self.owned.add(baselines.owner(instance))
        changed_fields = []
        for name, value in values.items():
            if not created and name in self.NOTE_FIELDS and (getattr(instance, name) or not value):
                continue
            old = comparable(instance, name)
            if created or old != comparable_value(value):
                changed_fields.append(
                    (name, _shown(None if created else getattr(instance, name)), _shown(value))
                )
                setattr(instance, name, value)
        m2m_changes = {}
        for name, related in (m2m or {}).items():
            wanted = {obj.pk for obj in related}
            current = set() if created else set(getattr(instance, name).values_list("pk", flat=True))
            if wanted != current:
                m2m_changes[name] = sorted(wanted)
                changed_fields.append((name, _shown(current), _shown(wanted)))
        if not created and not changed_fields:
            self._count(model, "unchanged")
            return instance
        label = f"{model._meta.label_lower} “{pk}”"
        key = baselines.owner(instance)
        what = [f"{label} added"] if created else [f"{label}: {name}" for name, _, _ in changed_fields]
        if not self.allowed(key, what):
            return instance if created else model._default_manager.get(pk=pk)
        instance.full_clean()
        instance.save()
        for name, pks in m2m_changes.items():
            getattr(instance, name).set(pks)
        self._count(model, "created" if created else "updated")
        self._log(f"{'created' if created else 'changed'} {label}", [] if created else changed_fields)
        return instance

    def delete(self, instance, reason):
        """Delete an entry the data no longer hold, unless an editor changed it since."""
        label = f"{instance._meta.label_lower} “{instance.pk}”"
        if not self.allowed(baselines.owner(instance), [f"{label} deleted ({reason})"]):
            return False
        instance.delete()
        self._log(f"deleted {label} ({reason})")
        return True

    def cite(self, entry, source, locator, quotation, claim="", value=""):
        """
        Make ``source`` support ``entry`` with these words; return the citation.

        A citation with the same entry, source, locator (whatever its commit) and claim is
        updated in place; a new one is numbered after every citation the entry already has.
        """
        content_type = ContentType.objects.get_for_model(entry)
        key = {"content_type": content_type, "object_id": str(entry.pk), "source": source, "claim": claim}
        of_source = Citation.objects.filter(content_type=content_type, object_id=str(entry.pk), source=source)
        candidates = [c for c in of_source.order_by("position") if c.pk not in self.matched]
        same_claim = [c for c in candidates if c.claim == claim]
        citation = next((c for c in same_claim if without_commit(c.locator) == without_commit(locator)), None)
        if citation is None:
            # The same words from the same source for the same claim are the same citation,
            # whose record has moved or been renamed: it keeps its place among the notes.
            citation = next((c for c in same_claim if c.quotation == quotation), None)
        if citation is None:
            # The same words cited now for another claim (or for none) are still the same
            # citation: one passage, one citation, in its place among the notes.
            citation = next((c for c in candidates if c.quotation == quotation), None)
        if citation is not None:
            self.matched.add(citation.pk)
        entry_label = f"{entry._meta.label_lower} “{entry.pk}”"
        if citation is None:
            # Saving numbers it after every citation the entry has.
            citation = Citation(**key, locator=locator, quotation=quotation, value=value)
            outcome, fields = "created", []
            what = f"created a citation of {entry_label} ({without_commit(locator)})"
        elif (citation.locator, citation.quotation, citation.claim, citation.value) == (
            locator,
            quotation,
            claim,
            value,
        ):
            self._count(Citation, "unchanged")
            return citation
        else:
            fields = [
                (name, old, new)
                for name, old, new in (
                    ("locator", citation.locator, locator),
                    ("quotation", citation.quotation, quotation),
                    ("claim", citation.claim, claim),
                    ("value", citation.value, value),
                )
                if old != new
            ]
            citation.locator, citation.quotation = locator, quotation
            citation.claim, citation.value = claim, value
            outcome = "updated"
            what = f"changed citation {citation.position} of {entry_label}"
        if entry.pk is None or entry._state.adding or not self.allowed(baselines.owner(citation), [what]):
            return citation
        citation.full_clean()
        citation.save()
        self.matched.add(citation.pk)
        self._count(Citation, outcome)
        self._log(what, fields)
        return citation

    def uncited(self, sources):
        """
        Citations of ``sources`` on the entries this import makes that it did not make: left
        as they are, for an editor to review, since an editor may have added them by hand.
        Citations of the same sources on other entries are editors' own, and not listed.
        """
        citations = Citation.objects.filter(source__in=sources).select_related("content_type")
        citations = list(citations.order_by("content_type__model", "object_id", "position"))
        known = baselines.parents_of(citations)
        return [
            citation
            for citation in citations
            if citation.pk not in self.matched and baselines.owner(citation, known) in self.owned
        ]

    def prune(self, sources):
        """
        Delete the citations of ``sources`` that this import did not make, on the entries it
        makes, where nobody edited them since they were last loaded: what an earlier import
        made of records the data no longer hold, or hold elsewhere. Citations of the same
        sources on other entries were added by hand, and are left. Return the citations deleted.
        """
        pruned = []
        for citation in self.uncited(sources):
            entry_label = f"{citation.content_type.model} “{citation.object_id}”"
            what = f"deleted citation {citation.position} of {entry_label} ({citation.locator})"
            if self.allowed(baselines.owner(citation), [what]):
                citation.delete()
                self._log(what)
                self._count(Citation, "deleted")
                pruned.append(citation)
        return pruned

    def finish(self):
        """
        Date the content change of each entry the import changed, and store what the import
        leaves in each entry it changed or found unedited.
        """
        changed_at = content_now()
        for label, pk in sorted(self.touched):
            model = apps.get_model(label)
            entry = model._default_manager.filter(pk=pk).first() if issubclass(model, Entry) else None
            if entry is not None:
                entry.note_content_changed(changed_at)
        keys = self.touched | {key for key, verdict in self.verdicts.items() if verdict is None}
        current = baselines.contents(keys)
        self.states.remember(current)
        self.states.forget([key for key in keys if key not in current])


def comparable(instance, name):
    """The stored value of field ``name``: the key of a related row, not the row itself."""
    field_ = instance._meta.get_field(name)
    return getattr(instance, field_.attname if field_.is_relation else name)


def comparable_value(value):
    return value.pk if isinstance(value, models.Model) else value
